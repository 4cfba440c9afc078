import type { MembershipPermissions, OrganizationMembership } from '@roster/core';
import { type ReactNode, useMemo } from 'react';
import { useLocalization } from './localization';

/** The built-in columns, in their default order. */
export type MemberListColumnId = 'avatar' | 'name' | 'identifier' | 'role' | 'joined' | 'actions';

/** The default column order. */
export const DEFAULT_MEMBER_LIST_COLUMNS: readonly MemberListColumnId[] = [
  'avatar',
  'name',
  'identifier',
  'role',
  'joined',
  'actions',
];

/** What a row (and each of its cells) knows about its member. */
export interface MemberListRowContext {
  /** The membership the row shows. */
  member: OrganizationMembership;
  /** The member's full name, or identifier when they have none. */
  name: string;
  /** The viewer's own row ("You"). */
  isViewer: boolean;
  /** A change to this member is waiting for the server. */
  isPending: boolean;
  /** What the viewer may do to this member, with reasons. */
  permissions: MembershipPermissions;
}

/** What a cell renderer gets: the row context plus the cell's column and its default content. */
export interface MemberListCellContext extends MemberListRowContext {
  /** The cell's column id. */
  columnId: string;
  /** What the cell shows by default; wrap or replace it. */
  defaultContent: ReactNode;
}

/** What `renderActions` gets. */
export interface MemberListActionsContext extends MemberListRowContext {
  /** Opens the remove (or leave) dialog for this member; pass the button so focus can return to it. */
  requestRemove: (trigger: HTMLElement | null) => void;
  /** The default actions (the remove or leave button). */
  defaultContent: ReactNode;
}

/** What `renderRow` gets. */
export interface MemberListRowRenderContext extends MemberListRowContext {
  /** The row's default cells, in column order: put them in your own `<tr>`. */
  cells: ReactNode;
  /** Props for your `<tr>` (`data-roster-slot`, `data-pending`, `data-viewer`, `className`). */
  rowProps: Record<string, string | undefined>;
}

/** A column of your own, or a built-in one with another header. */
export interface MemberListColumn {
  /** A built-in column id, or your own. */
  id: string;
  /** The header text (also its accessible name). */
  header: string;
  /** Hide the header visually (it stays readable by screen readers). */
  headerHidden?: boolean;
  /** The cell's content; built-in columns have a default. */
  render?: (context: MemberListRowContext) => ReactNode;
}

/** A column in the `columns` prop: a built-in id, or a column object. */
export type MemberListColumnInput = MemberListColumnId | MemberListColumn;

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
