import {
  isMembershipAdmin,
  isViewerMembership,
  type OrganizationMembership,
  type PolicyViewer,
  type Role,
} from '@roster/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useMemo } from 'react';
import { describeError } from './describe-error';
import { joinClassNames } from './join-class-names';
import { useLocalization } from './localization';
import {
  DEFAULT_MEMBER_LIST_COLUMNS,
  type MemberListActionsContext,
  type MemberListCellContext,
  type MemberListColumn,
  type MemberListColumnId,
  type MemberListColumnInput,
  type MemberListRowRenderContext,
} from './member-list-columns';
import { MemberListRow, type MemberListRowSlot } from './member-list-row';
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
  | 'retry';

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

/** Props of {@link MemberListTable}. Other props go to the `<table>`. */
export interface MemberListTableProps
  extends Omit<ComponentPropsWithoutRef<'table'>, 'children'>,
    MemberListRenderProps {
  members: readonly OrganizationMembership[];
  /** Columns to show, in order: built-in ids and/or your own columns. */
  columns?: readonly MemberListColumnInput[] | undefined;
  /** The viewer and their permissions (`null` while unknown: read-only rows). */
  viewer: PolicyViewer | null;
  /** The organization's admin count, for the last-admin rule. */
  adminCount?: number | undefined;
  roles: readonly Role[];
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
  onRetry?: (() => void) | undefined;
  /** The search in effect, to explain an empty result. */
  query?: string | undefined;
  /** A search or role filter is in effect (an empty list means "no match", not "no members"). */
  isFiltered?: boolean | undefined;
  onClearSearch?: (() => void) | undefined;
  onRoleChange: (member: OrganizationMembership, roleKey: string) => void;
  onRemoveRequest: (member: OrganizationMembership, trigger: HTMLElement | null) => void;
  classNames?: Partial<Record<MemberListTableSlot, string>> | undefined;
}

/** Resolves the `columns` prop into column objects with localized headers. */
export function useMemberListColumns(columns: readonly MemberListColumnInput[] | undefined) {
  const text = useLocalization();
  return useMemo<readonly MemberListColumn[]>(() => {
    const builtIn: Record<MemberListColumnId, MemberListColumn> = {
      avatar: { id: 'avatar', header: text.columnAvatar, headerHidden: true },
      name: { id: 'name', header: text.columnName },
      identifier: { id: 'identifier', header: text.columnIdentifier },
      role: { id: 'role', header: text.columnRole },
      joined: { id: 'joined', header: text.columnJoined },
      actions: { id: 'actions', header: text.columnActions, headerHidden: true },
    };
    return (columns ?? DEFAULT_MEMBER_LIST_COLUMNS).map((column) =>
      typeof column === 'string' ? builtIn[column] : column,
    );
  }, [columns, text]);
}

/**
 * The members table: a real `<table>` with a caption and one memoized row per member, plus the
 * loading, empty and error states in its body. Focusable (`tabIndex={-1}`) so focus can land on it
 * when the row it was in disappears.
 */
export const MemberListTable = forwardRef<HTMLTableElement, MemberListTableProps>(function MemberListTable(
  {
    members,
    columns: columnsProp,
    viewer,
    adminCount,
    roles,
    pendingUserIds,
    locale,
    caption,
    isLoading = false,
    loadingRowCount = 5,
    isFetching = false,
    error,
    onRetry,
    query = '',
    isFiltered = false,
    onClearSearch,
    onRoleChange,
    onRemoveRequest,
    renderRow,
    renderCell,
    renderActions,
    renderEmpty,
    renderLoading,
    renderError,
    className,
    classNames,
    ...tableProps
  },
  ref,
) {
  const text = useLocalization();
  const columns = useMemberListColumns(columnsProp);
  const colSpan = columns.length;

  const body = (() => {
    if (isLoading) {
      if (renderLoading) return fullRow(renderLoading());
      return Array.from({ length: loadingRowCount }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <tr key={index} data-roster-slot="member-list-row" data-loading="">
          {columns.map((column) => (
            <td key={column.id} data-roster-slot="member-list-cell" className={classNames?.cell}>
              <span data-roster-slot="member-list-skeleton" className={classNames?.skeleton} />
            </td>
          ))}
        </tr>
      ));
    }
    if (members.length === 0 && error) {
      const message = describeError(error, text);
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
    return members.map((member) => {
      const userId = member.publicUserData?.userId;
      return (
        <MemberListRow
          key={member.id}
          member={member}
          columns={columns}
          isViewer={isViewerMembership(viewer, member)}
          isPending={userId !== undefined && pendingUserIds?.has(userId) === true}
          viewer={viewer}
          adminCount={isMembershipAdmin(member) ? adminCount : undefined}
          roles={roles}
          locale={locale}
          onRoleChange={onRoleChange}
          onRemoveRequest={onRemoveRequest}
          renderRow={renderRow}
          renderCell={renderCell}
          renderActions={renderActions}
          classNames={classNames}
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
      ref={ref}
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
      <tbody>{body}</tbody>
    </table>
  );
});
