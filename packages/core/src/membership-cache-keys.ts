import type { MembershipsClient, RequestOptions } from './client';
import * as keys from './list-key';
import type { ListPagesWrite } from './membership-page-shift';
import { writeSettlementToList } from './membership-page-shift';
import type { Metadata, OrganizationMembership, OrganizationMemberships } from './models';
import * as overlay from './optimistic-overlay';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;
type AnyClient = MembershipsClient<Metadata, Metadata>;

/** Prefix of every load-more list key (the pages 1..n of one list, stored as one entry). */
export const LOAD_MORE_LIST_KEY_PREFIX = 'roster:load-more:';

/**
 * The key of a load-more list: pages 1..`pages` of the list whose first page is `firstPageKey`
 * (a key from `membershipListKey` or `userMembershipListKey`), stored as one array of pages.
 */
export function loadMoreListKey(firstPageKey: string, pages: number): string {
  return `${LOAD_MORE_LIST_KEY_PREFIX}${JSON.stringify([firstPageKey, pages])}`;
}

/** What a key from {@link loadMoreListKey} stands for, or `null` for any other string. */
export function parseLoadMoreListKey(key: string): { firstPageKey: string; pages: number } | null {
  if (!key.startsWith(LOAD_MORE_LIST_KEY_PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(key.slice(LOAD_MORE_LIST_KEY_PREFIX.length));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [firstPageKey, pages] = parsed as unknown[];
    if (
      typeof firstPageKey !== 'string' ||
      typeof pages !== 'number' ||
      !Number.isInteger(pages) ||
      pages < 1
    )
      return null;
    return describePageKey(firstPageKey) ? { firstPageKey, pages } : null;
  } catch {
    return null;
  }
}

/** A confirmed mutation, as the cache writes it into what it holds. */
export interface Settlement {
  /** Order of settlement: a response that started before `seq` is brought up to date with it. */
  seq: number;
  kind: overlay.PendingMembershipOperation['kind'];
  organizationId: string;
  userId: string;
  /** The server's membership (for a removal, the membership that was removed). */
  membership: OrganizationMembership<Metadata, Metadata>;
}

/** The result of writing a settlement into one page. */
export interface PageWrite {
  page: AnyPage;
  /** The page may now miss members a fresh read would show: its view should revalidate. */
  stale: boolean;
}

/**
 * One page key, read once: which list it belongs to, how to fetch it, and what a settlement does to
 * it. Organization lists and user lists differ only here, so the cache has one dispatch point.
 */
export interface PageKeyTarget {
  /** The key of page `page` of the same list. */
  pageKey(page: number): string;
  page: number;
  /** Whether a settlement can change this list. */
  concerns(settlement: Settlement): boolean;
  /** Fetches this page from the client. */
  load(client: AnyClient, options: RequestOptions): Promise<AnyPage>;
  /** Writes a settlement into a page of this list (page number `page`): a response on its way. */
  write(page: AnyPage, pageNumber: number, settlement: Settlement): PageWrite;
  /**
   * Writes a settlement into the stored pages of this list at once (by page number), so members
   * move between them (the next member pulled up after a removal) with no request.
   */
  writeList(pages: ReadonlyMap<number, AnyPage>, settlement: Settlement): ListPagesWrite;
}

function organizationTarget(view: keys.CanonicalMembershipListView): PageKeyTarget {
  const at = (page: number) => ({ ...view.filters, ...view, page });
  return {
    page: view.page,
    pageKey: (page) => keys.membershipListKey(at(page)),
    concerns: (s) => s.organizationId === view.organizationId,
    load: (client, options) => client.listMemberships(keys.membershipListParams(at(view.page)), options),
    write(page, pageNumber, s) {
      if (s.kind === 'removal') return removalWrite(page, s);
      if (s.kind === 'creation') return { page, stale: true };
      return overlay.writeConfirmedMembership(page, { ...view, page: pageNumber }, s.membership);
    },
    writeList(pages, s) {
      const kind = s.kind === 'removal' || s.kind === 'creation' ? s.kind : 'update';
      return writeSettlementToList(view, pages, { kind, membership: s.membership });
    },
  };
}

function userTarget(view: { userId: string; page: number; pageSize: number }): PageKeyTarget {
  return {
    page: view.page,
    pageKey: (page) => keys.userMembershipListKey({ ...view, page }),
    concerns: (s) => s.userId === view.userId,
    load: (client, options) => client.listUserMemberships(keys.userMembershipListParams(view), options),
    write(page, _pageNumber, s) {
      if (s.kind === 'removal') return removalWrite(page, s);
      if (s.kind === 'creation') return { page, stale: true };
      return { page: overlay.writeConfirmedUserMembership(page, s.membership), stale: false };
    },
    writeList(pages, s) {
      const result: ListPagesWrite = { pages: new Map(), stale: new Set() };
      for (const [n, page] of pages) {
        const written = this.write(page, n, s);
        result.pages.set(n, written.page);
        if (written.stale) result.stale.add(n);
      }
      return result;
    },
  };
}

/** Removals make every page of the list stale: the members after the removed one move up. */
function removalWrite(page: AnyPage, s: Settlement): PageWrite {
  return { page: overlay.writeConfirmedRemoval(page, s.organizationId, s.userId), stale: true };
}

/** The target a page key stands for, or `null` when the key is not a page key. */
export function describePageKey(key: string): PageKeyTarget | null {
  const organizationView = keys.parseMembershipListKey(key);
  if (organizationView) return organizationTarget(organizationView);
  const userView = keys.parseUserMembershipListKey(key);
  return userView ? userTarget(userView) : null;
}
