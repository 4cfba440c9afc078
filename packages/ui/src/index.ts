// The public API of @roster/ui. Every export is named here.

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

// --- presentational parts ---
export type { MemberListPaginationProps, MemberListPaginationSlot } from './member-list-pagination';
export { DEFAULT_PAGE_SIZE_OPTIONS, MemberListPagination } from './member-list-pagination';
export type { MemberListToolbarProps, MemberListToolbarSlot } from './member-list-toolbar';
export { DEFAULT_SORT_ORDERS, MemberListToolbar } from './member-list-toolbar';
export type { RemoveMemberDialogProps, RemoveMemberDialogSlot } from './remove-member-dialog';
export { RemoveMemberDialog } from './remove-member-dialog';
export type { RoleSelectOption, RoleSelectProps, RoleSelectSlot } from './role-select';
export { RoleSelect } from './role-select';
