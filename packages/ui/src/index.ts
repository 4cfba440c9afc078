// The public API of @roster/ui. Every export is named here, in sections by component family.
// biome-ignore-all assist/source/organizeImports: the sections group the exports; sorted inside each
'use client';

// --- the drop-in panel ---
export type {
  OrganizationMembersPanelClassNames,
  OrganizationMembersPanelProps,
  OrganizationMembersPanelSlot,
  OrganizationMembersPanelTab,
} from './organization-members-panel';
export { OrganizationMembersPanel } from './organization-members-panel';

// --- the member list: the default composition, its Root, the context hook and the controller ---
export type { MemberListClassNames, MemberListProps } from './member-list';
export { MemberList } from './member-list';
export type { MemberListContextValue } from './member-list-context';
export { useMemberListContext } from './member-list-context';
export type { MemberListRootProps } from './member-list-root';
export { MemberListRoot } from './member-list-root';
export type {
  MemberListMutationEvent,
  MemberListRemoval,
  UseMemberListOptions,
  UseMemberListResult,
} from './use-member-list';
export { useMemberList } from './use-member-list';
export type { MemberListBulkResult } from './use-member-list-bulk';

// --- the member list's parts (each reads its Root, or takes props without one) ---
export type {
  MemberListActionsContext,
  MemberListCellContext,
  MemberListColumn,
  MemberListColumnId,
  MemberListColumnInput,
  MemberListRowContext,
  MemberListRowRenderContext,
} from './member-list-columns';
export { DEFAULT_MEMBER_LIST_COLUMNS, useMemberListColumns } from './member-list-columns';
export type {
  MetadataBooleanColumnDefinition,
  MetadataColumn,
  MetadataColumnBase,
  MetadataColumnDefinition,
  MetadataColumnKey,
  MetadataColumnOption,
  MetadataColumnType,
  MetadataColumnValues,
  MetadataDateColumnDefinition,
  MetadataNumberColumnDefinition,
  MetadataSelectColumnDefinition,
  MetadataTextColumnDefinition,
} from './metadata-column';
export { metadataColumn } from './metadata-column';
export type {
  MemberListExportButtonProps,
  MemberListExportButtonSlot,
  MemberListExportFile,
  MemberListExportFileNameContext,
} from './member-list-export-button';
export { MemberListExportButton } from './member-list-export-button';
export type { MemberListPaginationProps, MemberListPaginationSlot } from './member-list-pagination';
export { DEFAULT_PAGE_SIZE_OPTIONS, MemberListPagination } from './member-list-pagination';
export type { MemberListBulkBarProps, MemberListBulkBarSlot } from './member-list-bulk-bar';
export { MemberListBulkBar } from './member-list-bulk-bar';
export type { MemberListRemoveDialogProps } from './member-list-remove-dialog';
export { MemberListRemoveDialog } from './member-list-remove-dialog';
export type { MemberListRowProps, MemberListRowSlot } from './member-list-row';
export { MemberListRow } from './member-list-row';
export type {
  MemberListEmptyContext,
  MemberListEmptyReason,
  MemberListErrorContext,
  MemberListRenderProps,
  MemberListTableProps,
  MemberListTableSlot,
} from './member-list-table';
export { MemberListTable } from './member-list-table';
export type { MemberListToolbarProps, MemberListToolbarSlot } from './member-list-toolbar';
export { DEFAULT_SORT_ORDERS, MemberListToolbar } from './member-list-toolbar';

// --- invitations: the invite dialog, the list (its Root, parts, context hook, controller) ---
export type {
  InvitationListContextValue,
  InvitationListPaginationProps,
  InvitationListProps,
  InvitationListRootProps,
  InvitationListSlot,
  InvitationListTableProps,
  UseInvitationListOptions,
} from './invitation-list';
export {
  InvitationList,
  InvitationListPagination,
  InvitationListRevokeDialog,
  InvitationListRoot,
  InvitationListTable,
  useInvitationList,
  useInvitationListContext,
} from './invitation-list';
export type { InviteMembersDialogProps, InviteMembersDialogSlot } from './invite-members-dialog';
export { InviteMembersDialog } from './invite-members-dialog';
export type { EmailEntry, EmailEntryIssue } from './parse-email-list';
export { findEmailIssues, isEmailLike, parseEmailList } from './parse-email-list';

// --- standalone components: role select, dialogs, user search ---
export type { AddMemberDialogProps, AddMemberDialogSlot } from './add-member-dialog';
export { AddMemberDialog } from './add-member-dialog';
export type { NestedSelectProps, SelectPartProps } from './compact-select';
export type { RemoveMemberDialogProps, RemoveMemberDialogSlot } from './remove-member-dialog';
export { RemoveMemberDialog } from './remove-member-dialog';
export type { RoleSelectOption, RoleSelectProps, RoleSelectSlot } from './role-select';
export { RoleSelect } from './role-select';
export type { UserSearchComboboxProps } from './user-search-combobox';
export { UserSearchCombobox } from './user-search-combobox';

// --- strings, names and announcements ---
export type { Announce, AnnouncementUndo, AnnounceOptions, LiveAnnouncerProps } from './announcer';
export { LiveAnnouncer, useAnnounce } from './announcer';
export type {
  BulkActionKind,
  BulkSkipReasonKey,
  MemberSortOrder,
  PolicyReasonText,
  RosterAction,
  RosterLocalization,
  RosterLocalizationOverrides,
  RosterLocalizationProviderProps,
} from './localization';
export {
  englishLocalization,
  mergeLocalization,
  RosterLocalizationProvider,
  useLocalization,
} from './localization';
export type { RosterDirectionProviderProps } from './direction';
export { RosterDirectionProvider } from './direction';
export { getMemberDisplayName } from './member-display-name';
export { getUserDisplayName, getUserEmail } from './user-display-name';
