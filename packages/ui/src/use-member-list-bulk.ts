import type {
  BulkMembershipAction,
  BulkMembershipResult,
  OrganizationMembership,
  Role,
  SelectionPageState,
  UndoHandle,
} from '@roster/core';
import { useBulkMembershipActions, useMembershipSelection } from '@roster/react';
import { useMemo, useRef } from 'react';
import { type AnnounceOptions, useAnnounce } from './announcer';
import { describeError } from './describe-error';
import { type BulkActionKind, useLocalization } from './localization';
import { getMemberDisplayName } from './member-display-name';
import { useStableCallback } from './use-stable-callback';

/** Options of {@link useMemberListBulk}: the Root's selection and undo props, and the page. */
export interface MemberListBulkOptions {
  organizationId: string;
  /** The members on the page (what the header checkbox selects). */
  members: readonly OrganizationMembership[];
  /** The organization's roles (for role names in announcements). */
  roles: readonly Role[];
  /** See `UseMemberListOptions.selectedUserIds`. */
  selectedUserIds?: ReadonlySet<string> | undefined;
  /** See `UseMemberListOptions.defaultSelectedUserIds`. */
  defaultSelectedUserIds?: Iterable<string> | undefined;
  /** See `UseMemberListOptions.onSelectedUserIdsChange`. */
  onSelectedUserIdsChange?: ((selected: ReadonlySet<string>) => void) | undefined;
  /** See `UseMemberListOptions.undoWindowMs`. */
  undoWindowMs?: number | undefined;
}

/** The selection and bulk fields of the member list (part of `UseMemberListResult`). */
export interface MemberListBulkResult {
  /** The selected user IDs (on every page). The same set while its content is the same. */
  selectedUserIds: ReadonlySet<string>;
  /** How many members are selected. */
  selectedCount: number;
  /** The header checkbox's state for the page: `none`, `some` (mixed) or `all`. */
  pageSelectionState: SelectionPageState;
  /** Selects or deselects one member. Stable identity. */
  setMemberSelected: (member: OrganizationMembership, selected: boolean) => void;
  /** The header checkbox: selects the page, or deselects it when it is all selected. Stable. */
  togglePageSelected: () => void;
  /** Deselects everyone. Stable identity. */
  clearSelection: () => void;
  /** Changes the role of every selected member (optimistic), announcing the outcome. Stable. */
  bulkChangeRole: (role: string) => void;
  /** Removes every selected member, announcing the outcome. Stable identity. */
  bulkRemove: () => Promise<void>;
  /** A bulk (or undoable) change is waiting for the server or its undo window. */
  isBulkMutating: boolean;
  /** The undo window of changes made from the list, in ms (0: no undo). */
  undoWindowMs: number;
}

/** What `useMemberList` uses for undoable single changes. */
export interface MemberListUndoableActions {
  /** Changes one member's role as one undoable change. */
  changeRoleUndoable: (
    member: OrganizationMembership,
    role: string,
    onSettled: (error?: unknown) => void,
  ) => void;
  /** Removes one member as one undoable change (deferred until the window ends). */
  removeUndoable: (member: OrganizationMembership, onSettled: (error?: unknown) => void) => void;
}

type Result = BulkMembershipResult;

/**
 * The member list's selection (over `useMembershipSelection`) and bulk actions (over
 * `useBulkMembershipActions`), with their announcements and the Undo button in the announcement.
 */
