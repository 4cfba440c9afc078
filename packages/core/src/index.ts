// The public API of @roster/core. Every export is named here.

export { isAbortError } from './abort-error';
export type {
  BulkMembershipAction,
  BulkMembershipOptions,
  BulkMembershipResult,
  BulkSkipReason,
} from './bulk-membership-commands';
export { bulkChangeMembershipRole, bulkRemoveMemberships } from './bulk-membership-commands';
export { DEFAULT_CACHE_LIMIT } from './cache-lru';
export type {
  CreateInvitationParams,
  CreateInvitationsParams,
  CreateMembershipParams,
  DeleteMembershipParams,
  GetInvitationParams,
  InvitationInput,
  InvitationMethods,
  InvitationOrderBy,
  InvitationOrderField,
  ListInvitationsParams,
  ListMembershipsParams,
  ListRolesParams,
  ListUserMembershipsParams,
  ListUsersParams,
  MembershipListFilters,
  MembershipOrderBy,
  MembershipOrderField,
  MembershipsClient,
  RequestOptions,
  RevokeInvitationParams,
  UpdateMembershipMetadataParams,
  UpdateMembershipParams,
} from './client';
export { INVITATION_ORDER_FIELDS, INVITATION_STATUSES, MEMBERSHIP_ORDER_FIELDS } from './client';
export {
  decodeMembership,
  decodeMemberships,
  decodeOrganization,
  decodePermission,
  decodePublicUserData,
  decodeRole,
  decodeRoles,
  encodeList,
  encodeMembership,
  encodeOrganization,
  encodePermission,
  encodePublicUserData,
  encodeRole,
} from './codec';
export { decodeErrorBody, parseRetryAfter } from './decode-error-body';
export {
  flushDeferredRemovals,
  isMembershipChangeUndone,
  MembershipChangeUndoneError,
  pendingDeferredRemovals,
} from './deferred-removal';
export type { RosterApiErrorDetail, RosterApiErrorInit } from './errors';
export { createRosterApiError, isRosterApiError, RosterApiError } from './errors';
export type {
  ExportMembershipsOptions,
  ExportMembershipsProgress,
  MembershipExport,
} from './export-memberships';
export { exportMemberships, fetchAllMemberships } from './export-memberships';
export type { HttpClientOptions } from './http-client';
export { createHttpClient, encodeQuery } from './http-client';
export type { ConfirmedInvitation, InvitationCache, InvitationCacheOptions } from './invitation-cache';
export { createInvitationCache } from './invitation-cache';
export {
  decodeInvitation,
  decodeInvitations,
  decodeInviterPublicData,
  encodeInvitation,
  encodeInviterPublicData,
} from './invitation-codec';
export type { InviteMembersParams, InviteMembersResult } from './invitation-commands';
export { inviteMembers, refusedBulkIndex, resendInvitation, revokeInvitation } from './invitation-commands';
export type { CanonicalInvitationListView, InvitationListView } from './invitation-list-key';
export {
  canonicalizeInvitationListView,
  DEFAULT_INVITATION_ORDER_BY,
  INVITATION_LIST_KEY_PREFIX,
  invitationListIdentity,
  invitationListKey,
  invitationListParams,
  parseInvitationListKey,
} from './invitation-list-key';
export type {
  ConfirmedInvitationWrite,
  PendingInvitationCreation,
  PendingInvitationOperation,
  PendingInvitationRevocation,
} from './invitation-overlay';
export {
  applyInvitationOverlay,
  invitationMatchesView,
  writeConfirmedInvitation,
} from './invitation-overlay';
export type { ValidInvitationInput } from './invitation-rules';
export {
  bulkSizeExceededError,
  checkBulkItem,
  DEFAULT_INVITATION_EXPIRY_DAYS,
  emailAlreadyMemberError,
  INVITATION_BODY_FIELDS,
  invitationExpiresAt,
  invitationInputToWire,
  invitationNotFoundError,
  invitationNotPendingError,
  invitationNotUniqueError,
  invitationRoleNotFoundError,
  invitationStatusAt,
  isValidEmailAddress,
  isValidRedirectUrl,
  MAX_BULK_INVITATIONS,
  MAX_EMAIL_ADDRESS_LENGTH,
  MAX_INVITATION_EXPIRY_DAYS,
  MAX_REDIRECT_URL_LENGTH,
  notAnAdminError,
  readBulkInvitationBody,
  readInvitationBody,
} from './invitation-rules';
export type {
  CanonicalMembershipListFilters,
  CanonicalMembershipListView,
  CanonicalUserMembershipListView,
  MembershipListView,
  UserMembershipListView,
} from './list-key';
export {
  canonicalizeMembershipListView,
  DEFAULT_MEMBERSHIP_ORDER_BY,
  DEFAULT_PAGE_SIZE,
  MEMBERSHIP_LIST_KEY_PREFIX,
  membershipListIdentity,
  membershipListKey,
  membershipListParams,
  parseMembershipListKey,
  parseUserMembershipListKey,
  USER_MEMBERSHIP_LIST_KEY_PREFIX,
  userMembershipListKey,
  userMembershipListParams,
} from './list-key';
export { MAX_FILTER_VALUES, MAX_PAGE_SIZE } from './list-limits';
export type {
  MembershipCache,
  MembershipCacheOptions,
  MembershipCacheStats,
  MembershipCacheStorage,
  MembershipCommandOptions,
  MembershipSettlementEvent,
} from './membership-cache';
export { createMembershipCache } from './membership-cache';
export { LOAD_MORE_LIST_KEY_PREFIX, loadMoreListKey, parseLoadMoreListKey } from './membership-cache-keys';
export {
  changeMembershipRole,
  createMembership,
  removeMembership,
  updateMembershipMetadata,
} from './membership-commands';
export type {
  MembershipCsvColumn,
  MembershipCsvField,
  MembershipCsvHeaders,
  MembershipCsvMetadataColumn,
  MembershipCsvOptions,
} from './membership-csv';
export {
  DEFAULT_MEMBERSHIP_CSV_HEADERS,
  encodeCsv,
  encodeCsvField,
  formatCsvMetadataValue,
  MEMBERSHIP_CSV_FIELDS,
  membershipCsvColumns,
  membershipsToCsv,
} from './membership-csv';
export type { MembershipListSource } from './membership-list-source';
export {
  flattenMembershipPages,
  organizationMembershipListSource,
  userMembershipListSource,
} from './membership-list-source';
export type { MembershipSelection, SelectionPageState } from './membership-selection';
export {
  createSelection,
  deselectUserIds,
  EMPTY_SELECTION,
  sameSelection,
  selectionPageState,
  selectUserIds,
  togglePageSelection,
  toggleUserId,
} from './membership-selection';
export {
  checkMetadataLimits,
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
  type MetadataLimitOptions,
  type MetadataLimitViolation,
  metadataDepth,
} from './metadata-limits';
export { mergeMetadata } from './metadata-merge';
export type {
  EmailAddress,
  InviterPublicData,
  Metadata,
  MetadataPatch,
  Organization,
  OrganizationInvitation,
  OrganizationInvitationStatus,
  OrganizationInvitations,
  OrganizationMembership,
  OrganizationMemberships,
  Permission,
  PublicUserData,
  Role,
  Roles,
  User,
  Users,
} from './models';
export type {
  ConfirmedWriteResult,
  PendingCreation,
  PendingMembershipOperation,
  PendingMetadataUpdate,
  PendingRemoval,
  PendingRoleChange,
} from './optimistic-overlay';
export {
  applyOperationToMembership,
  applyOptimisticOverlay,
  applyOptimisticOverlayToUserMemberships,
  membershipMatchesView,
  membershipUserId,
  writeConfirmedMembership,
  writeConfirmedRemoval,
  writeConfirmedUserMembership,
} from './optimistic-overlay';
export { normalizePage, pageAfterEmptyPage, pageCountOf } from './page-math';
export type {
  MembershipPermissions,
  MembershipPolicyInput,
  MembershipPolicyReasons,
  PolicyReason,
  PolicyViewer,
} from './permission-policy';
export {
  getMembershipPermissions,
  isAdminRole,
  isMembershipAdmin,
  isViewerMembership,
} from './permission-policy';
export {
  ADMIN_COUNT_PAGE_SIZE,
  adminMembershipsView,
  adminRoleKeys,
  ROLES_CACHE_KEY,
  viewerMembershipView,
} from './permission-views';
export type {
  MembershipCacheFallback,
  PrefetchOrganizationMembershipsOptions,
} from './prefetch-organization-memberships';
export { prefetchOrganizationMemberships } from './prefetch-organization-memberships';
export type { RequestLimiter } from './request-limiter';
export { createRequestLimiter, DEFAULT_BULK_CONCURRENCY } from './request-limiter';
export type { RetryAttempt, RetryOptions } from './retry-policy';
export {
  DEFAULT_ROLES,
  isAdminPermissionSet,
  PERMISSION_MANAGE_MEMBERSHIPS,
  PERMISSION_READ_MEMBERSHIPS,
  ROLE_ADMIN,
  ROLE_MEMBER,
  rolePermissionKeys,
} from './roles';
export { shareUnchangedItems } from './structural-sharing';
export type { UndoHandle, UndoState, UndoWindowOptions } from './undo-window';
export { createUndoWindow } from './undo-window';
export { decodeUser, decodeUsers, encodeUser } from './user-codec';
export type {
  ClerkErrorBodyJSON,
  ClerkErrorJSON,
  EmailAddressJSON,
  InviterPublicDataJSON,
  ListJSON,
  OrganizationInvitationJSON,
  OrganizationJSON,
  OrganizationMembershipJSON,
  PermissionJSON,
  PublicUserDataJSON,
  RoleJSON,
  UserJSON,
  WithUnknownFields,
} from './wire-json';
export { getUnknownWireFields, MALFORMED_RESPONSE, UNKNOWN_WIRE_FIELDS } from './wire-reader';
