import type {
  Metadata,
  OrganizationMembership,
  OrganizationMemberships,
  PendingMembershipOperation,
} from '@roster/core';
import { applyOptimisticOverlayToUserMemberships, userMembershipListKey } from '@roster/core';
import { useCallback } from 'react';
import { useRosterContext } from './roster-context';
import type { MembershipListQueryOptions, MembershipListResult } from './use-membership-list-query';
import { resolveMembershipListOptions, useMembershipListQuery } from './use-membership-list-query';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;
type AnyOperation = PendingMembershipOperation<Metadata, Metadata>;

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
  const { store } = useRosterContext('useUserOrganizationMemberships');
  const { userId } = options;
  const list = resolveMembershipListOptions(options);
  const { pageSize } = list;
  const identity = userId ? JSON.stringify([userId, pageSize]) : null;
  const pageKey = useCallback(
    (page: number) => userMembershipListKey({ userId: userId ?? '', pageSize, page }),
    [userId, pageSize],
  );
  const getOperations = useCallback(() => store.getUserOperations(userId ?? ''), [store, userId]);
  const overlay = useCallback(
    (page: AnyPage, _pageNumber: number, operations: readonly AnyOperation[]) =>
      applyOptimisticOverlayToUserMemberships(page, userId ?? '', operations),
    [userId],
  );
  const result = useMembershipListQuery({
    ...list,
    store,
    identity,
    pageKey,
    fetcher: store.fetchUserMembershipList,
    getOperations,
    operationMember: operationOrganizationId,
    membershipMember: membershipOrganizationId,
    overlay,
  });
  return result as unknown as UseUserOrganizationMembershipsResult<TPublic, TPrivate>;
}

function operationOrganizationId(operation: AnyOperation): string {
  return operation.organizationId;
}

function membershipOrganizationId(membership: OrganizationMembership<Metadata, Metadata>): string {
  return membership.organization.id;
}
