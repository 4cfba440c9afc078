import {
  getMembershipPermissions,
  isMembershipAdmin,
  isViewerMembership,
  type OrganizationMembership,
  type PolicyReason,
  type PolicyViewer,
  type Role,
} from '@roster/core';
import {
  createContext,
  Fragment,
  memo,
  type ReactNode,
  useCallback,
  useContext,
  useId,
  useMemo,
} from 'react';
import { useLocalization } from './localization';
import { getMemberDisplayName } from './member-display-name';
import {
  type MemberListActionsContext,
  type MemberListCellContext,
  type MemberListColumn,
  type MemberListColumnInput,
  type MemberListRowContext,
  type MemberListRowRenderContext,
  useMemberListColumns,
} from './member-list-columns';
import { MemberListFocusContext, withDefaults } from './member-list-context';
import { RoleSelect } from './role-select';
import { visuallyHidden } from './visually-hidden';

/** The parts of a row, stamped `data-roster-slot="member-list-<slot>"`. */
export type MemberListRowSlot =
  | 'row'
  | 'cell'
  | 'avatar'
  | 'name'
  | 'you-badge'
  | 'identifier'
  | 'joined'
  | 'remove'
  | 'remove-reason'
  | 'select-cell'
  | 'select';

/**
 * Props of {@link MemberListRow}. Memoized: it re-renders only when one of these changes. Inside a
 * `MemberList.Table` (or a `MemberList.Root`) everything but `member` comes from there (props you
 * give win; handlers you give run too); the table passes `isPending` and `adminCount` per row.
 */
export interface MemberListRowProps {
  /** The membership this row shows. */
  member: OrganizationMembership;
  /** The columns to render, in order. Default: the table's, else all six. */
  columns?: readonly MemberListColumnInput[] | undefined;
  /** The row is the viewer's own membership (the You badge, Leave instead of Remove). Default: from `viewer`. */
  isViewer?: boolean | undefined;
  /** A change to this member is waiting for the server (`data-pending`). Default `false`. */
  isPending?: boolean | undefined;
  /** The row is selected (its checkbox is checked, `data-selected`). Default `false`. */
  isSelected?: boolean | undefined;
  /**
   * Called when the user checks or unchecks the row's checkbox (`Select {name}`): given, the row
   * starts with a selection cell. The table passes it for viewers who may manage members.
   */
  onSelectedChange?: ((member: OrganizationMembership, selected: boolean) => void) | undefined;
  /** The viewer and their permissions in the organization (`null` while unknown: read-only). */
  viewer?: PolicyViewer | null | undefined;
  /** The organization's admin count, for the last-admin rule (pass it to admin rows only). */
  adminCount?: number | undefined;
  /** The organization's roles, offered by the role select. */
  roles?: readonly Role[] | undefined;
  /** Locale for the joined date. */
  locale?: string | undefined;
  /** Called with the role the user picks for this member. */
  onRoleChange?: ((member: OrganizationMembership, roleKey: string) => void) | undefined;
  /** Called when the user asks to remove this member; `trigger` is where focus returns. */
  onRemoveRequest?: ((member: OrganizationMembership, trigger: HTMLElement | null) => void) | undefined;
  /** Replaces the whole row. */
  renderRow?: ((context: MemberListRowRenderContext) => ReactNode) | undefined;
  /** Replaces one cell's content, by column ID. */
  renderCell?: Partial<Record<string, (context: MemberListCellContext) => ReactNode>> | undefined;
  /** Replaces the actions cell's content. */
  renderActions?: ((context: MemberListActionsContext) => ReactNode) | undefined;
  /** Classes per part. */
  classNames?: Partial<Record<MemberListRowSlot, string>> | undefined;
}

/** What rows take from their table or Root unless given (internal: one stable object per table). */
export type MemberListRowDefaults = Omit<
  MemberListRowProps,
  'member' | 'isViewer' | 'isPending' | 'isSelected' | 'adminCount'
>;

/** The nearest table's (or Root's) {@link MemberListRowDefaults} (internal). */
export const MemberListRowDefaultsContext = /* @__PURE__ */ createContext<MemberListRowDefaults | null>(null);

const NO_ROLES: readonly Role[] = [];

