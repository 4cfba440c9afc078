import { type SqliteDatabase, statement } from './database';
import { addInclusion, type IdInclusion, likeCondition, likeContains, placeholders } from './sql-fragments';
import type { UserMatchFilters } from './user-match-filters';
import type { UserRow } from './user-store';

/** The fields `GET /users` can be ordered by. */
export const USER_ORDER_FIELDS = [
  'created_at',
  'updated_at',
  'email_address',
  'web3wallet',
  'first_name',
  'last_name',
  'phone_number',
  'username',
  'last_active_at',
  'last_sign_in_at',
] as const;

/** A field `GET /users` can be ordered by. */
export type UserOrderField = (typeof USER_ORDER_FIELDS)[number];

/** The filters of `GET /users` and `GET /users/count`, validated. */
export interface UserFilters extends UserMatchFilters {
  organizationIds: IdInclusion;
  externalIds: IdInclusion;
}

const ORDER_COLUMNS: Record<UserOrderField, string> = {
  created_at: 'u.created_at',
  updated_at: 'u.updated_at',
  email_address: 'u.primary_email_address',
  web3wallet: 'u.primary_web3_wallet',
  first_name: 'u.first_name',
  last_name: 'u.last_name',
  phone_number: 'u.primary_phone_number',
  username: 'u.username',
  last_active_at: 'u.last_active_at',
  // Sign-ins are not recorded here; ordering by them falls back to creation order.
  last_sign_in_at: 'u.created_at',
};

function buildWhere(f: UserFilters): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  addInclusion(where, params, 'u.id', f.userIds);
  addInclusion(where, params, 'u.external_id', f.externalIds);
  addInclusion(
    where,
    params,
    'u.id',
    f.organizationIds,
    'SELECT user_id FROM memberships WHERE organization_id',
  );
  const identifications: [string, string[]][] = [
    ['email_address', f.emailAddresses],
    ['phone_number', f.phoneNumbers],
    ['web3_wallet', f.web3Wallets],
  ];
  for (const [type, values] of identifications) {
    if (values.length === 0) continue;
    where.push(
      `u.id IN (SELECT user_id FROM identifications WHERE type = ? AND value IN (${placeholders(values)}))`,
    );
    params.push(type, ...values);
  }
  if (f.usernames.length > 0) {
    where.push(`u.username IN (${placeholders(f.usernames)})`);
    params.push(...f.usernames);
  }
  if (f.query !== null) {
    where.push("u.search_text LIKE ? ESCAPE '\\'");
    params.push(likeContains(f.query));
  }
  const likes: [string, string | null][] = [
    ['email_address', f.emailAddressQuery],
    ['phone_number', f.phoneNumberQuery],
  ];
  for (const [type, text] of likes) {
    if (text === null) continue;
    where.push(
      `EXISTS (SELECT 1 FROM identifications i WHERE i.user_id = u.id AND i.type = ? AND ${likeCondition('i.value', text)})`,
    );
    params.push(type, likeContains(text));
  }
  if (f.usernameQuery !== null) {
    where.push(likeCondition('u.username', f.usernameQuery));
    params.push(likeContains(f.usernameQuery));
  }
  if (f.nameQuery !== null) {
    where.push(
      likeCondition("(COALESCE(u.first_name, '') || ' ' || COALESCE(u.last_name, ''))", f.nameQuery),
    );
    params.push(likeContains(f.nameQuery));
  }
  const ranges: [string, string, number | null][] = [
    ['u.created_at', '<', f.createdAtBefore],
    ['u.created_at', '>', f.createdAtAfter],
    ['u.last_active_at', '<', f.lastActiveAtBefore],
    ['u.last_active_at', '>', f.lastActiveAtAfter],
  ];
  for (const [column, op, value] of ranges) {
    if (value === null) continue;
    where.push(`${column} ${op} ?`);
    params.push(value);
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** A page of user rows (`GET /users`). */
export function listUserRows(
  db: SqliteDatabase,
  filters: UserFilters,
  page: { limit: number; offset: number; orderBy: { field: UserOrderField; descending: boolean } },
): UserRow[] {
  const { where, params } = buildWhere(filters);
  const direction = page.orderBy.descending ? 'DESC' : 'ASC';
  return statement(
    db,
    `SELECT u.* FROM users u ${where} ORDER BY ${ORDER_COLUMNS[page.orderBy.field]} ${direction}, u.seq ${direction} LIMIT ? OFFSET ?`,
  ).all(...params, page.limit, page.offset) as UserRow[];
}

/** The number of users that match the filters (`GET /users/count`). */
export function countUsers(db: SqliteDatabase, filters: UserFilters): number {
  const { where, params } = buildWhere(filters);
  return (statement(db, `SELECT COUNT(*) AS n FROM users u ${where}`).get(...params) as { n: number }).n;
}
