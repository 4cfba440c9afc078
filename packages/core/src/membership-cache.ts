import { createCacheLru, DEFAULT_CACHE_LIMIT } from './cache-lru';
import { createCachePrefetchLedger } from './cache-prefetch-ledger';
import { createCacheViewRegistry } from './cache-view-registry';
import type { RequestOptions } from './client';
import type {
  MembershipCache,
  MembershipCacheOptions,
  MembershipCommandOptions,
  MembershipSettlementEvent,
} from './membership-cache-api';
import type { PageKeyTarget, Settlement } from './membership-cache-keys';
import { describePageKey, loadMoreListKey, parseLoadMoreListKey } from './membership-cache-keys';
import type { StaleEntry } from './membership-settlement-write';
import { writeSettlementBack } from './membership-settlement-write';
import type { Metadata, OrganizationMembership, OrganizationMemberships } from './models';
import type { PendingMembershipOperation } from './optimistic-overlay';

type AnyMembership = OrganizationMembership<Metadata, Metadata>;
type AnyPage = OrganizationMemberships<Metadata, Metadata>;
type AnyOperation = PendingMembershipOperation<Metadata, Metadata>;

export type {
  MembershipCache,
  MembershipCacheOptions,
  MembershipCacheStats,
  MembershipCacheStorage,
  MembershipCommandOptions,
  MembershipSettlementEvent,
} from './membership-cache-api';

interface InFlight {
  promise: Promise<AnyPage>;
  controller: AbortController;
  startSeq: number;
}

const EMPTY: readonly AnyOperation[] = Object.freeze([]);

