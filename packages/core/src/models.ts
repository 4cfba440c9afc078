/**
 * Roster's data model: Clerk's Organization Memberships objects in camelCase, timestamps as Unix
 * milliseconds. The wire (snake_case JSON) is converted by the codec (`codec.ts`).
 */

/** A JSON object stored as metadata. Narrow it with the generics on the models. */
export type Metadata = Record<string, unknown>;

/**
 * A metadata patch as the Backend API merges it: nested objects merge, `null` deletes the key at
 * any depth, arrays and scalars replace.
 */
export type MetadataPatch<T extends Metadata = Metadata> = {
  [K in keyof T]?: T[K] extends Metadata ? MetadataPatch<T[K]> | null : T[K] | null;
} & Record<string, unknown>;

/** An organization, as embedded in a membership. */
export interface Organization<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata> {
  object: 'organization';
  id: string;
  name: string;
  slug: string;
  imageUrl?: string;
  hasImage: boolean;
  /** Present when the server counts members (the Backend API does on single-organization reads). */
  membersCount?: number;
  maxAllowedMemberships: number;
  adminDeleteEnabled: boolean;
  publicMetadata: TPublic;
  /** Backend-only; never present on data that went through the browser-facing handler. */
  privateMetadata?: TPrivate;
  createdBy?: string;
  createdAt: number;
  updatedAt: number;
}

/** Public information about the user a membership belongs to. */
export interface PublicUserData {
  userId: string;
  firstName: string | null;
  lastName: string | null;
  /** @deprecated Use `imageUrl`. */
  profileImageUrl?: string | null;
  imageUrl: string;
  hasImage: boolean;
  /** The user's primary identifier (primary email address, else phone number or username). */
  identifier?: string | null;
  username?: string | null;
  banned?: boolean;
}

/** One user's membership in one organization. */
export interface OrganizationMembership<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  object: 'organization_membership';
  id: string;
  /** The role key, e.g. `org:admin`. */
  role: string;
  /** The role's display name, e.g. `Admin`. */
  roleName?: string;
  /** The permission keys the role grants. */
  permissions: string[];
  publicMetadata: TPublic;
  /** Backend-only; never present on data that went through the browser-facing handler. */
  privateMetadata?: TPrivate;
  organization: Organization;
  publicUserData?: PublicUserData;
  createdAt: number;
  updatedAt: number;
}

/** A page of memberships and the total count of the list it is a page of. */
export interface OrganizationMemberships<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  data: OrganizationMembership<TPublic, TPrivate>[];
  totalCount: number;
}

/** A permission granted by a role. */
export interface Permission {
  object: 'permission';
  id: string;
  name: string;
  key: string;
  description: string;
  type: string;
  createdAt: number;
  updatedAt: number;
}

/** An organization role. */
export interface Role {
  object: 'role';
  id: string;
  /** The display name, e.g. `Admin`. */
  name: string;
  /** The key stored on memberships, e.g. `org:admin`. */
  key: string;
  description: string | null;
  isCreatorEligible: boolean;
  permissions: Permission[];
  createdAt: number;
  updatedAt: number;
}

/** A page of roles. */
export interface Roles {
  data: Role[];
  totalCount: number;
}

/** An email address of a user (the parts Roster uses). */
export interface EmailAddress {
  id: string;
  emailAddress: string;
}

/** A user, as far as the add-member picker needs one. */
export interface User {
  object: 'user';
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  imageUrl: string;
  hasImage: boolean;
  primaryEmailAddressId: string | null;
  emailAddresses: EmailAddress[];
  createdAt: number;
  updatedAt: number;
}

/** A page of users. */
export interface Users {
  data: User[];
  totalCount: number;
}

/** The status of an organization invitation (`expired`: still pending, but past `expiresAt`). */
export type OrganizationInvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** Public information about the user who sent an invitation (`public_inviter_data`). */
export interface InviterPublicData {
  userId: string;
  firstName: string | null;
  lastName: string | null;
  imageUrl: string;
  hasImage: boolean;
  /** The inviter's primary identifier (their primary email address). */
  identifier: string;
}

/** An invitation to join an organization, sent to an email address (`OrganizationInvitation`). */
export interface OrganizationInvitation<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  object: 'organization_invitation';
  /** `orginv_...` */
  id: string;
  emailAddress: string;
  /** The role key the invitee gets on accepting, e.g. `org:member`. */
  role: string;
  /** The role's display name, e.g. `Member`. */
  roleName: string;
  organizationId?: string;
  /** Optional on the wire; a status newer than this kit arrives as the string it is. */
  status?: OrganizationInvitationStatus;
  /** Transferred to the membership on acceptance. */
  publicMetadata: TPublic;
  /** Backend-only; never present on data that went through the browser-facing handler. */
  privateMetadata?: TPrivate;
  /** The acceptance link, when the server gives one (the local Backend API answers `null`). */
  url: string | null;
  /** Unix ms; `null` for an invitation that never expires. */
  expiresAt: number | null;
  /** The user who sent it, or `null` when it was sent with the secret key alone. */
  inviterId: string | null;
  publicInviterData: InviterPublicData | null;
  createdAt: number;
  updatedAt: number;
}

/** A page of invitations and the total count of the list it is a page of. */
export interface OrganizationInvitations<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  data: OrganizationInvitation<TPublic, TPrivate>[];
  totalCount: number;
}
