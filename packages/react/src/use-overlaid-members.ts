import type {
  Metadata,
  OrganizationMembership,
  OrganizationMemberships,
  PendingMembershipOperation,
} from '@roster/core';
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type { MembershipListSource } from './membership-list-result';
import { useStableMemberships } from './stable-memberships';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;
type AnyOperation = PendingMembershipOperation<Metadata, Metadata>;
type AnyMembership = OrganizationMembership<Metadata, Metadata>;

const NO_OPERATIONS: readonly AnyOperation[] = [];

/** The server's pages of a view with the pending operations applied, as one list of members. */
export interface OverlaidMembers {
  data: AnyMembership[];
  /** The list's `totalCount` (from its last loaded page), pending removals and creations counted. */
  totalCount: number;
}

/**
 * Applies the pending operations that can change these pages (those on members they show, and
 * creations, which change counts) and subscribes to those only: other operations do not re-render
 * the caller. Pages are numbered from `firstPageNumber`; members keep their identity while equal.
 */
export function useOverlaidMembers(
  source: MembershipListSource,
  serverPages: readonly (AnyPage | undefined)[],
  firstPageNumber: number,
): OverlaidMembers {
  const { cache, getOperations, operationMember, membershipMember, overlay } = source;
  const relevantRef = useRef<readonly AnyOperation[]>(NO_OPERATIONS);
  const getRelevant = useCallback(() => {
    const shown = new Set<string | undefined>();
    for (const p of serverPages) for (const m of p?.data ?? []) shown.add(membershipMember(m));
    const next = getOperations().filter((op) => op.kind === 'create' || shown.has(operationMember(op)));
    const previous = relevantRef.current;
    if (next.length === previous.length && next.every((op, i) => op === previous[i])) return previous;
    relevantRef.current = next.length === 0 ? NO_OPERATIONS : next;
    return relevantRef.current;
  }, [serverPages, getOperations, operationMember, membershipMember]);
  const operations = useSyncExternalStore(cache.subscribe, getRelevant, getRelevant);

  const overlaid = useMemo(
    () => serverPages.map((p, i) => (p ? overlay(p, firstPageNumber + i, operations) : undefined)),
    [serverPages, overlay, operations, firstPageNumber],
  );
  const merged = useMemo(() => {
    if (overlaid.length === 1) return overlaid[0]?.data ?? [];
    // Members move between pages while a load-more list loads: show each one once.
    const seen = new Set<string>();
    const all: AnyMembership[] = [];
    for (const m of overlaid.flatMap((p) => p?.data ?? [])) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      all.push(m);
    }
    return all;
  }, [overlaid]);
  const loaded = overlaid.filter((p) => p !== undefined);
  return { data: useStableMemberships(merged), totalCount: loaded[loaded.length - 1]?.totalCount ?? 0 };
}
