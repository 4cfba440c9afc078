import type { OrganizationInvitation, OrganizationInvitationStatus } from '@roster/core';
import {
  useMembershipPermissions,
  useOrganizationInvitations,
  useResendInvitation,
  useRevokeInvitation,
  useRoster,
} from '@roster/react';
import {
  type ComponentPropsWithoutRef,
  createContext,
  forwardRef,
  type ReactNode,
  useContext,
  useState,
} from 'react';
import { useAnnounce, WithAnnouncer } from './announcer';
import { describeError } from './describe-error';
import { joinClassNames } from './join-class-names';
import {
  type RosterLocalizationOverrides,
  RosterLocalizationProvider,
  useLocalization,
} from './localization';
import { MemberListPagination, type MemberListPaginationProps } from './member-list-pagination';
import { PortalContainerContext } from './portal-container';
import { RemoveMemberDialog } from './remove-member-dialog';
import { useComposedRefs } from './use-composed-refs';
import { visuallyHidden } from './visually-hidden';

/** The parts of the invitation list, stamped `data-roster-slot="invitation-list-<slot>"`. */
export type InvitationListSlot =
  | 'root'
  | 'table'
  | 'caption'
  | 'header-cell'
  | 'row'
  | 'cell'
  | 'status-badge'
  | 'resend'
  | 'revoke'
  | 'skeleton'
  | 'empty'
  | 'error'
  | 'retry';

/** Options of {@link useInvitationList} (what `InvitationList.Root` takes). */
export interface UseInvitationListOptions {
  /** The organization whose invitations to list. */
  organizationId: string;
  /** Which invitations: default `'pending'`. */
  status?: OrganizationInvitationStatus | undefined;
  /** Invitations per page. Default 10. */
  pageSize?: number | undefined;
}

/** The invitation list's state and actions: what the parts read from `InvitationList.Root`. */
export interface InvitationListContextValue {
  organizationId: string;
  organizationName: string | undefined;
  invitations: OrganizationInvitation[];
  totalCount: number;
  page: number;
  pageSize: number;
  isLoading: boolean;
  isFetching: boolean;
  error: unknown;
  /** The viewer may resend and revoke (`org:sys_memberships:manage`). */
  canManage: boolean;
  locale: string | undefined;
  /** The ID of the invitation being resent. */
  resending: string | null;
  /** The invitation whose revocation waits for confirmation. */
  revoking: OrganizationInvitation | null;
  setPage: (page: number) => void;
  retry: () => void;
  resend: (invitation: OrganizationInvitation) => Promise<void>;
  requestRevoke: (invitation: OrganizationInvitation) => void;
  cancelRevoke: () => void;
  confirmRevoke: () => Promise<void>;
  /** Where focus goes after a revoke (internal: the table registers itself). */
  focusTargets: { table: HTMLElement | null };
}

const InvitationListContext = /* @__PURE__ */ createContext<InvitationListContextValue | null>(null);

/** The nearest `InvitationList.Root`'s state and actions (throws outside one). */
export function useInvitationListContext(): InvitationListContextValue {
  const value = useContext(InvitationListContext);
  if (!value) throw new Error('useInvitationListContext: outside <InvitationList.Root>');
  return value;
}

/** The controller of the invitation list: state and actions, no markup. */
export function useInvitationList({
  organizationId,
  status = 'pending',
  pageSize = 10,
}: UseInvitationListOptions): InvitationListContextValue {
  const { locale } = useRoster();
  const text = useLocalization();
  const announce = useAnnounce();
  const permissions = useMembershipPermissions(organizationId);
  const list = useOrganizationInvitations({ organizationId, status, pageSize });
  const revoke = useRevokeInvitation(organizationId);
  const resendInvitation = useResendInvitation(organizationId);
  const [resending, setResending] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<OrganizationInvitation | null>(null);
  const [focusTargets] = useState(() => ({ table: null as HTMLElement | null }));

  const resend = async (invitation: OrganizationInvitation) => {
    setResending(invitation.id);
    try {
      await resendInvitation.trigger({ invitationId: invitation.id });
      announce(text.invitationsSent(1, invitation.emailAddress));
    } catch (error) {
      announce(text.resendFailed(invitation.emailAddress, describeError(error, text, 'resend-invitation')));
    }
    setResending(null);
  };

  const confirmRevoke = async () => {
    const invitation = revoking;
    if (!invitation) return;
    await revoke.trigger({ invitationId: invitation.id });
    announce(text.invitationRevoked(invitation.emailAddress));
  };

  return {
    organizationId,
    organizationName: permissions.viewerMembership?.organization.name,
    invitations: list.data ?? [],
    totalCount: list.totalCount ?? 0,
    page: list.page,
    pageSize: list.pageSize ?? pageSize,
    isLoading: list.isLoading,
    isFetching: list.isFetching,
    error: list.error,
    canManage: permissions.canManage,
    locale,
    resending,
    revoking,
    setPage: list.fetchPage,
    retry: list.revalidate,
    resend,
    requestRevoke: setRevoking,
    cancelRevoke: () => setRevoking(null),
    confirmRevoke,
    focusTargets,
  };
}

