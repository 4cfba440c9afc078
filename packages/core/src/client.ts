import type {
  Metadata,
  MetadataPatch,
  OrganizationInvitation,
  OrganizationInvitationStatus,
  OrganizationInvitations,
  OrganizationMembership,
  OrganizationMemberships,
  Roles,
  Users,
} from './models';

/** Options every client call takes. */
export interface RequestOptions {
  /** Aborts the call (and any retry backoff); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Sends the request with `fetch`'s `keepalive: true`, so it completes even if the page is closed
   * or navigated away meanwhile (what a `pagehide` flush of deferred removals uses). The HTTP client
   * passes it to `fetch`; the in-memory client just runs the call.
   */
  keepalive?: boolean;
}

/** The fields a membership list can be ordered by. */
export type MembershipOrderField =
  | 'created_at'
  | 'first_name'
  | 'last_name'
  | 'email_address'
  | 'phone_number'
  | 'username';

/** Every field a membership list can be ordered by, in the Backend API's order. */
export const MEMBERSHIP_ORDER_FIELDS: readonly MembershipOrderField[] = [
  'created_at',
  'first_name',
  'last_name',
  'email_address',
  'phone_number',
  'username',
];

/** `field` or `+field` sorts ascending, `-field` descending (the Backend API's `order_by`). */
export type MembershipOrderBy =
  | MembershipOrderField
  | `+${MembershipOrderField}`
  | `-${MembershipOrderField}`;

/** The filters of a membership list, in camelCase (every Backend API list filter). */
export interface MembershipListFilters {
  /** Partial, case-insensitive match on emails, phones, usernames, web3 wallets, user IDs and names. */
  query?: string;
  /** Only members with one of these role keys. */
  role?: string[];
  /** Only these user IDs; `-user_x` excludes, `+user_x` includes. */
  userId?: string[];
  emailAddress?: string[];
  phoneNumber?: string[];
  username?: string[];
  web3Wallet?: string[];
  emailAddressQuery?: string;
  phoneNumberQuery?: string;
  usernameQuery?: string;
  nameQuery?: string;
  /** Unix ms. */
  createdAtBefore?: number;
  /** Unix ms. */
  createdAtAfter?: number;
  /** Unix ms. */
  lastActiveAtBefore?: number;
  /** Unix ms. */
  lastActiveAtAfter?: number;
}

/** `GET /organizations/{organizationId}/memberships`. */
export interface ListMembershipsParams extends MembershipListFilters {
  organizationId: string;
  /** 1..500, default 10. */
  limit?: number;
  /** >= 0, default 0. */
  offset?: number;
  /** Default `-created_at` (newest first). */
  orderBy?: MembershipOrderBy;
}

/** `GET /users/{userId}/organization_memberships`. */
export interface ListUserMembershipsParams {
  userId: string;
  /** 1..500, default 10. */
  limit?: number;
  /** >= 0, default 0. */
  offset?: number;
}

/** `POST /organizations/{organizationId}/memberships`. */
export interface CreateMembershipParams<TPublic extends Metadata = Metadata> {
  organizationId: string;
  userId: string;
  /** A role key, e.g. `org:member`. */
  role: string;
  publicMetadata?: TPublic;
}

/** `PATCH /organizations/{organizationId}/memberships/{userId}`. */
export interface UpdateMembershipParams {
  organizationId: string;
  userId: string;
  /** The new role key. */
  role: string;
}

/** `DELETE /organizations/{organizationId}/memberships/{userId}`. */
export interface DeleteMembershipParams {
  organizationId: string;
  userId: string;
}

/** `PATCH /organizations/{organizationId}/memberships/{userId}/metadata`: a deep merge. */
export interface UpdateMembershipMetadataParams<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  organizationId: string;
  userId: string;
  publicMetadata?: MetadataPatch<TPublic>;
  /** Backend-only: the browser-facing handler rejects it. */
  privateMetadata?: MetadataPatch<TPrivate>;
}

/** `GET /organization_roles`. */
export interface ListRolesParams {
  limit?: number;
  offset?: number;
}

/** `GET /users` (the add-member picker's user search). */
export interface ListUsersParams {
  query?: string;
  limit?: number;
  offset?: number;
}

/** The fields an invitation list can be ordered by. */
export type InvitationOrderField = 'created_at' | 'email_address';

/** Every field an invitation list can be ordered by. */
export const INVITATION_ORDER_FIELDS: readonly InvitationOrderField[] = ['created_at', 'email_address'];

/** `field` or `+field` ascending, `-field` descending; default `-created_at`. */
export type InvitationOrderBy =
  | InvitationOrderField
  | `+${InvitationOrderField}`
  | `-${InvitationOrderField}`;

/** Every invitation status, in the spec's order. */
export const INVITATION_STATUSES: readonly OrganizationInvitationStatus[] = [
  'pending',
  'accepted',
  'revoked',
  'expired',
];

