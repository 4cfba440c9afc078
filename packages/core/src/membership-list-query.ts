import type { ListMembershipsParams, MembershipOrderField } from './client';
import { MEMBERSHIP_ORDER_FIELDS } from './client';
/** The most values an array filter accepts (the Backend API's limit). */
import { MAX_FILTER_VALUES as MAX_ARRAY_VALUES } from './list-limits';
import { paramArraySizeExceededError, paramInvalidError } from './memory-client-errors';
import type { StoredMembership, StoredUser } from './memory-records';
import { readPaging } from './paging-params';

/** A validated `GET /organizations/{id}/memberships` query. */
export interface MembershipListQuery {
  organizationId: string;
  limit: number;
  offset: number;
  orderBy: { field: MembershipOrderField; descending: boolean };
  /** Only these user IDs (`user_x`, `+user_x`); null: no restriction. */
  includeUserIds: Set<string> | null;
  /** Never these user IDs (`-user_x`). */
  excludeUserIds: Set<string>;
  emailAddresses: Set<string> | null;
  phoneNumbers: Set<string> | null;
  /** Lowercase: usernames match case-insensitively. */
  usernames: Set<string> | null;
  web3Wallets: Set<string> | null;
  roles: Set<string> | null;
  /** Lowercase substrings. */
  query: string | null;
  emailAddressQuery: string | null;
  phoneNumberQuery: string | null;
  usernameQuery: string | null;
  nameQuery: string | null;
  createdAtBefore: number | null;
  createdAtAfter: number | null;
  lastActiveAtBefore: number | null;
  lastActiveAtAfter: number | null;
}

/** A membership with its user, as the list query reads them. */
export interface MembershipListEntry {
  membership: StoredMembership;
  user: StoredUser;
}

function readArray(value: unknown, paramName: string): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw paramInvalidError(paramName, `${paramName} must be an array of strings.`);
  }
  if (value.length > MAX_ARRAY_VALUES) {
    throw paramArraySizeExceededError(paramName, MAX_ARRAY_VALUES);
  }
  // Empty strings are no value, as on the wire (`role=` does not filter).
  const values = (value as string[]).filter((item) => item !== '');
  return values.length === 0 ? null : values;
}

function readSet(value: unknown, paramName: string, normalize?: (s: string) => string): Set<string> | null {
  const values = readArray(value, paramName);
  if (values === null) return null;
  return new Set(normalize ? values.map(normalize) : values);
}

/** A search text: trimmed and lowercased; empty means no filter. */
function readText(value: unknown, paramName: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw paramInvalidError(paramName, `${paramName} must be a string.`);
  const text = value.trim().toLowerCase();
  return text === '' ? null : text;
}

function readTimestamp(value: unknown, paramName: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw paramInvalidError(paramName, `${paramName} must be a Unix timestamp in milliseconds.`);
  }
  return value;
}

function readOrderBy(value: unknown): MembershipListQuery['orderBy'] {
  if (value === undefined || value === null) return { field: 'created_at', descending: true };
  const text = typeof value === 'string' ? value : '';
  const descending = text.startsWith('-');
  const field = text.replace(/^[+-]/, '') as MembershipOrderField;
  if (!MEMBERSHIP_ORDER_FIELDS.includes(field)) {
    throw paramInvalidError(
      'order_by',
      `${String(value)} does not match the allowed values for parameter order_by. Allowed values: ${MEMBERSHIP_ORDER_FIELDS.join(', ')}`,
    );
  }
  return { field, descending };
}

/**
 * Validates a membership list's parameters as the Backend API does (`limit` 1..500, `offset` >= 0,
 * `order_by` with `+`/`-`, arrays of at most 100 strings, timestamps as integers >= 0). Empty
 * strings (also inside arrays) and empty arrays do not filter.
 *
 * @throws RosterApiError 422 `form_param_value_invalid` naming the parameter (snake_case, as on the
 * wire); 422 `form_param_array_size_exceeded` for an array of over 100 values.
 */
