import {
  DEFAULT_MEMBERSHIP_ORDER_BY,
  DEFAULT_PAGE_SIZE,
  isViewerMembership,
  type OrganizationMembership,
  type PolicyViewer,
  type Role,
} from '@roster/core';
import {
  useMembershipPermissions,
  useOrganizationMemberships,
  useOrganizationRoles,
  usePendingMembershipOperations,
  useRemoveMembership,
  useRoster,
  useUpdateMembershipRole,
} from '@roster/react';
import { useMemo, useState } from 'react';
import { useAnnounce } from './announcer';
import { describeError } from './describe-error';
import { type MemberSortOrder, useLocalization } from './localization';
import { getMemberDisplayName } from './member-display-name';
import { DEFAULT_PAGE_SIZE_OPTIONS } from './member-list-pagination';
import { useControllableState } from './use-controllable-state';
import { type MemberListBulkResult, useMemberListBulk } from './use-member-list-bulk';
import { useStableCallback } from './use-stable-callback';

/** Options of {@link useMemberList}: the list's view, each piece controlled or not. */
export interface UseMemberListOptions {
  /** The organization whose members are listed. */
  organizationId: string;
  /** Members per page (controlled). */
  pageSize?: number | undefined;
  /** Members per page at first (uncontrolled). Default core's `DEFAULT_PAGE_SIZE` (10). */
  defaultPageSize?: number | undefined;
  /** Called when the user picks a page size (in both modes). */
  onPageSizeChange?: ((pageSize: number) => void) | undefined;
  /** Page sizes offered. Default `DEFAULT_PAGE_SIZE_OPTIONS` (10, 20, 50, 100). */
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
  /** The sort order at first (uncontrolled). Default core's `DEFAULT_MEMBERSHIP_ORDER_BY` (newest first). */
  defaultOrderBy?: MemberSortOrder | undefined;
  /** Called when the user picks a sort order. */
  onOrderByChange?: ((orderBy: MemberSortOrder) => void) | undefined;
  /** Called after a role change or removal settles (success or failure). */
  onMutationSettled?: ((event: MemberListMutationEvent) => void) | undefined;
  /** The selected user IDs (controlled). Pass with `onSelectedUserIdsChange`. */
  selectedUserIds?: ReadonlySet<string> | undefined;
  /** The user IDs selected at first (uncontrolled, read once). Default none. */
  defaultSelectedUserIds?: Iterable<string> | undefined;
  /** Called with the next selection on every change (a checkbox, a bulk action, a confirmed removal). */
  onSelectedUserIdsChange?: ((selected: ReadonlySet<string>) => void) | undefined;
  /**
   * Undo: every role change and removal made from the list (one member or many) is announced with
   * an Undo button for this many milliseconds (paused while the announcement is focused or
   * hovered), and removals are deferred until the window ends (undo sends nothing). Default 0: no
   * undo, every change sent at once (opt-in: see the README's "Selection, bulk actions and undo").
   */
  undoWindowMs?: number | undefined;
}

/** A settled change made from the list. */
export type MemberListMutationEvent =
  | { kind: 'role-change'; member: OrganizationMembership; role: string; error?: unknown }
  | { kind: 'removal'; member: OrganizationMembership; error?: unknown };

/** A removal waiting for the user's confirmation. */
export interface MemberListRemoval {
  /** The membership to remove (the viewer's own: leaving). */
  member: OrganizationMembership;
  /** The element that asked for it, where focus returns when the dialog closes. */
  trigger: HTMLElement | null;
}

