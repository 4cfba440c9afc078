import type {
  Metadata,
  OrganizationMembership,
  OrganizationMemberships,
  PendingMembershipOperation,
  RosterApiError,
} from '@roster/core';
import { DEFAULT_PAGE_SIZE } from '@roster/core';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import useSWR, { type SWRConfiguration } from 'swr';
import useSWRInfinite, { unstable_serialize } from 'swr/infinite';
import { isAbortError } from './abort-error';
import type { RosterStore } from './roster-store';
import { useStableMemberships } from './stable-memberships';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;
type AnyOperation = PendingMembershipOperation<Metadata, Metadata>;

/** The result every membership list hook returns (paged or load-more). */
export interface MembershipListResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  /**
   * The members to show: the server's page with pending operations applied. Empty until the first
   * page arrives. In a load-more list (`infinite: true`), every loaded page in order.
   */
  data: OrganizationMembership<TPublic, TPrivate>[];
  /** Members in the whole list (all pages), with pending removals and creations counted. 0 until known. */
  totalCount: number;
  /** The current page (1-based). In a load-more list, the number of pages loaded. */
  page: number;
  /** Pages in the list at this page size (0 for an empty list). */
  pageCount: number;
  /** Members per page, as requested (default 10). */
  pageSize: number;
  /** There is a page after the current one (paged), or more members to load (load-more). */
  hasNextPage: boolean;
  /** Always `false` in a load-more list. */
  hasPreviousPage: boolean;
  /** Shows page `page` (paged), or loads pages up to `page` (load-more). */
  fetchPage: (page: number) => void;
  /** The next page (paged), or one more page (load-more). */
  fetchNext: () => void;
  /** The previous page; does nothing in a load-more list. */
  fetchPrevious: () => void;
  /** Nothing to show yet: no data for this view (and none kept from the previous one). */
  isLoading: boolean;
  /** A request for this view is in flight (first load, page change or background revalidation). */
  isFetching: boolean;
  /** `data` belongs to the previous view, kept on screen while this one loads (`keepPreviousData`). */
  isPreviousData: boolean;
  /** The last request's error, if it failed (aborted requests are not errors). */
  error: RosterApiError | undefined;
  /** Fetches the view again from the server. */
  revalidate: () => Promise<void>;
}

/** Options every membership list hook shares. */
export interface MembershipListQueryOptions {
  /** Members per page (the Backend API's `limit`, 1..500). Default 10. */
  pageSize?: number | undefined;
  /** The page shown first (paged lists). Default 1. */
  initialPage?: number | undefined;
  /** A load-more list: `fetchNext` appends the next page instead of replacing the current one. Default `false`. */
  infinite?: boolean | undefined;
  /** Keep the previous page on screen while the next one loads. Default `true`. */
  keepPreviousData?: boolean | undefined;
  /** Load the next page in the background once the current one is shown. Default `true`. */
  prefetchNextPage?: boolean | undefined;
  /** `false` fetches nothing (and returns an empty, not-loading result). Default `true`. */
  enabled?: boolean | undefined;
}

/** {@link MembershipListQueryOptions} with their defaults applied. */
export type ResolvedMembershipListOptions = {
  [K in keyof MembershipListQueryOptions]-?: Exclude<MembershipListQueryOptions[K], undefined>;
};

/** Applies the defaults documented on {@link MembershipListQueryOptions}, once for every list hook. */
export function resolveMembershipListOptions(
  options: MembershipListQueryOptions,
): ResolvedMembershipListOptions {
  return {
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    initialPage: options.initialPage ?? 1,
    infinite: options.infinite ?? false,
    keepPreviousData: options.keepPreviousData ?? true,
    prefetchNextPage: options.prefetchNextPage ?? true,
    enabled: options.enabled ?? true,
  };
}

/** How a list hook plugs into the shared query logic. */
export interface MembershipListQueryConfig extends ResolvedMembershipListOptions {
  store: RosterStore;
  /** Identifies the list without its page (a change goes back to page 1); `null` when there is no list to fetch. */
  identity: string | null;
  pageKey: (page: number) => string;
  fetcher: (key: string) => Promise<AnyPage>;
  getOperations: () => readonly AnyOperation[];
  /** The member an operation targets, in this list's terms (user ID in an organization's list). */
  operationMember: (operation: AnyOperation) => string;
  membershipMember: (membership: OrganizationMembership<Metadata, Metadata>) => string | undefined;
  overlay: (page: AnyPage, pageNumber: number, operations: readonly AnyOperation[]) => AnyPage;
}