export function useMemberListBulk(
  options: MemberListBulkOptions,
): MemberListBulkResult & MemberListUndoableActions {
  const { organizationId, members, roles } = options;
  const undoWindowMs = Math.max(0, options.undoWindowMs ?? 0);
  const text = useLocalization();
  const announce = useAnnounce();
  const pageUserIds = useMemo(
    () => members.flatMap((member) => (member.publicUserData ? [member.publicUserData.userId] : [])),
    [members],
  );
  const selection = useMembershipSelection({
    organizationId,
    pageUserIds,
    selectedUserIds: options.selectedUserIds,
    defaultSelectedUserIds: options.defaultSelectedUserIds,
    onSelectedUserIdsChange: options.onSelectedUserIdsChange,
  });
  const bulk = useBulkMembershipActions(organizationId, { undoWindowMs });

  // Every member seen, by user ID: the selection outlives pages, and announcements need names.
  const known = useRef(new Map<string, OrganizationMembership>());
  for (const member of members) {
    if (member.publicUserData) known.current.set(member.publicUserData.userId, member);
  }
  const nameOf = (userId: string) => {
    const member = known.current.get(userId);
    return member ? getMemberDisplayName(member) : userId;
  };
  // In the locale's words: a built-in role by the locale, a custom one by the server's name.
  const roleName = (key: string, serverName?: string | null) =>
    text.roleName(key, serverName ?? roles.find((role) => role.key === key)?.name ?? key);

  // A one-member action from a row (undo on) fails in the same words as without undo.
  const outcomeLines = (result: Result, kind: BulkActionKind, single = false) => [
    ...result.skipped.map(({ userId, reason }) => text.bulkSkipped(nameOf(userId), reason, kind)),
    ...result.failed.map(({ userId, error }) => {
      const message = describeError(error, text, kind);
      if (!single) return text.bulkFailed(nameOf(userId), message, kind);
      return kind === 'role-change' ? text.roleChangeFailed(message) : text.removeFailed(message);
    }),
  ];
  const offerUndo = (handle: UndoHandle<Result> | null, kind: BulkActionKind): AnnounceOptions => {
    if (!handle) return {};
    const onUndo = () =>
      void handle.undo().then((result) => {
        if (result) announce([text.undone, ...outcomeLines({ ...result, skipped: [] }, kind)].join('. '));
      });
    return { undo: { handle, label: text.undo, onUndo } };
  };
  const start = (targets: OrganizationMembership[]) =>
    targets.filter((member) => member.publicUserData !== null);

  const changeRoles = (
    targets: OrganizationMembership[],
    role: string,
    summary: (result: Result) => string | null,
    single = false,
  ): BulkMembershipAction => {
    const action = bulk.changeRole(start(targets), role);
    void action.settled.then((result) => {
      for (const changed of result.succeeded) {
        if (changed.publicUserData) selection.deselect(changed.publicUserData.userId);
      }
      const head = result.succeeded.length > 0 ? summary(result) : null;
      const lines = [...(head ? [head] : []), ...outcomeLines(result, 'role-change', single)];
      const undo = result.succeeded.length > 0 ? action.undo : null;
      if (lines.length > 0) announce(lines.join('. '), offerUndo(undo, 'role-change'));
    });
    return action;
  };

  const remove = (targets: OrganizationMembership[], summary: (count: number) => string, single = false) => {
    const action = bulk.remove(start(targets));
    const count = targets.length - action.skipped.length;
    if (action.undo) {
      // Deferred: the members are off the list now; the DELETEs wait for the window's end.
      const lines = [
        ...(count > 0 ? [summary(count)] : []),
        ...outcomeLines({ ...emptyResult(), skipped: action.skipped }, 'removal'),
      ];
      announce(lines.join('. '), offerUndo(action.undo, 'removal'));
      void action.settled.then((result) => {
        if (result.failed.length > 0)
          announce(outcomeLines({ ...result, skipped: [] }, 'removal', single).join('. '));
      });
    } else {
      void action.settled.then((result) => {
        const head = result.succeeded.length > 0 ? summary(result.succeeded.length) : null;
        const lines = [...(head ? [head] : []), ...outcomeLines(result, 'removal')];
        if (lines.length > 0) announce(lines.join('. '));
      });
    }
    return action;
  };

  const selectedMembers = () =>
    [...selection.selected].flatMap((userId) => {
      const member = known.current.get(userId);
      return member ? [member] : [];
    });

  const bulkChangeRole = useStableCallback((role: string) => {
    changeRoles(selectedMembers(), role, (result) =>
      text.bulkRoleChanged(result.succeeded.length, roleName(role)),
    );
  });
  const bulkRemove = useStableCallback(async () => {
    remove(selectedMembers(), text.bulkRemoved);
  });
  const changeRoleUndoable = useStableCallback(
    (member: OrganizationMembership, role: string, onSettled: (error?: unknown) => void) => {
      const action = changeRoles(
        [member],
        role,
        (result) => {
          const updated = result.succeeded[0];
          return updated
            ? text.roleChanged(getMemberDisplayName(member), roleName(updated.role, updated.roleName))
            : null;
        },
        true,
      );
      void action.settled.then((result) => onSettled(result.failed[0]?.error));
    },
  );
  const removeUndoable = useStableCallback(
    (member: OrganizationMembership, onSettled: (error?: unknown) => void) => {
      const action = remove([member], () => text.memberRemoved(getMemberDisplayName(member)), true);
      void action.settled.then((result) => onSettled(result.failed[0]?.error));
    },
  );
  const setMemberSelected = useStableCallback((member: OrganizationMembership, selected: boolean) => {
    const userId = member.publicUserData?.userId;
    if (!userId) return;
    if (selected) selection.select(userId);
    else selection.deselect(userId);
  });

  return {
    selectedUserIds: selection.selected,
    selectedCount: selection.count,
    pageSelectionState: selection.pageState,
    setMemberSelected,
    togglePageSelected: selection.togglePage,
    clearSelection: selection.clear,
    bulkChangeRole,
    bulkRemove,
    isBulkMutating: bulk.isMutating,
    undoWindowMs,
    changeRoleUndoable,
    removeUndoable,
  };
}

function emptyResult(): Result {
  return { succeeded: [], failed: [], skipped: [], undone: [] };
}
