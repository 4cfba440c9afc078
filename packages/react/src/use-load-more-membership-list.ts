import type { MembershipCache, MembershipListSource, Metadata, OrganizationMemberships } from '@roster/core';
import { loadMoreListKey, normalizePage, pageCountOf } from '@roster/core';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { MembershipListResult, ResolvedMembershipListOptions } from './membership-list-result';
import { listError } from './membership-list-result';
import { useListPosition } from './use-list-position';
import { useMembershipSWR } from './use-membership-swr';
import { useOverlaidMembers } from './use-overlaid-members';
import { usePrefetchPage, useViewRegistration } from './use-view-registration';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;

/**
 * A load-more list on one `useSWR`: its entry is pages 1..n (core's `loadMoreListKey`); loading
 * one more page keeps the loaded ones on screen and fetches only the new page (prefetched ahead).
 */
export function useLoadMoreMembershipList(
  cache: MembershipCache,
  source: MembershipListSource | null,
  options: ResolvedMembershipListOptions,
): MembershipListResult {
  const firstPageKey = source?.firstPageKey ?? null;
  const { pageSize } = options;
  const [pages, setPages] = useListPosition(firstPageKey, 1);
  const key = firstPageKey === null ? null : loadMoreListKey(firstPageKey, pages);
  const swr = useMembershipSWR<AnyPage[]>(cache, key, options.keepPreviousData, false);
  const { hasOwnData } = swr;
  // While it grows, SWR shows this list's loaded pages; after a filter change, another list's.
  const ownList = useRef(firstPageKey);
  useEffect(() => {
    if (hasOwnData) ownList.current = firstPageKey;
  }, [hasOwnData, firstPageKey]);
  const serverPages = useMemo(() => (key === null ? [] : (swr.data ?? [])), [key, swr.data]);
  const { data, totalCount } = useOverlaidMembers(cache, source, serverPages, 1);
  const hasNextPage = hasOwnData && data.length < totalCount;

  const swrMutate = swr.mutate;
  useViewRegistration(cache, key, swrMutate, options.revalidateOnFocus);
  // Hold every page the list is made of while it shows them, and the next one ahead of time.
  const pageKeys = useMemo(
    () => (source === null ? [] : Array.from({ length: pages }, (_, i) => source.pageKey(i + 1))),
    [source, pages],
  );
  useEffect(() => {
    const releases = pageKeys.map((k) => cache.retain(k));
    return () => {
      for (const release of releases) release();
    };
  }, [cache, pageKeys]);
  const nextKey = hasNextPage && options.prefetchNextPage && source ? source.pageKey(pages + 1) : null;
  usePrefetchPage(cache, nextKey, hasOwnData ? swr.data : undefined);

  const fetchPage = useCallback((target: number) => setPages(normalizePage(target)), [setPages]);
  const fetchNext = useCallback(() => fetchPage(pages + 1), [fetchPage, pages]);
  const revalidate = useCallback(async () => {
    await swrMutate();
  }, [swrMutate]);

  return {
    data,
    totalCount,
    page: pages,
    pageCount: pageCountOf(totalCount, pageSize),
    pageSize,
    hasNextPage,
    hasPreviousPage: false,
    fetchPage,
    fetchNext,
    fetchPrevious: noop,
    isLoading: key !== null && data.length === 0 && swr.data === undefined && swr.error === undefined,
    isFetching: key !== null && swr.isValidating,
    isPreviousData: swr.data !== undefined && !hasOwnData && ownList.current !== firstPageKey,
    error: listError(swr.error),
    revalidate,
  };
}

function noop() {}
