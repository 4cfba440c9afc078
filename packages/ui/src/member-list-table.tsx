import {
  isMembershipAdmin,
  isViewerMembership,
  type OrganizationMembership,
  type PolicyViewer,
  type Role,
  type SelectionPageState,
} from '@roster/core';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
} from 'react';
import { describeError } from './describe-error';
import { joinClassNames } from './join-class-names';
import { type RosterLocalization, useLocalization } from './localization';
import {
  type MemberListActionsContext,
  type MemberListCellContext,
  type MemberListColumnId,
  type MemberListColumnInput,
  type MemberListRowRenderContext,
  useMemberListColumns,
} from './member-list-columns';
import { MemberListFocusContext, usePartProps } from './member-list-context';
import {
  MemberListRow,
  type MemberListRowDefaults,
  MemberListRowDefaultsContext,
  type MemberListRowSlot,
} from './member-list-row';
import { useMemberListRowKeys } from './member-list-row-keys';
import { type MemberListTableSlice, MemberListTableSliceContext } from './member-list-slices';
import { splitProps } from './split-props';
import { useComposedRefs } from './use-composed-refs';
import { useStableObject } from './use-stable-object';
import { visuallyHidden } from './visually-hidden';

/** The parts of {@link MemberListTable}, stamped `data-roster-slot="member-list-<slot>"`. */
export type MemberListTableSlot =
  | MemberListRowSlot
  | 'table'
  | 'caption'
  | 'header-row'
  | 'header-cell'
  | 'skeleton'
  | 'empty'
  | 'clear-search'
  | 'error'
  | 'retry'
  | 'select-all';

/** Why the list shows no rows. */
export type MemberListEmptyReason = 'no-members' | 'no-results';

/** What `renderEmpty` gets. */
export interface MemberListEmptyContext {
  /** No members at all, or none matching the search and filter. */
  reason: MemberListEmptyReason;
  /** The search in effect ('' when none). */
  query: string;
  /** Clears the search and the role filter. */
  clearSearch: () => void;
}

/** What `renderError` gets. */
export interface MemberListErrorContext {
  /** The error the list failed with. */
  error: unknown;
  /** A readable message for the error. */
  message: string;
  /** Loads the list again. */
  retry: () => void;
}

/** The render props a member list takes (the table's share of them). */
export interface MemberListRenderProps {
  /** Replace a whole row; put `cells` in your `<tr {...rowProps}>`. */
  renderRow?: ((context: MemberListRowRenderContext) => ReactNode) | undefined;
  /** Replace or wrap a cell's content, per column id. */
  renderCell?: Partial<
    Record<MemberListColumnId | (string & {}), (context: MemberListCellContext) => ReactNode>
  >;
  /** Replace the actions cell's content (call `requestRemove` to open the remove dialog). */
  renderActions?: ((context: MemberListActionsContext) => ReactNode) | undefined;
  /** Replace the empty state (no members, or no match). */
  renderEmpty?: ((context: MemberListEmptyContext) => ReactNode) | undefined;
  /** Replace the loading skeleton. */
  renderLoading?: (() => ReactNode) | undefined;
  /** Replace the error state. */
  renderError?: ((context: MemberListErrorContext) => ReactNode) | undefined;
}

/**
 * Props of {@link MemberListTable}. Inside a `MemberList.Root` the members, viewer, roles, states
 * and handlers come from the Root (props you give win; handlers you give run too); outside one,
 * give them. Other props go to the `<table>`.
 */
export interface MemberListTableProps
  extends Omit<ComponentPropsWithoutRef<'table'>, 'children'>,
    MemberListRenderProps {
  /** The members to show, in order. */
  members?: readonly OrganizationMembership[] | undefined;
  /** Columns to show, in order: built-in ids and/or your own columns. */
  columns?: readonly MemberListColumnInput[] | undefined;
  /** The viewer and their permissions (`null` while unknown: read-only rows). */
  viewer?: PolicyViewer | null | undefined;
  /** The organization's admin count, for the last-admin rule. */
  adminCount?: number | undefined;
  /** The organization's roles, offered by each row's role select. */
  roles?: readonly Role[] | undefined;
  /** User IDs with a change waiting for the server (rows get `data-pending`). */
  pendingUserIds?: ReadonlySet<string> | undefined;
  /** Locale for dates. */
  locale?: string | undefined;
  /** The caption (default: "Members of {organization}"). */
  caption?: ReactNode;
  /** The first page is loading: skeleton rows. */
  isLoading?: boolean | undefined;
  /** Skeleton rows while loading. Default 5. */
  loadingRowCount?: number | undefined;
  /** A request is in flight (`aria-busy`). */
  isFetching?: boolean | undefined;
  /** The list failed to load (shown when there are no rows to keep). */
  error?: unknown;
  /** Called by the error state's Try again button. */
  onRetry?: (() => void) | undefined;
  /** The search in effect, to explain an empty result. */
  query?: string | undefined;
  /** A search or role filter is in effect (an empty list means "no match", not "no members"). */
  isFiltered?: boolean | undefined;
  /** Called by the no-results state's Clear search button. */
  onClearSearch?: (() => void) | undefined;
  /** Called with the role the user picks for a member. */
  onRoleChange?: ((member: OrganizationMembership, roleKey: string) => void) | undefined;
  /** Called when the user asks to remove a member; `trigger` is where focus returns. */
  onRemoveRequest?: ((member: OrganizationMembership, trigger: HTMLElement | null) => void) | undefined;
  /** The selected user IDs (rows get `isSelected`; only rows whose state changed re-render). */
  selectedUserIds?: ReadonlySet<string> | undefined;
  /**
   * Called when the user checks or unchecks a row's checkbox: given, every row starts with a
   * selection cell (`Select {name}`). Inside a Root: given for viewers who may manage members.
   */
  onSelectedChange?: ((member: OrganizationMembership, selected: boolean) => void) | undefined;
  /** The header checkbox's state for the page (`some` shows it mixed). Default `none`. */
  pageSelectionState?: SelectionPageState | undefined;
  /** Called by the header checkbox (`Select all on this page`), shown with `onSelectedChange`. */
  onPageSelectionToggle?: (() => void) | undefined;
  /** Classes per part (the rows' parts included). */
  classNames?: Partial<Record<MemberListTableSlot, string>> | undefined;
}

