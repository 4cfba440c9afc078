/**
 * The wire codec: the Backend API's snake_case JSON <-> Roster's camelCase models. Timestamps are
 * Unix milliseconds on both sides, so they pass through unchanged.
 *
 * - Decoders are strict on the fields the spec requires: a missing or mistyped one throws a
 *   `RosterApiError` (code `malformed_response`, status 200) whose message names the wire path,
 *   e.g. `data[3].public_user_data.user_id`. Metadata is checked to be an object; its contents are
 *   yours to validate (the metadata generics are a type assertion).
 * - Unknown wire fields are kept verbatim on the decoded model under the `UNKNOWN_WIRE_FIELDS`
 *   symbol and written back by the encoders, so decode -> encode preserves them.
 */
import { RosterApiError, type RosterApiErrorDetail } from './errors';
import type {
  EmailAddress,
  Metadata,
  Organization,
  OrganizationMembership,
  OrganizationMemberships,
  Permission,
  PublicUserData,
  Role,
  Roles,
  User,
  Users,
} from './models';
import { isJsonObject, WireReader, withCarriedFields, withUnknownFields } from './wire-reader';

/** A wire object: its documented fields plus any the codec does not know. */
type WithUnknownFields = { [key: string]: unknown };

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

// ---------------------------------------------------------------- decoders

/** Decode an embedded organization (`path` prefixes error messages). */
export function decodeOrganization(json: unknown, path = ''): Organization {
  const r = WireReader.of(json, path);
  const org: Organization = {
    object: r.literal('object', 'organization'),
    id: r.string('id'),
    name: r.string('name'),
    slug: r.string('slug'),
    hasImage: r.boolean('has_image'),
    maxAllowedMemberships: r.integer('max_allowed_memberships'),
    adminDeleteEnabled: r.boolean('admin_delete_enabled'),
    publicMetadata: r.object('public_metadata'),
    createdAt: r.integer('created_at'),
    updatedAt: r.integer('updated_at'),
  };
  const imageUrl = r.optionalString('image_url');
  if (imageUrl !== undefined) org.imageUrl = imageUrl;
  const membersCount = r.optionalInteger('members_count');
  if (membersCount !== undefined) org.membersCount = membersCount;
  const privateMetadata = r.optionalObject('private_metadata');
  if (privateMetadata !== undefined) org.privateMetadata = privateMetadata;
  const createdBy = r.optionalString('created_by');
  if (createdBy !== undefined) org.createdBy = createdBy;
  return withUnknownFields(org, r.unknownFields());
}

/** Decode a membership's `public_user_data`. */
export function decodePublicUserData(json: unknown, path = ''): PublicUserData {
  const r = WireReader.of(json, path);
  const data: PublicUserData = {
    userId: r.string('user_id'),
    firstName: r.nullableString('first_name'),
    lastName: r.nullableString('last_name'),
    imageUrl: r.string('image_url'),
    hasImage: r.boolean('has_image'),
  };
  // Deprecated alias of image_url: tolerated when absent.
  const profileImageUrl = r.optionalNullableString('profile_image_url');
  if (profileImageUrl !== undefined) data.profileImageUrl = profileImageUrl;
  const identifier = r.optionalNullableString('identifier');
  if (identifier !== undefined) data.identifier = identifier;
  const username = r.optionalNullableString('username');
  if (username !== undefined) data.username = username;
  const banned = r.optionalBoolean('banned');
  if (banned !== undefined) data.banned = banned;
  return withUnknownFields(data, r.unknownFields());
}

/**
 * Decode one membership. Throws `RosterApiError` (`malformed_response`) on a missing or mistyped
 * required field; `path` (default: the root) prefixes the path in the message.
 */
export function decodeMembership<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  json: unknown,
  path = '',
): OrganizationMembership<TPublic, TPrivate> {
  const r = WireReader.of(json, path);
  const m: OrganizationMembership<TPublic, TPrivate> = {
    object: r.literal('object', 'organization_membership'),
    id: r.string('id'),
    role: r.string('role'),
    permissions: r.stringArray('permissions'),
    publicMetadata: r.object('public_metadata') as TPublic,
    organization: r.nested('organization', decodeOrganization),
    createdAt: r.integer('created_at'),
    updatedAt: r.integer('updated_at'),
  };
  const roleName = r.optionalString('role_name');
  if (roleName !== undefined) m.roleName = roleName;
  const privateMetadata = r.optionalObject('private_metadata');
  if (privateMetadata !== undefined) m.privateMetadata = privateMetadata as TPrivate;
  const publicUserData = r.optionalNested('public_user_data', decodePublicUserData);
  if (publicUserData !== undefined) m.publicUserData = publicUserData;
  return withUnknownFields(m, r.unknownFields());
}

function decodeList<T>(json: unknown, decodeItem: (item: unknown, path: string) => T) {
  const r = WireReader.of(json, '');
  return { data: r.array('data', decodeItem), totalCount: r.integer('total_count') };
}

