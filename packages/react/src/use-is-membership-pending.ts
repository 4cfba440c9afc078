import { useCallback, useSyncExternalStore } from 'react';
import { useRosterContext } from './roster-context';

/** What {@link useIsMembershipPending} returns. */
export type UseIsMembershipPendingResult = boolean;

/**
 * Whether a change to this member is waiting for the server: for a row's `data-pending`. Re-renders
 * its caller only when the answer flips, so a memoized row can call it.
 */
export function useIsMembershipPending(organizationId: string, userId: string): UseIsMembershipPendingResult {
  const { cache } = useRosterContext('useIsMembershipPending');
  const get = useCallback(
    () => cache.getOperations(organizationId).some((op) => op.userId === userId),
    [cache, organizationId, userId],
  );
  return useSyncExternalStore(cache.subscribe, get, get);
}
