import type {
  Metadata,
  OrganizationMembership,
  OrganizationMemberships,
  PendingMembershipOperation,
} from '@roster/core';
import {
  applyOptimisticOverlayToUserMemberships,
  DEFAULT_PAGE_SIZE,
  userMembershipListKey,
} from '@roster/core';
import { useCallback } from 'react';
import type { MembershipListQueryOptions, MembershipListResult } from './membership-list-result';
import { useRosterContext } from './roster-context';
import { useMembershipList } from './use-membership-list';

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
  const { cache } = useRosterContext('useUserOrganizationMemberships');
  const { userId } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const pageKey = useCallback(
    (page: number) => userMembershipListKey({ userId: userId ?? '', pageSize, page }),
    [userId, pageSize],
  );
  const getOperations = useCallback(() => cache.getUserOperations(userId ?? ''), [cache, userId]);
  const overlay = useCallback(
    (page: AnyPage, _pageNumber: number, operations: readonly AnyOperation[]) =>
      applyOptimisticOverlayToUserMemberships(page, userId ?? '', operations),
    [userId],
  );
  const result = useMembershipList(
    'useUserOrganizationMemberships',
    {
      cache,
      firstPageKey: userId ? pageKey(1) : null,
      pageKey,
      getOperations,
      operationMember: operationOrganizationId,
      membershipMember: membershipOrganizationId,
      overlay,
    },
    options,
  );
  return result as unknown as UseUserOrganizationMembershipsResult<TPublic, TPrivate>;
}

function operationOrganizationId(operation: AnyOperation): string {
  return operation.organizationId;
}

function membershipOrganizationId(membership: OrganizationMembership<Metadata, Metadata>): string {
  return membership.organization.id;
}
