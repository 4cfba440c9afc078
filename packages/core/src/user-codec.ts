/** The codec of users, for the add-member picker (`GET /users`). */
import type { EmailAddress, User, Users } from './models';
import type { EmailAddressJSON, UserJSON } from './wire-json';
import { decodeWireList, WireReader, withCarriedFields, withUnknownFields } from './wire-reader';

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
  return decodeWireList(json, decodeUser);
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
