import type {
  MembershipCache,
  MembershipListSource,
  Metadata,
  OrganizationMembership,
  OrganizationMemberships,
  PendingMembershipOperation,
} from '@roster/core';
import { flattenMembershipPages } from '@roster/core';
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { useStableMemberships } from './stable-memberships';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;
type AnyOperation = PendingMembershipOperation<Metadata, Metadata>;

const NO_OPERATIONS: readonly AnyOperation[] = [];
const NO_SOURCE_OPERATIONS = () => NO_OPERATIONS;

/**
 * The server's pages of a view with the pending operations that can change them applied, as one
 * list of members (each keeping its identity while equal), and `totalCount` from the last loaded
 * page. Subscribes to those operations only: others do not re-render the caller.
 */
export function useOverlaidMembers(
  cache: MembershipCache,
  source: MembershipListSource | null,
  serverPages: readonly (AnyPage | undefined)[],
  firstPageNumber: number,
): { data: OrganizationMembership<Metadata, Metadata>[]; totalCount: number } {
  const relevantRef = useRef<readonly AnyOperation[]>(NO_OPERATIONS);
  const getRelevant = useCallback(() => {
    if (source === null) return NO_SOURCE_OPERATIONS();
    const next = source.relevantOperations(serverPages, source.pendingOperations(cache));
    const previous = relevantRef.current;
    if (next.length === previous.length && next.every((op, i) => op === previous[i])) return previous;
    relevantRef.current = next.length === 0 ? NO_OPERATIONS : next;
    return relevantRef.current;
  }, [cache, source, serverPages]);
  const operations = useSyncExternalStore(cache.subscribe, getRelevant, getRelevant);
  const overlaid = useMemo(
    () =>
      serverPages.map((p, i) =>
        p && source ? source.overlay(p, firstPageNumber + i, operations) : undefined,
      ),
    [serverPages, source, operations, firstPageNumber],
  );
  const data = useStableMemberships(useMemo(() => flattenMembershipPages(overlaid), [overlaid]));
  const loaded = overlaid.filter((p) => p !== undefined);
  return { data, totalCount: loaded[loaded.length - 1]?.totalCount ?? 0 };
}
