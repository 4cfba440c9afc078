import { createContext, type ReactNode, useContext, useMemo } from 'react';

/**
 * Why the policy denies an action (`PolicyReason` in @roster/core), in words. Kept as a string union
 * here so the UI can explain a reason even before the policy module is loaded.
 */
export type PolicyReasonText = Record<'not-permitted' | 'self' | 'last-admin' | 'unknown-role', string>;

/** Why a bulk action left a member out: a policy reason, or `unchanged` (`BulkSkipReason` in @roster/core). */
export type BulkSkipReasonKey = keyof PolicyReasonText | 'unchanged';

/** Which bulk action an announcement is about. */
export type BulkActionKind = 'role-change' | 'removal';

/** The sort orders the toolbar offers, by the Backend API's `order_by` value. */
export type MemberSortOrder =
  | '-created_at'
  | '+created_at'
  | '+first_name'
  | '-first_name'
  | '+email_address';

/** The action a failed call belonged to: it decides the wording of the error. */
export type RosterAction =
  | 'list'
  | 'add-member'
  | 'role-change'
  | 'removal'
  | 'invite'
  | 'list-invitations'
  | 'revoke-invitation'
  | 'resend-invitation';

/**
 * Every string the components show or announce, including the accessible names (a contract: see
 * the "Accessible names" table in this package's README). Pass a partial object to override some;
 * the rest stay English. Strings that embed a value are functions, so word order can change
 * between languages.
 */
