import type { RequestOptions } from './client';
import type { MembershipCache } from './membership-cache-api';
import type { UndoHandle } from './undo-window';

/** Why a deferred removal's request was never sent: it was undone within its window. */
export class MembershipChangeUndoneError extends Error {
  constructor() {
    super('The change was undone before it was sent');
    this.name = 'MembershipChangeUndoneError';
  }
}

/** Whether `error` is the rejection of a change undone before it was sent (not a failure). */
export function isMembershipChangeUndone(error: unknown): error is MembershipChangeUndoneError {
  return error instanceof MembershipChangeUndoneError;
}

/** What a deferred request waits for: the window's end (with its request options) or undo. */
export interface DeferredGate {
  /** Use as the `schedule` command option: waits, then sends (or rejects when undone). */
  schedule: <T>(send: (requestOptions?: RequestOptions) => Promise<T>) => Promise<T>;
  /** The window ended: send (through `limit`, unless `keepalive` is asked, which sends at once). */
  open(requestOptions?: RequestOptions): void;
  /** Undone: nothing is sent, every waiting command rejects with {@link MembershipChangeUndoneError}. */
  cancel(): void;
}

/**
 * A gate for deferred requests. On the window's end they go through `limit` (bounded parallelism);
 * a `keepalive` flush (the page is going away) sends them all at once, since later ones could not
 * wait for earlier answers.
 */
export function createDeferredGate(limit: <T>(task: () => Promise<T>) => Promise<T>): DeferredGate {
  let decide!: (outcome: { undone: boolean; requestOptions?: RequestOptions | undefined }) => void;
  const outcome = new Promise<{ undone: boolean; requestOptions?: RequestOptions | undefined }>((resolve) => {
    decide = resolve;
  });
  return {
    schedule: (send) =>
      outcome.then(({ undone, requestOptions }) => {
        if (undone) throw new MembershipChangeUndoneError();
        if (requestOptions?.keepalive) return send(requestOptions);
        return limit(() => send(requestOptions));
      }),
    open: (requestOptions) => decide({ undone: false, requestOptions }),
    cancel: () => decide({ undone: true }),
  };
}

const pendingByCache = new WeakMap<MembershipCache, Set<UndoHandle<unknown>>>();

/** Tracks an open window of deferred removals of `cache` until it closes, for {@link flushDeferredRemovals}. */
export function trackDeferredRemoval(cache: MembershipCache, handle: UndoHandle<unknown>): void {
  let pending = pendingByCache.get(cache);
  if (!pending) {
    pending = new Set();
    pendingByCache.set(cache, pending);
  }
  pending.add(handle);
  const unsubscribe = handle.subscribe(() => {
    if (handle.state !== 'undone' && handle.state !== 'committed') return;
    unsubscribe();
    pending.delete(handle);
  });
}

/**
 * Ends every open window of deferred removals of `cache` now and sends their DELETEs with
 * `keepalive: true`, so they complete even if the page goes away: what `RosterProvider` does on
 * `pagehide` and when it unmounts. Returns how many windows it ended.
 */
export function flushDeferredRemovals(cache: MembershipCache): number {
  const pending = pendingByCache.get(cache);
  if (!pending) return 0;
  const handles = [...pending];
  for (const handle of handles) handle.commit({ keepalive: true });
  return handles.length;
}

/** How many windows of deferred removals of `cache` are open. */
export function pendingDeferredRemovals(cache: MembershipCache): number {
  return pendingByCache.get(cache)?.size ?? 0;
}
