import type { MembershipCache } from '@roster/core';
import { useEffect } from 'react';

/**
 * While mounted, holds `key` (its request is aborted once nobody holds it) and lets settled writes
 * revalidate it through SWR's bound `mutate`.
 */
export function useViewRegistration(
  cache: Pick<MembershipCache, 'retain' | 'registerView'>,
  key: string | null,
  mutate: () => Promise<unknown>,
  revalidateOnFocus = true,
): void {
  useEffect(() => {
    if (key === null) return;
    const release = cache.retain(key);
    const unregister = cache.registerView(
      key,
      () => {
        void mutate();
      },
      { revalidateOnFocus },
    );
    return () => {
      unregister();
      release();
    };
  }, [cache, key, mutate, revalidateOnFocus]);
}

/**
 * Loads `nextKey` ahead of time once the current page is `shown` (again whenever it changes: a
 * settled removal or creation drops stored pages that are not on screen), and holds it meanwhile.
 */
export function usePrefetchPage(
  cache: Pick<MembershipCache, 'retain' | 'prefetch'>,
  nextKey: string | null,
  shown: unknown,
): void {
  useEffect(() => {
    if (nextKey === null || shown === undefined) return;
    const release = cache.retain(nextKey);
    cache.prefetch(nextKey);
    return release;
  }, [cache, nextKey, shown]);
}
