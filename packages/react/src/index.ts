'use client';

// The public API of @roster/react. Every export is named here.

export type { InvitationListResult, UseOrganizationInvitationsOptions } from './invitation-list-result';
export type {
  MembershipListQueryOptions,
  MembershipListResult,
} from './membership-list-result';
export type { RosterViewer } from './roster-context';
export type {
  RosterFallback,
  RosterProviderApiUrlProps,
  RosterProviderOptions,
  RosterProviderProps,
} from './roster-provider';
export { RosterProvider } from './roster-provider';
export type {
  UseBulkMembershipActionsOptions,
  UseBulkMembershipActionsResult,
} from './use-bulk-membership-actions';
export { useBulkMembershipActions } from './use-bulk-membership-actions';
export type {
  CreateMembershipArgs,
  UseCreateMembershipOptions,
  UseCreateMembershipResult,
} from './use-create-membership';
export { useCreateMembership } from './use-create-membership';
export type { UseExportMembershipsOptions, UseExportMembershipsResult } from './use-export-memberships';
export { useExportMemberships } from './use-export-memberships';
export type {
  InvitationActionOptions,
  InvitationActionResult,
  InvitationIdArgs,
  InvitationMutationOptions,
  InvitationMutationResult,
} from './use-invitation-mutation';
export type {
  InviteMembersArgs,
  InviteMembersResult,
  UseInviteMembersOptions,
  UseInviteMembersResult,
} from './use-invite-members';
export { useInviteMembers } from './use-invite-members';
export type { UseIsMembershipPendingResult } from './use-is-membership-pending';
export { useIsMembershipPending } from './use-is-membership-pending';
export type { MembershipMutationOptions, MembershipMutationResult } from './use-membership-mutation';
export type {
  UseMembershipPermissionsOptions,
  UseMembershipPermissionsResult,
} from './use-membership-permissions';
export { useMembershipPermissions } from './use-membership-permissions';
export type {
  UseMembershipSelectionOptions,
  UseMembershipSelectionResult,
} from './use-membership-selection';
export { useMembershipSelection } from './use-membership-selection';
export type { UseOrganizationInvitationsResult } from './use-organization-invitations';
export { useOrganizationInvitations } from './use-organization-invitations';
export type {
  UseOrganizationMembershipsOptions,
  UseOrganizationMembershipsResult,
} from './use-organization-memberships';
export { useOrganizationMemberships } from './use-organization-memberships';
export type { UseOrganizationRolesOptions, UseOrganizationRolesResult } from './use-organization-roles';
export { useOrganizationRoles } from './use-organization-roles';
export type { UsePendingMembershipOperationsResult } from './use-pending-membership-operations';
export { usePendingMembershipOperations } from './use-pending-membership-operations';
export type {
  RemoveMembershipArgs,
  UseRemoveMembershipOptions,
  UseRemoveMembershipResult,
} from './use-remove-membership';
export { useRemoveMembership } from './use-remove-membership';
export type { UseResendInvitationOptions, UseResendInvitationResult } from './use-resend-invitation';
export { useResendInvitation } from './use-resend-invitation';
export type { UseRevokeInvitationOptions, UseRevokeInvitationResult } from './use-revoke-invitation';
export { useRevokeInvitation } from './use-revoke-invitation';
export type { UseRosterResult } from './use-roster';
export { useRoster } from './use-roster';
export type {
  UpdateMembershipMetadataArgs,
  UseUpdateMembershipMetadataOptions,
  UseUpdateMembershipMetadataResult,
} from './use-update-membership-metadata';
export { useUpdateMembershipMetadata } from './use-update-membership-metadata';
export type {
  UpdateMembershipRoleArgs,
  UseUpdateMembershipRoleOptions,
  UseUpdateMembershipRoleResult,
} from './use-update-membership-role';
export { useUpdateMembershipRole } from './use-update-membership-role';
export type {
  UseUserOrganizationMembershipsOptions,
  UseUserOrganizationMembershipsResult,
} from './use-user-organization-memberships';
export { useUserOrganizationMemberships } from './use-user-organization-memberships';
