import type { Metadata } from '@roster/core';
import { createMembership } from '@roster/core';
import { useRosterContext } from './roster-context';
import type { MembershipMutationOptions, MembershipMutationResult } from './use-membership-mutation';
import { useMembershipMutation } from './use-membership-mutation';

/** What `trigger` of {@link useCreateMembership} takes. */
export interface CreateMembershipArgs<TPublic extends Metadata = Metadata> {
  /** The user to add to the organization. */
  userId: string;
  /** The role key, e.g. `org:member`. */
  role: string;
  /** The new membership's public metadata. */
  publicMetadata?: TPublic | undefined;
}

/** Options of {@link useCreateMembership}: callbacks for the outcome of each `trigger`. */
export type UseCreateMembershipOptions<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipMutationOptions<TPublic, TPrivate>;

/** What {@link useCreateMembership} returns. */
export type UseCreateMembershipResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipMutationResult<CreateMembershipArgs<TPublic>, TPublic, TPrivate>;

/**
 * Adds a member. `totalCount` of the lists the new member certainly belongs to goes up at once;
 * the member appears where the sort puts it once the views revalidate after the server confirms.
 */
export function useCreateMembership<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(
  organizationId: string,
  options: UseCreateMembershipOptions<TPublic, TPrivate> = {},
): UseCreateMembershipResult<TPublic, TPrivate> {
  const { cache } = useRosterContext('useCreateMembership');
  return useMembershipMutation(
    ({ publicMetadata, ...args }: CreateMembershipArgs<TPublic>, onSettled) =>
      createMembership(
        cache,
        { organizationId, ...args, ...(publicMetadata ? { publicMetadata } : {}) },
        { onSettled },
      ),
    options,
  );
}
