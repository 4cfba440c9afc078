import { isViewerMembership, type OrganizationMembership, type PolicyViewer, type Role } from '@roster/core';
import {
  useMembershipPermissions,
  useOrganizationMemberships,
  useOrganizationRoles,
  usePendingMembershipOperations,
  useRemoveMembership,
  useRoster,
  useUpdateMembershipRole,
} from '@roster/react';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useAnnounce } from './announcer';
import { describeError } from './describe-error';
import { type MemberSortOrder, useLocalization } from './localization';
import { getMemberDisplayName } from './member-display-name';
import { DEFAULT_PAGE_SIZE_OPTIONS, type MemberListPaginationProps } from './member-list-pagination';
import type { MemberListTableProps } from './member-list-table';
import type { MemberListToolbarProps } from './member-list-toolbar';
import { RemoveMemberDialog, type RemoveMemberDialogProps } from './remove-member-dialog';
import { useControllableState } from './use-controllable-state';
import { useStableCallback } from './use-stable-callback';

/** Options of {@link useMemberList}: the list's view, each piece controlled or not. */
export interface UseMemberListOptions {
  /** The organization whose members are listed. */
  organizationId: string;
  /** Members per page (controlled). */
  pageSize?: number | undefined;
  /** Members per page at first (uncontrolled). Default 10. */
  defaultPageSize?: number | undefined;
  /** Called when the user picks a page size (in both modes). */
  onPageSizeChange?: ((pageSize: number) => void) | undefined;
  /** Page sizes offered. */
  pageSizeOptions?: readonly number[] | undefined;
  /** The applied search (controlled). */
  query?: string | undefined;
  /** The search at first (uncontrolled). Default empty. */
  defaultQuery?: string | undefined;
  /** Called when the applied search changes (after the toolbar's debounce). */
  onQueryChange?: ((query: string) => void) | undefined;
  /** The role filter (controlled): a role key, or `null` for all roles. */
  roleFilter?: string | null | undefined;
  /** The role filter at first (uncontrolled). Default `null`: all roles. */
  defaultRoleFilter?: string | null | undefined;
  /** Called when the user picks a role filter. */
  onRoleFilterChange?: ((role: string | null) => void) | undefined;
  /** The sort order (controlled). */
  orderBy?: MemberSortOrder | undefined;
  /** The sort order at first (uncontrolled). */
  defaultOrderBy?: MemberSortOrder | undefined;
  /** Called when the user picks a sort order. */
  onOrderByChange?: ((orderBy: MemberSortOrder) => void) | undefined;
  /** Called after a role change or removal settles (success or failure). */
  onMutationSettled?: ((event: MemberListMutationEvent) => void) | undefined;
}

/** A settled change made from the list. */
export type MemberListMutationEvent =
  | { kind: 'role-change'; member: OrganizationMembership; role: string; error?: unknown }
  | { kind: 'remove'; member: OrganizationMembership; error?: unknown };

/** What {@link useMemberList} returns: the state and ready-made props for each part. */
export interface UseMemberListResult {
  /** The members on the current page, with pending changes applied. */
  members: readonly OrganizationMembership[];
  /** Members matching the search and filter, across all pages. */
  totalCount: number;
  /** The organization's name, once known. */
  organizationName: string | undefined;
  /** The organization's roles (for selects and the role filter). */
  roles: readonly Role[];
  /** The viewer may add members (for an Add member button). */
  canAdd: boolean;
  /** Props for a `MemberListToolbar`. */
  toolbarProps: Pick<
    MemberListToolbarProps,
    'query' | 'onQueryChange' | 'roles' | 'roleFilter' | 'onRoleFilterChange' | 'orderBy' | 'onOrderByChange'
  >;
  /** Props for a `MemberListTable` (its `ref` is where focus falls back after a removal). */
  tableProps: Omit<MemberListTableProps, 'ref'> & { ref: React.RefObject<HTMLTableElement | null> };
  /** Props for a `MemberListPagination`. */
  paginationProps: MemberListPaginationProps;
  /** Props of the remove dialog while one is open (`null` otherwise). */
  removeDialogProps: RemoveMemberDialogProps | null;
  /** The remove dialog, to render anywhere (it portals). */
  removeDialog: ReactNode;
}

const NO_ROLES: readonly Role[] = [];

/**
 * Everything `MemberList` does, as a hook: query state, the list, role changes and removal with
 * announcements, and props for `MemberListToolbar`, `MemberListTable` and `MemberListPagination`,
 * so you can lay the parts out yourself. Needs `RosterProvider` (and a `LiveAnnouncer` above it for
 * announcements).
 */
