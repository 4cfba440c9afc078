import type { MembershipCache, MembershipListSource, Metadata, OrganizationMemberships } from '@roster/core';
import { normalizePage, pageAfterEmptyPage, pageCountOf } from '@roster/core';
import { useCallback, useLayoutEffect, useMemo } from 'react';
import type { MembershipListResult, ResolvedMembershipListOptions } from './membership-list-result';
import { listError } from './membership-list-result';
import { useListPosition } from './use-list-position';
import { useMembershipSWR } from './use-membership-swr';
import { useOverlaidMembers } from './use-overlaid-members';
import { usePrefetchPage, useViewRegistration } from './use-view-registration';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;

/**
 * A paged list on one `useSWR`: the current page (the previous one kept on screen while it loads),
 * the next page prefetched, a page left empty by removals moved back to the last page with members.
 */
export function usePagedMembershipList(
  cache: MembershipCache,
  source: MembershipListSource | null,
  options: ResolvedMembershipListOptions,
): MembershipListResult {
  const firstPageKey = source?.firstPageKey ?? null;
  const { pageSize } = options;
  const [page, setPage] = useListPosition(firstPageKey, options.initialPage);
  const key = source === null ? null : source.pageKey(page);
  const swr = useMembershipSWR<AnyPage>(cache, key, options.keepPreviousData, false);
  const { hasOwnData } = swr;
  const showingPrevious = swr.data !== undefined && !hasOwnData;
  const serverPages = useMemo(() => (key === null ? [] : [swr.data]), [key, swr.data]);
  const { data, totalCount } = useOverlaidMembers(cache, source, serverPages, page);
  const pageCount = pageCountOf(totalCount, pageSize);

  // A page left empty (removals, a shorter list) moves to the last page that has members.
  const emptied = hasOwnData && data.length === 0 ? pageAfterEmptyPage(page, totalCount, pageSize) : page;
  useLayoutEffect(() => {
    if (emptied < page) setPage(emptied);
  }, [emptied, page, setPage]);

  const hasNextPage = page < pageCount;
  const nextKey =
    source !== null && hasNextPage && options.prefetchNextPage ? source.pageKey(page + 1) : null;
  const swrMutate = swr.mutate;
  useViewRegistration(cache, key, swrMutate, options.revalidateOnFocus);
  usePrefetchPage(cache, nextKey, hasOwnData ? swr.data : undefined);

  const fetchPage = useCallback((target: number) => setPage(normalizePage(target)), [setPage]);
  const fetchNext = useCallback(() => fetchPage(page + 1), [fetchPage, page]);
  const fetchPrevious = useCallback(() => {
    if (page > 1) fetchPage(page - 1);
  }, [fetchPage, page]);
  const revalidate = useCallback(async () => {
    if (key !== null) cache.invalidate(key);
    await swrMutate();
  }, [cache, key, swrMutate]);

  return {
    data,
    totalCount,
    page,
    pageCount,
    pageSize,
    hasNextPage,
    hasPreviousPage: page > 1,
    fetchPage,
    fetchNext,
    fetchPrevious,
    isLoading: key !== null && data.length === 0 && swr.data === undefined && swr.error === undefined,
    isFetching: key !== null && swr.isValidating,
    isPreviousData: showingPrevious,
    error: listError(swr.error),
    revalidate,
  };
}
