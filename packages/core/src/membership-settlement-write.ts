import type { MembershipCacheStorage } from './membership-cache';
import type { PageKeyTarget, Settlement } from './membership-cache-keys';
import { describePageKey, parseLoadMoreListKey } from './membership-cache-keys';
import type { Metadata, OrganizationMemberships } from './models';

type AnyPage = OrganizationMemberships<Metadata, Metadata>;

/** An entry a settlement could not write exactly; `keep`: it was written all but one member. */
export interface StaleEntry {
  key: string;
  keep: boolean;
}

/** What {@link writeSettlementBack} needs to know of the engine, and tells it. */
export interface SettlementWriteHooks {
  /** The entry is known to differ from the server (refreshed, not fetched again yet). */
  isStale(key: string): boolean;
  /** The entry is kept short of a member, to be fetched again when shown. */
  isKept(key: string): boolean;
  /** The settled count at which the entry's request in flight started, if any. */
  requestStart(key: string): number | undefined;
  /** The settlement was written into the entry. */
  written(key: string): void;
  /** The entry was written exactly (it stays as fresh as it was). */
  exact(key: string): void;
}

/** Writes a settlement into a load-more entry; `null` when the settlement does not concern it. */
function writeLoadMoreEntry(data: unknown, firstPageKey: string, settlement: Settlement) {
  const target = describePageKey(firstPageKey);
  if (!target?.concerns(settlement)) return null;
  let stale = settlement.kind === 'removal' || settlement.kind === 'creation';
  if (!Array.isArray(data)) return { data: undefined, stale };
  const pages = data as AnyPage[];
  const written = pages.map((page, i) => {
    const result = target.write(page, i + 1, settlement);
    if (result.stale) stale = true;
    return result.page;
  });
  return { data: written.some((page, i) => page !== pages[i]) ? written : undefined, stale };
}

/**
 * Writes a settlement into every stored entry of `storage` it touches and returns the entries now
 * stale. The pages of one list are written together (`writeList`), so a member can move between
 * them with no request; a load-more entry, a page loading and a page already stale are written on
 * their own and fetched again when members moved.
 */
export function writeSettlementBack(
  storage: MembershipCacheStorage,
  settlement: Settlement,
  hooks: SettlementWriteHooks,
): StaleEntry[] {
  const stale: StaleEntry[] = [];
  const store = (key: string, data: unknown) => {
    hooks.written(key);
    storage.set(key, data);
  };
  const lists = new Map<
    string,
    { target: PageKeyTarget; pages: Map<number, AnyPage>; keys: Map<number, string> }
  >();
  for (const key of [...storage.keys()]) {
    const loadMore = parseLoadMoreListKey(key);
    if (loadMore) {
      const result = writeLoadMoreEntry(storage.get(key), loadMore.firstPageKey, settlement);
      if (result?.data !== undefined) store(key, result.data);
      if (result?.stale) stale.push({ key, keep: false });
      continue;
    }
    const target = describePageKey(key);
    const data = storage.get(key);
    if (!target?.concerns(settlement)) continue;
    if (data === undefined || hooks.isStale(key)) {
      const result = data === undefined ? null : target.write(data as AnyPage, target.page, settlement);
      if (result && result.page !== data) store(key, result.page);
      if (settlement.kind !== 'metadata-update' || result?.stale)
        stale.push({ key, keep: hooks.isKept(key) });
      continue;
    }
    const list = target.pageKey(1);
    const group = lists.get(list) ?? { target, pages: new Map(), keys: new Map() };
    lists.set(list, group);
    group.pages.set(target.page, data as AnyPage);
    group.keys.set(target.page, key);
  }
  for (const { target, pages, keys } of lists.values()) {
    const written = target.writeList(pages, settlement);
    for (const [pageNumber, key] of keys) {
      const page = written.pages.get(pageNumber);
      const changed = page !== undefined && page !== pages.get(pageNumber);
      if (changed) store(key, page);
      // A request that started before members moved between pages answers without the move.
      const started = hooks.requestStart(key);
      const moved = page !== undefined && page.totalCount !== pages.get(pageNumber)?.totalCount;
      if (written.stale.has(pageNumber) || (moved && started !== undefined && started < settlement.seq))
        stale.push({ key, keep: changed });
      else hooks.exact(key);
    }
  }
  return stale;
}