export function useMemberList(options: UseMemberListOptions): UseMemberListResult {
  const { organizationId } = options;
  const text = useLocalization();
  const announce = useAnnounce();
  const { viewer, locale } = useRoster();

  const [pageSize, setPageSize] = useControllableState(
    options.pageSize,
    options.defaultPageSize ?? 10,
    options.onPageSizeChange,
  );
  const [query, setQuery] = useControllableState(
    options.query,
    options.defaultQuery ?? '',
    options.onQueryChange,
  );
  const [roleFilter, setRoleFilter] = useControllableState<string | null>(
    options.roleFilter,
    options.defaultRoleFilter ?? null,
    options.onRoleFilterChange,
  );
  const [orderBy, setOrderBy] = useControllableState<MemberSortOrder>(
    options.orderBy,
    options.defaultOrderBy ?? '-created_at',
    options.onOrderByChange,
  );

  const list = useOrganizationMemberships({
    organizationId,
    pageSize,
    orderBy,
    ...(query && { query }),
    ...(roleFilter && { role: [roleFilter] }),
  });
  const roles = useOrganizationRoles().data ?? NO_ROLES;
  const permissions = useMembershipPermissions(organizationId);
  const operations = usePendingMembershipOperations(organizationId);
  const pendingUserIds = useMemo(
    () => new Set(operations.map((operation) => operation.userId)),
    [operations],
  );
  const updateRole = useUpdateMembershipRole(organizationId);
  const removeMembership = useRemoveMembership(organizationId);

  const viewerMembership = permissions.viewerMembership;
  const viewerPermissionsKey = viewerMembership?.permissions.join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the permissions' content
  const policyViewer = useMemo<PolicyViewer | null>(
    () => (viewerMembership ? { userId: viewer.userId, permissions: viewerMembership.permissions } : null),
    [viewer.userId, viewerPermissionsKey],
  );

  const tableRef = useRef<HTMLTableElement>(null);
  const [removal, setRemoval] = useState<{
    member: OrganizationMembership;
    trigger: HTMLElement | null;
  } | null>(null);

  const onRoleChange = useStableCallback((member: OrganizationMembership, role: string) => {
    const userId = member.publicUserData?.userId;
    if (!userId || role === member.role) return;
    const name = getMemberDisplayName(member);
    updateRole.trigger({ userId, role }).then(
      (updated) => {
        const roleName = updated.roleName ?? roles.find((r) => r.key === updated.role)?.name ?? updated.role;
        announce(text.roleChanged(name, roleName));
        options.onMutationSettled?.({ kind: 'role-change', member, role });
      },
      (error: unknown) => {
        announce(text.roleChangeFailed(describeError(error, text)));
        options.onMutationSettled?.({ kind: 'role-change', member, role, error });
      },
    );
  });

  const onRemoveRequest = useStableCallback((member: OrganizationMembership, trigger: HTMLElement | null) => {
    setRemoval({ member, trigger });
  });

  const confirmRemoval = async () => {
    if (!removal) return;
    const { member } = removal;
    const userId = member.publicUserData?.userId;
    if (!userId) return;
    try {
      await removeMembership.trigger({ userId });
    } catch (error) {
      options.onMutationSettled?.({ kind: 'remove', member, error });
      throw error;
    }
    announce(text.memberRemoved(getMemberDisplayName(member)));
    options.onMutationSettled?.({ kind: 'remove', member });
  };

  const organizationName = viewerMembership?.organization.name ?? list.data[0]?.organization.name;
  const isFiltered = query !== '' || roleFilter !== null;
  const clearSearch = useStableCallback(() => {
    setQuery('');
    setRoleFilter(null);
  });

  const removeDialogProps: RemoveMemberDialogProps | null = removal
    ? {
        memberName: getMemberDisplayName(removal.member),
        organizationName: organizationName ?? '',
        isSelf: isViewerMembership(viewer, removal.member),
        open: true,
        onOpenChange: (open) => {
          if (!open) setRemoval(null);
        },
        onConfirm: confirmRemoval,
        returnFocusTo: () => removal.trigger,
        // The row may have been removed optimistically and come back (the removal failed): its
        // remove button is then a new element. Else the table.
        fallbackFocus: () => {
          const userId = removal.member.publicUserData?.userId;
          const table = tableRef.current;
          const button =
            userId && table
              ? table.querySelector<HTMLElement>(
                  `tr[data-user-id="${CSS.escape(userId)}"] [data-roster-slot="member-list-remove"]`,
                )
              : null;
          return button ?? table;
        },
      }
    : null;

  return {
    members: list.data,
    totalCount: list.totalCount,
    organizationName,
    roles,
    canAdd: permissions.canAdd,
    toolbarProps: {
      query,
      onQueryChange: setQuery,
      roles,
      roleFilter,
      onRoleFilterChange: setRoleFilter,
      orderBy,
      onOrderByChange: setOrderBy,
    },
    tableProps: {
      ref: tableRef,
      members: list.data,
      viewer: policyViewer,
      adminCount: permissions.adminCount,
      roles,
      pendingUserIds,
      locale,
      caption: text.memberListCaption(organizationName),
      isLoading: list.isLoading,
      loadingRowCount: Math.min(pageSize, 10),
      isFetching: list.isFetching,
      error: list.error,
      onRetry: () => void list.revalidate(),
      query,
      isFiltered,
      onClearSearch: clearSearch,
      onRoleChange,
      onRemoveRequest,
    },
    paginationProps: {
      page: list.page,
      pageSize,
      totalCount: list.totalCount,
      onPageChange: list.fetchPage,
      pageSizeOptions: options.pageSizeOptions ?? DEFAULT_PAGE_SIZE_OPTIONS,
      onPageSizeChange: setPageSize,
      isFetching: list.isFetching,
    },
    removeDialogProps,
    removeDialog: removeDialogProps && <RemoveMemberDialog {...removeDialogProps} />,
  };
}
