/**
 * The Backend API's objects as they travel (snake_case, timestamps in Unix ms). Every object type
 * admits unknown fields: the codec carries them through (see `codec.ts`).
 */
import type { Metadata } from './models';

/** A wire object: its documented fields plus any the codec does not know. */
export type WithUnknownFields = { [key: string]: unknown };

/** `Organization` on the wire. */
export interface OrganizationJSON extends WithUnknownFields {
  object: 'organization';
  id: string;
  name: string;
  slug: string;
  image_url?: string;
  has_image: boolean;
  members_count?: number;
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  public_metadata: Metadata;
  private_metadata?: Metadata;
  created_by?: string;
  created_at: number;
  updated_at: number;
}

/** `OrganizationMembershipPublicUserData` on the wire. */
export interface PublicUserDataJSON extends WithUnknownFields {
  user_id: string;
  first_name: string | null;
  last_name: string | null;
  profile_image_url: string | null;
  image_url: string;
  has_image: boolean;
  identifier?: string | null;
  username?: string | null;
  banned?: boolean;
}

/** `OrganizationMembership` on the wire. */
export interface OrganizationMembershipJSON extends WithUnknownFields {
  object: 'organization_membership';
  id: string;
  role: string;
  role_name?: string;
  permissions: string[];
  public_metadata: Metadata;
  private_metadata?: Metadata;
  organization: OrganizationJSON;
  public_user_data?: PublicUserDataJSON;
  created_at: number;
  updated_at: number;
}

/** `Permission` on the wire. */
export interface PermissionJSON extends WithUnknownFields {
  object: 'permission';
  id: string;
  name: string;
  key: string;
  description: string;
  type: string;
  created_at: number;
  updated_at: number;
}

/** `Role` on the wire. */
export interface RoleJSON extends WithUnknownFields {
  object: 'role';
  id: string;
  name: string;
  key: string;
  description: string | null;
  is_creator_eligible: boolean;
  permissions: PermissionJSON[];
  created_at: number;
  updated_at: number;
}

/** `EmailAddress` on the wire (the fields Roster reads; the rest are carried). */
export interface EmailAddressJSON extends WithUnknownFields {
  id: string;
  email_address: string;
}

/** `User` on the wire (the fields Roster reads; the rest are carried). */
export interface UserJSON extends WithUnknownFields {
  object: 'user';
  id: string;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  image_url: string;
  has_image: boolean;
  primary_email_address_id: string | null;
  email_addresses: EmailAddressJSON[];
  created_at: number;
  updated_at: number;
}

/** A paginated list on the wire. */
export interface ListJSON<T> {
  data: T[];
  total_count: number;
}

/** One error of a Clerk error body. */
export interface ClerkErrorJSON {
  code: string;
  message: string;
  long_message?: string;
  meta?: Record<string, unknown>;
}

/** Clerk's error body (`ClerkErrors`). */
export interface ClerkErrorBodyJSON {
  errors: ClerkErrorJSON[];
  clerk_trace_id?: string;
  meta?: Record<string, unknown>;
}

/** `OrganizationInvitationPublicUserData` on the wire. */
export interface InviterPublicDataJSON extends WithUnknownFields {
  user_id: string;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  identifier: string;
}

/** `OrganizationInvitation` on the wire. */
export interface OrganizationInvitationJSON extends WithUnknownFields {
  object: 'organization_invitation';
  id: string;
  email_address: string;
  role: string;
  role_name: string;
  organization_id?: string;
  inviter_id: string | null;
  public_inviter_data: InviterPublicDataJSON | null;
  status?: string;
  public_metadata: Metadata;
  private_metadata?: Metadata;
  url: string | null;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
}
