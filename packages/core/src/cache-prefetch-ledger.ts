import type { MembershipCacheStorage } from './membership-cache';

/**
 * Which stored entries are fresh enough for their first reader to take as they are (a prefetched
 * page, a server-rendered fallback), shared by the membership and the invitation engines. An entry
 * counts as fresh only while no write has settled since it was marked (`settledSeq`).
 */
export interface CachePrefetchLedger {
  /** The stored entry of `key` when it is still fresh (forgetting the mark either way). */
  take<T>(key: string): Promise<T> | undefined;
  /** The next read of `key` goes to the server. */
  forget(key: string): void;
  /** A marked entry that a settled write kept exact stays fresh (marked again at the current count). */
  renew(key: string): void;
  /** How many entries are marked fresh. */
  size(): number;
  /** Marks the stored entries among `keys` that `accepts` as fresh (a server-rendered fallback). */
  hydrate(keys: Iterable<string>, accepts?: (key: string) => boolean): void;
  /**
   * Loads `key` into storage ahead of time with `load`, unless it is stored or `isLoading`; stored
   * (and marked fresh) only if nothing was stored or settled meanwhile.
   */
  prefetch(key: string, isLoading: boolean, load: () => Promise<unknown>): void;
}

/** Creates a {@link CachePrefetchLedger} over `storage`; `settledSeq` reads the engine's count of settled writes. */
export function createCachePrefetchLedger(
  storage: MembershipCacheStorage,
  settledSeq: () => number,
): CachePrefetchLedger {
  const marks = new Map<string, number>();
  return {
    take<T>(key: string) {
      const seq = marks.get(key);
      if (seq === undefined) return undefined;
      marks.delete(key);
      const data = storage.get(key);
      if (seq !== settledSeq() || data === undefined) return undefined;
      return Promise.resolve(data as T);
    },
    forget: (key) => void marks.delete(key),
    size: () => marks.size,
    renew(key) {
      if (marks.has(key)) marks.set(key, settledSeq());
    },
    hydrate(keys, accepts = () => true) {
      for (const key of keys)
        if (accepts(key) && storage.get(key) !== undefined) marks.set(key, settledSeq());
    },
    prefetch(key, isLoading, load) {
      if (storage.get(key) !== undefined || isLoading) return;
      const startSeq = settledSeq();
      load().then(
        (data) => {
          // Stored only if nothing newer landed meanwhile.
          if (storage.get(key) !== undefined || startSeq !== settledSeq()) return;
          marks.set(key, startSeq);
          storage.set(key, data);
        },
        () => {
          // A failed or aborted prefetch leaves nothing behind: the entry loads when shown.
        },
      );
    },
  };
}
