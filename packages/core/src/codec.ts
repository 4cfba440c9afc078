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
import type {
  Metadata,
  Organization,
  OrganizationMembership,
  OrganizationMemberships,
  Permission,
  PublicUserData,
  Role,
  Roles,
} from './models';
import type {
  ListJSON,
  OrganizationJSON,
  OrganizationMembershipJSON,
  PermissionJSON,
  PublicUserDataJSON,
  RoleJSON,
} from './wire-json';
import { decodeWireList, WireReader, withCarriedFields, withUnknownFields } from './wire-reader';

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

/** Decode a page of memberships (`{ data, total_count }`). */
export function decodeMemberships<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  json: unknown,
): OrganizationMemberships<TPublic, TPrivate> {
  return decodeWireList(json, (item, path) => decodeMembership<TPublic, TPrivate>(item, path));
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
  return decodeWireList(json, decodeRole);
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

/** Encode a page (`{ data, totalCount }`) as a wire list (`{ data, total_count }`). */
export function encodeList<T, J>(
  list: { data: readonly T[]; totalCount: number },
  encodeItem: (item: T) => J,
): ListJSON<J> {
  return { data: list.data.map((item) => encodeItem(item)), total_count: list.totalCount };
}
