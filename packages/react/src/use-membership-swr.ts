import type { MembershipCache } from '@roster/core';
import useSWR, { type SWRResponse } from 'swr';

/** `useSWR` on a key of the membership (or invitation) cache, and whether the data shown is this key's own. */
export function useMembershipSWR<T>(
  cache: Pick<MembershipCache, 'fetch' | 'onDiscarded' | 'hasData'>,
  key: string | null,
  keepPreviousData: boolean,
): SWRResponse<T> & { hasOwnData: boolean } {
  const swr = useSWR<T>(key, cache.fetch as (key: string) => Promise<T>, {
    keepPreviousData,
    onDiscarded: cache.onDiscarded,
    // Retries live in the client (`createHttpClient`'s retry policy), in one place.
    shouldRetryOnError: false,
  });
  // With `keepPreviousData`, SWR shows the previous key's data until this key has its own.
  const hasOwnData = key !== null && swr.data !== undefined && cache.hasData(key);
  return Object.assign(swr, { hasOwnData });
}
