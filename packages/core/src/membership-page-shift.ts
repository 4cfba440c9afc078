import type { CanonicalMembershipListView } from './list-key';
import type { Metadata, OrganizationMembership, OrganizationMemberships } from './models';
import { isSameMember, membershipMatchesView, writeConfirmedMembership } from './optimistic-overlay';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;
type AnyMembership = OrganizationMembership<Metadata, Metadata>;

/** The stored pages of one list after a confirmed write, and the pages it could not write exactly. */
export interface ListPagesWrite {
  /** Every page given, by page number: the same object where nothing changed. */
  pages: Map<number, AnyPage>;
  /** Pages that may now differ from a fresh read (a member to pull up is on a page not stored). */
  stale: Set<number>;
}

/** A confirmed mutation, as one organization list sees it: `update` is a role or metadata change. */
export interface ListSettlement {
  kind: 'removal' | 'update' | 'creation';
  /** The server's membership (for a removal, the one removed). */
  membership: AnyMembership;
}

function allStale(pages: ReadonlyMap<number, AnyPage>): ListPagesWrite {
  return { pages: new Map(pages), stale: new Set(pages.keys()) };
}

/** The member's position in the whole list, from the stored page that holds it, or `null`. */
function storedPosition(pages: ReadonlyMap<number, AnyPage>, pageSize: number, target: AnyMembership) {
  const sameMember = isSameMember(target);
  for (const [pageNumber, page] of pages) {
    const index = page.data.findIndex(sameMember);
    if (index !== -1) return (pageNumber - 1) * pageSize + index;
  }
  return null;
}

/**
 * Where a member not in the list yet goes, in a list ordered by creation time: a position in the
 * whole list, `Infinity` after every stored page, or `null` when the stored pages cannot tell (other
 * orders, equal creation times, a gap between stored pages).
 */
function insertionPosition(
  pages: ReadonlyMap<number, AnyPage>,
  view: CanonicalMembershipListView,
  member: AnyMembership,
): number | null {
  const descending = view.orderBy === '-created_at';
  if (!descending && view.orderBy !== '+created_at') return null;
  const before = (m: AnyMembership) =>
    descending ? m.createdAt > member.createdAt : m.createdAt < member.createdAt;
  const numbers = [...pages.keys()].sort((a, b) => a - b);
  for (const [i, pageNumber] of numbers.entries()) {
    const data = (pages.get(pageNumber) as AnyPage).data;
    if (data.some((m) => m.createdAt === member.createdAt)) return null;
    const k = data.filter(before).length;
    const start = (pageNumber - 1) * view.pageSize;
    if (k === data.length) {
      if (data.length < view.pageSize) return start + data.length;
      continue;
    }
    if (k > 0 || pageNumber === 1 || numbers[i - 1] === pageNumber - 1) return start + k;
    return null;
  }
  return Number.POSITIVE_INFINITY;
}

function withData(page: AnyPage, data: AnyMembership[], totalCount: number): AnyPage {
  return { ...page, data, totalCount: Math.max(0, totalCount) };
}

/** The list with the member at position `at` gone: later pages move up one, pulling from the next stored page. */
function removeAt(pages: ReadonlyMap<number, AnyPage>, pageSize: number, at: number): ListPagesWrite {
  const result: ListPagesWrite = { pages: new Map(), stale: new Set() };
  for (const [pageNumber, page] of pages) {
    const start = (pageNumber - 1) * pageSize;
    const totalCount = page.totalCount - 1;
    if (at >= start + pageSize) {
      result.pages.set(pageNumber, withData(page, page.data, totalCount));
      continue;
    }
    const drop = at < start ? 0 : at - start;
    const data = page.data.filter((_, i) => i !== drop);
    const wanted = Math.min(pageSize, Math.max(0, totalCount - start));
    if (data.length < wanted) {
      const pulled = pages.get(pageNumber + 1)?.data[0];
      if (pulled) data.push(pulled);
      else result.stale.add(pageNumber);
    }
    result.pages.set(pageNumber, withData(page, data, totalCount));
  }
  return result;
}

/** The list with `member` at position `at`: later pages move down one, taking the previous stored page's last. */
function insertAt(
  pages: ReadonlyMap<number, AnyPage>,
  pageSize: number,
  at: number,
  member: AnyMembership,
): ListPagesWrite {
  const result: ListPagesWrite = { pages: new Map(), stale: new Set() };
  for (const [pageNumber, page] of pages) {
    const start = (pageNumber - 1) * pageSize;
    const totalCount = page.totalCount + 1;
    let data: AnyMembership[];
    if (at >= start + pageSize) data = page.data;
    else if (at >= start) data = [...page.data.slice(0, at - start), member, ...page.data.slice(at - start)];
    else {
      const previous = pages.get(pageNumber - 1)?.data;
      const moved = previous?.[previous.length - 1];
      if (moved) data = [moved, ...page.data];
      else {
        data = page.data;
        result.stale.add(pageNumber);
      }
    }
    result.pages.set(pageNumber, withData(page, data.slice(0, pageSize), totalCount));
  }
  return result;
}

/**
 * Writes a confirmed mutation into the stored pages of one organization list (`pages` by page
 * number), exactly where the stored pages allow it, so views need no request:
 *
 * - a member who leaves the list (removed, or a role outside its role filter) is dropped, counts go
 *   down, and every later stored page moves up one, the first member of the following stored page
 *   pulled up into it; a page whose next member is on a page not stored is stale;
 * - a member who joins a role-filtered list ordered by creation time is inserted where the order
 *   puts it (counts go up, later pages move down one); in other orders the list is stale;
 * - a role or metadata change of a member the list keeps is written in place;
 * - a creation leaves every page stale (the new member's place needs a fresh read).
 */
export function writeSettlementToList(
  view: CanonicalMembershipListView,
  pages: ReadonlyMap<number, AnyPage>,
  settlement: ListSettlement,
): ListPagesWrite {
  if (settlement.kind === 'creation') return allStale(pages);
  const { membership } = settlement;
  const at = storedPosition(pages, view.pageSize, membership);
  const roleFilter = view.filters.role;
  const leaves =
    settlement.kind === 'removal' || (roleFilter !== undefined && !roleFilter.includes(membership.role));
  if (at !== null) {
    if (leaves) return removeAt(pages, view.pageSize, at);
    const written = new Map<number, AnyPage>();
    for (const [n, page] of pages) written.set(n, writeConfirmedMembership(page, view, membership).page);
    return { pages: written, stale: new Set() };
  }
  const matches = membershipMatchesView(membership, view);
  // Not stored: a member known to be outside the list changes nothing.
  if (matches === false) return { pages: new Map(pages), stale: new Set() };
  // Removed from a page not stored, or from a list the client cannot evaluate: positions unknown.
  if (settlement.kind === 'removal') return allStale(pages);
  if (roleFilter === undefined) return { pages: new Map(pages), stale: new Set() };
  const position = matches === true ? insertionPosition(pages, view, membership) : null;
  return position === null ? allStale(pages) : insertAt(pages, view.pageSize, position, membership);
}