/** `GET /organizations/{organizationId}/invitations`. */
export interface ListInvitationsParams {
  organizationId: string;
  /** Only invitations with one of these statuses; none given: every status. */
  status?: OrganizationInvitationStatus[];
  /** Only invitations to exactly this address (case-insensitive). */
  emailAddress?: string;
  /** Default `-created_at` (newest first). */
  orderBy?: InvitationOrderBy;
  /** 1..500, default 10. */
  limit?: number;
  /** >= 0, default 0. */
  offset?: number;
}

/** One invitation to create (the body of `POST .../invitations`, one item of the bulk body). */
export interface InvitationInput<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata> {
  emailAddress: string;
  /** A role key, e.g. `org:member`. */
  role: string;
  /** Who sends it: must be a member allowed to manage memberships. The browser-facing handler sets it. */
  inviterUserId?: string | null;
  publicMetadata?: TPublic | null;
  /** Backend-only: the browser-facing handler rejects it. */
  privateMetadata?: TPrivate | null;
  /** Where the invitee lands after accepting (stored, not returned). */
  redirectUrl?: string | null;
  /** 1..365, default 30. */
  expiresInDays?: number | null;
  /** Whether to "send" it (to the local outbox); default `true`. */
  notify?: boolean | null;
}

/** `POST /organizations/{organizationId}/invitations`. */
export interface CreateInvitationParams<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> extends InvitationInput<TPublic, TPrivate> {
  organizationId: string;
}

/** `POST /organizations/{organizationId}/invitations/bulk`: 1..10 invitations, all or none. */
export interface CreateInvitationsParams<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  organizationId: string;
  invitations: InvitationInput<TPublic, TPrivate>[];
}

/** `GET /organizations/{organizationId}/invitations/{invitationId}`. */
export interface GetInvitationParams {
  organizationId: string;
  invitationId: string;
}

/** `POST /organizations/{organizationId}/invitations/{invitationId}/revoke`. */
export interface RevokeInvitationParams {
  organizationId: string;
  invitationId: string;
  /** Who revokes it: must be a member allowed to manage memberships. The handler sets it. */
  requestingUserId?: string | null;
}

/**
 * The seam every hook talks to. `createHttpClient` speaks the Backend API over HTTP (the local
 * server, or your app's handler); `createMemoryClient` keeps everything in memory for tests and
 * stories. Every method rejects with a `RosterApiError`.
 */
export interface MembershipsClient<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  listMemberships(
    params: ListMembershipsParams,
    options?: RequestOptions,
  ): Promise<OrganizationMemberships<TPublic, TPrivate>>;
  listUserMemberships(
    params: ListUserMembershipsParams,
    options?: RequestOptions,
  ): Promise<OrganizationMemberships<TPublic, TPrivate>>;
  createMembership(
    params: CreateMembershipParams<TPublic>,
    options?: RequestOptions,
  ): Promise<OrganizationMembership<TPublic, TPrivate>>;
  updateMembership(
    params: UpdateMembershipParams,
    options?: RequestOptions,
  ): Promise<OrganizationMembership<TPublic, TPrivate>>;
  deleteMembership(
    params: DeleteMembershipParams,
    options?: RequestOptions,
  ): Promise<OrganizationMembership<TPublic, TPrivate>>;
  updateMembershipMetadata(
    params: UpdateMembershipMetadataParams<TPublic, TPrivate>,
    options?: RequestOptions,
  ): Promise<OrganizationMembership<TPublic, TPrivate>>;
  listRoles(params?: ListRolesParams, options?: RequestOptions): Promise<Roles>;
  /**
   * Optional capability: search the instance's users, for the add-member picker. A client without
   * it gets a plain user-ID field instead.
   */
  listUsers?(params: ListUsersParams, options?: RequestOptions): Promise<Users>;
  /**
   * Optional capability (so clients written before invitations still type-check): the
   * organization's invitations. `createHttpClient` and `createMemoryClient` implement all five.
   */
  listInvitations?(
    params: ListInvitationsParams,
    options?: RequestOptions,
  ): Promise<OrganizationInvitations<TPublic, TPrivate>>;
  createInvitation?(
    params: CreateInvitationParams<TPublic, TPrivate>,
    options?: RequestOptions,
  ): Promise<OrganizationInvitation<TPublic, TPrivate>>;
  /** All or nothing: one refused invitation refuses the call (its error names the item's index). */
  createInvitations?(
    params: CreateInvitationsParams<TPublic, TPrivate>,
    options?: RequestOptions,
  ): Promise<OrganizationInvitations<TPublic, TPrivate>>;
  getInvitation?(
    params: GetInvitationParams,
    options?: RequestOptions,
  ): Promise<OrganizationInvitation<TPublic, TPrivate>>;
  revokeInvitation?(
    params: RevokeInvitationParams,
    options?: RequestOptions,
  ): Promise<OrganizationInvitation<TPublic, TPrivate>>;
}

/** The invitation methods of {@link MembershipsClient}, for clients that implement them all. */
export type InvitationMethods =
  | 'listInvitations'
  | 'createInvitation'
  | 'createInvitations'
  | 'getInvitation'
  | 'revokeInvitation';
