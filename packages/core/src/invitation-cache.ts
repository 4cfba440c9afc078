/**
 * The invitation cache engine: the sibling of the membership cache, over the same storage (its
 * entries are the `roster:invitations:` keys, which the membership cache ignores). Server truth in
 * storage, pending invitation operations as an overlay on top, settlements written back.
 */
import { createCachePrefetchLedger } from './cache-prefetch-ledger';
import { createCacheViewRegistry } from './cache-view-registry';
import type { MembershipsClient } from './client';
import type { InvitationListView } from './invitation-list-key';
import { invitationListParams, parseInvitationListKey } from './invitation-list-key';
import type { PendingInvitationOperation } from './invitation-overlay';
import {
  applyInvitationOverlay,
  invitationMatchesView,
  writeConfirmedInvitation,
} from './invitation-overlay';
import type { MembershipCache, MembershipCacheStorage } from './membership-cache';
import type { Metadata, OrganizationInvitation, OrganizationInvitations } from './models';

type AnyInvitation = OrganizationInvitation<Metadata, Metadata>;
type AnyPage = OrganizationInvitations<Metadata, Metadata>;
type AnyOperation = PendingInvitationOperation<Metadata, Metadata>;
type ListView = InvitationListView & { organizationId: string };

/** A server-confirmed invitation write: a created invitation, or a revoked one. */
export interface ConfirmedInvitation {
  kind: 'creation' | 'revocation';
  invitation: AnyInvitation;
}

/** Options of {@link createInvitationCache}. */
export interface InvitationCacheOptions {
  /** Must implement the invitation methods (`createHttpClient` and `createMemoryClient` do). */
  client: MembershipsClient<Metadata, Metadata>;
  /** The same storage as the membership cache's (SWR's cache in `@roster/react`). */
  storage: MembershipCacheStorage;
}

/**
 * The invitation cache engine. It promises, like the membership cache:
 *
 * - a failed write removes its own operations only (the rollback), never a newer one;
 * - a confirmed write lands in every stored invitation page of the organization in the same
 *   notification in which its operations leave (a created invitation takes its placeholder's place
 *   at the top of a newest-first first page and keeps the raised count; a revoked one leaves
 *   pending views), then those views revalidate when mounted and are dropped when not;
 * - a list response that started before a write settled is brought up to date with it;
 * - one request per key at a time, shared; a request nobody retains any more is aborted.
 */
export interface InvitationCache
  extends Pick<
    MembershipCache,
    | 'subscribe'
    | 'prefetch'
    | 'retain'
    | 'registerView'
    | 'onDiscarded'
    | 'hasData'
    | 'invalidate'
    | 'hydrate'
  > {
  readonly client: MembershipsClient<Metadata, Metadata>;
  /** The organization's pending invitation operations, oldest first (the same array until they change). */
  getOperations(organizationId: string): readonly AnyOperation[];
  /** Fetches the invitation page a key from `invitationListKey` stands for. */
  fetch(key: string): Promise<AnyPage>;
  /** A stored invitation of the organization with this ID (server data only), or `undefined`. */
  findInvitation(organizationId: string, invitationId: string): AnyInvitation | undefined;
  /** Shows operations at once (optimistic). */
  begin(operations: readonly AnyOperation[]): void;
  /** Writes the server's answers and removes `operations`, in one notification. */
  settle(organizationId: string, operations: readonly AnyOperation[], confirmed: ConfirmedInvitation[]): void;
  /** Removes `operations` (the rollback of exactly these). */
  fail(operations: readonly AnyOperation[]): void;
  /** A new operation ID. */
  nextOperationId(): string;
}

interface Settlement {
  seq: number;
  organizationId: string;
  confirmed: ConfirmedInvitation[];
}

const EMPTY: readonly AnyOperation[] = Object.freeze([]);

/** The view a key stands for, as the overlay functions take it. */
function viewOf(key: string): ListView | null {
  const c = parseInvitationListKey(key);
  return c && { ...c, emailAddress: c.emailAddress ?? undefined };
}

/** Writes confirmed invitations into one page; `stale` when the view should revalidate. */
function writePage(
  page: AnyPage,
  view: ListView,
  confirmed: readonly ConfirmedInvitation[],
): { page: AnyPage; stale: boolean } {
  let result = page;
  let stale = false;
  for (const { kind, invitation } of confirmed) {
    if (kind === 'creation') {
      const operation = { kind: 'invitation-creation' as const, id: '', organizationId: view.organizationId };
      // A page lacking it whose view it belongs in may now show it elsewhere: revalidate.
      if (!result.data.some((i) => i.id === invitation.id) && invitationMatchesView(invitation, view))
        stale = true;
      result = applyInvitationOverlay(result, view, [{ ...operation, invitation }]);
    } else {
      // The invitations after a revoked one move up: every page of the organization revalidates.
      result = writeConfirmedInvitation(result, view, invitation).page;
      stale = true;
    }
  }
  return { page: result, stale };
}

