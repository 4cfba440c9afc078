import type { MembershipListView, UserMembershipListView } from './list-key';
import {
  DEFAULT_PAGE_SIZE,
  membershipListKey,
  parseMembershipListKey,
  userMembershipListKey,
} from './list-key';
import type { MembershipCache } from './membership-cache';
import type { Metadata, OrganizationMembership, OrganizationMemberships } from './models';
import type { PendingMembershipOperation } from './optimistic-overlay';
import {
  applyOptimisticOverlay,
  applyOptimisticOverlayToUserMemberships,
  membershipUserId,
} from './optimistic-overlay';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;
type AnyOperation = PendingMembershipOperation<Metadata, Metadata>;
type AnyMembership = OrganizationMembership<Metadata, Metadata>;

/**
 * One list (all its pages) as a view reads it: its keys, the pending operations that concern it and
 * how they apply. An organization's members and a user's memberships differ only here.
 */
export interface MembershipListSource {
  /** The key of page 1: it stands for the whole list (another list has another first key). */
  firstPageKey: string;
  pageKey(page: number): string;
  /** The pending operations on this list's organization (or user). */
  pendingOperations(cache: MembershipCache): readonly AnyOperation[];
  /**
   * The operations that can change what `pages` show: those on members they hold, and creations
   * (which change counts). A view subscribes to these only.
   */
  relevantOperations(
    pages: readonly (AnyPage | undefined)[],
    operations: readonly AnyOperation[],
  ): AnyOperation[];
  /** A server page (page number `pageNumber`) with the pending operations applied. */
  overlay(page: AnyPage, pageNumber: number, operations: readonly AnyOperation[]): AnyPage;
}

function relevantTo(member: (m: AnyMembership) => string | undefined, target: (op: AnyOperation) => string) {
  return (pages: readonly (AnyPage | undefined)[], operations: readonly AnyOperation[]) => {
    const shown = new Set<string | undefined>();
    for (const page of pages) for (const m of page?.data ?? []) shown.add(member(m));
    return operations.filter((op) => op.kind === 'creation' || shown.has(target(op)));
  };
}

/** The list of an organization's members that `view` (its page ignored) belongs to. */
export function organizationMembershipListSource(view: MembershipListView): MembershipListSource {
  const firstPageKey = membershipListKey({ ...view, page: 1 });
  const canonical = parseMembershipListKey(firstPageKey);
  if (canonical === null) throw new TypeError(`Not a membership list view: ${firstPageKey}`);
  return {
    firstPageKey,
    pageKey: (page) => membershipListKey({ ...canonical.filters, ...canonical, page }),
    pendingOperations: (cache) => cache.getOperations(canonical.organizationId),
    relevantOperations: relevantTo(membershipUserId, (op) => op.userId),
    overlay: (page, pageNumber, operations) =>
      applyOptimisticOverlay(page, { ...canonical, page: pageNumber }, operations),
  };
}

/** The list of one user's memberships (one per organization) that `view` belongs to. */
export function userMembershipListSource(view: UserMembershipListView): MembershipListSource {
  const pageSize = view.pageSize ?? DEFAULT_PAGE_SIZE;
  const pageKey = (page: number) => userMembershipListKey({ userId: view.userId, pageSize, page });
  return {
    firstPageKey: pageKey(1),
    pageKey,
    pendingOperations: (cache) => cache.getUserOperations(view.userId),
    relevantOperations: relevantTo(
      (m) => m.organization.id,
      (op) => op.organizationId,
    ),
    overlay: (page, _pageNumber, operations) =>
      applyOptimisticOverlayToUserMemberships(page, view.userId, operations),
  };
}

/** The members of consecutive pages in order, each once (members move between pages as they change). */
export function flattenMembershipPages<T extends { id: string }>(
  pages: readonly ({ data: T[] } | undefined)[],
): T[] {
  if (pages.length === 1) return pages[0]?.data ?? [];
  const seen = new Set<string>();
  const all: T[] = [];
  for (const m of pages.flatMap((page) => page?.data ?? [])) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    all.push(m);
  }
  return all;
}
