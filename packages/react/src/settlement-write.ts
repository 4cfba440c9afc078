import type {
  Metadata,
  OrganizationMembership,
  OrganizationMemberships,
  PendingMembershipOperation,
} from '@roster/core';
import {
  parseMembershipListKey,
  parseUserMembershipListKey,
  writeConfirmedMembership,
  writeConfirmedRemoval,
  writeConfirmedUserMembership,
} from '@roster/core';
import { unstable_serialize } from 'swr/infinite';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;

/** SWR stores the pages of `useSWRInfinite` under this prefix plus the first page's key. */
export const INFINITE_PREFIX = unstable_serialize(() => 'x').slice(0, -1);

/** A settled mutation, kept while list requests that started before it may still answer. */
export interface Settlement {
  seq: number;
  kind: PendingMembershipOperation['kind'];
  organizationId: string;
  userId: string;
  membership: OrganizationMembership<Metadata, Metadata>;
}

/** `useSWRInfinite` entries: `$inf$` + the key of the first page. */
export function splitInfiniteKey(key: string): { infinite: boolean; pageKey: string } {
  if (INFINITE_PREFIX !== '' && key.startsWith(INFINITE_PREFIX)) {
    return { infinite: true, pageKey: key.slice(INFINITE_PREFIX.length) };
  }
  return { infinite: false, pageKey: key };
}

/** What a settled mutation does to one cache entry. */
export interface SettlementWrite {
  /** The entry's new data, or `undefined` when it does not change. */
  data: unknown;
  /** The entry may now miss members a fresh read would show: refresh it. */
  stale: boolean;
}

/**
 * Writes a settled mutation into one cache entry (a page of a list, or the pages of a load-more
 * list): the server's membership replaces the member where the entry holds it; a removal drops it.
 * Removals and creations make every entry of the organization (or user) stale, since members move
 * between pages; a role change does so where a role filter is crossed. `null` for entries the
 * settlement does not concern.
 */
export function writeSettlement(
  cacheKey: string,
  data: unknown,
  settlement: Settlement,
): SettlementWrite | null {
  const { infinite, pageKey } = splitInfiniteKey(cacheKey);
  const orgView = parseMembershipListKey(pageKey);
  const userView = orgView ? null : parseUserMembershipListKey(pageKey);
  if (
    orgView ? orgView.organizationId !== settlement.organizationId : userView?.userId !== settlement.userId
  ) {
    return null;
  }
  let stale = settlement.kind === 'remove' || settlement.kind === 'create';
  if (data === undefined) return { data: undefined, stale };
  const writePage = (page: AnyPage, pageNumber: number): AnyPage => {
    if (settlement.kind === 'remove')
      return writeConfirmedRemoval(page, settlement.organizationId, settlement.userId);
    if (settlement.kind === 'create') return page;
    if (!orgView) return writeConfirmedUserMembership(page, settlement.membership);
    const result = writeConfirmedMembership(page, { ...orgView, page: pageNumber }, settlement.membership);
    if (result.stale) stale = true;
    return result.page;
  };
  let next: unknown;
  if (infinite && Array.isArray(data)) {
    const pages = data as (AnyPage | undefined)[];
    const written = pages.map((page, i) => (page ? writePage(page, i + 1) : page));
    next = written.some((page, i) => page !== pages[i]) ? written : data;
  } else {
    next = writePage(data as AnyPage, (orgView ?? userView)?.page ?? 1);
  }
  return { data: next === data ? undefined : next, stale };
}
