import type { Metadata } from '@roster/core';
import { changeMembershipRole } from '@roster/core';
import { useRosterContext } from './roster-context';
import type { MembershipMutationOptions, MembershipMutationResult } from './use-membership-mutation';
import { useMembershipMutation } from './use-membership-mutation';
import { useOrganizationRoles } from './use-organization-roles';

/** What `trigger` of {@link useUpdateMembershipRole} takes. */
export interface UpdateMembershipRoleArgs {
  /** The member whose role to change. */
  userId: string;
  /** The new role key, e.g. `org:admin`. */
  role: string;
}

/** Options of {@link useUpdateMembershipRole}: callbacks for the outcome of each `trigger`. */
export type UseUpdateMembershipRoleOptions<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipMutationOptions<TPublic, TPrivate>;

/** What {@link useUpdateMembershipRole} returns. */
export type UseUpdateMembershipRoleResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipMutationResult<UpdateMembershipRoleArgs, TPublic, TPrivate>;

/**
 * Changes a member's role, optimistically: every cached view of the organization shows the new
 * role (with its name and permissions when the roles are known) as soon as `trigger` is called; a
 * view filtered by role drops the member if the new role is outside its filter.
 */
export function useUpdateMembershipRole<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(
  organizationId: string,
  options: UseUpdateMembershipRoleOptions<TPublic, TPrivate> = {},
): UseUpdateMembershipRoleResult<TPublic, TPrivate> {
  const { cache } = useRosterContext('useUpdateMembershipRole');
  const roles = useOrganizationRoles().data;
  return useMembershipMutation(
    (args: UpdateMembershipRoleArgs, onSettled) =>
      changeMembershipRole(cache, { organizationId, ...args }, roles, { onSettled }),
    options,
  );
}
