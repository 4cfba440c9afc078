import type { Metadata, Role } from './models';

/** A user to seed into a client or server. */
export interface SeedUser {
  /** `user_...` */
  id: string;
  firstName: string | null;
  lastName: string | null;
  username?: string | null;
  /** The primary email address; it becomes the membership's `identifier`. */
  emailAddress: string;
  phoneNumber?: string | null;
  web3Wallet?: string | null;
  imageUrl?: string;
  /** Unix ms. */
  createdAt: number;
  /** Unix ms of the last session activity, if any. */
  lastActiveAt?: number | null;
}

/** An organization to seed. */
export interface SeedOrganization {
  /** `org_...` */
  id: string;
  name: string;
  slug: string;
  /** 0 means unlimited, as in the Backend API. */
  maxAllowedMemberships?: number;
  adminDeleteEnabled?: boolean;
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  createdBy?: string;
  /** Unix ms. */
  createdAt: number;
}

/** A membership to seed. */
export interface SeedMembership {
  organizationId: string;
  userId: string;
  /** A role key from `roles`. */
  role: string;
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  /** Unix ms. */
  createdAt: number;
}

/** Everything a local backend starts with. `roles` defaults to `DEFAULT_ROLES`. */
export interface SeedData {
  users: SeedUser[];
  organizations: SeedOrganization[];
  memberships: SeedMembership[];
  roles?: Role[];
}
