/**
 * The wire codec of organization invitations (`OrganizationInvitation`, `{ data, total_count }`),
 * with the same rules as the membership codec: strict on the fields the spec requires (a missing or
 * mistyped one throws `malformed_response` naming the wire path), unknown fields carried under
 * `UNKNOWN_WIRE_FIELDS` and written back by the encoder.
 */
import type {
  InviterPublicData,
  Metadata,
  OrganizationInvitation,
  OrganizationInvitationStatus,
  OrganizationInvitations,
} from './models';
import type { InviterPublicDataJSON, OrganizationInvitationJSON } from './wire-json';
import { decodeWireList, WireReader, withCarriedFields, withUnknownFields } from './wire-reader';

/** Decode an invitation's `public_inviter_data`. */
export function decodeInviterPublicData(json: unknown, path = ''): InviterPublicData {
  const r = WireReader.of(json, path);
  const data: InviterPublicData = {
    userId: r.string('user_id'),
    firstName: r.nullableString('first_name'),
    lastName: r.nullableString('last_name'),
    imageUrl: r.string('image_url'),
    hasImage: r.boolean('has_image'),
    identifier: r.string('identifier'),
  };
  return withUnknownFields(data, r.unknownFields());
}

/** Decode one invitation. Throws `RosterApiError` (`malformed_response`) on a bad required field. */
export function decodeInvitation<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  json: unknown,
  path = '',
): OrganizationInvitation<TPublic, TPrivate> {
  const r = WireReader.of(json, path);
  const invitation: OrganizationInvitation<TPublic, TPrivate> = {
    object: r.literal('object', 'organization_invitation'),
    id: r.string('id'),
    emailAddress: r.string('email_address'),
    role: r.string('role'),
    roleName: r.string('role_name'),
    publicMetadata: r.object('public_metadata') as TPublic,
    url: r.nullableString('url'),
    expiresAt: r.nullableInteger('expires_at'),
    inviterId: r.nullableString('inviter_id'),
    publicInviterData: r.nullableNested('public_inviter_data', decodeInviterPublicData),
    createdAt: r.integer('created_at'),
    updatedAt: r.integer('updated_at'),
  };
  const organizationId = r.optionalString('organization_id');
  if (organizationId !== undefined) invitation.organizationId = organizationId;
  const status = r.optionalString('status');
  if (status !== undefined) invitation.status = status as OrganizationInvitationStatus;
  const privateMetadata = r.optionalObject('private_metadata');
  if (privateMetadata !== undefined) invitation.privateMetadata = privateMetadata as TPrivate;
  return withUnknownFields(invitation, r.unknownFields());
}

/** Decode a page of invitations (`{ data, total_count }`). */
export function decodeInvitations<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  json: unknown,
): OrganizationInvitations<TPublic, TPrivate> {
  return decodeWireList(json, (item, path) => decodeInvitation<TPublic, TPrivate>(item, path));
}

/** Encode an invitation's inviter data for the wire. */
export function encodeInviterPublicData(data: InviterPublicData): InviterPublicDataJSON {
  return withCarriedFields<InviterPublicDataJSON>(
    {
      user_id: data.userId,
      first_name: data.firstName,
      last_name: data.lastName,
      image_url: data.imageUrl,
      has_image: data.hasImage,
      identifier: data.identifier,
    },
    data,
  );
}

/** Encode an invitation for the wire (unknown fields it was decoded with are written back). */
export function encodeInvitation(invitation: OrganizationInvitation): OrganizationInvitationJSON {
  const json: OrganizationInvitationJSON = {
    object: 'organization_invitation',
    id: invitation.id,
    email_address: invitation.emailAddress,
    role: invitation.role,
    role_name: invitation.roleName,
    inviter_id: invitation.inviterId,
    public_inviter_data:
      invitation.publicInviterData === null ? null : encodeInviterPublicData(invitation.publicInviterData),
    public_metadata: invitation.publicMetadata,
    url: invitation.url,
    expires_at: invitation.expiresAt,
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
  };
  if (invitation.organizationId !== undefined) json.organization_id = invitation.organizationId;
  if (invitation.status !== undefined) json.status = invitation.status;
  if (invitation.privateMetadata !== undefined) json.private_metadata = invitation.privateMetadata;
  return withCarriedFields(json, invitation);
}
