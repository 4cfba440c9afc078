import type { Metadata, Organization, PublicUserData, User } from './models';
import type { SeedOrganization, SeedUser } from './seed';

/** The picture Clerk shows for a user or organization without one. */
export const DEFAULT_IMAGE_URL = 'https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9';

/** A user as the store keeps it: the seed plus precomputed search and sort keys. */
export interface StoredUser {
  seed: SeedUser;
  /** Lowercase username (usernames compare case-insensitively), or null. */
  usernameKey: string | null;
  /** Lowercase email address (emails search and sort case-insensitively). */
  emailAddressKey: string;
  /** Lowercase: user ID, full name, username, email, phone and web3 wallet (what `query` searches). */
  searchText: string;
  /** Lowercase `first last` (what `nameQuery` searches). */
  nameText: string;
  emailAddressId: string;
}

/** A membership as the store keeps it (the organization and user are joined when read). */
export interface StoredMembership {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  createdAt: number;
  updatedAt: number;
}

export interface StoredOrganization {
  seed: SeedOrganization;
  /** Members by user ID, in insertion order. */
  members: Map<string, StoredMembership>;
  /** Invitations in creation order. */
  invitations: StoredInvitation[];
}

/** An invitation as the store keeps it (its status at read time is derived from `expiresAt`). */
export interface StoredInvitation {
  seq: number;
  id: string;
  organizationId: string;
  emailAddress: string;
  role: string;
  inviterUserId: string | null;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  redirectUrl: string | null;
  status: 'pending' | 'accepted' | 'revoked';
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

/** A seed user with its search and sort keys computed once. */
export function createStoredUser(seed: SeedUser, index: number): StoredUser {
  const fullName = [seed.firstName, seed.lastName].filter((part) => part).join(' ');
  const searchText = [seed.id, fullName, seed.username, seed.emailAddress, seed.phoneNumber, seed.web3Wallet]
    .filter((part) => part)
    .join('\n')
    .toLowerCase();
  return {
    seed,
    usernameKey: seed.username ? seed.username.toLowerCase() : null,
    emailAddressKey: seed.emailAddress.toLowerCase(),
    searchText,
    nameText: `${seed.firstName ?? ''} ${seed.lastName ?? ''}`.toLowerCase(),
    emailAddressId: `idn_${index.toString(36).padStart(8, '0')}`,
  };
}

/** An organization as the Backend API returns it (embedded in memberships). */
export function toOrganizationModel(organization: StoredOrganization): Organization {
  const seed = organization.seed;
  const model: Organization = {
    object: 'organization',
    id: seed.id,
    name: seed.name,
    slug: seed.slug,
    imageUrl: DEFAULT_IMAGE_URL,
    hasImage: false,
    maxAllowedMemberships: seed.maxAllowedMemberships ?? 0,
    adminDeleteEnabled: seed.adminDeleteEnabled ?? true,
    publicMetadata: structuredClone(seed.publicMetadata ?? {}),
    privateMetadata: structuredClone(seed.privateMetadata ?? {}),
    createdAt: seed.createdAt,
    updatedAt: seed.createdAt,
  };
  if (seed.createdBy !== undefined) model.createdBy = seed.createdBy;
  return model;
}

/** The public part of a user, as embedded in memberships (identifier = primary email). */
export function toPublicUserData(user: StoredUser): PublicUserData {
  const seed = user.seed;
  const imageUrl = seed.imageUrl ?? DEFAULT_IMAGE_URL;
  return {
    userId: seed.id,
    firstName: seed.firstName,
    lastName: seed.lastName,
    profileImageUrl: imageUrl,
    imageUrl,
    hasImage: seed.imageUrl !== undefined,
    identifier: seed.emailAddress,
    username: seed.username ?? null,
    banned: false,
  };
}

/** A user as `GET /users` returns it (the fields the add-member picker reads). */
export function toUserModel(user: StoredUser): User {
  const seed = user.seed;
  return {
    object: 'user',
    id: seed.id,
    firstName: seed.firstName,
    lastName: seed.lastName,
    username: seed.username ?? null,
    imageUrl: seed.imageUrl ?? DEFAULT_IMAGE_URL,
    hasImage: seed.imageUrl !== undefined,
    primaryEmailAddressId: user.emailAddressId,
    emailAddresses: [{ id: user.emailAddressId, emailAddress: seed.emailAddress }],
    createdAt: seed.createdAt,
    updatedAt: seed.createdAt,
  };
}
