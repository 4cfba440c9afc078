import type {
  MembershipsClient,
  Metadata,
  OrganizationMembership,
  OrganizationMemberships,
  PendingMembershipOperation,
} from '@roster/core';
import {
  membershipListKey,
  membershipListParams,
  parseMembershipListKey,
  parseUserMembershipListKey,
  userMembershipListKey,
  userMembershipListParams,
  writeConfirmedMembership,
  writeConfirmedRemoval,
  writeConfirmedUserMembership,
} from '@roster/core';
import type { Cache, ScopedMutator } from 'swr';
import { INFINITE_PREFIX, type Settlement, writeSettlement } from './settlement-write';

type AnyMembership = OrganizationMembership<Metadata, Metadata>;
type AnyPage = OrganizationMemberships<Metadata, Metadata>;
type AnyOperation = PendingMembershipOperation<Metadata, Metadata>;

interface InFlight {
  promise: Promise<AnyPage>;
  controller: AbortController;
  startSeq: number;
}

type Listener = () => void;

const EMPTY: readonly AnyOperation[] = Object.freeze([]);

function memberKey(organizationId: string, userId: string): string {
  return JSON.stringify([organizationId, userId]);
}

/** The key of page 1 of the list a page key belongs to, or `null` for other keys. */
function firstPageKey(key: string): string | null {
  const orgView = parseMembershipListKey(key);
  if (orgView) return membershipListKey({ ...orgView.filters, ...orgView, page: 1 });
  const userView = parseUserMembershipListKey(key);
  return userView ? userMembershipListKey({ ...userView, page: 1 }) : null;
}

/**
 * Everything one `RosterProvider` shares between its hooks: the pending operations (the optimistic
 * overlay), the log of settled mutations (to keep late list responses from bringing old values
 * back), the list requests in flight (to share and abort them), and the write-back of confirmed
 * results into the SWR cache. Internal: hooks are the public surface.
 */
export interface RosterStore {
  readonly client: MembershipsClient<Metadata, Metadata>;
  subscribe(listener: Listener): () => void;
  /** The pending operations of an organization, oldest first (a new array after every change). */
  getOperations(organizationId: string): readonly AnyOperation[];
  /** The pending operations on one user, across organizations. */
  getUserOperations(userId: string): readonly AnyOperation[];
  /** Fetches the membership list page a key from `membershipListKey` stands for. */
  fetchMembershipList(key: string): Promise<AnyPage>;
  /** Fetches the user-memberships page a key from `userMembershipListKey` stands for. */
  fetchUserMembershipList(key: string): Promise<AnyPage>;
  /** Loads a page into the cache ahead of time, unless it is cached or already loading. */
  prefetch(key: string): void;
  /** Marks a key as wanted; its request is aborted when the last holder lets go before it answers. */
  retain(key: string): () => void;
  /** Registers how a mounted view revalidates (SWR's bound `mutate`), so settled writes can refresh it. */
  registerView(cacheKey: string, revalidate: () => void): () => void;
  /**
   * SWR's `onDiscarded`: SWR drops the answer of a request that was in flight when a settled
   * mutation was written into its cache entry; such a view fetches again, or it would keep what it
   * showed before that request.
   */
  onDiscarded(cacheKey: string): void;
  /** Whether the cache holds data for this key (as opposed to data SWR keeps from a previous key). */
  hasData(key: string): boolean;
  /** The next fetch of this key skips the shortcut that reuses a just-prefetched page. */
  invalidate(key: string): void;
  /** Applies `operation` optimistically, sends it (after earlier operations on the same member), settles it. */
  run<T extends AnyMembership>(operation: AnyOperation, send: () => Promise<T>): Promise<T>;
  /** A new operation ID. */
  nextOperationId(): string;
}

export interface RosterStoreOptions {
  client: MembershipsClient<Metadata, Metadata>;
  cache: Cache;
  mutate: ScopedMutator;
  /**
   * Whether SWR still serves `cache` (the provider is mounted). A mutation outlives the component
   * that started it: once the cache is disposed, its answer still settles the operation and
   * resolves `trigger`, but is no longer written into the cache (SWR's `mutate` would throw).
   */
  isCacheLive: () => boolean;
}