export interface RosterLocalization {
  /** The table caption. `organizationName` is undefined until the first page has loaded. */
  memberListCaption: (organizationName: string | undefined) => string;
  /** Header of the avatar column: visually hidden but read by screen readers. */
  columnAvatar: string;
  /** Header of the name column. */
  columnName: string;
  /** Header of the identifier (email) column. */
  columnIdentifier: string;
  /** Header of the role column. */
  columnRole: string;
  /** Header of the joined-date column. */
  columnJoined: string;
  /** Header of the actions column (visually hidden). */
  columnActions: string;
  /** The badge on the viewer's own row. */
  youBadge: string;
  /** Accessible name of the search box. */
  searchLabel: string;
  /** The search box's placeholder. */
  searchPlaceholder: string;
  /** The search box's clear button and the "no results" state's action. */
  clearSearch: string;
  /** Accessible name of the role filter. */
  roleFilterLabel: string;
  /** The role filter's "no filter" option. */
  allRoles: string;
  /** Accessible name of the sort select. */
  sortLabel: string;
  /** The label of each sort order. */
  sortOrders: Record<MemberSortOrder, string>;
  /** Accessible name of the pagination landmark. */
  paginationLabel: string;
  /** The previous-page button (its accessible name). */
  previousPage: string;
  /** The next-page button (its accessible name). */
  nextPage: string;
  /** The pagination status, e.g. `1–10 of 253`. */
  pageStatus: (from: number, to: number, total: number) => string;
  /** Accessible name of the page-size select. */
  pageSizeLabel: string;
  /** The page-size option, e.g. `10 per page`. */
  pageSizeOption: (size: number) => string;
  /** Read by screen readers while the first page loads. */
  loading: string;
  /** The empty state's title when the organization has no members. */
  emptyTitle: string;
  /** The empty state's text when the organization has no members. */
  emptyDescription: string;
  /** The "no match" empty state, for a search and/or role filter. */
  noResultsTitle: (query: string) => string;
  /** The "no match" empty state's text. */
  noResultsDescription: string;
  /** The load error's title. */
  errorTitle: string;
  /** The load error's retry button. */
  retry: string;
  /** Accessible name of a row's role select. */
  roleFor: (name: string) => string;
  /** Accessible name of a metadata column's inline control, e.g. `Department for Alice Smith`. */
  metadataFieldLabel: (label: string, name: string) => string;
  /** A `boolean` metadata column's value, read-only. */
  metadataYes: string;
  /** A `boolean` metadata column's `false` value, read-only. */
  metadataNo: string;
  /** A `select` metadata column's choice for no value. */
  metadataNotSet: string;
  /** Inline error of a `number` metadata column whose input is not a number (nothing is sent). */
  metadataInvalidNumber: string;
  /** Inline error of a `date` metadata column whose input is not a date (nothing is sent). */
  metadataInvalidDate: string;
  /** Announced when a metadata value was saved. */
  metadataSaved: (label: string, name: string) => string;
  /** Announced when saving a metadata value failed (the value is reverted), with the reason. */
  metadataSaveFailed: (label: string, name: string, message: string) => string;
  /** Accessible name of a row's remove button. */
  removeMember: (name: string) => string;
  /** The viewer's own row: its remove button and dialog. */
  leaveOrganization: string;
  /** The remove dialog's title (its accessible name). */
  removeDialogTitle: string;
  /** The remove dialog's description, naming the member and the organization. */
  removeDialogDescription: (name: string, organizationName: string) => string;
  /** The leave dialog's title (the viewer's own row). */
  leaveDialogTitle: string;
  /** The leave dialog's description, naming the organization. */
  leaveDialogDescription: (organizationName: string) => string;
  /** The remove dialog's confirm button. */
  remove: string;
  /** The remove dialog's confirm button while the removal is pending. */
  removing: string;
  /** The leave dialog's confirm button. */
  leave: string;
  /** The leave dialog's confirm button while leaving is pending. */
  leaving: string;
  /** The dialogs' cancel button. */
  cancel: string;
  /** The add button and the add dialog's title. */
  addMember: string;
  /** The add dialog's description, naming the organization. */
  addMemberDescription: (organizationName: string) => string;
  /** The add dialog's user field when users cannot be searched. */
  userIdLabel: string;
  /** The user ID field's placeholder. */
  userIdPlaceholder: string;
  /** The add dialog's user field when users can be searched. */
  userSearchLabel: string;
  /** The user search field's placeholder. */
  userSearchPlaceholder: string;
  /** Shown when the user search finds nobody. */
  userSearchNoResults: string;
  /** Shown when the user search fails (no permission, network), with the reason. */
  userSearchFailed: (message: string) => string;
  /** The add dialog's user field when submitted empty. */
  userRequired: string;
  /** The add dialog's role select. */
  roleLabel: string;
  /** The add dialog's submit button. */
  add: string;
  /** The add dialog's submit button while the request is pending. */
  adding: string;
  /** Why a control is disabled, by policy reason. */
  reasons: PolicyReasonText;
  /**
   * A role's display name, wherever one is shown or announced (role selects, the role filter, the
   * invitation list, the announcements): `roleKey` is the role's key (`org:admin`), `serverName` its
   * name from the server (a `Role`'s `name` or a membership's `roleName`). English returns
   * `serverName`; the bundled locales name Clerk's built-in `org:admin` and `org:member` and return
   * `serverName` for any other (custom) role. The CSV export keeps the server's name (it is data).
   */
  roleName: (roleKey: string, serverName: string) => string;
  /** Announced when a role change succeeds (announcements go to the live region). */
  roleChanged: (name: string, roleName: string) => string;
  /** Announced when a role change fails (it is reverted). */
  roleChangeFailed: (message: string) => string;
  /** Announced when a member is removed. */
  memberRemoved: (name: string) => string;
  /** Announced when a removal fails. */
  removeFailed: (message: string) => string;
  /** Announced when a member is added. */
  memberAdded: (name: string) => string;
  /**
   * A readable message for a server error code in the action that failed (the same code means
   * different things: `resource_not_found` is an unknown user when adding, an unknown organization
   * when listing). Return undefined to use the server's message.
   */
  errorMessage: (code: string | undefined, action: RosterAction) => string | undefined;
  /** The joined date. Defaults to `Intl.DateTimeFormat(locale, { dateStyle: 'medium' })`. */
  formatDate: (timestamp: number, locale: string | undefined) => string;
  /** The panel's tab of members. */
  membersTab: string;
  /** The panel's tab of invitations, with the pending count when known (e.g. `Invitations 3`). */
  invitationsTab: (pendingCount: number | undefined) => string;
  /** The invite button and the invite dialog's title. */
  inviteMembers: string;
  /** The invite dialog's description (also the email field's); it may name the organization. */
  inviteMembersDescription: (organizationName: string) => string;
  /** The invite dialog's email field (a textarea). */
  emailAddressesLabel: string;
  /** Accessible name of the list of addresses to invite. */
  emailListLabel: (count: number) => string;
  /** Accessible name of an address's remove button. */
  removeEmail: (email: string) => string;
  /** Why an address will not be sent: not an address, listed twice, already a member. */
  emailIssue: (issue: 'invalid' | 'duplicate' | 'member') => string;
  /** Shown when the invite dialog is submitted with no address to send. */
  emailsRequired: string;
  /** The invite dialog's submit button. */
  sendInvitations: string;
  /** The invite dialog's submit button while sending. */
  sendingInvitations: string;
  /** The invite dialog's summary when some addresses failed (listed below it). */
  inviteFailed: (sent: number, failed: number) => string;
  /** Announced when invitations are sent (or one is sent again): one (naming the address) or many. */
  invitationsSent: (count: number, email: string) => string;
  /** The invitation table's caption. */
  invitationListCaption: (organizationName: string | undefined) => string;
  /** Headers of the invitation table's columns (with `columnIdentifier` and `columnRole`). */
  columnStatus: string;
  columnInvited: string;
  columnExpires: string;
  columnInviter: string;
  /** An invitation's status (`pending`, `accepted`, `revoked`, `expired`, or a newer one as it comes). */
  invitationStatus: (status: string) => string;
  /** The expiry cell of an invitation that never expires. */
  neverExpires: string;
  /** Read by screen readers while the first page of invitations loads. */
  loadingInvitations: string;
  /** The invitation list's empty state. */
  invitationsEmptyTitle: string;
  /** The invitation list's load error's title. */
  invitationsErrorTitle: string;
  /** The visible text of a row's resend button. */
  resend: string;
  /** Accessible name of a row's resend button. */
  resendInvitation: (email: string) => string;
  /** Accessible name of a row's revoke button. */
  revokeInvitationFor: (email: string) => string;
  /** The revoke dialog's title. */
  revokeDialogTitle: string;
  /** The revoke dialog's description. */
  revokeDialogDescription: (email: string) => string;
  /** The revoke dialog's confirm button. */
  revoke: string;
  /** The revoke dialog's confirm button while pending. */
  revoking: string;
  /** Announced when an invitation is revoked. */
  invitationRevoked: (email: string) => string;
  /** Announced when a resend fails. */
  resendFailed: (email: string, message: string) => string;
  /** The export button (its accessible name). */
  exportCsv: string;
  /** The button that stops a running export. */
  cancelExport: string;
  /** A running export's status: members fetched and the total, both `undefined` before the first page. */
  exportProgress: (loaded: number | undefined, total: number | undefined) => string;
  /** Announced when the export's file is ready, with the number of members in it. */
  exportDone: (count: number) => string;
  /** Said when the viewer cancels an export. */
  exportCancelled: string;
  /** Shown when an export fails, with the reason. */
  exportFailed: (message: string) => string;
  /** The add-member search's mark on a user who is already a member (not selectable). */
  alreadyMember: string;
  /** Accessible name of a row's selection checkbox. */
  selectMember: (name: string) => string;
  /** Accessible name of the header checkbox that selects every member on the page. */
  selectAllOnPage: string;
  /** The bulk bar's count of selected members, e.g. `2 selected`. */
  selectedCount: (count: number) => string;
  /** Accessible name of the bulk bar's role select. */
  bulkRoleLabel: string;
  /** The bulk bar's role select before a role is chosen. */
  bulkRolePlaceholder: string;
  /** The bulk bar's remove button (opens the confirm dialog). */
  removeSelected: string;
  /** The bulk bar's button that deselects everyone. */
  clearSelection: string;
  /** The bulk remove dialog's title (its accessible name). */
  bulkRemoveDialogTitle: string;
  /** The bulk remove dialog's description, with the count and the organization. */
  bulkRemoveDialogDescription: (count: number, organizationName: string) => string;
  /** The bulk remove dialog's confirm button, e.g. `Remove 2 members`. */
  bulkRemoveConfirm: (count: number) => string;
  /** Announced when a bulk role change went through for `count` members. */
  bulkRoleChanged: (count: number, roleName: string) => string;
  /** Announced when a bulk removal took `count` members off the list. */
  bulkRemoved: (count: number) => string;
  /**
   * Announced for each member a bulk action left out: a policy reason, or `unchanged` (the member
   * has the role already); `action` is what was asked.
   */
  bulkSkipped: (name: string, reason: BulkSkipReasonKey, action: BulkActionKind) => string;
  /** Announced for each member whose change the server refused (it was reverted), with the reason. */
  bulkFailed: (name: string, message: string, action: BulkActionKind) => string;
  /** The announcement's undo button. */
  undo: string;
  /** Announced once a change was undone. */
  undone: string;
}