/** Props of {@link InvitationListRoot}. Other props go to its `<div>`. */
export interface InvitationListRootProps extends UseInvitationListOptions, ComponentPropsWithoutRef<'div'> {
  /** Strings to override for every part inside. */
  localization?: RosterLocalizationOverrides | undefined;
  /** The parts: `InvitationList.Table`, `.Pagination`, `.RevokeDialog`, yours. */
  children?: ReactNode;
}

/**
 * The invitation list's state for the parts inside it (read it with `useInvitationListContext`),
 * the strings, a live region (unless one is above) and the portal container (its `<div>`).
 */
export const InvitationListRoot = /* @__PURE__ */ forwardRef<HTMLDivElement, InvitationListRootProps>(
  function InvitationListRoot({ localization, ...props }, ref) {
    return (
      <WithAnnouncer>
        <RosterLocalizationProvider localization={localization}>
          <InvitationListRootContent {...props} ref={ref} />
        </RosterLocalizationProvider>
      </WithAnnouncer>
    );
  },
);

const InvitationListRootContent = /* @__PURE__ */ forwardRef<
  HTMLDivElement,
  Omit<InvitationListRootProps, 'localization'>
>(function InvitationListRootContent({ organizationId, status, pageSize, children, ...divProps }, ref) {
  const list = useInvitationList({ organizationId, status, pageSize });
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const rootRef = useComposedRefs(ref, setContainer);
  return (
    <div {...divProps} ref={rootRef} data-roster-slot="invitation-list-root">
      <PortalContainerContext.Provider value={container}>
        <InvitationListContext.Provider value={list}>{children}</InvitationListContext.Provider>
      </PortalContainerContext.Provider>
    </div>
  );
});

/** `data-roster-slot` and the class of a part. */
const slot = (
  classNames: Partial<Record<InvitationListSlot, string>> | undefined,
  part: InvitationListSlot,
) => ({
  'data-roster-slot': `invitation-list-${part}`,
  className: classNames?.[part],
});

function inviterName(invitation: OrganizationInvitation): string {
  const inviter = invitation.publicInviterData;
  if (!inviter) return '—';
  return [inviter.firstName, inviter.lastName].filter(Boolean).join(' ') || inviter.identifier;
}

/** Props of {@link InvitationListTable}. Other props go to the `<table>`. */
export interface InvitationListTableProps extends ComponentPropsWithoutRef<'table'> {
  /** Classes per part. */
  classNames?: Partial<Record<InvitationListSlot, string>> | undefined;
}

/** The invitations: email, role, status, invited, expires, invited by, and Resend / Revoke. */
export const InvitationListTable = /* @__PURE__ */ forwardRef<HTMLTableElement, InvitationListTableProps>(
  function InvitationListTable({ classNames, className, ...tableProps }, ref) {
    const list = useInvitationListContext();
    const text = useLocalization();
    const tableRef = useComposedRefs(ref, (element: HTMLTableElement | null) => {
      list.focusTargets.table = element;
    });
    const columns = [
      text.columnIdentifier,
      text.columnRole,
      text.columnStatus,
      text.columnInvited,
      text.columnExpires,
      text.columnInviter,
    ];
    const width = columns.length + 1;
    const date = (timestamp: number) => text.formatDate(timestamp, list.locale);
    let body: ReactNode;
    if (list.isLoading) {
      body = (
        <tr {...slot(classNames, 'skeleton')}>
          <td colSpan={width}>
            <span style={visuallyHidden}>{text.loadingInvitations}</span>
          </td>
        </tr>
      );
    } else if (list.error && list.invitations.length === 0) {
      body = (
        <tr>
          <td colSpan={width} {...slot(classNames, 'error')}>
            <p role="alert">
              <strong>{text.invitationsErrorTitle}</strong>{' '}
              {describeError(list.error, text, 'list-invitations')}
            </p>
            <button type="button" onClick={list.retry} {...slot(classNames, 'retry')}>
              {text.retry}
            </button>
          </td>
        </tr>
      );
    } else if (list.invitations.length === 0) {
      body = (
        <tr>
          <td colSpan={width} {...slot(classNames, 'empty')}>
            <strong>{text.invitationsEmptyTitle}</strong>
          </td>
        </tr>
      );
    } else {
      body = list.invitations.map((invitation) => {
        const email = invitation.emailAddress;
        const status = invitation.status ?? 'pending';
        const pending = list.resending === invitation.id;
        const cell = (column: string, content: ReactNode) => (
          <td data-roster-slot="invitation-list-cell" data-column={column} className={classNames?.cell}>
            {content}
          </td>
        );
        return (
          <tr
            // A resent invitation has a new ID but the same address: keyed by address, its row (and
            // the focused Resend button) stays.
            key={status === 'pending' ? email : invitation.id}
            data-roster-slot="invitation-list-row"
            data-pending={pending ? '' : undefined}
            className={classNames?.row}
          >
            {cell('email', email)}
            {cell('role', text.roleName(invitation.role, invitation.roleName || invitation.role))}
            {cell(
              'status',
              <span
                data-roster-slot="invitation-list-status-badge"
                data-status={status}
                className={classNames?.['status-badge']}
              >
                {text.invitationStatus(status)}
              </span>,
            )}
            {cell('invited', date(invitation.createdAt))}
            {cell('expires', invitation.expiresAt === null ? text.neverExpires : date(invitation.expiresAt))}
            {cell('inviter', inviterName(invitation))}
            {cell(
              'actions',
              list.canManage && status === 'pending' && (
                <>
                  <button
                    type="button"
                    aria-label={text.resendInvitation(email)}
                    aria-disabled={pending || undefined}
                    data-pending={pending ? '' : undefined}
                    onClick={() => (pending ? undefined : void list.resend(invitation))}
                    {...slot(classNames, 'resend')}
                  >
                    {text.resend}
                  </button>
                  <button
                    type="button"
                    aria-label={text.revokeInvitationFor(email)}
                    onClick={() => list.requestRevoke(invitation)}
                    {...slot(classNames, 'revoke')}
                  >
                    {text.revoke}
                  </button>
                </>
              ),
            )}
          </tr>
        );
      });
    }
    return (
      <table
        tabIndex={-1}
        aria-busy={list.isLoading || undefined}
        {...tableProps}
        ref={tableRef}
        data-roster-slot="invitation-list-table"
        data-fetching={list.isFetching ? '' : undefined}
        className={joinClassNames(classNames?.table, className)}
      >
        <caption {...slot(classNames, 'caption')}>
          {text.invitationListCaption(list.organizationName)}
        </caption>
        <thead>
          <tr>
            {columns.map((label) => (
              <th key={label} scope="col" {...slot(classNames, 'header-cell')}>
                {label}
              </th>
            ))}
            <th scope="col" {...slot(classNames, 'header-cell')}>
              <span style={visuallyHidden}>{text.columnActions}</span>
            </th>
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    );
  },
);

