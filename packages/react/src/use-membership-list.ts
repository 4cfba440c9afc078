import type { MembershipCache, MembershipListSource } from '@roster/core';
import { useRef } from 'react';
import type { MembershipListQueryOptions, MembershipListResult } from './membership-list-result';
import { resolveMembershipListOptions } from './membership-list-result';
import { useLoadMoreMembershipList } from './use-load-more-membership-list';
import { usePagedMembershipList } from './use-paged-membership-list';

/**
 * The paged or the load-more list, as `infinite` asks. Each calls one SWR hook, so `infinite` is
 * fixed for the life of the component (as `useQuery` and `useInfiniteQuery` are two hooks).
 */
export function useMembershipList(
  hookName: string,
  cache: MembershipCache,
  source: MembershipListSource | null,
  options: MembershipListQueryOptions,
): MembershipListResult {
  const resolved = resolveMembershipListOptions(options);
  const infinite = useRef(resolved.infinite).current;
  if (infinite !== resolved.infinite) {
    throw new Error(
      `${hookName}: \`infinite\` changed from ${infinite} to ${resolved.infinite} while mounted. A paged and a load-more list are different hooks: give the component a new \`key\` to switch.`,
    );
  }
  // The same hook on every render: `infinite` is fixed above.
  const useList = infinite ? useLoadMoreMembershipList : usePagedMembershipList;
  return useList(cache, resolved.enabled ? source : null, resolved);
}