export function createRosterStore({ client, cache, mutate, isCacheLive }: RosterStoreOptions): RosterStore {
  const listeners = new Set<Listener>();
  let operations: AnyOperation[] = [];
  const byOrganization = new Map<string, readonly AnyOperation[]>();
  const byUser = new Map<string, readonly AnyOperation[]>();
  let settledSeq = 0;
  let settlements: Settlement[] = [];
  const inFlight = new Map<string, InFlight>();
  const retained = new Map<string, number>();
  const views = new Map<string, Set<() => void>>();
  const prefetched = new Map<string, number>();
  const memberChains = new Map<string, Promise<unknown>>();
  /** Cache entries written by a settlement since their last request started. */
  const writtenSinceFetch = new Set<string>();
  let operationCounter = 0;

  function notify() {
    byOrganization.clear();
    byUser.clear();
    for (const listener of [...listeners]) listener();
  }

  function select(
    cacheMap: Map<string, readonly AnyOperation[]>,
    id: string,
    pick: (op: AnyOperation) => boolean,
  ): readonly AnyOperation[] {
    const cached = cacheMap.get(id);
    if (cached) return cached;
    const selected = operations.filter(pick);
    const result = selected.length === 0 ? EMPTY : selected;
    cacheMap.set(id, result);
    return result;
  }

  function pruneSettlements() {
    let oldest = settledSeq;
    for (const request of inFlight.values()) oldest = Math.min(oldest, request.startSeq);
    settlements = settlements.filter((s) => s.seq > oldest);
  }

  /** Brings a response up to date with the mutations that settled while it was on its way. */
  function reconcileOrganizationPage(page: AnyPage, key: string, startSeq: number): AnyPage {
    const view = parseMembershipListKey(key);
    if (!view) return page;
    let result = page;
    for (const s of settlements) {
      if (s.seq <= startSeq || s.organizationId !== view.organizationId) continue;
      if (s.kind === 'remove') result = writeConfirmedRemoval(result, s.organizationId, s.userId);
      else if (s.kind !== 'create') result = writeConfirmedMembership(result, view, s.membership).page;
    }
    return result;
  }

  function reconcileUserPage(page: AnyPage, key: string, startSeq: number): AnyPage {
    const view = parseUserMembershipListKey(key);
    if (!view) return page;
    let result = page;
    for (const s of settlements) {
      if (s.seq <= startSeq || s.userId !== view.userId) continue;
      if (s.kind === 'remove') result = writeConfirmedRemoval(result, s.organizationId, s.userId);
      else if (s.kind !== 'create') result = writeConfirmedUserMembership(result, s.membership);
    }
    return result;
  }

  function startFetch(
    key: string,
    load: (signal: AbortSignal) => Promise<AnyPage>,
    reconcile: (page: AnyPage, key: string, startSeq: number) => AnyPage,
  ): Promise<AnyPage> {
    const current = inFlight.get(key);
    // One request per view: share one that started after the last settled mutation.
    if (current && current.startSeq === settledSeq && !current.controller.signal.aborted)
      return current.promise;
    // A request that started before a mutation settled is superseded: abort it.
    current?.controller.abort();
    const controller = new AbortController();
    const startSeq = settledSeq;
    writtenSinceFetch.delete(key);
    // A load-more list refetches from its first page: that request starts its fresh read.
    if (firstPageKey(key) === key) writtenSinceFetch.delete(`${INFINITE_PREFIX}${key}`);
    const promise = load(controller.signal)
      .then((page) => reconcile(page, key, startSeq))
      .finally(() => {
        if (inFlight.get(key)?.controller === controller) inFlight.delete(key);
        pruneSettlements();
      });
    inFlight.set(key, { promise, controller, startSeq });
    return promise;
  }

  function cachedData(key: string): unknown {
    return (cache.get(key) as { data?: unknown } | undefined)?.data;
  }

  function fetchMembershipList(key: string): Promise<AnyPage> {
    const shortcut = takePrefetched(key);
    if (shortcut) return shortcut;
    const view = parseMembershipListKey(key);
    if (!view) return Promise.reject(new TypeError(`Not a membership list key: ${key}`));
    return startFetch(
      key,
      (signal) => client.listMemberships(membershipListParams({ ...view.filters, ...view }), { signal }),
      reconcileOrganizationPage,
    );
  }

  function fetchUserMembershipList(key: string): Promise<AnyPage> {
    const shortcut = takePrefetched(key);
    if (shortcut) return shortcut;
    const view = parseUserMembershipListKey(key);
    if (!view) return Promise.reject(new TypeError(`Not a user memberships list key: ${key}`));
    return startFetch(
      key,
      (signal) => client.listUserMemberships(userMembershipListParams(view), { signal }),
      reconcileUserPage,
    );
  }

  /** A page prefetched since the last settled mutation is fresh: its first reader takes it as is. */
  function takePrefetched(key: string): Promise<AnyPage> | undefined {
    const seq = prefetched.get(key);
    if (seq === undefined) return undefined;
    prefetched.delete(key);
    const data = cachedData(key);
    if (seq !== settledSeq || data === undefined) return undefined;
    return Promise.resolve(data as AnyPage);
  }

  function prefetch(key: string) {
    if (cachedData(key) !== undefined || inFlight.has(key)) return;
    const isUserList = parseUserMembershipListKey(key) !== null;
    const promise = isUserList ? fetchUserMembershipList(key) : fetchMembershipList(key);
    const startSeq = settledSeq;
    promise.then(
      (page) => {
        // Written only if nothing newer landed meanwhile, and only while the cache is served.
        if (!isCacheLive() || cachedData(key) !== undefined || startSeq !== settledSeq) return;
        prefetched.set(key, settledSeq);
        void mutate(key, page, { revalidate: false });
      },
      () => {
        // A failed or aborted prefetch leaves nothing behind: the page loads when shown.
      },
    );
  }

  function retain(key: string): () => void {
    retained.set(key, (retained.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const count = (retained.get(key) ?? 1) - 1;
      if (count > 0) {
        retained.set(key, count);
        return;
      }
      retained.delete(key);
      // Let a remount in the same commit (StrictMode, a key that comes straight back) keep it.
      queueMicrotask(() => {
        if (retained.has(key)) return;
        inFlight.get(key)?.controller.abort();
      });
    };
  }

  function registerView(cacheKey: string, revalidate: () => void): () => void {
    let set = views.get(cacheKey);
    if (!set) {
      set = new Set();
      views.set(cacheKey, set);
    }
    set.add(revalidate);
    return () => {
      const current = views.get(cacheKey);
      current?.delete(revalidate);
      if (current?.size === 0) views.delete(cacheKey);
    };
  }

  /** Refreshes a cached view: mounted ones refetch now, unmounted ones are dropped (fetched when shown). */
  function refresh(cacheKey: string) {
    prefetched.delete(cacheKey);
    const mounted = views.get(cacheKey);
    if (mounted && mounted.size > 0) {
      for (const revalidate of mounted) revalidate();
      return;
    }
    // A request that started before this settlement can only bring stale data: abort it. One that
    // started since (a load-more list refetching its pages) is the refresh itself: keep it.
    const request = inFlight.get(cacheKey);
    if (request && request.startSeq < settledSeq) request.controller.abort();
    cache.delete(cacheKey);
  }

  /**
   * Writes a settled mutation into every cached view it touches, then refreshes the views that may
   * now miss members (removal, creation, a member who entered or left a role filter).
   */
  function writeBack(settlement: Settlement) {
    const stale: string[] = [];
    for (const cacheKey of [...cache.keys()]) {
      const result = writeSettlement(cacheKey, cachedData(cacheKey), settlement);
      if (result === null) continue;
      if (result.data !== undefined) {
        writtenSinceFetch.add(cacheKey);
        void mutate(cacheKey, result.data, { revalidate: false });
      }
      if (result.stale) stale.push(cacheKey);
    }
    return stale;
  }

  async function run<T extends AnyMembership>(operation: AnyOperation, send: () => Promise<T>): Promise<T> {
    operations = [...operations, operation];
    notify();
    const chainKey = memberKey(operation.organizationId, operation.userId);
    const previous = memberChains.get(chainKey) ?? Promise.resolve();
    // Requests on one member go out one after the other, so the server applies them in the order
    // they were made and the last answer is the member's final state.
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
      // One synchronous block: the server's value lands in the cache in the same render in which
      // the optimistic operation leaves, so nothing in between is ever shown. A disposed cache
      // (the provider unmounted meanwhile) shows nothing any more: nothing to write or refresh.
      const stale = isCacheLive() ? writeBack(settlement) : [];
      operations = operations.filter((op) => op !== operation);
      notify();
      for (const key of stale) refresh(key);
      pruneSettlements();
      return membership;
    } catch (error) {
      operations = operations.filter((op) => op !== operation);
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
    fetchMembershipList,
    fetchUserMembershipList,
    prefetch,
    retain,
    registerView,
    hasData: (key) => cachedData(key) !== undefined,
    onDiscarded: (cacheKey) => {
      if (writtenSinceFetch.delete(cacheKey)) refresh(cacheKey);
    },
    invalidate: (key) => {
      prefetched.delete(key);
    },
    run,
    nextOperationId: () => {
      operationCounter += 1;
      return `op_${operationCounter}`;
    },
  };
}