const englishNumber = /* @__PURE__ */ new Intl.NumberFormat('en-US');
const englishPlurals = /* @__PURE__ */ new Intl.PluralRules('en-US');

/** `1 member`, `2 members` (through `Intl.PluralRules`). */
function englishMembers(count: number): string {
  const formatted = englishNumber.format(count);
  return englishPlurals.select(count) === 'one' ? `${formatted} member` : `${formatted} members`;
}

/** Why a bulk action skipped a member, by reason and action (lower case: it follows a colon). */
const englishSkipReasons: Record<BulkSkipReasonKey, Record<BulkActionKind, string>> = {
  'not-permitted': {
    'role-change': 'you do not have permission to manage members',
    removal: 'you do not have permission to manage members',
  },
  self: { 'role-change': 'you cannot change your own role', removal: 'you cannot remove yourself' },
  'last-admin': {
    'role-change': 'an organization needs at least one admin',
    removal: 'an organization needs at least one admin',
  },
  'unknown-role': {
    'role-change': 'this role is not available in this organization',
    removal: 'this role is not available in this organization',
  },
  unchanged: { 'role-change': 'already has this role', removal: 'already removed' },
};

/** The joined date's format per locale, built once: building one costs ~100 formats with it. */
const mediumDateFormats = /* @__PURE__ */ new Map<string | undefined, Intl.DateTimeFormat>();