/** Decode a page of memberships (`{ data, total_count }`). */
export function decodeMemberships<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  json: unknown,
): OrganizationMemberships<TPublic, TPrivate> {
  return decodeList(json, (item, path) => decodeMembership<TPublic, TPrivate>(item, path));
}

/** Decode a permission of a role. */
export function decodePermission(json: unknown, path = ''): Permission {
  const r = WireReader.of(json, path);
  const p: Permission = {
    object: r.literal('object', 'permission'),
    id: r.string('id'),
    name: r.string('name'),
    key: r.string('key'),
    // Not in the spec's required list: an absent description reads as ''.
    description: r.optionalString('description') ?? '',
    type: r.string('type'),
    createdAt: r.integer('created_at'),
    updatedAt: r.integer('updated_at'),
  };
  return withUnknownFields(p, r.unknownFields());
}

/** Decode an organization role. */
export function decodeRole(json: unknown, path = ''): Role {
  const r = WireReader.of(json, path);
  const role: Role = {
    object: r.literal('object', 'role'),
    id: r.string('id'),
    name: r.string('name'),
    key: r.string('key'),
    description: r.optionalNullableString('description') ?? null,
    isCreatorEligible: r.boolean('is_creator_eligible'),
    permissions: r.array('permissions', decodePermission),
    createdAt: r.integer('created_at'),
    updatedAt: r.integer('updated_at'),
  };
  return withUnknownFields(role, r.unknownFields());
}

/** Decode a page of roles (`{ data, total_count }`). */
export function decodeRoles(json: unknown): Roles {
  return decodeList(json, decodeRole);
}

function decodeEmailAddress(json: unknown, path: string): EmailAddress {
  const r = WireReader.of(json, path);
  const email: EmailAddress = { id: r.string('id'), emailAddress: r.string('email_address') };
  return withUnknownFields(email, r.unknownFields());
}

/** Decode a user (the fields the add-member picker reads; the rest are carried). */
export function decodeUser(json: unknown, path = ''): User {
  const r = WireReader.of(json, path);
  const user: User = {
    object: r.literal('object', 'user'),
    id: r.string('id'),
    firstName: r.nullableString('first_name'),
    lastName: r.nullableString('last_name'),
    username: r.nullableString('username'),
    imageUrl: r.string('image_url'),
    hasImage: r.boolean('has_image'),
    primaryEmailAddressId: r.nullableString('primary_email_address_id'),
    emailAddresses: r.array('email_addresses', decodeEmailAddress),
    createdAt: r.integer('created_at'),
    updatedAt: r.integer('updated_at'),
  };
  return withUnknownFields(user, r.unknownFields());
}

/**
 * Decode a list of users. The Backend API's `GET /users` answers a bare JSON array (then
 * `totalCount` is the array's length: the size of this page, not of the whole result);
 * a `{ data, total_count }` list is accepted too.
 */
export function decodeUsers(json: unknown): Users {
  if (Array.isArray(json)) {
    const data = json.map((item, i) => decodeUser(item, `[${i}]`));
    return { data, totalCount: data.length };
  }
  return decodeList(json, decodeUser);
}

// ---------------------------------------------------------------- encoders

/** Encode an organization for the wire. */
export function encodeOrganization(org: Organization): OrganizationJSON {
  const json: OrganizationJSON = {
    object: 'organization',
    id: org.id,
    name: org.name,
    slug: org.slug,
    has_image: org.hasImage,
    max_allowed_memberships: org.maxAllowedMemberships,
    admin_delete_enabled: org.adminDeleteEnabled,
    public_metadata: org.publicMetadata,
    created_at: org.createdAt,
    updated_at: org.updatedAt,
  };
  if (org.imageUrl !== undefined) json.image_url = org.imageUrl;
  if (org.membersCount !== undefined) json.members_count = org.membersCount;
  if (org.privateMetadata !== undefined) json.private_metadata = org.privateMetadata;
  if (org.createdBy !== undefined) json.created_by = org.createdBy;
  return withCarriedFields(json, org);
}

/**
 * Encode a membership's public user data. The deprecated `profile_image_url` is required by the
 * spec: when the model has none, `image_url` is written in its place.
 */
export function encodePublicUserData(data: PublicUserData): PublicUserDataJSON {
  const json: PublicUserDataJSON = {
    user_id: data.userId,
    first_name: data.firstName,
    last_name: data.lastName,
    profile_image_url: data.profileImageUrl !== undefined ? data.profileImageUrl : data.imageUrl,
    image_url: data.imageUrl,
    has_image: data.hasImage,
  };
  if (data.identifier !== undefined) json.identifier = data.identifier;
  if (data.username !== undefined) json.username = data.username;
  if (data.banned !== undefined) json.banned = data.banned;
  return withCarriedFields(json, data);
}