const NO_DATA: OrganizationMembership<Metadata, Metadata>[] = [];
const NO_OPERATIONS: readonly AnyOperation[] = [];

function listError(error: unknown): RosterApiError | undefined {
  if (error === undefined || error === null || isAbortError(error)) return undefined;
  return error as RosterApiError;
}

const swrOptions = (store: RosterStore, keepPreviousData: boolean): SWRConfiguration => ({
  keepPreviousData,
  onDiscarded: store.onDiscarded,
  onErrorRetry: (error, _key, config, revalidate, { retryCount }) => {
    if (isAbortError(error)) return;
    const status = (error as { status?: unknown }).status;
    // A 4xx will not change by asking again (except 429).
    if (typeof status === 'number' && status >= 400 && status < 500 && status !== 429) return;
    if (retryCount > 3) return;
    setTimeout(
      () => void revalidate({ retryCount }),
      (config.errorRetryInterval ?? 5000) * 2 ** (retryCount - 1),
    );
  },
});

/**
 * The paged and load-more list logic shared by `useOrganizationMemberships` and
 * `useUserOrganizationMemberships`: SWR holds the server's pages, the store's pending operations
 * are applied when the view is read, and unchanged members keep their identity.
 */
export function useMembershipListQuery(config: MembershipListQueryConfig): MembershipListResult {
  const { store, pageKey, fetcher, pageSize, infinite, keepPreviousData } = config;
  const identity = config.enabled ? config.identity : null;

  // Page state, reset to 1 when the list itself (filters, order, size) changes; a list that was
  // disabled (or had no organization yet) starts at `initialPage`.
  const [pageState, setPageState] = useState({ identity, page: config.initialPage });
  let page = pageState.page;
  if (pageState.identity !== identity) {
    page = pageState.identity === null ? config.initialPage : 1;
    setPageState({ identity, page });
  }

  const pagedKey = identity !== null && !infinite ? pageKey(page) : null;
  const paged = useSWR<AnyPage>(pagedKey, fetcher, swrOptions(store, keepPreviousData));
  // Read for its subscription: SWR re-renders this hook when the key's loading state changes.
  void paged.isLoading;
  const loadMore = useSWRInfinite<AnyPage>(
    (index) => (identity !== null && infinite ? pageKey(index + 1) : null),
    fetcher,
    { ...swrOptions(store, false), revalidateFirstPage: false },
  );
  const infiniteKey = identity !== null && infinite ? unstable_serialize(() => pageKey(1)) : null;

  const serverPages: (AnyPage | undefined)[] = useMemo(
    () => (identity === null ? [] : infinite ? (loadMore.data ?? []) : [paged.data]),
    [identity, infinite, loadMore.data, paged.data],
  );

  // Subscribe to the pending operations that can change this view: those on members it shows, and
  // creations (which change counts). Other operations do not re-render this hook's consumer.
  const relevantRef = useRef<readonly AnyOperation[]>(NO_OPERATIONS);
  const { getOperations, operationMember, membershipMember, overlay } = config;
  const getRelevant = useCallback(() => {
    const shown = new Set<string | undefined>();
    for (const p of serverPages) for (const m of p?.data ?? []) shown.add(membershipMember(m));
    const next = getOperations().filter((op) => op.kind === 'create' || shown.has(operationMember(op)));
    const previous = relevantRef.current;
    if (next.length === previous.length && next.every((op, i) => op === previous[i])) return previous;
    relevantRef.current = next.length === 0 ? NO_OPERATIONS : next;
    return relevantRef.current;
  }, [serverPages, getOperations, operationMember, membershipMember]);
  const operations = useSyncExternalStore(store.subscribe, getRelevant, getRelevant);

  const overlaid = useMemo(
    () => serverPages.map((p, i) => (p ? overlay(p, infinite ? i + 1 : page, operations) : undefined)),
    [serverPages, overlay, operations, infinite, page],
  );

  const merged = useMemo(() => {
    if (!infinite) return overlaid[0]?.data ?? NO_DATA;
    const seen = new Set<string>();
    const all: OrganizationMembership<Metadata, Metadata>[] = [];
    for (const p of overlaid) {
      for (const m of p?.data ?? []) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        all.push(m);
      }
    }
    return all;
  }, [overlaid, infinite]);
  const data = useStableMemberships(merged);

  const loadedPages = overlaid.filter((p) => p !== undefined);
  const lastPage = loadedPages[loadedPages.length - 1];
  const totalCount = lastPage?.totalCount ?? 0;
  const pageCount = Math.ceil(totalCount / pageSize);
  // With `keepPreviousData`, SWR shows the previous key's data until this key has its own.
  const hasOwnData = pagedKey !== null && paged.data !== undefined && store.hasData(pagedKey);
  const currentLoaded = infinite ? loadMore.data !== undefined : hasOwnData;
  const showingPrevious = !infinite && paged.data !== undefined && !hasOwnData;

  // A page left empty (removals, a shorter list) moves to the last page that has members.
  if (!infinite && identity !== null && currentLoaded && !showingPrevious && data.length === 0 && page > 1) {
    const target = Math.max(1, pageCount);
    if (target < page) setPageState({ identity, page: target });
  }

  const size = infinite ? loadMore.size : page;
  const hasNextPage = infinite ? data.length < totalCount && loadedPages.length === size : page < pageCount;
  const nextKey = identity !== null && hasNextPage && config.prefetchNextPage ? pageKey(size + 1) : null;

  // Abort what nobody shows any more: hold the keys this view needs while it needs them.
  useEffect(() => {
    if (pagedKey === null) return;
    return store.retain(pagedKey);
  }, [store, pagedKey]);
  const infiniteKeys = useMemo(
    () =>
      identity !== null && infinite ? Array.from({ length: loadMore.size }, (_, i) => pageKey(i + 1)) : [],
    [identity, infinite, loadMore.size, pageKey],
  );
  useEffect(() => {
    const releases = infiniteKeys.map((key) => store.retain(key));
    return () => {
      for (const release of releases) release();
    };
  }, [store, infiniteKeys]);

  // Prefetch the next page once this one is shown (again after it changed: a settled removal or
  // creation drops cached pages that are not on screen).
  const shownPages = currentLoaded ? serverPages : undefined;
  useEffect(() => {
    if (nextKey === null || shownPages === undefined) return;
    const release = store.retain(nextKey);
    store.prefetch(nextKey);
    return release;
  }, [store, nextKey, shownPages]);

  // Let settled mutations refresh this view.
  const pagedMutate = paged.mutate;
  const loadMoreMutate = loadMore.mutate;
  useEffect(() => {
    if (pagedKey === null) return;
    return store.registerView(pagedKey, () => {
      void pagedMutate();
    });
  }, [store, pagedKey, pagedMutate]);
  useEffect(() => {
    if (infiniteKey === null) return;
    return store.registerView(infiniteKey, () => {
      void loadMoreMutate();
    });
  }, [store, infiniteKey, loadMoreMutate]);

  const setSize = loadMore.setSize;
  const fetchPage = useCallback(
    (target: number) => {
      const wanted = Math.max(1, Math.trunc(target));
      if (infinite) void setSize(wanted);
      else setPageState({ identity, page: wanted });
    },
    [infinite, setSize, identity],
  );
  const fetchNext = useCallback(() => fetchPage(size + 1), [fetchPage, size]);
  const fetchPrevious = useCallback(() => {
    if (!infinite && page > 1) fetchPage(page - 1);
  }, [fetchPage, infinite, page]);
  const revalidate = useCallback(async () => {
    if (infinite) {
      await loadMoreMutate();
      return;
    }
    if (pagedKey !== null) store.invalidate(pagedKey);
    await pagedMutate();
  }, [infinite, loadMoreMutate, pagedMutate, pagedKey, store]);

  const source = infinite ? loadMore : paged;
  return {
    data,
    totalCount,
    page: size,
    pageCount,
    pageSize,
    hasNextPage,
    hasPreviousPage: !infinite && page > 1,
    fetchPage,
    fetchNext,
    fetchPrevious,
    isLoading:
      identity !== null &&
      data.length === 0 &&
      !currentLoaded &&
      !showingPrevious &&
      source.error === undefined,
    isFetching: identity !== null && source.isValidating,
    isPreviousData: showingPrevious,
    error: listError(source.error),
    revalidate,
  };
}