function mediumDateFormat(locale: string | undefined): Intl.DateTimeFormat {
  let format = mediumDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    mediumDateFormats.set(locale, format);
  }
  return format;
}

/** The English default. */
export const englishLocalization: RosterLocalization = {
  memberListCaption: (organizationName) => (organizationName ? `Members of ${organizationName}` : 'Members'),
  columnAvatar: 'Avatar',
  columnName: 'Name',
  columnIdentifier: 'Email',
  columnRole: 'Role',
  columnJoined: 'Joined',
  columnActions: 'Actions',
  youBadge: 'You',
  searchLabel: 'Search members',
  searchPlaceholder: 'Search by name, email or user ID',
  clearSearch: 'Clear search',
  roleFilterLabel: 'Filter by role',
  allRoles: 'All roles',
  sortLabel: 'Sort by',
  sortOrders: {
    '-created_at': 'Newest first',
    '+created_at': 'Oldest first',
    '+first_name': 'First name A–Z',
    '-first_name': 'First name Z–A',
    '+email_address': 'Email A–Z',
  },
  paginationLabel: 'Pagination',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageStatus: (from, to, total) => `${from}–${to} of ${total}`,
  pageSizeLabel: 'Rows per page',
  pageSizeOption: (size) => `${size} per page`,
  loading: 'Loading members…',
  emptyTitle: 'No members yet',
  emptyDescription: 'Members you add will appear here.',
  noResultsTitle: (query) => (query ? `No members match “${query}”` : 'No members match these filters'),
  noResultsDescription: 'Try another search or clear the filters.',
  errorTitle: 'Could not load members',
  retry: 'Try again',
  roleFor: (name) => `Role for ${name}`,
  metadataFieldLabel: (label, name) => `${label} for ${name}`,
  metadataYes: 'Yes',
  metadataNo: 'No',
  metadataNotSet: 'Not set',
  metadataInvalidNumber: 'Enter a number.',
  metadataInvalidDate: 'Enter a date.',
  metadataSaved: (label, name) => `${label} for ${name} saved`,
  metadataSaveFailed: (label, name, message) => `Could not save ${label} for ${name}: ${message}; reverted`,
  removeMember: (name) => `Remove ${name}`,
  leaveOrganization: 'Leave organization',
  removeDialogTitle: 'Remove member',
  removeDialogDescription: (name, organizationName) =>
    `${name} will be removed from ${organizationName} and lose access to it.`,
  leaveDialogTitle: 'Leave organization',
  leaveDialogDescription: (organizationName) => `You will leave ${organizationName} and lose access to it.`,
  remove: 'Remove',
  removing: 'Removing…',
  leave: 'Leave',
  leaving: 'Leaving…',
  cancel: 'Cancel',
  addMember: 'Add member',
  addMemberDescription: (organizationName) => `Add a user to ${organizationName} with a role.`,
  userIdLabel: 'User ID',
  userIdPlaceholder: 'user_…',
  userSearchLabel: 'User',
  userSearchPlaceholder: 'Search users by name or email',
  userSearchNoResults: 'No users found',
  userSearchFailed: (message) => `Could not search users: ${message}`,
  userRequired: 'Choose a user to add.',
  roleLabel: 'Role',
  add: 'Add',
  adding: 'Adding…',
  reasons: {
    'not-permitted': 'You do not have permission to manage members.',
    self: 'You cannot change your own role.',
    'last-admin': 'An organization needs at least one admin.',
    'unknown-role': 'This role is not available in this organization.',
  },
  roleName: (_roleKey, serverName) => serverName,
  roleChanged: (name, roleName) => `${name} is now ${roleName}`,
  roleChangeFailed: (message) => `Could not change role: ${message}; reverted`,
  memberRemoved: (name) => `${name} was removed`,
  removeFailed: (message) => `Could not remove member: ${message}`,
  memberAdded: (name) => `${name} was added`,
  errorMessage: (code, action) => {
    switch (code) {
      case 'already_a_member_in_organization':
        return 'This user is already a member of the organization.';
      case 'resource_not_found':
        if (action === 'add-member') return 'No user with this ID.';
        if (action === 'list' || action === 'list-invitations')
          return 'This organization does not exist, or you are not one of its members.';
        return 'This member is no longer in the organization.';
      case 'network_error':
        return 'The network is unreachable. Check your connection and try again.';
      default:
        return undefined;
    }
  },
  formatDate: (timestamp, locale) => mediumDateFormat(locale).format(timestamp),
  membersTab: 'Members',
  invitationsTab: (count) => (count ? `Invitations ${count}` : 'Invitations'),
  inviteMembers: 'Invite members',
  inviteMembersDescription: () => 'Separate addresses with commas, spaces or new lines, or paste a CSV.',
  emailAddressesLabel: 'Email addresses',
  emailListLabel: (count) => (count === 1 ? '1 address' : `${count} addresses`),
  removeEmail: (email) => `Remove ${email}`,
  emailIssue: (issue) =>
    issue === 'invalid'
      ? 'Not a valid email address'
      : issue === 'duplicate'
        ? 'Listed twice'
        : 'Already a member',
  emailsRequired: 'Add at least one email address to invite.',
  sendInvitations: 'Send invitations',
  sendingInvitations: 'Sending…',
  inviteFailed: (sent, failed) => `${sent} sent; ${failed} could not be invited:`,
  invitationsSent: (count, email) =>
    count === 1 ? `Invitation sent to ${email}` : `${count} invitations sent`,
  invitationListCaption: (organizationName) =>
    organizationName ? `Invitations to ${organizationName}` : 'Invitations',
  columnStatus: 'Status',
  columnInvited: 'Invited',
  columnExpires: 'Expires',
  columnInviter: 'Invited by',
  invitationStatus: (status) => status.charAt(0).toUpperCase() + status.slice(1),
  neverExpires: 'Never',
  loadingInvitations: 'Loading invitations…',
  invitationsEmptyTitle: 'No pending invitations',
  invitationsErrorTitle: 'Could not load invitations',
  resend: 'Resend',
  resendInvitation: (email) => `Resend invitation to ${email}`,
  revokeInvitationFor: (email) => `Revoke invitation for ${email}`,
  revokeDialogTitle: 'Revoke invitation',
  revokeDialogDescription: (email) => `The invitation to ${email} will stop working.`,
  revoke: 'Revoke',
  revoking: 'Revoking…',
  invitationRevoked: (email) => `Invitation for ${email} revoked`,
  resendFailed: (email, message) => `Could not resend the invitation to ${email}: ${message}`,
  exportCsv: 'Export CSV',
  cancelExport: 'Cancel export',
  exportProgress: (loaded, total) =>
    loaded === undefined || total === undefined
      ? 'Exporting…'
      : `Exporting… ${englishNumber.format(loaded)} of ${englishNumber.format(total)}`,
  exportDone: (count) => `Exported ${englishMembers(count)}`,
  exportCancelled: 'Export cancelled',
  exportFailed: (message) => `Could not export members: ${message}`,
  alreadyMember: 'Already a member',
  selectMember: (name) => `Select ${name}`,
  selectAllOnPage: 'Select all on this page',
  selectedCount: (count) => `${englishNumber.format(count)} selected`,
  bulkRoleLabel: 'Role for selected members',
  bulkRolePlaceholder: 'Change role',
  removeSelected: 'Remove selected',
  clearSelection: 'Clear selection',
  bulkRemoveDialogTitle: 'Remove members',
  bulkRemoveDialogDescription: (count, organizationName) =>
    `${englishMembers(count)} will be removed from ${organizationName} and lose access to it.`,
  bulkRemoveConfirm: (count) => `Remove ${englishMembers(count)}`,
  bulkRoleChanged: (count, roleName) => `Changed the role of ${englishMembers(count)} to ${roleName}`,
  bulkRemoved: (count) => `Removed ${englishMembers(count)}`,
  bulkSkipped: (name, reason, action) => `Skipped ${name}: ${englishSkipReasons[reason][action]}`,
  bulkFailed: (name, message, action) =>
    action === 'removal'
      ? `Could not remove ${name}: ${message}`
      : `Could not change the role of ${name}: ${message}; reverted`,
  undo: 'Undo',
  undone: 'Undone',
};

