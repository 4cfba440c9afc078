import type { MembershipCache } from '@roster/core';
import { useEffect } from 'react';
import useSWR, { type SWRResponse } from 'swr';

/** `useSWR` on a key of the membership (or invitation) cache, and whether the data shown is this key's own. */
export function useMembershipSWR<T>(
  cache: Pick<MembershipCache, 'fetch' | 'onDiscarded' | 'hasData'>,
  key: string | null,
  keepPreviousData: boolean,
  /** `false` where the engine handles focus itself (`revalidateStale`: only stale views on screen). */
  swrFocus = true,
): SWRResponse<T> & { hasOwnData: boolean } {
  const swr = useSWR<T>(key, cache.fetch as (key: string) => Promise<T>, {
    keepPreviousData,
    onDiscarded: cache.onDiscarded,
    ...(swrFocus ? {} : { revalidateOnFocus: false }),
    // Retries live in the client (`createHttpClient`'s retry policy), in one place.
    shouldRetryOnError: false,
  });
  // With `keepPreviousData`, SWR shows the previous key's data until this key has its own.
  const hasOwnData = key !== null && swr.data !== undefined && cache.hasData(key);
  // A key shown without data is asked for. SWR would dedupe the mount's request against one made
  // less than `dedupingInterval` ago, before a settled write dropped the entry: the view would show
  // the previous page's members under this page's number, or load forever. The cache shares the
  // request with the mount's own, so nothing is sent twice.
  const { mutate } = swr;
  useEffect(() => {
    if (key !== null && !cache.hasData(key)) void mutate();
  }, [cache, key, mutate]);
  return Object.assign(swr, { hasOwnData });
}