export function parseMembershipListQuery(params: ListMembershipsParams): MembershipListQuery {
  const { limit, offset } = readPaging(params);
  const orderBy = readOrderBy(params.orderBy);
  const userIds = readArray(params.userId, 'user_id');
  let includeUserIds: Set<string> | null = null;
  const excludeUserIds = new Set<string>();
  for (const entry of userIds ?? []) {
    if (entry.startsWith('-')) {
      excludeUserIds.add(entry.slice(1));
    } else {
      includeUserIds ??= new Set();
      includeUserIds.add(entry.startsWith('+') ? entry.slice(1) : entry);
    }
  }
  return {
    organizationId: params.organizationId,
    limit,
    offset,
    orderBy,
    includeUserIds,
    excludeUserIds,
    // Emails and web3 wallets match in any case, as the Backend API stores them.
    emailAddresses: readSet(params.emailAddress, 'email_address', (s) => s.toLowerCase()),
    phoneNumbers: readSet(params.phoneNumber, 'phone_number'),
    usernames: readSet(params.username, 'username', (s) => s.toLowerCase()),
    web3Wallets: readSet(params.web3Wallet, 'web3_wallet', (s) => s.toLowerCase()),
    roles: readSet(params.role, 'role'),
    query: readText(params.query, 'query'),
    emailAddressQuery: readText(params.emailAddressQuery, 'email_address_query'),
    phoneNumberQuery: readText(params.phoneNumberQuery, 'phone_number_query'),
    usernameQuery: readText(params.usernameQuery, 'username_query'),
    nameQuery: readText(params.nameQuery, 'name_query'),
    createdAtBefore: readTimestamp(params.createdAtBefore, 'created_at_before'),
    createdAtAfter: readTimestamp(params.createdAtAfter, 'created_at_after'),
    lastActiveAtBefore: readTimestamp(params.lastActiveAtBefore, 'last_active_at_before'),
    lastActiveAtAfter: readTimestamp(params.lastActiveAtAfter, 'last_active_at_after'),
  };
}

function contains(haystack: string | null | undefined, needle: string): boolean {
  return haystack?.toLowerCase().includes(needle) ?? false;
}

/** Whether an entry passes every filter of the query. */
function matches({ membership, user }: MembershipListEntry, q: MembershipListQuery): boolean {
  const seed = user.seed;
  if (q.includeUserIds && !q.includeUserIds.has(seed.id)) return false;
  if (q.excludeUserIds.has(seed.id)) return false;
  if (q.roles && !q.roles.has(membership.role)) return false;
  if (q.emailAddresses && !q.emailAddresses.has(user.emailAddressKey)) return false;
  if (q.phoneNumbers && (seed.phoneNumber == null || !q.phoneNumbers.has(seed.phoneNumber))) return false;
  if (q.usernames && (user.usernameKey === null || !q.usernames.has(user.usernameKey))) return false;
  if (q.web3Wallets && (seed.web3Wallet == null || !q.web3Wallets.has(seed.web3Wallet.toLowerCase()))) {
    return false;
  }
  if (q.query !== null && !user.searchText.includes(q.query)) return false;
  if (q.emailAddressQuery !== null && !user.emailAddressKey.includes(q.emailAddressQuery)) return false;
  if (q.phoneNumberQuery !== null && !contains(seed.phoneNumber, q.phoneNumberQuery)) return false;
  if (q.usernameQuery !== null && !user.usernameKey?.includes(q.usernameQuery)) return false;
  if (q.nameQuery !== null && !user.nameText.includes(q.nameQuery)) return false;
  if (q.createdAtBefore !== null && !(membership.createdAt < q.createdAtBefore)) return false;
  if (q.createdAtAfter !== null && !(membership.createdAt > q.createdAtAfter)) return false;
  const lastActiveAt = seed.lastActiveAt ?? null;
  if (q.lastActiveAtBefore !== null && (lastActiveAt === null || !(lastActiveAt < q.lastActiveAtBefore))) {
    return false;
  }
  if (q.lastActiveAtAfter !== null && (lastActiveAt === null || !(lastActiveAt > q.lastActiveAtAfter))) {
    return false;
  }
  return true;
}

type SortKey = string | number | null;

/** The value an entry sorts by; email and username compare case-insensitively, as the local server. */
function sortKey({ membership, user }: MembershipListEntry, field: MembershipOrderField): SortKey {
  switch (field) {
    case 'created_at':
      return membership.createdAt;
    case 'first_name':
      return user.seed.firstName ?? null;
    case 'last_name':
      return user.seed.lastName ?? null;
    case 'email_address':
      return user.emailAddressKey;
    case 'phone_number':
      return user.seed.phoneNumber ?? null;
    case 'username':
      return user.usernameKey;
  }
}

/** Ascending order: missing values first (as SQL sorts NULL), then by value, ties by membership ID. */
function compareAscending(a: SortKey, b: SortKey, aId: string, bId: string): number {
  if (a !== b) {
    if (a === null) return -1;
    if (b === null) return 1;
    return a < b ? -1 : 1;
  }
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/**
 * Filters, orders and pages an organization's memberships. Ties are broken by membership ID in the
 * same direction as the order, so every order is total and pages never overlap or skip.
 */
export function selectMemberships(
  entries: Iterable<MembershipListEntry>,
  query: MembershipListQuery,
): { page: MembershipListEntry[]; totalCount: number } {
  const keyed: { entry: MembershipListEntry; key: SortKey }[] = [];
  for (const entry of entries) {
    if (matches(entry, query)) keyed.push({ entry, key: sortKey(entry, query.orderBy.field) });
  }
  const sign = query.orderBy.descending ? -1 : 1;
  keyed.sort((a, b) => sign * compareAscending(a.key, b.key, a.entry.membership.id, b.entry.membership.id));
  return {
    page: keyed.slice(query.offset, query.offset + query.limit).map((k) => k.entry),
    totalCount: keyed.length,
  };
}
