import type { MembershipCacheStorage } from '@roster/core';
import type { Cache, ScopedMutator } from 'swr';

/**
 * SWR's cache as the storage of core's membership cache. `isLive` says whether SWR still serves
 * `cache` (the provider is mounted): a mutation can answer after the provider unmounted, and SWR's
 * `mutate` throws on a disposed cache, so a dead cache is neither written nor listed.
 */
export function createSwrMembershipStorage(
  cache: Cache,
  mutate: ScopedMutator,
  isLive: () => boolean,
): MembershipCacheStorage {
  return {
    get: (key) => (cache.get(key) as { data?: unknown } | undefined)?.data,
    set(key, data) {
      if (isLive()) void mutate(key, data, { revalidate: false });
    },
    delete(key) {
      if (isLive()) cache.delete(key);
    },
    keys: () => (isLive() ? cache.keys() : []),
  };
}