/** A partial override of {@link RosterLocalization}; `reasons` and `sortOrders` merge key by key. */
export type RosterLocalizationOverrides = Partial<Omit<RosterLocalization, 'reasons' | 'sortOrders'>> & {
  /** Reasons to override, by policy reason. */
  reasons?: Partial<PolicyReasonText>;
  /** Sort order labels to override, by order. */
  sortOrders?: Partial<Record<MemberSortOrder, string>>;
};

/** Merge overrides onto a base localization (English by default). */
export function mergeLocalization(
  overrides: RosterLocalizationOverrides | undefined,
  base: RosterLocalization = englishLocalization,
): RosterLocalization {
  if (!overrides) return base;
  return {
    ...base,
    ...overrides,
    reasons: { ...base.reasons, ...overrides.reasons },
    sortOrders: { ...base.sortOrders, ...overrides.sortOrders },
  } as RosterLocalization;
}

const LocalizationContext = /* @__PURE__ */ createContext<RosterLocalization>(englishLocalization);

/** Props of {@link RosterLocalizationProvider}. */
export interface RosterLocalizationProviderProps {
  /** Strings to override; nested providers merge onto the outer one. */
  localization?: RosterLocalizationOverrides | undefined;
  /** The components that get the strings. */
  children?: ReactNode;
}

/** Provides strings to every Roster component below it. */
export function RosterLocalizationProvider({ localization, children }: RosterLocalizationProviderProps) {
  const outer = useContext(LocalizationContext);
  const value = useMemo(() => mergeLocalization(localization, outer), [localization, outer]);
  return <LocalizationContext.Provider value={value}>{children}</LocalizationContext.Provider>;
}

/**
 * The strings in effect: the nearest provider's, with a component's own `localization` prop
 * merged on top when given.
 */
export function useLocalization(overrides?: RosterLocalizationOverrides): RosterLocalization {
  const outer = useContext(LocalizationContext);
  return useMemo(() => mergeLocalization(overrides, outer), [overrides, outer]);
}
