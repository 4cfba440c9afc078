// Page arithmetic of a paged list, shared by every adapter so they agree on it.

/** Pages in a list of `totalCount` members at `pageSize` per page (0 for an empty list). */
export function pageCountOf(totalCount: number, pageSize: number): number {
  return pageSize > 0 ? Math.ceil(totalCount / pageSize) : 0;
}

/** A requested page number as a valid one: a whole number, at least 1. */
export function normalizePage(page: number): number {
  const whole = Math.trunc(page);
  return Number.isFinite(whole) && whole >= 1 ? whole : 1;
}

/**
 * The page to move to when page `page` was loaded and holds no members (removals, a shorter list):
 * the last page that has members, or `page` itself when it is page 1 or already the last one.
 */
export function pageAfterEmptyPage(page: number, totalCount: number, pageSize: number): number {
  if (page <= 1) return page;
  return Math.min(page, Math.max(1, pageCountOf(totalCount, pageSize)));
}
