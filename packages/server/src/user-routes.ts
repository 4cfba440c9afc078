import { encodeList, encodeMembership } from '@roster/core';
import type { BackendStores } from './backend-stores';
import { ClerkHttpError, paramInvalid } from './clerk-error';
import { emptyMembershipFilters } from './membership-list-query';
import { BodyParams, type QueryParams, readJsonBody } from './request-input';
import type { Router } from './router';
import { encodeUserRecord } from './user-json';
import { countUsers, listUserRows, USER_ORDER_FIELDS, type UserFilters } from './user-list-query';
import type { NewUser } from './user-store';

const CREATE_USER_FIELDS = [
  'external_id',
  'first_name',
  'last_name',
  'locale',
  'email_address',
  'email_address_identification_status',
  'phone_number',
  'phone_number_identification_status',
  'web3_wallet',
  'username',
  'password',
  'password_digest',
  'password_hasher',
  'skip_password_checks',
  'skip_password_requirement',
  'totp_secret',
  'backup_codes',
  'public_metadata',
  'private_metadata',
  'unsafe_metadata',
  'delete_self_enabled',
  'legal_accepted_at',
  'skip_legal_checks',
  'skip_user_requirement',
  'create_organization_enabled',
  'create_organizations_limit',
  'created_at',
  'bypass_client_trust',
  'banned',
  'locked',
  // Not in the spec: lets fixtures set a user's picture.
  'image_url',
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const WEB3 = /^0x[0-9a-fA-F]{40}$/;
const USERNAME = /^[a-zA-Z0-9_-]{4,64}$/;

function formatInvalid(name: string, longMessage: string): ClerkHttpError {
  return new ClerkHttpError(422, 'form_param_format_invalid', 'is invalid', longMessage, { paramName: name });
}

function parseNewUser(body: BodyParams, now: number): NewUser {
  body.onlyKnown(CREATE_USER_FIELDS);
  const emailAddresses = body.stringArray('email_address');
  for (const email of emailAddresses) {
    if (!EMAIL.test(email))
      throw formatInvalid('email_address', 'email_address must be a valid email address.');
  }
  const phoneNumbers = body.stringArray('phone_number');
  for (const phone of phoneNumbers) {
    if (!PHONE.test(phone)) {
      throw formatInvalid(
        'phone_number',
        'phone_number must be a valid phone number according to E.164 international standard.',
      );
    }
  }
  const web3Wallets = body.stringArray('web3_wallet');
  for (const wallet of web3Wallets) {
    if (!WEB3.test(wallet)) {
      throw formatInvalid(
        'web3_wallet',
        'web3_wallet must be a valid web3 wallet address that starts with 0x and contains 40 hexadecimal characters.',
      );
    }
  }
  const username = body.optionalString('username');
  if (username !== null && !USERNAME.test(username)) {
    throw formatInvalid('username', 'username must be 4 to 64 letters, digits, "-" or "_".');
  }
  const imageUrl = body.optionalString('image_url', { maxLength: 2048 });
  if (imageUrl !== null && !/^https?:\/\//.test(imageUrl)) {
    throw paramInvalid('image_url', 'image_url must be an http(s) URL.');
  }
  // Accepted for compatibility (type-checked, not stored): bans are not emulated.
  body.optionalBoolean('banned');
  return {
    externalId: body.optionalString('external_id', { maxLength: 256 }),
    firstName: body.optionalString('first_name', { maxLength: 256 }),
    lastName: body.optionalString('last_name', { maxLength: 256 }),
    username,
    emailAddresses,
    phoneNumbers,
    web3Wallets,
    imageUrl,
    publicMetadata: body.metadata('public_metadata', { nullAsEmpty: true }) ?? {},
    privateMetadata: body.metadata('private_metadata', { nullAsEmpty: true }) ?? {},
    unsafeMetadata: body.metadata('unsafe_metadata', { nullAsEmpty: true }) ?? {},
    lastActiveAt: null,
    createdAt: body.optionalDate('created_at') ?? now,
  };
}

function parseUserFilters(query: QueryParams): UserFilters {
  return {
    userIds: query.inclusion('user_id'),
    organizationIds: query.inclusion('organization_id'),
    externalIds: query.inclusion('external_id'),
    emailAddresses: query.array('email_address'),
    phoneNumbers: query.array('phone_number'),
    usernames: query.array('username'),
    web3Wallets: query.array('web3_wallet'),
    query: query.text('query'),
    emailAddressQuery: query.text('email_address_query'),
    phoneNumberQuery: query.text('phone_number_query'),
    usernameQuery: query.text('username_query'),
    nameQuery: query.text('name_query'),
    createdAtBefore: query.timestamp('created_at_before'),
    createdAtAfter: query.timestamp('created_at_after'),
    lastActiveAtBefore: query.timestamp('last_active_at_before'),
    lastActiveAtAfter: query.timestamp('last_active_at_after') ?? query.timestamp('last_active_at_since'),
  };
}

/** `/users`, `/users/count`, `/users/{user_id}` and `/users/{user_id}/organization_memberships`. */
export function registerUserRoutes(router: Router, stores: BackendStores): void {
  router.add('POST', '/users', async ({ request }) => {
    const input = parseNewUser(new BodyParams(await readJsonBody(request)), stores.now());
    const id = stores.db.transaction(() => stores.users.insert(input))();
    return encodeUserRecord(stores.users.get(id));
  });

  router.add('GET', '/users', ({ query }) => {
    const filters = parseUserFilters(query);
    const page = { ...query.paging(), orderBy: query.orderBy(USER_ORDER_FIELDS, '-created_at') };
    const rows = listUserRows(stores.db, filters, page);
    // Clerk answers GET /users with a bare array; the total comes from GET /users/count.
    return stores.users.withIdentifications(rows).map(encodeUserRecord);
  });

  router.add('GET', '/users/count', ({ query }) => ({
    object: 'total_count',
    total_count: countUsers(stores.db, parseUserFilters(query)),
  }));

  router.add('GET', '/users/:userId', ({ params }) =>
    encodeUserRecord(stores.users.get(params.userId ?? '')),
  );

  router.add('GET', '/users/:userId/organization_memberships', ({ params, query }) => {
    const userId = params.userId ?? '';
    const paging = query.paging();
    stores.users.get(userId);
    const list = stores.memberships.list({
      scope: { userId },
      ...paging,
      orderBy: { field: 'created_at', descending: true },
      filters: emptyMembershipFilters(),
    });
    return encodeList(list, encodeMembership);
  });
}
