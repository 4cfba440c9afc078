import type { EmailAddress, Metadata, PublicUserData, User } from '@roster/core';
import { ClerkHttpError, notFound } from './clerk-error';
import { type SqliteDatabase, statement } from './database';
import { createId, createSeededId } from './ids';
import { readJsonObject, writeJsonObject } from './json-column';
import { placeholders } from './sql-fragments';

/** The image URL of a user or organization without an uploaded image (`has_image: false`). */
export const DEFAULT_IMAGE_URL = 'https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9';

/** A validated user to insert. */
export interface NewUser {
  /** Set by seeds; generated (`user_...`) when absent. */
  id?: string;
  externalId: string | null;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  emailAddresses: string[];
  phoneNumbers: string[];
  web3Wallets: string[];
  imageUrl: string | null;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  unsafeMetadata: Metadata;
  lastActiveAt: number | null;
  createdAt: number;
}

/** A user row as stored. */
export interface UserRow {
  seq: number;
  id: string;
  external_id: string | null;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  image_url: string | null;
  primary_email_address: string | null;
  primary_phone_number: string | null;
  primary_web3_wallet: string | null;
  public_metadata: string;
  private_metadata: string;
  unsafe_metadata: string;
  search_text: string;
  last_active_at: number | null;
  created_at: number;
  updated_at: number;
}

/** One email address, phone number or web3 wallet of a user. */
export interface IdentificationRow {
  id: string;
  user_id: string;
  type: IdentificationType;
  value: string;
  position: number;
  created_at: number;
}

/** The kinds of identifier a user can have. */
export type IdentificationType = 'email_address' | 'phone_number' | 'web3_wallet';

/** Clerk prefixes the IDs of email addresses, phone numbers and web3 wallets alike. */
const IDENTIFICATION_PREFIX = 'idn';

/** A stored user with its identifiers: everything the wire shapes are built from. */
export interface UserRecord {
  row: UserRow;
  identifications: IdentificationRow[];
}

/** The lowercase text that `query` searches: IDs, names, emails, phones, usernames, wallets. */
export function userSearchText(user: {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  emailAddresses: readonly string[];
  phoneNumbers: readonly string[];
  web3Wallets: readonly string[];
}): string {
  const fullName = [user.firstName, user.lastName].filter((part) => part).join(' ');
  return [
    user.id,
    fullName,
    user.username ?? '',
    ...user.emailAddresses,
    ...user.phoneNumbers,
    ...user.web3Wallets,
  ]
    .join('\n')
    .toLowerCase();
}

function identifier(row: UserRow): string | null {
  return row.primary_email_address ?? row.primary_phone_number ?? row.username ?? row.primary_web3_wallet;
}

/** The `public_user_data` of a membership, as core's model. */
export function toPublicUserData(row: UserRow): PublicUserData {
  const imageUrl = row.image_url ?? DEFAULT_IMAGE_URL;
  return {
    userId: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    profileImageUrl: imageUrl,
    imageUrl,
    hasImage: row.image_url !== null,
    identifier: identifier(row),
    username: row.username,
    banned: false,
  };
}

/** A user as core's model (the codec adds nothing; see `user-json.ts` for the full Clerk shape). */
export function toUserModel(record: UserRecord): User {
  const emails = record.identifications.filter((i) => i.type === 'email_address');
  const emailAddresses: EmailAddress[] = emails.map((i) => ({ id: i.id, emailAddress: i.value }));
  return {
    object: 'user',
    id: record.row.id,
    firstName: record.row.first_name,
    lastName: record.row.last_name,
    username: record.row.username,
    imageUrl: record.row.image_url ?? DEFAULT_IMAGE_URL,
    hasImage: record.row.image_url !== null,
    primaryEmailAddressId: emails[0]?.id ?? null,
    emailAddresses,
    createdAt: record.row.created_at,
    updatedAt: record.row.updated_at,
  };
}

