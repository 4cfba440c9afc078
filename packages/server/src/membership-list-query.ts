import type { MembershipOrderField } from '@roster/core';
import { addInclusion, likeCondition, likeContains, placeholders } from './sql-fragments';
import type { UserMatchFilters } from './user-match-filters';

/** A validated membership list query: the scope plus every Backend API filter. */
export interface MembershipListQuery {
  /** One organization's members, one user's memberships, or (neither) the whole instance. */
  scope: { organizationId: string } | { userId: string } | Record<string, never>;
  limit: number;
  offset: number;
  orderBy: { field: MembershipOrderField; descending: boolean };
  filters: MembershipFilters;
}

/** The filters of `GET /organizations/{id}/memberships`, validated. */
export interface MembershipFilters extends UserMatchFilters {
  roles: string[];
}

/** No filters at all. */
export function emptyMembershipFilters(): MembershipFilters {
  return {
    userIds: { include: [], exclude: [] },
    emailAddresses: [],
    phoneNumbers: [],
    usernames: [],
    web3Wallets: [],
    roles: [],
    query: null,
    emailAddressQuery: null,
    phoneNumberQuery: null,
    usernameQuery: null,
    nameQuery: null,
    createdAtBefore: null,
    createdAtAfter: null,
    lastActiveAtBefore: null,
    lastActiveAtAfter: null,
  };
}

const ORDER_COLUMNS: Record<MembershipOrderField, string> = {
  created_at: 'm.created_at',
  first_name: 'm.first_name',
  last_name: 'm.last_name',
  email_address: 'm.email_address',
  phone_number: 'm.phone_number',
  username: 'm.username',
};

/** The SQL of a membership list: `WHERE` (with its parameters) and `ORDER BY`. */
export interface MembershipListSql {
  /** `FROM ...` (with an index hint for the text-index plan). */
  from: string;
  where: string;
  params: unknown[];
  orderBy: string;
  /** The same ordering reversed (a deep page is read from the far end). */
  reverseOrderBy: string;
  /** True when no filter narrows the scope (the count can come from `members_count`). */
  unfiltered: boolean;
}

function identificationIn(type: string, values: string[], where: string[], params: unknown[]): void {
  if (values.length === 0) return;
  where.push(
    `EXISTS (SELECT 1 FROM identifications i WHERE i.user_id = m.user_id AND i.type = ? AND i.value IN (${placeholders(values)}))`,
  );
  params.push(type, ...values);
}

function identificationLike(type: string, text: string | null, where: string[], params: unknown[]): void {
  if (text === null) return;
  where.push(
    `EXISTS (SELECT 1 FROM identifications i WHERE i.user_id = m.user_id AND i.type = ? AND ${likeCondition('i.value', text)})`,
  );
  params.push(type, likeContains(text));
}

/**
 * How `query` is matched:
 * - `trigram-index`: through the FTS5 trigram index (few matches fast; needs 3+ characters);
 * - `text-index`: by reading `(organization_id, search_text)` index entries only, no table rows
 *   (counts fast at any size; one organization only);
 * - `scan`: by walking the list in its order and testing `search_text` (stops early when matches
 *   are many).
 */
export type MembershipSearchPlan = 'trigram-index' | 'text-index' | 'scan';

/** Whether a `query` can use the trigram index (it needs at least 3 characters). */
export function canUseTrigramIndex(text: string | null): boolean {
  return text !== null && [...text].length >= 3;
}

/** The FTS5 `MATCH` argument that finds `text` as a substring (one quoted phrase of trigrams). */
export function trigramPhrase(text: string): string {
  return `"${text.toLowerCase().replaceAll('"', '""')}"`;
}

/**
 * Builds the SQL of a membership list. Every ordering is `<column> <dir>, seq <dir>`, which one
 * index of `memberships` serves for an organization's list (see `database.ts`), so a page is read
 * from the index without sorting. Both search plans select the same rows.
 */
