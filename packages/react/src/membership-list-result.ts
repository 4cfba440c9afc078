import type { Metadata, OrganizationMembership, RosterApiError } from '@roster/core';
import { DEFAULT_PAGE_SIZE, isAbortError } from '@roster/core';

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
  /**
   * Refetch this view when the window regains focus, if it was last read more than the provider's
   * `staleTime` ago. Default `true`; the permission hooks' own views (kept current by the writes)
   * pass `false`.
   */
  revalidateOnFocus?: boolean | undefined;
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
    revalidateOnFocus: options.revalidateOnFocus ?? true,
  };
}

/** A list request's error as the hooks report it: aborted requests are not errors. */
export function listError(error: unknown): RosterApiError | undefined {
  if (error === undefined || error === null || isAbortError(error)) return undefined;
  return error as RosterApiError;
}