/** Creates a {@link MembershipCache}. Framework-free: `@roster/react` adapts it to SWR. */
export function createMembershipCache({
  client,
  storage,
  cacheLimit = DEFAULT_CACHE_LIMIT,
  staleTime = 30_000,
}: MembershipCacheOptions): MembershipCache {
  const lru = createCacheLru(cacheLimit);
  /** When each entry was last read from the server (or hydrated). */
  const readAt = new Map<string, number>();
  /** Mounted keys that a focus does not revalidate (their count of such views). */
  const focusExempt = new Map<string, number>();
  const listeners = new Set<() => void>();
  const settlementListeners = new Set<(event: MembershipSettlementEvent) => void>();
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
        readAt.set(key, Date.now());
        if (startSeq >= (staleSince.get(key) ?? startSeq)) staleSince.delete(key);
        return reconcile(target, page, startSeq);
      })
      .finally(() => {
        if (inFlight.get(key)?.controller === controller) inFlight.delete(key);
        pruneSettlements();
        scheduleEviction();
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
      readAt.set(key, Date.now());
      // The pages answer one by one: a mutation that settled after one was brought up to date but
      // before the last one arrived is applied here too (the writes are idempotent).
      return all.map((page, i) => reconcile(target, page, read.startSeq, i + 1));
    } finally {
      loadMoreReads.delete(read);
      pruneSettlements();
    }
  }

  function fetch(key: string): Promise<unknown> {
    lru.touch(key);
    const loadMore = parseLoadMoreListKey(key);
    if (loadMore) return fetchLoadMore(key, loadMore.firstPageKey, loadMore.pages);
    return fetchPage(key);
  }

  function prefetch(key: string) {
    lru.touch(key);
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
    drop(key);
  }

  /** Removes an entry from storage and every mark kept about it. */
  function drop(key: string) {
    storage.delete(key);
    for (const marks of [staleSince, readAt]) marks.delete(key);
    for (const marks of [unseenStale, writtenSinceFetch]) marks.delete(key);
    ledger.forget(key);
    lru.forget(key);
  }

  /** The keys in storage that are list entries (pages and load-more lists), not other data. */
  function listEntryKeys(): string[] {
    return [...storage.keys()].filter((key) => parseLoadMoreListKey(key) || describePageKey(key));
  }

  let evictionScheduled = false;
  /**
   * Evicts the least recently used list entries past `cacheLimit`, in a task of its own: the answer
   * that triggered it is stored (by the adapter, by a prefetch) in the microtasks before.
   */
  function scheduleEviction() {
    if (evictionScheduled || !Number.isFinite(cacheLimit)) return;
    evictionScheduled = true;
    setTimeout(() => {
      evictionScheduled = false;
      for (const key of lru.select(listEntryKeys(), registry.isHeld)) {
        if (!inFlight.has(key)) drop(key);
      }
    }, 0);
  }

  /** Writes a settlement into every stored entry it touches; returns the entries now stale. */
  function writeBack(settlement: Settlement): StaleEntry[] {
    return writeSettlementBack(storage, settlement, {
      isStale: (key) => staleSince.has(key),
      isKept: (key) => unseenStale.has(key),
      requestStart: (key) => inFlight.get(key)?.startSeq,
      written: (key) => writtenSinceFetch.add(key),
      exact: (key) => ledger.renew(key),
    });
  }

  function removeOperation(operation: AnyOperation) {
    operations = operations.filter((op) => op !== operation);
  }

  async function run<T extends AnyMembership>(
    operation: AnyOperation,
    send: (requestOptions?: RequestOptions) => Promise<T>,
    options?: MembershipCommandOptions,
  ): Promise<T> {
    operations = [...operations, operation];
    notify();
    const chainKey = JSON.stringify([operation.organizationId, operation.userId]);
    const previous = memberChains.get(chainKey) ?? Promise.resolve();
    const schedule = options?.schedule;
    const go = schedule ? () => schedule(send) : () => send();
    // Requests on one member go out one after the other, so the server applies them in call order.
    const request = previous.then(go, go);
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
      options?.onSettled?.();
      notify();
      for (const { key, keep } of stale) refresh(key, keep);
      pruneSettlements();
      const { kind, organizationId, userId } = operation;
      for (const listener of [...settlementListeners]) listener({ kind, organizationId, userId });
      return membership;
    } catch (error) {
      removeOperation(operation);
      options?.onSettled?.(error);
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
    retain(key) {
      lru.touch(key);
      const release = registry.retain(key);
      return () => {
        release();
        scheduleEviction();
      };
    },
    registerView(key, revalidate, options) {
      lru.touch(key);
      const unregister = registry.registerView(key, revalidate);
      const exempt = options?.revalidateOnFocus === false;
      if (exempt) focusExempt.set(key, (focusExempt.get(key) ?? 0) + 1);
      if (unseenStale.delete(key)) revalidate();
      let registered = true;
      return () => {
        if (!registered) return;
        registered = false;
        unregister();
        const count = (focusExempt.get(key) ?? 0) - 1;
        if (exempt && count > 0) focusExempt.set(key, count);
        else if (exempt) focusExempt.delete(key);
        scheduleEviction();
      };
    },
    revalidateStale() {
      const now = Date.now();
      let revalidated = 0;
      for (const key of registry.mountedKeys()) {
        if (focusExempt.has(key) || inFlight.has(key)) continue;
        const read = readAt.get(key);
        if (read !== undefined && now - read < staleTime) continue;
        ledger.forget(key);
        if (registry.revalidateMounted(key)) revalidated += 1;
      }
      return revalidated;
    },
    stats() {
      const held = registry.size();
      return {
        entries: listEntryKeys().length,
        views: held.views,
        retained: held.retained,
        requests: inFlight.size,
        listeners: listeners.size,
        marks:
          staleSince.size +
          readAt.size +
          unseenStale.size +
          writtenSinceFetch.size +
          ledger.size() +
          lru.size(),
      };
    },
    hasData: (key) => storage.get(key) !== undefined,
    onDiscarded: (key) => {
      if (writtenSinceFetch.delete(key)) refresh(key);
    },
    invalidate: ledger.forget,
    hydrate(keys) {
      const hydrated = [...keys];
      ledger.hydrate(hydrated);
      for (const key of hydrated) if (storage.get(key) !== undefined) readAt.set(key, Date.now());
    },
    run,
    onSettlement(listener) {
      settlementListeners.add(listener);
      return () => settlementListeners.delete(listener);
    },
    nextOperationId: () => {
      operationCounter += 1;
      return `op_${operationCounter}`;
    },
  };
}