/** What {@link useMemberList} returns: the list's state and the actions that change it. */
export interface UseMemberListResult extends MemberListBulkResult {
  /** The organization whose members are listed. */
  organizationId: string;
  /** The organization's name, once known. */
  organizationName: string | undefined;
  /** The members on the current page, with pending changes applied. */
  members: readonly OrganizationMembership[];
  /** Members matching the search and filter, across all pages. */
  totalCount: number;
  /** The current page, 1-based. */
  page: number;
  /** Members per page. */
  pageSize: number;
  /** Page sizes offered. */
  pageSizeOptions: readonly number[];
  /** The first page is loading. */
  isLoading: boolean;
  /** A request is in flight. */
  isFetching: boolean;
  /** The list's load error, if the last load failed. */
  error: unknown;
  /** The applied search ('' for none). */
  query: string;
  /** The role filter: a role key, or `null` for all roles. */
  roleFilter: string | null;
  /** The sort order. */
  orderBy: MemberSortOrder;
  /** A search or role filter is in effect (an empty list means "no match"). */
  isFiltered: boolean;
  /** The organization's roles (for selects and the role filter). */
  roles: readonly Role[];
  /** The viewer and their permissions for the policy (`null` while unknown: read-only). */
  viewer: PolicyViewer | null;
  /** The organization's admin count, for the last-admin rule (`undefined` until known). */
  adminCount: number | undefined;
  /** User IDs with a change waiting for the server. */
  pendingUserIds: ReadonlySet<string>;
  /** The viewer may add members (for an Add member button). */
  canAdd: boolean;
  /** The viewer may manage members: rows are selectable and the bulk bar is offered. */
  canSelect: boolean;
  /** The provider's locale, for dates. */
  locale: string | undefined;
  /** The removal waiting for confirmation (`null` when none). */
  removal: MemberListRemoval | null;
  /** Shows another page. */
  setPage: (page: number) => void;
  /** Changes the page size. */
  setPageSize: (pageSize: number) => void;
  /** Applies a search. */
  setQuery: (query: string) => void;
  /** Applies a role filter (`null`: all roles). */
  setRoleFilter: (role: string | null) => void;
  /** Changes the sort order. */
  setOrderBy: (orderBy: MemberSortOrder) => void;
  /** Clears the search and the role filter. */
  clearSearch: () => void;
  /** Loads the list again (after an error). */
  retry: () => void;
  /** Changes a member's role (optimistic), announcing the result. Stable identity. */
  changeRole: (member: OrganizationMembership, role: string) => void;
  /** Asks to remove a member: sets `removal` for a dialog to confirm. Stable identity. */
  requestRemoval: (member: OrganizationMembership, trigger: HTMLElement | null) => void;
  /** Drops the pending `removal` (the dialog was cancelled or closed). */
  cancelRemoval: () => void;
  /** Removes the member of `removal`, announcing it; rejects with the server's error. */
  confirmRemoval: () => Promise<void>;
}

const NO_ROLES: readonly Role[] = [];

/**
 * The member list's controller: query state (each piece controlled or not), the list, role changes
 * and removal with announcements, as state and actions. `MemberList.Root` calls it and provides the
 * result to its parts (read it with `useMemberListContext`). Needs `RosterProvider` (and a
 * `LiveAnnouncer` above it for announcements).
 */