/** Reads and writes users. Every method runs inside the caller's transaction when there is one. */
export class UserStore {
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.db = db;
  }

  /**
   * Inserts a user; 422 `form_identifier_exists` when an identifier is taken. Returns the id.
   * Seeding (`seeded`) derives identifier IDs from the user ID and leaves duplicate detection to the
   * UNIQUE constraints (a bad seed fails as a whole).
   */
  insert(user: NewUser, options: { seeded?: boolean } = {}): string {
    const id = user.id ?? createId('user');
    if (!options.seeded) this.assertIdentifiersFree(user);
    const primaryEmail = user.emailAddresses[0] ?? null;
    statement(
      this.db,
      `INSERT INTO users (id, external_id, first_name, last_name, username, image_url,
           primary_email_address, primary_phone_number, primary_web3_wallet,
           public_metadata, private_metadata, unsafe_metadata, search_text, last_active_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      user.externalId,
      user.firstName,
      user.lastName,
      user.username,
      user.imageUrl,
      primaryEmail,
      user.phoneNumbers[0] ?? null,
      user.web3Wallets[0] ?? null,
      writeJsonObject(user.publicMetadata),
      writeJsonObject(user.privateMetadata),
      writeJsonObject(user.unsafeMetadata),
      userSearchText({ ...user, id }),
      user.lastActiveAt,
      user.createdAt,
      user.createdAt,
    );
    const insertIdentification = statement(
      this.db,
      'INSERT INTO identifications (id, user_id, type, value, position, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const groups: [IdentificationType, string[]][] = [
      ['email_address', user.emailAddresses],
      ['phone_number', user.phoneNumbers],
      ['web3_wallet', user.web3Wallets],
    ];
    for (const [type, values] of groups) {
      values.forEach((value, position) => {
        const identificationId = options.seeded
          ? createSeededId(IDENTIFICATION_PREFIX, `${id}:${type}:${position}`)
          : createId(IDENTIFICATION_PREFIX);
        insertIdentification.run(identificationId, id, type, value, position, user.createdAt);
      });
    }
    return id;
  }

  private assertIdentifiersFree(user: NewUser): void {
    const taken = statement(this.db, 'SELECT 1 FROM identifications WHERE type = ? AND value = ?');
    const checks: [IdentificationType, string[]][] = [
      ['email_address', user.emailAddresses],
      ['phone_number', user.phoneNumbers],
      ['web3_wallet', user.web3Wallets],
    ];
    for (const [type, values] of checks) {
      const seen = new Set<string>();
      for (const value of values) {
        const key = value.toLowerCase();
        if (seen.has(key) || taken.get(type, value)) throw identifierExists(type, value);
        seen.add(key);
      }
    }
    if (
      user.username !== null &&
      statement(this.db, 'SELECT 1 FROM users WHERE username = ?').get(user.username)
    ) {
      throw identifierExists('username', user.username);
    }
    if (
      user.externalId !== null &&
      statement(this.db, 'SELECT 1 FROM users WHERE external_id = ?').get(user.externalId)
    ) {
      throw identifierExists('external_id', user.externalId);
    }
    if (user.id !== undefined && statement(this.db, 'SELECT 1 FROM users WHERE id = ?').get(user.id)) {
      throw identifierExists('id', user.id);
    }
  }

  /** The stored user row, or `undefined`. */
  findRow(id: string): UserRow | undefined {
    return statement(this.db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  /** The user with its identifiers; 404 when absent. */
  get(id: string): UserRecord {
    const row = this.findRow(id);
    if (!row) throw notFound('User', `No user was found with id ${id}`);
    return this.withIdentifications([row])[0] as UserRecord;
  }

  /** Attaches identifiers to rows (one query for the whole page). */
  withIdentifications(rows: UserRow[]): UserRecord[] {
    if (rows.length === 0) return [];
    const identifications = statement(
      this.db,
      `SELECT * FROM identifications WHERE user_id IN (${placeholders(rows)}) ORDER BY user_id, type, position`,
    ).all(...rows.map((row) => row.id)) as IdentificationRow[];
    const byUser = new Map<string, IdentificationRow[]>();
    for (const identification of identifications) {
      const list = byUser.get(identification.user_id) ?? [];
      list.push(identification);
      byUser.set(identification.user_id, list);
    }
    return rows.map((row) => ({ row, identifications: byUser.get(row.id) ?? [] }));
  }

  /** The metadata columns of a user row, parsed. */
  static metadata(row: UserRow): {
    publicMetadata: Metadata;
    privateMetadata: Metadata;
    unsafeMetadata: Metadata;
  } {
    return {
      publicMetadata: readJsonObject(row.public_metadata),
      privateMetadata: readJsonObject(row.private_metadata),
      unsafeMetadata: readJsonObject(row.unsafe_metadata),
    };
  }
}

function identifierExists(paramName: string, value: string): ClerkHttpError {
  return new ClerkHttpError(
    422,
    'form_identifier_exists',
    'That identifier is taken.',
    `${value} is already taken by another user. Please try another one.`,
    { paramName },
  );
}
