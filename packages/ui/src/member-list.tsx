import { forwardRef, type ReactNode } from 'react';
import { joinClassNames } from './join-class-names';
import { MemberListBulkBar, type MemberListBulkBarSlot } from './member-list-bulk-bar';
import type { MemberListColumnInput } from './member-list-columns';
import { MemberListPagination, type MemberListPaginationSlot } from './member-list-pagination';
import { MemberListRemoveDialog } from './member-list-remove-dialog';
import { MemberListRoot, type MemberListRootProps } from './member-list-root';
import { MemberListRow } from './member-list-row';
import { type MemberListRenderProps, MemberListTable, type MemberListTableSlot } from './member-list-table';
import { MemberListToolbar, type MemberListToolbarSlot } from './member-list-toolbar';
import type { RemoveMemberDialogSlot } from './remove-member-dialog';
import { splitProps } from './split-props';

/** Classes per part of a {@link MemberList}, grouped by the part they belong to. */
export interface MemberListClassNames {
  /** The list's root element. */
  root?: string;
  /** Parts of the toolbar. */
  toolbar?: Partial<Record<MemberListToolbarSlot, string>>;
  /** Parts of the bulk bar (shown while members are selected). */
  bulkBar?: Partial<Record<MemberListBulkBarSlot, string>>;
  /** Parts of the table and its rows. */
  table?: Partial<Record<MemberListTableSlot, string>>;
  /** Parts of the pagination. */
  pagination?: Partial<Record<MemberListPaginationSlot, string>>;
  /** Parts of the remove dialog. */
  removeDialog?: Partial<Record<RemoveMemberDialogSlot, string>>;
}

/** Props of {@link MemberList}: the Root's (but `children`), plus the default parts' options. */
export interface MemberListProps extends Omit<MemberListRootProps, 'children'>, MemberListRenderProps {
  /** Columns to show, in order: built-in ids (`avatar`, `name`, `identifier`, `role`, `joined`, `actions`) and/or your own. */
  columns?: readonly MemberListColumnInput[] | undefined;
  /** Extra toolbar controls (the panel puts its Add member button here). */
  toolbarActions?: ReactNode;
  /** Hide the toolbar (search, filter, sort). */
  hideToolbar?: boolean;
  /** Hide the pagination. */
  hidePagination?: boolean;
  /** Typing pause before a search is sent, in ms. Default 300. */
  searchDebounceMs?: number;
  /** Classes per part, grouped by part. */
  classNames?: MemberListClassNames;
}

/** The props that go to the table. */
const TABLE_KEYS = {
  columns: true,
  renderRow: true,
  renderCell: true,
  renderActions: true,
  renderEmpty: true,
  renderLoading: true,
  renderError: true,
} satisfies Record<keyof MemberListRenderProps | 'columns', true>;

const MemberListDefault = /* @__PURE__ */ forwardRef<HTMLDivElement, MemberListProps>(
  function MemberList(props, ref) {
    const [tableProps, ownProps] = splitProps(props, TABLE_KEYS);
    const {
      toolbarActions,
      hideToolbar = false,
      hidePagination = false,
      searchDebounceMs,
      className,
      classNames,
      ...rootProps
    } = ownProps;
    return (
      <MemberListRoot {...rootProps} ref={ref} className={joinClassNames(classNames?.root, className)}>
        {!hideToolbar && (
          <MemberListToolbar
            {...(searchDebounceMs !== undefined && { debounceMs: searchDebounceMs })}
            actions={toolbarActions}
            {...(classNames?.toolbar && { classNames: classNames.toolbar })}
          />
        )}
        <MemberListBulkBar {...(classNames?.bulkBar && { classNames: classNames.bulkBar })} />
        <MemberListTable {...tableProps} classNames={classNames?.table} />
        {!hidePagination && (
          <MemberListPagination {...(classNames?.pagination && { classNames: classNames.pagination })} />
        )}
        <MemberListRemoveDialog {...(classNames?.removeDialog && { classNames: classNames.removeDialog })} />
      </MemberListRoot>
    );
  },
);

/**
 * An organization's members: toolbar (search, role filter, sort), the bulk bar while rows are
 * selected, the table (selection, role select and remove per row, "You" badge, pending rows),
 * pagination, the remove dialog and announcements (with Undo when `undoWindowMs` is set).
 * Needs `RosterProvider`. It is `MemberList.Root` with the parts in this order; compose the Root
 * with `MemberList.Toolbar`, `.BulkBar`, `.Table`, `.Row`, `.Pagination`, `.RemoveDialog` (and your own parts,
 * through `useMemberListContext`) for another layout.
 */
export const MemberList = /* @__PURE__ */ Object.assign(MemberListDefault, {
  Root: MemberListRoot,
  Toolbar: MemberListToolbar,
  Table: MemberListTable,
  Row: MemberListRow,
  BulkBar: MemberListBulkBar,
  Pagination: MemberListPagination,
  RemoveDialog: MemberListRemoveDialog,
});
