/** The number of stored list entries a cache keeps by default beyond those on screen or retained. */
export const DEFAULT_CACHE_LIMIT = 30;

/**
 * Least-recently-used bookkeeping of a cache's entries: which were read last, and which to evict
 * when there are more than the limit. Entries that are held (on screen, retained) are never evicted.
 */
export interface CacheLru {
  /** `key` was just read, fetched or shown. */
  touch(key: string): void;
  /** `key` left the cache. */
  forget(key: string): void;
  /**
   * The entries to evict among `keys` (the entries the cache may evict, held or not): the least
   * recently used that are not held, until at most `limit` remain (held ones count too).
   */
  select(keys: readonly string[], isHeld: (key: string) => boolean): string[];
  /** How many keys it tracks. */
  size(): number;
}

/** Creates a {@link CacheLru} keeping at most `limit` entries (`Infinity`: never evicts). */
export function createCacheLru(limit: number): CacheLru {
  if (!(limit >= 0)) throw new RangeError(`cacheLimit must be a number >= 0, got ${String(limit)}`);
  const used = new Map<string, number>();
  let clock = 0;
  return {
    touch(key) {
      clock += 1;
      used.set(key, clock);
    },
    forget: (key) => void used.delete(key),
    select(keys, isHeld) {
      if (keys.length <= limit) return [];
      // Entries never read here (a server-rendered fallback nobody showed) are the oldest.
      const evictable = keys.filter((key) => !isHeld(key));
      evictable.sort((a, b) => (used.get(a) ?? 0) - (used.get(b) ?? 0));
      return evictable.slice(0, Math.max(0, keys.length - limit));
    },
    size: () => used.size,
  };
}