export function useMemberList(options: UseMemberListOptions): UseMemberListResult {
  const { organizationId } = options;
  const text = useLocalization();
  const announce = useAnnounce();
  const { locale } = useRoster();

  const [pageSize, setPageSize] = useControllableState(
    options.pageSize,
    options.defaultPageSize ?? DEFAULT_PAGE_SIZE,
    options.onPageSizeChange,
    'MemberList (pageSize)',
  );
  const [query, setQuery] = useControllableState(
    options.query,
    options.defaultQuery ?? '',
    options.onQueryChange,
    'MemberList (query)',
  );
  const [roleFilter, setRoleFilter] = useControllableState<string | null>(
    options.roleFilter,
    options.defaultRoleFilter ?? null,
    options.onRoleFilterChange,
    'MemberList (roleFilter)',
  );
  const [orderBy, setOrderBy] = useControllableState<MemberSortOrder>(
    options.orderBy,
    options.defaultOrderBy ?? DEFAULT_MEMBERSHIP_ORDER_BY,
    options.onOrderByChange,
    'MemberList (orderBy)',
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
  const [removal, setRemoval] = useState<MemberListRemoval | null>(null);

  // The policy viewer `useMembershipPermissions` built (stable while the permissions are the same).
  const policyViewer = permissions.viewer;

  const settled = (event: MemberListMutationEvent) => options.onMutationSettled?.(event);
  const { changeRoleUndoable, removeUndoable, ...bulk } = useMemberListBulk({
    organizationId,
    members: list.data,
    roles,
    selectedUserIds: options.selectedUserIds,
    defaultSelectedUserIds: options.defaultSelectedUserIds,
    onSelectedUserIdsChange: options.onSelectedUserIdsChange,
    undoWindowMs: options.undoWindowMs,
  });

  const changeRole = useStableCallback((member: OrganizationMembership, role: string) => {
    const userId = member.publicUserData?.userId;
    if (!userId || role === member.role) return;
    if (bulk.undoWindowMs > 0) {
      // One member is one undoable change: announced with Undo, reverted through the same order.
      changeRoleUndoable(member, role, (error) =>
        settled({ kind: 'role-change', member, role, ...(error !== undefined && { error }) }),
      );
      return;
    }
    const name = getMemberDisplayName(member);
    updateRole.trigger({ userId, role }).then(
      (updated) => {
        const roleName = text.roleName(
          updated.role,
          updated.roleName ?? roles.find((r) => r.key === updated.role)?.name ?? updated.role,
        );
        announce(text.roleChanged(name, roleName));
        settled({ kind: 'role-change', member, role });
      },
      (error: unknown) => {
        announce(text.roleChangeFailed(describeError(error, text, 'role-change')));
        settled({ kind: 'role-change', member, role, error });
      },
    );
  });

  const requestRemoval = useStableCallback((member: OrganizationMembership, trigger: HTMLElement | null) =>
    setRemoval({ member, trigger }),
  );

  const confirmRemoval = useStableCallback(async () => {
    const member = removal?.member;
    const userId = member?.publicUserData?.userId;
    if (!member || !userId) return;
    if (bulk.undoWindowMs > 0 && !isViewerMembership(policyViewer, member)) {
      // Deferred until the undo window ends; a refusal then is announced (the member comes back).
      removeUndoable(member, (error) =>
        settled({ kind: 'removal', member, ...(error !== undefined && { error }) }),
      );
      return;
    }
    try {
      await removeMembership.trigger({ userId });
    } catch (error) {
      settled({ kind: 'removal', member, error });
      throw error;
    }
    announce(text.memberRemoved(getMemberDisplayName(member)));
    settled({ kind: 'removal', member });
  });

  // Stable, as every action: the parts' slices of the list stay the same objects across renders.
  const retry = useStableCallback(() => void list.revalidate());
  const cancelRemoval = useStableCallback(() => setRemoval(null));

  const clearSearch = useStableCallback(() => {
    setQuery('');
    setRoleFilter(null);
  });

  return {
    organizationId,
    organizationName: permissions.viewerMembership?.organization.name ?? list.data[0]?.organization.name,
    members: list.data,
    totalCount: list.totalCount,
    page: list.page,
    pageSize,
    pageSizeOptions: options.pageSizeOptions ?? DEFAULT_PAGE_SIZE_OPTIONS,
    isLoading: list.isLoading,
    isFetching: list.isFetching,
    error: list.error,
    query,
    roleFilter,
    orderBy,
    isFiltered: query !== '' || roleFilter !== null,
    roles,
    viewer: policyViewer,
    adminCount: permissions.adminCount,
    pendingUserIds,
    canAdd: permissions.canAdd,
    canSelect: permissions.canManage,
    locale,
    removal,
    setPage: list.fetchPage,
    setPageSize,
    setQuery,
    setRoleFilter,
    setOrderBy,
    clearSearch,
    retry,
    changeRole,
    requestRemoval,
    cancelRemoval,
    confirmRemoval,
    ...bulk,
  };
}