/** Creates an {@link InvitationCache}. Framework-free: `@roster/react` adapts it to SWR. */
export function createInvitationCache({ client, storage }: InvitationCacheOptions): InvitationCache {
  const listeners = new Set<() => void>();
  let operations: AnyOperation[] = [];
  const byOrganization = new Map<string, readonly AnyOperation[]>();
  let settledSeq = 0;
  let settlements: Settlement[] = [];
  const inFlight = new Map<
    string,
    { promise: Promise<AnyPage>; controller: AbortController; startSeq: number }
  >();
  const registry = createCacheViewRegistry((key) => inFlight.get(key)?.controller.abort());
  const ledger = createCachePrefetchLedger(storage, () => settledSeq);
  const writtenSinceFetch = new Set<string>();
  let counter = 0;

  function notify() {
    byOrganization.clear();
    for (const listener of [...listeners]) listener();
  }

  function pruneSettlements() {
    let oldest = settledSeq;
    for (const request of inFlight.values()) oldest = Math.min(oldest, request.startSeq);
    settlements = settlements.filter((s) => s.seq > oldest);
  }

  function fetch(key: string): Promise<AnyPage> {
    const fresh = ledger.take<AnyPage>(key);
    if (fresh) return fresh;
    const view = viewOf(key);
    if (!view) return Promise.reject(new TypeError(`Not a Roster invitation list key: ${key}`));
    if (!client.listInvitations) {
      return Promise.reject(new TypeError('The Roster client does not implement listInvitations.'));
    }
    const current = inFlight.get(key);
    if (current && current.startSeq === settledSeq && !current.controller.signal.aborted)
      return current.promise;
    current?.controller.abort();
    const controller = new AbortController();
    const startSeq = settledSeq;
    writtenSinceFetch.delete(key);
    const promise = client
      .listInvitations(invitationListParams(view), { signal: controller.signal })
      .then((page) => {
        // A superseded request's answer predates a settlement: never let it through.
        if (controller.signal.aborted) throw new DOMException('Superseded', 'AbortError');
        let result = page;
        for (const s of settlements) {
          if (s.seq > startSeq && s.organizationId === view.organizationId)
            result = writePage(result, view, s.confirmed).page;
        }
        return result;
      })
      .finally(() => {
        if (inFlight.get(key)?.controller === controller) inFlight.delete(key);
        pruneSettlements();
      });
    inFlight.set(key, { promise, controller, startSeq });
    return promise;
  }

  function prefetch(key: string) {
    ledger.prefetch(key, inFlight.has(key), () => fetch(key));
  }

  function refresh(key: string) {
    ledger.forget(key);
    if (registry.revalidateMounted(key)) return;
    const request = inFlight.get(key);
    if (request && request.startSeq < settledSeq) request.controller.abort();
    storage.delete(key);
  }

  function storedPages(organizationId: string): [string, ListView, AnyPage][] {
    const pages: [string, ListView, AnyPage][] = [];
    for (const key of [...storage.keys()]) {
      const view = viewOf(key);
      const data = storage.get(key) as AnyPage | undefined;
      if (view?.organizationId === organizationId && data !== undefined) pages.push([key, view, data]);
    }
    return pages;
  }

  function without(removed: readonly AnyOperation[]) {
    operations = operations.filter((op) => !removed.includes(op));
  }

  function settle(
    organizationId: string,
    settled: readonly AnyOperation[],
    confirmed: ConfirmedInvitation[],
  ) {
    settledSeq += 1;
    settlements.push({ seq: settledSeq, organizationId, confirmed });
    const stale: string[] = [];
    // One synchronous block: the server's answer is stored in the notification its operations leave in.
    for (const [key, view, data] of storedPages(organizationId)) {
      const result = writePage(data, view, confirmed);
      if (result.page !== data) {
        writtenSinceFetch.add(key);
        storage.set(key, result.page);
      }
      if (result.stale) stale.push(key);
    }
    without(settled);
    notify();
    for (const key of stale) refresh(key);
    pruneSettlements();
  }

  return {
    client,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getOperations(organizationId) {
      const cached = byOrganization.get(organizationId);
      if (cached) return cached;
      const selected = operations.filter((op) => op.organizationId === organizationId);
      const result = selected.length === 0 ? EMPTY : selected;
      byOrganization.set(organizationId, result);
      return result;
    },
    fetch,
    prefetch,
    retain: registry.retain,
    registerView: registry.registerView,
    onDiscarded: (key) => {
      if (writtenSinceFetch.delete(key)) refresh(key);
    },
    hasData: (key) => storage.get(key) !== undefined,
    invalidate: ledger.forget,
    hydrate: (keys) => ledger.hydrate(keys, (key) => viewOf(key) !== null),
    findInvitation(organizationId, invitationId) {
      for (const [, , page] of storedPages(organizationId)) {
        const found = page.data.find((i) => i.id === invitationId);
        if (found) return found;
      }
      return undefined;
    },
    begin(added) {
      operations = [...operations, ...added];
      notify();
    },
    settle,
    fail(removed) {
      without(removed);
      notify();
    },
    nextOperationId: () => {
      counter += 1;
      return `invop_${counter}`;
    },
  };
}
