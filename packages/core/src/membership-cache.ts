import { createCachePrefetchLedger } from './cache-prefetch-ledger';
import { createCacheViewRegistry } from './cache-view-registry';
import type { MembershipsClient } from './client';
import type { PageKeyTarget, Settlement } from './membership-cache-keys';
import { describePageKey, loadMoreListKey, parseLoadMoreListKey } from './membership-cache-keys';
import type { Metadata, OrganizationMembership, OrganizationMemberships } from './models';
import type { PendingMembershipOperation } from './optimistic-overlay';

type AnyMembership = OrganizationMembership<Metadata, Metadata>;
type AnyPage = OrganizationMemberships<Metadata, Metadata>;
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

/** Options of {@link createMembershipCache}. */
export interface MembershipCacheOptions {
  client: MembershipsClient<Metadata, Metadata>;
  storage: MembershipCacheStorage;
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
  /** Registers how a mounted view of `key` revalidates, so settled writes can refresh it. */
  registerView(key: string, revalidate: () => void): () => void;
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
  run<T extends AnyMembership>(operation: AnyOperation, send: () => Promise<T>): Promise<T>;
  /** A new operation ID. */
  nextOperationId(): string;
}

interface InFlight {
  promise: Promise<AnyPage>;
  controller: AbortController;
  startSeq: number;
}

const EMPTY: readonly AnyOperation[] = Object.freeze([]);

/** An entry a settlement could not write exactly; `keep`: it was written all but one member. */
interface StaleEntry {
  key: string;
  keep: boolean;
}

