import type { Metadata, PendingMembershipOperation } from '@roster/core';
import { useCallback, useSyncExternalStore } from 'react';
import { useRosterContext } from './roster-context';

/** What {@link usePendingMembershipOperations} returns: the organization's pending operations, oldest first. */
export type UsePendingMembershipOperationsResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = readonly PendingMembershipOperation<TPublic, TPrivate>[];

/**
 * The operations sent to the server for an organization and not yet answered (role changes,
 * removals, metadata updates, creations), oldest first; the same array until one starts or settles.
 */
export function usePendingMembershipOperations<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(organizationId: string): UsePendingMembershipOperationsResult<TPublic, TPrivate> {
  const { cache } = useRosterContext('usePendingMembershipOperations');
  const get = useCallback(() => cache.getOperations(organizationId), [cache, organizationId]);
  return useSyncExternalStore(cache.subscribe, get, get) as UsePendingMembershipOperationsResult<
    TPublic,
    TPrivate
  >;
}
