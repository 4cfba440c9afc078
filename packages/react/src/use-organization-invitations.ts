import type {
  InvitationListView,
  Metadata,
  OrganizationInvitation,
  OrganizationInvitations,
} from '@roster/core';
import {
  applyInvitationOverlay,
  DEFAULT_PAGE_SIZE,
  invitationListKey,
  normalizePage,
  pageAfterEmptyPage,
  pageCountOf,
} from '@roster/core';
import { useCallback, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import type { InvitationListResult, UseOrganizationInvitationsOptions } from './invitation-list-result';
import { listError } from './membership-list-result';
import { useRosterContext } from './roster-context';
import { useListPosition } from './use-list-position';
import { useMembershipSWR } from './use-membership-swr';
import { usePrefetchPage, useViewRegistration } from './use-view-registration';

/** What {@link useOrganizationInvitations} returns. */
export type UseOrganizationInvitationsResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = InvitationListResult<TPublic, TPrivate>;

const NO_INVITATIONS: OrganizationInvitation[] = [];

/**
 * One organization's invitations (pending ones by default), a page at a time, newest first, with
 * pending invites, revocations and resends from the invitation hooks applied at once. An invitation
 * accepted elsewhere leaves a pending view when the view revalidates (focus, `revalidate()`).
 */
export function useOrganizationInvitations<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(options: UseOrganizationInvitationsOptions): UseOrganizationInvitationsResult<TPublic, TPrivate> {
  const { invitationCache: cache } = useRosterContext('useOrganizationInvitations');
  const { organizationId, status = 'pending', enabled = true } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const active = enabled && Boolean(organizationId);
  const view = (page: number): InvitationListView & { organizationId: string } => ({
    organizationId: organizationId ?? '',
    status: Array.isArray(status) ? status : [status],
    pageSize,
    page,
  });
  const firstPageKey = active ? invitationListKey(view(1)) : null;
  const [page, setPage] = useListPosition(firstPageKey, options.initialPage ?? 1);
  const key = active ? invitationListKey(view(page)) : null;
  const swr = useMembershipSWR<OrganizationInvitations>(cache, key, true);
  const getOperations = useCallback(() => cache.getOperations(organizationId ?? ''), [cache, organizationId]);
  const operations = useSyncExternalStore(cache.subscribe, getOperations, getOperations);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the view.
  const shown = useMemo(
    () => (key !== null && swr.data ? applyInvitationOverlay(swr.data, view(page), operations) : undefined),
    [key, swr.data, operations],
  );
  const data = shown?.data ?? NO_INVITATIONS;
  const totalCount = shown?.totalCount ?? 0;
  const pageCount = pageCountOf(totalCount, pageSize);

  // A page left empty (revocations, acceptances) moves to the last page that has invitations.
  const emptied = swr.hasOwnData && data.length === 0 ? pageAfterEmptyPage(page, totalCount, pageSize) : page;
  useLayoutEffect(() => {
    if (emptied < page) setPage(emptied);
  }, [emptied, page, setPage]);

  const hasNextPage = page < pageCount;
  const swrMutate = swr.mutate;
  useViewRegistration(cache, key, swrMutate);
  usePrefetchPage(
    cache,
    active && hasNextPage ? invitationListKey(view(page + 1)) : null,
    swr.hasOwnData ? swr.data : undefined,
  );
  const fetchPage = useCallback((target: number) => setPage(normalizePage(target)), [setPage]);
  const revalidate = useCallback(async () => {
    if (key !== null) cache.invalidate(key);
    await swrMutate();
  }, [cache, key, swrMutate]);

  return {
    data: data as OrganizationInvitation<TPublic, TPrivate>[],
    totalCount,
    page,
    pageCount,
    pageSize,
    hasNextPage,
    hasPreviousPage: page > 1,
    fetchPage,
    fetchNext: () => fetchPage(page + 1),
    fetchPrevious: () => fetchPage(Math.max(1, page - 1)),
    isLoading: key !== null && swr.data === undefined && swr.error === undefined,
    isFetching: key !== null && swr.isValidating,
    isPreviousData: swr.data !== undefined && !swr.hasOwnData,
    error: listError(swr.error),
    revalidate,
  };
}