/** The props the table hands to its rows (through context, so each row gets one stable object). */
const ROW_DEFAULT_KEYS = {
  columns: true,
  viewer: true,
  roles: true,
  locale: true,
  onRoleChange: true,
  onRemoveRequest: true,
  onSelectedChange: true,
  renderRow: true,
  renderCell: true,
  renderActions: true,
  classNames: true,
} satisfies Record<keyof MemberListRowDefaults, true>;

/**
 * The admin count as admin rows need it: the last-admin rule only asks whether it is 1 (or 0), so
 * every count above 1 is passed as 2, and an admin count going from 3 to 4 re-renders no admin row.
 */
function lastAdminCount(adminCount: number | undefined): number | undefined {
  return adminCount === undefined ? undefined : Math.min(adminCount, 2);
}

/** Skeleton rows at most while the first page loads. */
const MAX_SKELETON_ROWS = 10;

const NO_MEMBERS: readonly OrganizationMembership[] = [];

/** What the table takes from its Root. */
const fromList = (list: MemberListTableSlice, text: RosterLocalization): Partial<MemberListTableProps> => ({
  members: list.members,
  viewer: list.viewer,
  adminCount: list.adminCount,
  roles: list.roles,
  pendingUserIds: list.pendingUserIds,
  locale: list.locale,
  caption: text.memberListCaption(list.organizationName),
  isLoading: list.isLoading,
  loadingRowCount: Math.min(list.pageSize, MAX_SKELETON_ROWS),
  isFetching: list.isFetching,
  error: list.error,
  onRetry: list.retry,
  query: list.query,
  isFiltered: list.isFiltered,
  onClearSearch: list.clearSearch,
  onRoleChange: list.changeRole,
  onRemoveRequest: list.requestRemoval,
  ...(list.canSelect && {
    selectedUserIds: list.selectedUserIds,
    onSelectedChange: list.setMemberSelected,
    pageSelectionState: list.pageSelectionState,
    onPageSelectionToggle: list.togglePageSelected,
  }),
});

/**
 * The members table: a real `<table>` with a caption and one memoized row per member, plus the
 * loading, empty and error states in its body. A member new to the list takes the row element of
 * one who left (a page change updates rows in place); what render props return is keyed by member. Focusable (`tabIndex={-1}`) so focus can land on it
 * when the row it was in disappears.
 */
