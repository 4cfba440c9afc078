import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useState } from 'react';
import { LiveAnnouncer, useHasAnnouncer } from './announcer';
import { joinClassNames } from './join-class-names';
import { type RosterLocalizationOverrides, RosterLocalizationProvider } from './localization';
import type { MemberListColumnInput } from './member-list-columns';
import { MemberListPagination, type MemberListPaginationSlot } from './member-list-pagination';
import { MemberListRow } from './member-list-row';
import { type MemberListRenderProps, MemberListTable, type MemberListTableSlot } from './member-list-table';
import { MemberListToolbar, type MemberListToolbarSlot } from './member-list-toolbar';
import { PortalContainerContext } from './portal-container';
import { RemoveMemberDialog, type RemoveMemberDialogSlot } from './remove-member-dialog';
import { type UseMemberListOptions, useMemberList } from './use-member-list';

/** Classes per part of a {@link MemberList}, grouped by the part they belong to. */
export interface MemberListClassNames {
  /** The list's root element. */
  root?: string;
  /** Parts of the toolbar. */
  toolbar?: Partial<Record<MemberListToolbarSlot, string>>;
  /** Parts of the table and its rows. */
  table?: Partial<Record<MemberListTableSlot, string>>;
  /** Parts of the pagination. */
  pagination?: Partial<Record<MemberListPaginationSlot, string>>;
  /** Parts of the remove dialog. */
  removeDialog?: Partial<Record<RemoveMemberDialogSlot, string>>;
}

/** Props of {@link MemberList}. Other props go to the root `<div>`. */
export interface MemberListProps
  extends UseMemberListOptions,
    MemberListRenderProps,
    Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'defaultValue'> {
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
  classNames?: MemberListClassNames;
  /** Strings to override (English by default). */
  localization?: RosterLocalizationOverrides;
}

/**
 * An organization's members: toolbar (search, role filter, sort), the table (role select and
 * remove per row, "You" badge, pending rows), pagination, the remove dialog and announcements.
 * Needs `RosterProvider`. Its parts are exported (`MemberList.Toolbar`, `.Table`, `.Pagination`,
 * `.Row`, and `useMemberList`) to rebuild the layout.
 */
const MemberListRoot = forwardRef<HTMLDivElement, MemberListProps>(function MemberList(props, ref) {
  const hasAnnouncer = useHasAnnouncer();
  const content = <MemberListContent {...props} ref={ref} />;
  const localized = props.localization ? (
    <RosterLocalizationProvider localization={props.localization}>{content}</RosterLocalizationProvider>
  ) : (
    content
  );
  return hasAnnouncer ? localized : <LiveAnnouncer>{localized}</LiveAnnouncer>;
});

/**
 * Every option of `useMemberList`, once: `MemberList` hands these props to the hook and the rest to
 * its parts and root. `satisfies` fails the build when the hook gains an option that is not listed.
 */
const MEMBER_LIST_OPTION_KEYS = {
  organizationId: true,
  pageSize: true,
  defaultPageSize: true,
  onPageSizeChange: true,
  pageSizeOptions: true,
  query: true,
  defaultQuery: true,
  onQueryChange: true,
  roleFilter: true,
  defaultRoleFilter: true,
  onRoleFilterChange: true,
  orderBy: true,
  defaultOrderBy: true,
  onOrderByChange: true,
  onMutationSettled: true,
} satisfies Record<keyof UseMemberListOptions, true>;

/** Splits the props into the hook's options and everything else. */
function splitMemberListOptions<Props extends UseMemberListOptions>(
  props: Props,
): [UseMemberListOptions, Omit<Props, keyof UseMemberListOptions>] {
  const options: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    (Object.hasOwn(MEMBER_LIST_OPTION_KEYS, key) ? options : rest)[key] = value;
  }
  return [options as unknown as UseMemberListOptions, rest as Omit<Props, keyof UseMemberListOptions>];
}

const MemberListContent = forwardRef<HTMLDivElement, MemberListProps>(function MemberListContent(props, ref) {
  const [options, otherProps] = splitMemberListOptions(props);
  const {
    columns,
    renderRow,
    renderCell,
    renderActions,
    renderEmpty,
    renderLoading,
    renderError,
    toolbarActions,
    hideToolbar = false,
    hidePagination = false,
    searchDebounceMs,
    className,
    classNames,
    localization: _localization,
    ...rootProps
  } = otherProps;
  const list = useMemberList(options);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const setRoot = (element: HTMLDivElement | null) => {
    setContainer(element);
    if (typeof ref === 'function') ref(element);
    else if (ref) ref.current = element;
  };

  return (
    <div
      {...rootProps}
      ref={setRoot}
      data-roster-slot="member-list-root"
      className={joinClassNames(classNames?.root, className)}
    >
      <PortalContainerContext.Provider value={container}>
        {!hideToolbar && (
          <MemberListToolbar
            {...list.toolbarProps}
            {...(searchDebounceMs !== undefined && { debounceMs: searchDebounceMs })}
            actions={toolbarActions}
            {...(classNames?.toolbar && { classNames: classNames.toolbar })}
          />
        )}
        <MemberListTable
          {...list.tableProps}
          columns={columns}
          renderRow={renderRow}
          {...(renderCell && { renderCell })}
          renderActions={renderActions}
          renderEmpty={renderEmpty}
          renderLoading={renderLoading}
          renderError={renderError}
          classNames={classNames?.table}
        />
        {!hidePagination && (
          <MemberListPagination
            {...list.paginationProps}
            {...(classNames?.pagination && { classNames: classNames.pagination })}
          />
        )}
        {list.removeDialogProps && (
          <RemoveMemberDialog
            {...list.removeDialogProps}
            {...(classNames?.removeDialog && { classNames: classNames.removeDialog })}
          />
        )}
      </PortalContainerContext.Provider>
    </div>
  );
});

/** {@link MemberListRoot} with its parts attached for composition. */
export const MemberList = Object.assign(MemberListRoot, {
  Toolbar: MemberListToolbar,
  Table: MemberListTable,
  Row: MemberListRow,
  Pagination: MemberListPagination,
});