/** Creates a {@link MembershipCache}. Framework-free: `@roster/react` adapts it to SWR. */
export function createMembershipCache({ client, storage }: MembershipCacheOptions): MembershipCache {
  const listeners = new Set<() => void>();
  let operations: AnyOperation[] = [];
  const byOrganization = new Map<string, readonly AnyOperation[]>();
  const byUser = new Map<string, readonly AnyOperation[]>();
  let settledSeq = 0;
  let settlements: Settlement[] = [];
  const inFlight = new Map<string, InFlight>();
  const registry = createCacheViewRegistry((key) => inFlight.get(key)?.controller.abort());
  const ledger = createCachePrefetchLedger(storage, () => settledSeq);
  const memberChains = new Map<string, Promise<unknown>>();
  /**
   * Entries known to differ from the server since a settlement (by its count) until a request
   * started since answers: members are never moved between pages through them.
   */
  const staleSince = new Map<string, number>();
  /** Stored pages not on screen that the next view showing them fetches again. */
  const unseenStale = new Set<string>();
  /** Entries written by a settlement since their last request started. */
  const writtenSinceFetch = new Set<string>();
  let operationCounter = 0;

  function notify() {
    byOrganization.clear();
    byUser.clear();
    for (const listener of [...listeners]) listener();
  }

  function select(
    memo: Map<string, readonly AnyOperation[]>,
    id: string,
    pick: (op: AnyOperation) => boolean,
  ): readonly AnyOperation[] {
    const cached = memo.get(id);
    if (cached) return cached;
    const selected = operations.filter(pick);
    const result = selected.length === 0 ? EMPTY : selected;
    memo.set(id, result);
    return result;
  }

  /** Load-more reads waiting for their pages: the settlements since each started are kept for it. */
  const loadMoreReads = new Set<{ startSeq: number }>();

  function pruneSettlements() {
    let oldest = settledSeq;
    for (const request of inFlight.values()) oldest = Math.min(oldest, request.startSeq);
    for (const read of loadMoreReads) oldest = Math.min(oldest, read.startSeq);
    settlements = settlements.filter((s) => s.seq > oldest);
  }

  /** Brings a response up to date with the mutations that settled while it was on its way. */
  function reconcile(
    target: PageKeyTarget,
    page: AnyPage,
    startSeq: number,
    pageNumber: number = target.page,
  ): AnyPage {
    let result = page;
    for (const s of settlements) {
      if (s.seq > startSeq && target.concerns(s)) result = target.write(result, pageNumber, s).page;
    }
    return result;
  }

  function fetchPage(key: string): Promise<AnyPage> {
    const shortcut = ledger.take<AnyPage>(key);
    if (shortcut) return shortcut;
    const target = describePageKey(key);
    if (!target) return Promise.reject(new TypeError(`Not a Roster list key: ${key}`));
    const current = inFlight.get(key);
    // One request per key: share one that started after the last settled mutation.
    if (current && current.startSeq === settledSeq && !current.controller.signal.aborted)
      return current.promise;
    // A request that started before a mutation settled is superseded: abort it.
    current?.controller.abort();
    const controller = new AbortController();
    const startSeq = settledSeq;
    writtenSinceFetch.delete(key);
    unseenStale.delete(key);
    const promise = target
      .load(client, { signal: controller.signal })
      .then((page) => {
        if (startSeq >= (staleSince.get(key) ?? startSeq)) staleSince.delete(key);
        return reconcile(target, page, startSeq);
      })
      .finally(() => {
        if (inFlight.get(key)?.controller === controller) inFlight.delete(key);
        pruneSettlements();
      });
    inFlight.set(key, { promise, controller, startSeq });
    return promise;
  }

  /**
   * Pages 1..n of a load-more list. Growing from a stored shorter list keeps its pages (they are
   * kept current by every settlement) and fetches only the new ones; any other fetch reads every
   * page again.
   */
  async function fetchLoadMore(key: string, firstPageKey: string, pages: number): Promise<AnyPage[]> {
    writtenSinceFetch.delete(key);
    const target = describePageKey(firstPageKey) as PageKeyTarget;
    let kept: AnyPage[] = [];
    if (storage.get(key) === undefined) {
      for (let n = pages - 1; n >= 1 && kept.length === 0; n -= 1) {
        const shorter = storage.get(loadMoreListKey(firstPageKey, n));
        if (Array.isArray(shorter)) kept = shorter as AnyPage[];
      }
    }
    const read = { startSeq: settledSeq };
    loadMoreReads.add(read);
    try {
      const rest = Array.from({ length: pages - kept.length }, (_, i) =>
        fetchPage(target.pageKey(kept.length + i + 1)),
      );
      const all = [...kept, ...(await Promise.all(rest))];
      // The pages answer one by one: a mutation that settled after one was brought up to date but
      // before the last one arrived is applied here too (the writes are idempotent).
      return all.map((page, i) => reconcile(target, page, read.startSeq, i + 1));
    } finally {
      loadMoreReads.delete(read);
      pruneSettlements();
    }
  }

  function fetch(key: string): Promise<unknown> {
    const loadMore = parseLoadMoreListKey(key);
    if (loadMore) return fetchLoadMore(key, loadMore.firstPageKey, loadMore.pages);
    return fetchPage(key);
  }

  function prefetch(key: string) {
    ledger.prefetch(key, inFlight.has(key), () => fetchPage(key));
  }

  /**
   * Refreshes an entry: mounted views refetch now; an entry nobody shows is dropped, or with `keep`
   * (a page moved exactly but for a member to pull up from a page not stored) kept, to be fetched
   * again by the first view that shows it.
   */
  function refresh(key: string, keep = false) {
    ledger.forget(key);
    staleSince.set(key, settledSeq);
    if (registry.revalidateMounted(key)) return;
    if (keep && storage.get(key) !== undefined) {
      unseenStale.add(key);
      return;
    }
    // A request that started before this settlement can only bring stale data: abort it. One that
    // started since (a load-more list refetching its pages) is the refresh itself: keep it.
    const request = inFlight.get(key);
    if (request && request.startSeq < settledSeq) request.controller.abort();
    staleSince.delete(key);
    storage.delete(key);
  }

  /** Writes a settlement into a load-more entry; `null` when the settlement does not concern it. */
  function writeLoadMoreEntry(key: string, firstPageKey: string, settlement: Settlement) {
    const target = describePageKey(firstPageKey);
    if (!target?.concerns(settlement)) return null;
    const data = storage.get(key);
    let stale = settlement.kind === 'removal' || settlement.kind === 'creation';
    if (!Array.isArray(data)) return { data: undefined, stale };
    const pages = data as AnyPage[];
    const written = pages.map((page, i) => {
      const result = target.write(page, i + 1, settlement);
      if (result.stale) stale = true;
      return result.page;
    });
    return { data: written.some((page, i) => page !== pages[i]) ? written : undefined, stale };
  }

  /**
   * Writes a settlement into every stored entry it touches; returns the entries now stale. The
   * pages of one list are written together, so a member can move between them with no request.
   */
  function writeBack(settlement: Settlement): StaleEntry[] {
    const stale: StaleEntry[] = [];
    const lists = new Map<
      string,
      { target: PageKeyTarget; pages: Map<number, AnyPage>; keys: Map<number, string> }
    >();
    for (const key of [...storage.keys()]) {
      const loadMore = parseLoadMoreListKey(key);
      if (loadMore) {
        const result = writeLoadMoreEntry(key, loadMore.firstPageKey, settlement);
        if (result?.data !== undefined) {
          writtenSinceFetch.add(key);
          storage.set(key, result.data);
        }
        if (result?.stale) stale.push({ key, keep: false });
        continue;
      }
      const target = describePageKey(key);
      const data = storage.get(key);
      if (!target?.concerns(settlement)) continue;
      if (data === undefined || staleSince.has(key)) {
        // Loading, or already out of date: written on its own, fetched again when members moved.
        const result = data === undefined ? null : target.write(data as AnyPage, target.page, settlement);
        if (result && result.page !== data) {
          writtenSinceFetch.add(key);
          storage.set(key, result.page);
        }
        if (settlement.kind !== 'metadata-update' || result?.stale)
          stale.push({ key, keep: unseenStale.has(key) });
        continue;
      }
      const list = target.pageKey(1);
      const group = lists.get(list) ?? { target, pages: new Map(), keys: new Map() };
      lists.set(list, group);
      group.pages.set(target.page, data as AnyPage);
      group.keys.set(target.page, key);
    }
    for (const { target, pages, keys } of lists.values()) {
      const written = target.writeList(pages, settlement);
      for (const [pageNumber, key] of keys) {
        const page = written.pages.get(pageNumber);
        const changed = page !== undefined && page !== pages.get(pageNumber);
        if (changed) {
          writtenSinceFetch.add(key);
          storage.set(key, page);
        }
        // A request that started before members moved between pages answers without the move.
        const request = inFlight.get(key);
        const moved = page !== undefined && page.totalCount !== pages.get(pageNumber)?.totalCount;
        if (written.stale.has(pageNumber) || (moved && request && request.startSeq < settlement.seq))
          stale.push({ key, keep: changed });
        else ledger.renew(key);
      }
    }
    return stale;
  }

  function removeOperation(operation: AnyOperation) {
    operations = operations.filter((op) => op !== operation);
  }

  async function run<T extends AnyMembership>(operation: AnyOperation, send: () => Promise<T>): Promise<T> {
    operations = [...operations, operation];
    notify();
    const chainKey = JSON.stringify([operation.organizationId, operation.userId]);
    const previous = memberChains.get(chainKey) ?? Promise.resolve();
    // Requests on one member go out one after the other, so the server applies them in call order.
    const request = previous.then(send, send);
    const tail = request.then(
      () => undefined,
      () => undefined,
    );
    memberChains.set(chainKey, tail);
    void tail.then(() => {
      if (memberChains.get(chainKey) === tail) memberChains.delete(chainKey);
    });
    try {
      const membership = await request;
      settledSeq += 1;
      const settlement: Settlement = {
        seq: settledSeq,
        kind: operation.kind,
        organizationId: operation.organizationId,
        userId: operation.userId,
        membership,
      };
      settlements.push(settlement);
      // One synchronous block: the server's value is stored in the same notification in which the
      // optimistic operation leaves, so nothing in between is ever shown.
      const stale = writeBack(settlement);
      removeOperation(operation);
      notify();
      for (const { key, keep } of stale) refresh(key, keep);
      pruneSettlements();
      return membership;
    } catch (error) {
      removeOperation(operation);
      notify();
      throw error;
    }
  }

  return {
    client,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getOperations: (organizationId) =>
      select(byOrganization, organizationId, (op) => op.organizationId === organizationId),
    getUserOperations: (userId) => select(byUser, userId, (op) => op.userId === userId),
    fetch,
    prefetch,
    retain: registry.retain,
    registerView(key, revalidate) {
      const unregister = registry.registerView(key, revalidate);
      if (unseenStale.delete(key)) revalidate();
      return unregister;
    },
    hasData: (key) => storage.get(key) !== undefined,
    onDiscarded: (key) => {
      if (writtenSinceFetch.delete(key)) refresh(key);
    },
    invalidate: ledger.forget,
    hydrate: (keys) => ledger.hydrate(keys),
    run,
    nextOperationId: () => {
      operationCounter += 1;
      return `op_${operationCounter}`;
    },
  };
}
