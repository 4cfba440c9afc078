import { createContext } from 'react';
import type { UseMemberListResult } from './use-member-list';
import { useStableObject } from './use-stable-object';

/** The fields of the list the toolbar shows or changes. */
const TOOLBAR_FIELDS = {
  query: true,
  setQuery: true,
  roles: true,
  roleFilter: true,
  setRoleFilter: true,
  orderBy: true,
  setOrderBy: true,
} satisfies Partial<Record<keyof UseMemberListResult, true>>;

/** The fields of the list the pagination shows or changes. */
const PAGINATION_FIELDS = {
  page: true,
  pageSize: true,
  totalCount: true,
  setPage: true,
  pageSizeOptions: true,
  setPageSize: true,
  isFetching: true,
} satisfies Partial<Record<keyof UseMemberListResult, true>>;

/** The fields of the list the table (and through it, its rows) shows or calls. */
const TABLE_FIELDS = {
  members: true,
  viewer: true,
  adminCount: true,
  roles: true,
  pendingUserIds: true,
  locale: true,
  organizationName: true,
  pageSize: true,
  isLoading: true,
  isFetching: true,
  error: true,
  retry: true,
  query: true,
  isFiltered: true,
  clearSearch: true,
  changeRole: true,
  requestRemoval: true,
  canSelect: true,
  selectedUserIds: true,
  pageSelectionState: true,
  setMemberSelected: true,
  togglePageSelected: true,
} satisfies Partial<Record<keyof UseMemberListResult, true>>;

/** The fields of the list the bulk bar shows or calls. */
const BULK_BAR_FIELDS = {
  organizationName: true,
  roles: true,
  canSelect: true,
  selectedCount: true,
  bulkChangeRole: true,
  bulkRemove: true,
  clearSelection: true,
} satisfies Partial<Record<keyof UseMemberListResult, true>>;

/** The toolbar's share of the list. */
export type MemberListToolbarSlice = Pick<UseMemberListResult, keyof typeof TOOLBAR_FIELDS>;
/** The pagination's share of the list. */
export type MemberListPaginationSlice = Pick<UseMemberListResult, keyof typeof PAGINATION_FIELDS>;
/** The table's share of the list. */
export type MemberListTableSlice = Pick<UseMemberListResult, keyof typeof TABLE_FIELDS>;
/** The bulk bar's share of the list. */
export type MemberListBulkBarSlice = Pick<UseMemberListResult, keyof typeof BULK_BAR_FIELDS>;

/**
 * Each built-in part's share of the nearest Root's list (internal), one context per part with one
 * stable object while its fields stay the same: the list's own context changes with every pending
 * change, page and search, and a part that read it would re-render with each (the toolbar and the
 * pagination, with their selects, on every role change).
 */
export const MemberListToolbarSliceContext = /* @__PURE__ */ createContext<MemberListToolbarSlice | null>(
  null,
);
/** See {@link MemberListToolbarSliceContext}. */
export const MemberListPaginationSliceContext =
  /* @__PURE__ */ createContext<MemberListPaginationSlice | null>(null);
/** See {@link MemberListToolbarSliceContext}. */
export const MemberListTableSliceContext = /* @__PURE__ */ createContext<MemberListTableSlice | null>(null);
/** See {@link MemberListToolbarSliceContext}. */
export const MemberListBulkBarSliceContext = /* @__PURE__ */ createContext<MemberListBulkBarSlice | null>(
  null,
);

/** The parts' slices of `list`, each the same object while its fields are (for the Root). */
export function useMemberListSlices(list: UseMemberListResult): {
  toolbar: MemberListToolbarSlice;
  pagination: MemberListPaginationSlice;
  table: MemberListTableSlice;
  bulkBar: MemberListBulkBarSlice;
} {
  return {
    toolbar: useStableObject(pick(list, TOOLBAR_FIELDS)),
    pagination: useStableObject(pick(list, PAGINATION_FIELDS)),
    table: useStableObject(pick(list, TABLE_FIELDS)),
    bulkBar: useStableObject(pick(list, BULK_BAR_FIELDS)),
  };
}

/** The listed fields of `list`, always in the list's order (so their values can be dependencies). */
function pick<Key extends keyof UseMemberListResult>(
  list: UseMemberListResult,
  fields: Record<Key, true>,
): Pick<UseMemberListResult, Key> {
  const picked: Partial<Pick<UseMemberListResult, Key>> = {};
  for (const key of Object.keys(fields) as Key[]) picked[key] = list[key];
  return picked as Pick<UseMemberListResult, Key>;
}
