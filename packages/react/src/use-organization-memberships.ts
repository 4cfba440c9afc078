import type {
  MembershipListFilters,
  MembershipOrderBy,
  Metadata,
  OrganizationMemberships,
  PendingMembershipOperation,
} from '@roster/core';
import {
  applyOptimisticOverlay,
  canonicalizeMembershipListView,
  DEFAULT_PAGE_SIZE,
  membershipListKey,
  membershipUserId,
  parseMembershipListKey,
} from '@roster/core';
import { useCallback, useMemo } from 'react';
import type { MembershipListQueryOptions, MembershipListResult } from './membership-list-result';
import { useRosterContext } from './roster-context';
import { useMembershipList } from './use-membership-list';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;
type AnyOperation = PendingMembershipOperation<Metadata, Metadata>;

/** Options of {@link useOrganizationMemberships}: every Backend API list filter, plus paging. */
export interface UseOrganizationMembershipsOptions extends MembershipListFilters, MembershipListQueryOptions {
  /** The organization whose members to list. `null`/`undefined` fetches nothing (like `enabled: false`). */
  organizationId: string | null | undefined;
  /** `field` or `+field` ascending, `-field` descending. Default `-created_at` (newest first). */
  orderBy?: MembershipOrderBy | undefined;
}

/** What {@link useOrganizationMemberships} returns. */
export type UseOrganizationMembershipsResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipListResult<TPublic, TPrivate>;

/**
 * One organization's members, a page at a time (or `infinite: true` for a load-more list), with
 * pending changes from the mutation hooks applied as soon as they are made. Changing a filter, the
 * order or the page size goes back to page 1. Identical views share one cache entry and one
 * request.
 */
export function useOrganizationMemberships<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(options: UseOrganizationMembershipsOptions): UseOrganizationMembershipsResult<TPublic, TPrivate> {
  const { cache } = useRosterContext('useOrganizationMemberships');
  const { organizationId } = options;
  const firstKey = membershipListKey({
    ...options,
    organizationId: organizationId ?? '',
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    page: 1,
  });
  const canonical = useMemo(
    () => parseMembershipListKey(firstKey) ?? canonicalizeMembershipListView({ organizationId: '' }),
    [firstKey],
  );
  const pageKey = useCallback(
    (page: number) => membershipListKey({ ...canonical.filters, ...canonical, page }),
    [canonical],
  );
  const overlay = useCallback(
    (page: AnyPage, pageNumber: number, operations: readonly AnyOperation[]) =>
      applyOptimisticOverlay(page, { ...canonical, page: pageNumber }, operations),
    [canonical],
  );
  const getOperations = useCallback(() => cache.getOperations(organizationId ?? ''), [cache, organizationId]);
  const result = useMembershipList(
    'useOrganizationMemberships',
    {
      cache,
      firstPageKey: organizationId ? firstKey : null,
      pageKey,
      getOperations,
      operationMember: operationUserId,
      membershipMember: membershipUserId,
      overlay,
    },
    options,
  );
  return result as unknown as UseOrganizationMembershipsResult<TPublic, TPrivate>;
}

function operationUserId(operation: { userId: string }): string {
  return operation.userId;
}