/** Props of {@link InvitationListPagination}: the member list's pagination's (its slots are `member-list-*`). */
export type InvitationListPaginationProps = MemberListPaginationProps;

/**
 * Previous/Next and the `1–10 of 25` status of the invitation list: the member list's pagination
 * (`MemberListPagination`, no page-size select) on the invitation list's page and count.
 */
export const InvitationListPagination = /* @__PURE__ */ forwardRef<
  HTMLElement,
  InvitationListPaginationProps
>(function InvitationListPagination(props, ref) {
  const { page, pageSize, totalCount, setPage, isFetching } = useInvitationListContext();
  return (
    <MemberListPagination
      page={page}
      pageSize={pageSize}
      totalCount={totalCount}
      onPageChange={setPage}
      isFetching={isFetching}
      {...props}
      ref={ref}
    />
  );
});

/**
 * The revoke confirmation: an alert dialog (the kit's `RemoveMemberDialog`, so its slots are
 * `remove-member-dialog-*`) titled "Revoke invitation" with Cancel and a destructive Revoke, open
 * while a revocation waits. Focus goes back to the Revoke button on Cancel, to the table when the
 * row has left.
 */
export function InvitationListRevokeDialog() {
  const list = useInvitationListContext();
  const text = useLocalization();
  const invitation = list.revoking;
  const email = invitation?.emailAddress ?? '';
  return (
    <RemoveMemberDialog
      open={invitation !== null}
      onOpenChange={(open) => (open ? undefined : list.cancelRevoke())}
      memberName={email}
      organizationName={list.organizationName ?? ''}
      onConfirm={list.confirmRevoke}
      fallbackFocus={() => list.focusTargets.table}
      localization={{
        removeDialogTitle: text.revokeDialogTitle,
        removeDialogDescription: () => text.revokeDialogDescription(email),
        remove: text.revoke,
        removing: text.revoking,
        errorMessage: (code) => text.errorMessage(code, 'revoke-invitation'),
      }}
    />
  );
}

/** Props of {@link InvitationList}: the Root's, plus classes for the table and pagination. */
export interface InvitationListProps extends Omit<InvitationListRootProps, 'children'> {
  classNames?: Partial<Record<InvitationListSlot, string>> | undefined;
  /** Classes of the pagination's parts. */
  paginationClassNames?: MemberListPaginationProps['classNames'];
}

function InvitationListDefault({ classNames, paginationClassNames, ...rootProps }: InvitationListProps) {
  return (
    <InvitationListRoot {...rootProps} className={joinClassNames(classNames?.root, rootProps.className)}>
      <InvitationListTable classNames={classNames} />
      <InvitationListPagination {...(paginationClassNames && { classNames: paginationClassNames })} />
      <InvitationListRevokeDialog />
    </InvitationListRoot>
  );
}

/**
 * The organization's invitations (pending by default) with paging, Resend and Revoke (behind a
 * confirmation): `InvitationList.Root` with `.Table`, `.Pagination` and `.RevokeDialog`.
 */
export const InvitationList = /* @__PURE__ */ Object.assign(InvitationListDefault, {
  Root: InvitationListRoot,
  Table: InvitationListTable,
  Pagination: InvitationListPagination,
  RevokeDialog: InvitationListRevokeDialog,
});