/** One member's row: its cells in column order, or your `renderRow`. */
export const MemberListRow = /* @__PURE__ */ memo(function MemberListRow(props: MemberListRowProps) {
  const {
    member,
    columns: columnsProp,
    viewer = null,
    isViewer = isViewerMembership(viewer, member),
    isPending = false,
    isSelected = false,
    onSelectedChange,
    adminCount,
    roles = NO_ROLES,
    locale,
    onRoleChange,
    onRemoveRequest,
    renderRow,
    renderCell,
    renderActions,
    classNames,
  } = withDefaults(useContext(MemberListRowDefaultsContext), props);
  const text = useLocalization();
  const reasonId = useId();
  const columns = useMemberListColumns(columnsProp);
  const focus = useContext(MemberListFocusContext);
  const permissions = useMemo(
    () =>
      getMembershipPermissions({
        viewer,
        target: member,
        roles,
        ...(adminCount !== undefined && { adminCount }),
      }),
    [viewer, member, roles, adminCount],
  );
  const name = getMemberDisplayName(member);
  // The table reuses a row for a member who replaces one that left (see member-list-row-keys.ts):
  // what you render is keyed by the member, so your components' state is always this member's.
  const ownContent = (content: ReactNode) => <Fragment key={member.id}>{content}</Fragment>;
  const context: MemberListRowContext = { member, name, isViewer, isPending, permissions };
  const user = member.publicUserData;
  const userId = user?.userId;

  const requestRemove = (trigger: HTMLElement | null) => onRemoveRequest?.(member, trigger);
  // Registered so that focus can find this row's button after a failed removal brings it back.
  const registerRemoveButton = useCallback(
    (element: HTMLElement | null) => {
      if (!focus || !userId) return;
      if (element) focus.removeButtons.set(userId, element);
      else focus.removeButtons.delete(userId);
    },
    [focus, userId],
  );

  const defaultActions = (() => {
    // The viewer's own row offers to leave (the policy's `self` only means "not removed by you"),
    // blocked when they are the last admin; other rows offer removal, shown disabled with the
    // reason for the last admin and hidden when the viewer may not manage members.
    const leaving = isViewer;
    let blockedBy: PolicyReason | null;
    if (leaving) {
      if (!permissions.canManage) return null;
      blockedBy =
        isMembershipAdmin(member) && adminCount !== undefined && adminCount <= 1 ? 'last-admin' : null;
    } else {
      blockedBy = permissions.reasons.remove;
      if (blockedBy !== null && blockedBy !== 'last-admin') return null;
    }
    const blocked = blockedBy !== null;
    return (
      <>
        <button
          ref={registerRemoveButton}
          type="button"
          aria-label={leaving ? text.leaveOrganization : text.removeMember(name)}
          aria-disabled={blocked || undefined}
          aria-describedby={blocked ? reasonId : undefined}
          data-disabled={blocked ? '' : undefined}
          data-roster-slot="member-list-remove"
          className={classNames?.remove}
          onClick={(event) => {
            if (!blocked) requestRemove(event.currentTarget);
          }}
        >
          {leaving ? text.leaveOrganization : text.remove}
        </button>
        {blockedBy && (
          <span
            id={reasonId}
            data-roster-slot="member-list-remove-reason"
            className={classNames?.['remove-reason']}
            style={visuallyHidden}
          >
            {text.reasons[blockedBy]}
          </span>
        )}
      </>
    );
  })();

  const defaultCell = (column: MemberListColumn): ReactNode => {
    if (column.render) return ownContent(column.render(context));
    switch (column.id) {
      case 'avatar':
        return user?.hasImage && user.imageUrl ? (
          <img
            // A new element per picture: a reused one would show the last member's until this loads.
            key={user.imageUrl}
            src={user.imageUrl}
            alt=""
            width={32}
            height={32}
            data-roster-slot="member-list-avatar"
            className={classNames?.avatar}
          />
        ) : (
          <span aria-hidden="true" data-roster-slot="member-list-avatar" className={classNames?.avatar}>
            {initials(name)}
          </span>
        );
      case 'name':
        return (
          <span data-roster-slot="member-list-name" className={classNames?.name}>
            {name}
            {isViewer && (
              <span data-roster-slot="member-list-you-badge" className={classNames?.['you-badge']}>
                {text.youBadge}
              </span>
            )}
          </span>
        );
      case 'identifier':
        return (
          <span data-roster-slot="member-list-identifier" className={classNames?.identifier}>
            {user?.identifier ?? ''}
          </span>
        );
      case 'role': {
        const reason = permissions.reasons.changeRole;
        return (
          <RoleSelect
            lazy
            roles={roles}
            memberName={name}
            value={member.role}
            valueName={member.roleName}
            onValueChange={(roleKey) => onRoleChange?.(member, roleKey)}
            disabled={!permissions.canChangeRole}
            disabledReason={reason ? text.reasons[reason] : null}
            pending={isPending}
          />
        );
      }
      case 'joined':
        return (
          <time
            dateTime={new Date(member.createdAt).toISOString()}
            data-roster-slot="member-list-joined"
            className={classNames?.joined}
          >
            {text.formatDate(member.createdAt, locale)}
          </time>
        );
      case 'actions':
        return renderActions
          ? ownContent(renderActions({ ...context, requestRemove, defaultContent: defaultActions }))
          : defaultActions;
      default:
        return null;
    }
  };

  const selectCell = onSelectedChange && (
    <td key="select" data-roster-slot="member-list-select-cell" className={classNames?.['select-cell']}>
      <input
        type="checkbox"
        checked={isSelected}
        onChange={(event) => onSelectedChange(member, event.currentTarget.checked)}
        aria-label={text.selectMember(name)}
        data-roster-slot="member-list-select"
        className={classNames?.select}
      />
    </td>
  );
  const columnCells = columns.map((column) => {
    const defaultContent = defaultCell(column);
    const custom = renderCell?.[column.id];
    const content = custom
      ? ownContent(custom({ ...context, columnId: column.id, defaultContent }))
      : defaultContent;
    return (
      <td
        key={column.id}
        data-roster-slot="member-list-cell"
        data-column={column.id}
        className={classNames?.cell}
      >
        {content}
      </td>
    );
  });
  const cells = selectCell ? [selectCell, ...columnCells] : columnCells;

  const rowProps = {
    'data-roster-slot': 'member-list-row',
    'data-pending': isPending ? '' : undefined,
    'data-viewer': isViewer ? '' : undefined,
    'data-selected': isSelected ? '' : undefined,
    'data-user-id': userId,
    className: classNames?.row,
  };
  if (renderRow) return ownContent(renderRow({ ...context, cells, rowProps }));
  return <tr {...rowProps}>{cells}</tr>;
});

function initials(name: string): string {
  const letters = name
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '');
  return letters.join('');
}