export const MemberListTable = /* @__PURE__ */ forwardRef<HTMLTableElement, MemberListTableProps>(
  function MemberListTable(props, ref) {
    const text = useLocalization();
    const [rowFields, own] = splitProps(
      usePartProps(props, (list: MemberListTableSlice) => fromList(list, text), MemberListTableSliceContext),
      ROW_DEFAULT_KEYS,
    );
    const {
      members = NO_MEMBERS,
      adminCount,
      pendingUserIds,
      caption,
      isLoading = false,
      loadingRowCount = 5,
      isFetching = false,
      error,
      onRetry,
      query = '',
      isFiltered = false,
      onClearSearch,
      renderEmpty,
      renderLoading,
      renderError,
      selectedUserIds,
      pageSelectionState = 'none',
      onPageSelectionToggle,
      className,
      ...tableProps
    } = own;
    const columns = useMemberListColumns(rowFields.columns);
    // One stable object for every row: a row re-renders only when its own props or these change.
    const rowDefaults = useStableObject({ ...rowFields, columns });
    const { viewer = null, classNames } = rowDefaults;
    const selectable = rowDefaults.onSelectedChange !== undefined;
    const colSpan = columns.length + (selectable ? 1 : 0);
    const setIndeterminate = useCallback(
      (element: HTMLInputElement | null) => {
        if (element) element.indeterminate = pageSelectionState === 'some';
      },
      [pageSelectionState],
    );
    const focus = useContext(MemberListFocusContext);
    const registerTable = useCallback(
      (element: HTMLTableElement | null) => {
        if (focus) focus.table = element;
      },
      [focus],
    );
    const composedRef = useComposedRefs(ref, registerTable);
    const bodyRef = useRef<HTMLTableSectionElement>(null);
    const rowKeys = useMemberListRowKeys(
      useMemo(() => members.map((member) => member.id), [members]),
      bodyRef,
    );

    const body = (() => {
      if (isLoading) {
        if (renderLoading) return fullRow(renderLoading());
        return Array.from({ length: loadingRowCount }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
          <tr key={index} data-roster-slot="member-list-row" data-loading="">
            {selectable && (
              <td data-roster-slot="member-list-select-cell" className={classNames?.['select-cell']} />
            )}
            {columns.map((column) => (
              <td key={column.id} data-roster-slot="member-list-cell" className={classNames?.cell}>
                <span data-roster-slot="member-list-skeleton" className={classNames?.skeleton} />
              </td>
            ))}
          </tr>
        ));
      }
      if (members.length === 0 && error) {
        const message = describeError(error, text, 'list');
        const retry = () => onRetry?.();
        if (renderError) return fullRow(renderError({ error, message, retry }));
        return fullRow(
          <div role="alert" data-roster-slot="member-list-error" className={classNames?.error}>
            <strong>{text.errorTitle}</strong>
            <p>{message}</p>
            {onRetry && (
              <button
                type="button"
                onClick={retry}
                data-roster-slot="member-list-retry"
                className={classNames?.retry}
              >
                {text.retry}
              </button>
            )}
          </div>,
        );
      }
      if (members.length === 0) {
        const reason: MemberListEmptyReason = isFiltered ? 'no-results' : 'no-members';
        const clearSearch = () => onClearSearch?.();
        if (renderEmpty) return fullRow(renderEmpty({ reason, query, clearSearch }));
        return fullRow(
          <div data-roster-slot="member-list-empty" data-reason={reason} className={classNames?.empty}>
            <strong>{reason === 'no-results' ? text.noResultsTitle(query) : text.emptyTitle}</strong>
            <p>{reason === 'no-results' ? text.noResultsDescription : text.emptyDescription}</p>
            {reason === 'no-results' && onClearSearch && (
              <button
                type="button"
                onClick={clearSearch}
                data-roster-slot="member-list-clear-search"
                className={classNames?.['clear-search']}
              >
                {text.clearSearch}
              </button>
            )}
          </div>,
        );
      }
      return members.map((member, index) => {
        const userId = member.publicUserData?.userId;
        return (
          <MemberListRow
            key={rowKeys[index]}
            member={member}
            isViewer={isViewerMembership(viewer, member)}
            isPending={userId !== undefined && pendingUserIds?.has(userId) === true}
            isSelected={userId !== undefined && selectedUserIds?.has(userId) === true}
            adminCount={isMembershipAdmin(member) ? lastAdminCount(adminCount) : undefined}
          />
        );
      });
    })();

    function fullRow(content: ReactNode) {
      return (
        <tr data-roster-slot="member-list-row" className={classNames?.row}>
          <td colSpan={colSpan} data-roster-slot="member-list-cell" className={classNames?.cell}>
            {content}
          </td>
        </tr>
      );
    }

    return (
      <table
        tabIndex={-1}
        aria-busy={isLoading || isFetching || undefined}
        {...tableProps}
        ref={composedRef}
        data-roster-slot="member-list-table"
        data-loading={isLoading ? '' : undefined}
        className={joinClassNames(classNames?.table, className)}
      >
        <caption data-roster-slot="member-list-caption" className={classNames?.caption}>
          {caption ?? text.memberListCaption(undefined)}
          {isLoading && <span style={visuallyHidden}> {text.loading}</span>}
        </caption>
        <thead>
          <tr data-roster-slot="member-list-header-row" className={classNames?.['header-row']}>
            {selectable && (
              <th
                scope="col"
                data-column="select"
                data-roster-slot="member-list-header-cell"
                className={classNames?.['header-cell']}
              >
                {onPageSelectionToggle && (
                  <input
                    disabled={members.length === 0}
                    ref={setIndeterminate}
                    type="checkbox"
                    checked={pageSelectionState === 'all'}
                    aria-checked={pageSelectionState === 'some' ? 'mixed' : pageSelectionState === 'all'}
                    onChange={() => onPageSelectionToggle()}
                    aria-label={text.selectAllOnPage}
                    data-roster-slot="member-list-select-all"
                    className={classNames?.['select-all']}
                  />
                )}
              </th>
            )}
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                data-column={column.id}
                data-roster-slot="member-list-header-cell"
                className={classNames?.['header-cell']}
              >
                {column.headerHidden ? <span style={visuallyHidden}>{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          <MemberListRowDefaultsContext.Provider value={rowDefaults}>
            {body}
          </MemberListRowDefaultsContext.Provider>
        </tbody>
      </table>
    );
  },
);
