import type { MembershipsClient, RequestOptions } from './client';
import type { Metadata, OrganizationMembership } from './models';
import type { PendingMembershipOperation } from './optimistic-overlay';

type AnyMembership = OrganizationMembership<Metadata, Metadata>;
type AnyOperation = PendingMembershipOperation<Metadata, Metadata>;

/**
 * Where the cache keeps what the server said, one entry per key: a page (`membershipListKey`,
 * `userMembershipListKey`) or the pages of a load-more list (`loadMoreListKey`). SWR's cache is one
 * implementation (in `@roster/react`); a `Map` is another. Entries under other keys are ignored.
 */
export interface MembershipCacheStorage {
  /** The data stored under `key`, or `undefined`. */
  get(key: string): unknown;
  /** Stores `data` under `key`; views showing `key` show it. */
  set(key: string, data: unknown): void;
  /** Forgets `key` (a view that shows it later fetches it). */
  delete(key: string): void;
  /** Every key that holds data. */
  keys(): Iterable<string>;
}

/** Options of a mutation run through the cache (`run` and the membership commands). */
export interface MembershipCommandOptions {
  /**
   * Called synchronously in the block in which the operation leaves the overlay (with the error
   * when it failed), before listeners are notified: state set here (a hook's `isMutating`) lands
   * in the same render as the cache's writes.
   */
  onSettled?: ((error?: unknown) => void) | undefined;
  /**
   * Decides when the request goes out, and with which request options: called once the member's
   * earlier writes have settled (the per-member order is kept), it calls `send` when it is time
   * (a bounded-parallelism limiter of the bulk commands, the undo window of a deferred removal)
   * or rejects to cancel (the operation then leaves the overlay, as a failure does).
   */
  schedule?: (<T>(send: (requestOptions?: RequestOptions) => Promise<T>) => Promise<T>) | undefined;
}

/** A mutation the cache confirmed (see {@link MembershipCache.onSettlement}). */
export interface MembershipSettlementEvent {
  /** What was confirmed: `role-change`, `removal`, `metadata-update` or `creation`. */
  kind: AnyOperation['kind'];
  /** The organization of the membership. */
  organizationId: string;
  /** The member. */
  userId: string;
}

/** Options of {@link createMembershipCache}. */
export interface MembershipCacheOptions {
  /** Where the data comes from. */
  client: MembershipsClient<Metadata, Metadata>;
  /** Where the server's answers are kept. */
  storage: MembershipCacheStorage;
  /**
   * How many list entries (pages, load-more lists) storage keeps at most: past it, the least
   * recently used entries that no mounted view shows and nothing retains are evicted (they load
   * again when shown). Entries on screen or retained are never evicted, even past the limit.
   * Default 30 (`DEFAULT_CACHE_LIMIT`); `Infinity` never evicts.
   */
  cacheLimit?: number | undefined;
  /**
   * Milliseconds an entry stays fresh after its last read from the server: {@link
   * MembershipCache.revalidateStale} (a window focus) refetches only mounted views older than
   * this. Default 30 000.
   */
  staleTime?: number | undefined;
}

/** Counts of what the engine holds, to check that nothing is left behind once views unmount. */
export interface MembershipCacheStats {
  /** List entries in storage (pages and load-more lists). */
  entries: number;
  /** Keys shown by mounted views. */
  views: number;
  /** Keys retained (shown, prefetched, loaded for a view). */
  retained: number;
  /** Requests in flight. */
  requests: number;
  /** Listeners of `subscribe`. */
  listeners: number;
  /** Per-key bookkeeping (fresh, stale and written marks, recency, read times). */
  marks: number;
}

/**
 * The membership cache engine: server truth in a {@link MembershipCacheStorage}, pending mutations
 * as an overlay of operations on top of it. It promises:
 *
 * - writes to one member are sent in call order, so the last answer is the member's final state;
 * - a failed mutation removes its own operation only (that is the rollback): a newer one stays;
 * - a confirmed mutation is written into every stored page that holds the member, in the same
 *   notification in which its operation leaves, so the old value never shows in between;
 * - a list response that started before a mutation settled is brought up to date with it before it
 *   is stored (no stale overwrite);
 * - views that may now miss members (after a removal, a creation, a role filter crossed) are
 *   revalidated when shown, dropped when not;
 * - one request per key at a time, shared; a request nobody retains any more is aborted.
 */
export interface MembershipCache {
  readonly client: MembershipsClient<Metadata, Metadata>;
  /** Called after every change of the pending operations. */
  subscribe(listener: () => void): () => void;
  /** The pending operations of an organization, oldest first (the same array until they change). */
  getOperations(organizationId: string): readonly AnyOperation[];
  /** The pending operations on one user, across organizations. */
  getUserOperations(userId: string): readonly AnyOperation[];
  /** Fetches what a page key or load-more key stands for (a page, or an array of pages). */
  fetch(key: string): Promise<unknown>;
  /** Loads a page into storage ahead of time, unless it is stored or loading. */
  prefetch(key: string): void;
  /** Marks a key as wanted; its request is aborted when the last holder lets go before it answers. */
  retain(key: string): () => void;
  /**
   * Registers how a mounted view of `key` revalidates, so settled writes can refresh it. With
   * `revalidateOnFocus: false`, {@link MembershipCache.revalidateStale} leaves it alone (a view
   * kept current by the writes, such as the viewer's own membership or the admin count).
   */
  registerView(key: string, revalidate: () => void, options?: { revalidateOnFocus?: boolean }): () => void;
  /**
   * Revalidates the mounted views (registered with `revalidateOnFocus`) whose entry was last read
   * from the server more than `staleTime` ago, or never: what a window focus should refetch.
   * Returns how many keys it revalidated.
   */
  revalidateStale(): number;
  /** What the engine holds (see {@link MembershipCacheStats}). */
  stats(): MembershipCacheStats;
  /**
   * The adapter dropped the answer of a request for `key` because a settlement was written into
   * the entry meanwhile (SWR's `onDiscarded`): the view fetches again, or it keeps older data.
   */
  onDiscarded(key: string): void;
  /** Whether storage holds data for this key. */
  hasData(key: string): boolean;
  /** The next fetch of this key goes to the server (skips a just-prefetched page). */
  invalidate(key: string): void;
  /**
   * Entries already in storage that came fresh from elsewhere (a server-rendered fallback): their
   * first read takes them as they are, with no request, like a prefetched page.
   */
  hydrate(keys: Iterable<string>): void;
  /** Applies `operation` optimistically, sends it after earlier writes to the same member, settles it. */
  run<T extends AnyMembership>(
    operation: AnyOperation,
    send: (requestOptions?: RequestOptions) => Promise<T>,
    options?: MembershipCommandOptions,
  ): Promise<T>;
  /**
   * Calls `listener` after every mutation the server confirmed, once its result is written (a
   * selection drops a member whose removal went through). Returns the unsubscribe function.
   */
  onSettlement(listener: (event: MembershipSettlementEvent) => void): () => void;
  /** A new operation ID. */
  nextOperationId(): string;
}
