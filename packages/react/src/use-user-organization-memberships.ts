import type { Metadata } from '@roster/core';
import { userMembershipListSource } from '@roster/core';
import { useMemo } from 'react';
import type { MembershipListQueryOptions, MembershipListResult } from './membership-list-result';
import { useRosterContext } from './roster-context';
import { useMembershipList } from './use-membership-list';

/** Options of {@link useUserOrganizationMemberships}. */
export interface UseUserOrganizationMembershipsOptions extends MembershipListQueryOptions {
  /** The user whose memberships (one per organization) to list. `null`/`undefined` fetches nothing. */
  userId: string | null | undefined;
}

/** What {@link useUserOrganizationMemberships} returns: the same shape as `useOrganizationMemberships`. */
export type UseUserOrganizationMembershipsResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipListResult<TPublic, TPrivate>;

/**
 * One user's memberships across organizations, paged like `useOrganizationMemberships`. Pending
 * role changes, metadata updates, removals and creations on that user show here too.
 */
export function useUserOrganizationMemberships<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(options: UseUserOrganizationMembershipsOptions): UseUserOrganizationMembershipsResult<TPublic, TPrivate> {
  const { cache } = useRosterContext('useUserOrganizationMemberships');
  const { userId, pageSize } = options;
  const source = useMemo(
    () => (userId ? userMembershipListSource({ userId, pageSize }) : null),
    [userId, pageSize],
  );
  const result = useMembershipList('useUserOrganizationMemberships', cache, source, options);
  return result as unknown as UseUserOrganizationMembershipsResult<TPublic, TPrivate>;
}
