// The public API of @roster/ui. Every export is named here.

// --- add member, the drop-in panel ---
export type { AddMemberDialogProps, AddMemberDialogSlot } from './add-member-dialog';
export { AddMemberDialog } from './add-member-dialog';
// --- strings and announcements ---
export type { Announce, LiveAnnouncerProps } from './announcer';
export { LiveAnnouncer, useAnnounce } from './announcer';
export type {
  MemberSortOrder,
  PolicyReasonText,
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
export { getMemberDisplayName } from './member-display-name';
export type { MemberListClassNames, MemberListProps } from './member-list';
export { MemberList } from './member-list';
// --- the member list (connected to @roster/react) and its parts ---
export type {
  MemberListActionsContext,
  MemberListCellContext,
  MemberListColumn,
  MemberListColumnId,
  MemberListColumnInput,
  MemberListRowContext,
  MemberListRowRenderContext,
} from './member-list-columns';
export { DEFAULT_MEMBER_LIST_COLUMNS } from './member-list-columns';
// --- presentational parts ---
export type { MemberListPaginationProps, MemberListPaginationSlot } from './member-list-pagination';
export { DEFAULT_PAGE_SIZE_OPTIONS, MemberListPagination } from './member-list-pagination';
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
export { MemberListTable, useMemberListColumns } from './member-list-table';
export type { MemberListToolbarProps, MemberListToolbarSlot } from './member-list-toolbar';
export { DEFAULT_SORT_ORDERS, MemberListToolbar } from './member-list-toolbar';
export type {
  OrganizationMembersPanelClassNames,
  OrganizationMembersPanelProps,
} from './organization-members-panel';
export { OrganizationMembersPanel } from './organization-members-panel';
export type { RemoveMemberDialogProps, RemoveMemberDialogSlot } from './remove-member-dialog';
export { RemoveMemberDialog } from './remove-member-dialog';
export type { RoleSelectOption, RoleSelectProps, RoleSelectSlot } from './role-select';
export { RoleSelect } from './role-select';
export type { MemberListMutationEvent, UseMemberListOptions, UseMemberListResult } from './use-member-list';
export { useMemberList } from './use-member-list';
export { getUserDisplayName, getUserEmail } from './user-display-name';
export type { UserSearchComboboxProps } from './user-search-combobox';
export { UserSearchCombobox } from './user-search-combobox';