/** Encode a membership for the wire (unknown fields it was decoded with are written back). */
export function encodeMembership(m: OrganizationMembership): OrganizationMembershipJSON {
  const json: OrganizationMembershipJSON = {
    object: 'organization_membership',
    id: m.id,
    role: m.role,
    permissions: [...m.permissions],
    public_metadata: m.publicMetadata,
    organization: encodeOrganization(m.organization),
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
  if (m.roleName !== undefined) json.role_name = m.roleName;
  if (m.privateMetadata !== undefined) json.private_metadata = m.privateMetadata;
  if (m.publicUserData !== undefined) json.public_user_data = encodePublicUserData(m.publicUserData);
  return withCarriedFields(json, m);
}

/** Encode a permission of a role. */
export function encodePermission(p: Permission): PermissionJSON {
  return withCarriedFields<PermissionJSON>(
    {
      object: 'permission',
      id: p.id,
      name: p.name,
      key: p.key,
      description: p.description,
      type: p.type,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    },
    p,
  );
}

/** Encode an organization role. */
export function encodeRole(role: Role): RoleJSON {
  return withCarriedFields<RoleJSON>(
    {
      object: 'role',
      id: role.id,
      name: role.name,
      key: role.key,
      description: role.description,
      is_creator_eligible: role.isCreatorEligible,
      permissions: role.permissions.map(encodePermission),
      created_at: role.createdAt,
      updated_at: role.updatedAt,
    },
    role,
  );
}

/**
 * Encode a user. Fields the spec requires but the model does not hold (phone numbers, flags, ...)
 * are written with empty defaults unless the user was decoded with them, so SDKs that read them
 * (Clerk's `@clerk/backend`) work against a server that uses this encoder.
 */
export function encodeUser(user: User): UserJSON {
  const json: UserJSON = {
    object: 'user',
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    username: user.username,
    image_url: user.imageUrl,
    has_image: user.hasImage,
    primary_email_address_id: user.primaryEmailAddressId,
    email_addresses: user.emailAddresses.map((email) =>
      withCarriedFields<EmailAddressJSON>({ id: email.id, email_address: email.emailAddress }, email, {
        object: 'email_address',
        reserved: false,
        verification: null,
        linked_to: [],
        created_at: user.createdAt,
        updated_at: user.updatedAt,
      }),
    ),
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
  return withCarriedFields(json, user, {
    external_id: null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    profile_image_url: user.imageUrl,
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: null,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
  });
}

/** Encode a page (`{ data, totalCount }`) as a wire list (`{ data, total_count }`). */
export function encodeList<T, J>(
  list: { data: readonly T[]; totalCount: number },
  encodeItem: (item: T) => J,
): ListJSON<J> {
  return { data: list.data.map((item) => encodeItem(item)), total_count: list.totalCount };
}

// ---------------------------------------------------------------- errors

function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Seconds to wait from a `Retry-After` header value: delta-seconds or an HTTP date (relative to
 * `now`, never negative). `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function decodeErrorDetail(value: unknown): RosterApiErrorDetail | undefined {
  if (!isJsonObject(value)) return undefined;
  const { code, message, long_message: longMessage, meta } = value;
  if (typeof code !== 'string' && typeof message !== 'string') return undefined;
  const detail: RosterApiErrorDetail = {
    code: typeof code === 'string' ? code : 'unknown_error',
    message: typeof message === 'string' ? message : String(code),
  };
  if (typeof longMessage === 'string') detail.longMessage = longMessage;
  if (isJsonObject(meta)) {
    detail.meta = Object.fromEntries(Object.entries(meta).map(([k, v]) => [snakeToCamel(k), v]));
  }
  return detail;
}

/**
 * Turn an error response into a `RosterApiError`: a Clerk error body gives `errors[]` (camelCased:
 * `long_message` -> `longMessage`, `meta.param_name` -> `meta.paramName`) and `traceId`
 * (`clerk_trace_id`); `Retry-After` gives `retryAfter` in seconds. Any other body (HTML from a
 * proxy, plain text, empty) gives one error with code `http_error` and the status in its message.
 */
export function decodeErrorBody(status: number, body: unknown, headers?: Headers): RosterApiError {
  const retryAfter = parseRetryAfter(headers?.get('retry-after'));
  const details = isJsonObject(body) && Array.isArray(body.errors) ? body.errors.map(decodeErrorDetail) : [];
  const errors = details.filter((d): d is RosterApiErrorDetail => d !== undefined);
  if (errors.length === 0) {
    const detail: RosterApiErrorDetail = {
      code: 'http_error',
      message: `Request failed with status ${status}`,
    };
    if (typeof body === 'string' && body.trim() !== '') {
      detail.longMessage = `Request failed with status ${status}: ${body.trim().slice(0, 200)}`;
    }
    errors.push(detail);
  }
  const traceId =
    isJsonObject(body) && typeof body.clerk_trace_id === 'string' ? body.clerk_trace_id : undefined;
  return new RosterApiError({
    status,
    errors,
    ...(traceId !== undefined && { traceId }),
    ...(retryAfter !== undefined && { retryAfter }),
  });
}