export function buildMembershipListSql(
  query: MembershipListQuery,
  search: MembershipSearchPlan = 'scan',
): MembershipListSql {
  const where: string[] = [];
  const params: unknown[] = [];
  if ('organizationId' in query.scope) {
    where.push('m.organization_id = ?');
    params.push(query.scope.organizationId);
  } else if ('userId' in query.scope) {
    where.push('m.user_id = ?');
    params.push(query.scope.userId);
  }
  const scopeConditions = where.length;
  const f = query.filters;
  addInclusion(where, params, 'm.user_id', f.userIds);
  identificationIn('email_address', f.emailAddresses, where, params);
  identificationIn('phone_number', f.phoneNumbers, where, params);
  identificationIn('web3_wallet', f.web3Wallets, where, params);
  if (f.usernames.length > 0) {
    where.push(`m.username IN (${placeholders(f.usernames)})`);
    params.push(...f.usernames);
  }
  if (f.roles.length > 0) {
    where.push(`m.role IN (${placeholders(f.roles)})`);
    params.push(...f.roles);
  }
  if (f.query !== null) {
    if (search === 'trigram-index') {
      where.push('m.seq IN (SELECT rowid FROM membership_search WHERE membership_search MATCH ?)');
      params.push(trigramPhrase(f.query));
    } else {
      where.push("m.search_text LIKE ? ESCAPE '\\'");
      params.push(likeContains(f.query));
    }
  }
  identificationLike('email_address', f.emailAddressQuery, where, params);
  identificationLike('phone_number', f.phoneNumberQuery, where, params);
  if (f.usernameQuery !== null) {
    where.push(likeCondition('m.username', f.usernameQuery));
    params.push(likeContains(f.usernameQuery));
  }
  if (f.nameQuery !== null) {
    where.push(
      likeCondition("(COALESCE(m.first_name, '') || ' ' || COALESCE(m.last_name, ''))", f.nameQuery),
    );
    params.push(likeContains(f.nameQuery));
  }
  if (f.createdAtBefore !== null) {
    where.push('m.created_at < ?');
    params.push(f.createdAtBefore);
  }
  if (f.createdAtAfter !== null) {
    where.push('m.created_at > ?');
    params.push(f.createdAtAfter);
  }
  if (f.lastActiveAtBefore !== null) {
    where.push('EXISTS (SELECT 1 FROM users u WHERE u.id = m.user_id AND u.last_active_at < ?)');
    params.push(f.lastActiveAtBefore);
  }
  if (f.lastActiveAtAfter !== null) {
    where.push('EXISTS (SELECT 1 FROM users u WHERE u.id = m.user_id AND u.last_active_at > ?)');
    params.push(f.lastActiveAtAfter);
  }
  const direction = query.orderBy.descending ? 'DESC' : 'ASC';
  const reverse = query.orderBy.descending ? 'ASC' : 'DESC';
  const column = ORDER_COLUMNS[query.orderBy.field];
  const textIndex = search === 'text-index' && 'organizationId' in query.scope && f.query !== null;
  return {
    from: textIndex ? 'memberships m INDEXED BY memberships_org_search' : 'memberships m',
    where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    params,
    orderBy: `ORDER BY ${column} ${direction}, m.seq ${direction}`,
    reverseOrderBy: `ORDER BY ${column} ${reverse}, m.seq ${reverse}`,
    unfiltered: where.length === scopeConditions,
  };
}

/** Which rows of an ordered list of `total` rows to read for a page, and from which end. */
export interface PageWindow {
  /** Read in the reversed order (then reverse the rows read): the page is nearer the end. */
  reverse: boolean;
  offset: number;
  limit: number;
}

/**
 * The page `[offset, offset + limit)` of a list whose length is known, read from the nearer end:
 * OFFSET walks (and, for a search, tests) every skipped row, so a page past the middle is read as
 * the page `[total - end, total - offset)` of the reversed order. The ordering is total
 * (`<column>, seq`), so the reversed order is exactly the list backwards. Past the end: no rows.
 */
export function pageWindow(offset: number, limit: number, total: number): PageWindow {
  const end = Math.min(total, offset + limit);
  if (end <= offset) return { reverse: false, offset, limit: 0 };
  if (offset <= total - end) return { reverse: false, offset, limit };
  return { reverse: true, offset: total - end, limit: end - offset };
}
