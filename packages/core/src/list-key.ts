import type {
  ListMembershipsParams,
  ListUserMembershipsParams,
  MembershipListFilters,
  MembershipOrderBy,
  MembershipOrderField,
} from './client';
import { MEMBERSHIP_ORDER_FIELDS } from './client';

/** The page size a list view uses when none is given (the Backend API's default `limit`). */
export const DEFAULT_PAGE_SIZE = 10;
/** The order a membership list uses when none is given (newest first, as the Backend API). */
export const DEFAULT_MEMBERSHIP_ORDER_BY = '-created_at' satisfies MembershipOrderBy;

/**
 * One page of one membership list, as a screen shows it: the organization, the filters, the order
 * and the page. Pages are 1-based; `page` and `pageSize` default to 1 and {@link DEFAULT_PAGE_SIZE}.
 * Properties that are not list parameters are ignored, so a hook's options object can be passed as is.
 */
export interface MembershipListView extends MembershipListFilters {
  organizationId: string;
  /** Default `-created_at`. `field` and `+field` mean the same (ascending). */
  orderBy?: MembershipOrderBy | undefined;
  /** 1-based page number, default 1. */
  page?: number | undefined;
  /** Members per page (the Backend API's `limit`, 1..500), default 10. */
  pageSize?: number | undefined;
}

/** The canonical filters of a view: only filters that narrow the list, arrays sorted and de-duplicated. */
export type CanonicalMembershipListFilters = {
  [K in keyof MembershipListFilters]?: Exclude<MembershipListFilters[K], undefined>;
};

/**
 * A view in canonical form: every default spelled out, filters that do not narrow the list left out
 * (empty strings, empty arrays), arrays sorted and de-duplicated, filter keys in a fixed order.
 * Two views that mean the same list page have deep-equal canonical forms.
 */
export interface CanonicalMembershipListView {
  organizationId: string;
  /** Always with an explicit direction: `+field` or `-field`. */
  orderBy: `+${MembershipOrderField}` | `-${MembershipOrderField}`;
  filters: CanonicalMembershipListFilters;
  page: number;
  pageSize: number;
}

/** One page of one user's memberships list. */
export interface UserMembershipListView {
  userId: string;
  /** 1-based page number, default 1. */
  page?: number | undefined;
  /** Default 10. */
  pageSize?: number | undefined;
}

/** A {@link UserMembershipListView} with its defaults spelled out. */
export interface CanonicalUserMembershipListView {
  userId: string;
  page: number;
  pageSize: number;
}

type FilterKeys = readonly (keyof MembershipListFilters)[];
const STRING_FILTERS = [
  'query',
  'emailAddressQuery',
  'phoneNumberQuery',
  'usernameQuery',
  'nameQuery',
] as const satisfies FilterKeys;
const ARRAY_FILTERS = [
  'role',
  'userId',
  'emailAddress',
  'phoneNumber',
  'username',
  'web3Wallet',
] as const satisfies FilterKeys;
const NUMBER_FILTERS = [
  'createdAtBefore',
  'createdAtAfter',
  'lastActiveAtBefore',
  'lastActiveAtAfter',
] as const satisfies FilterKeys;
/** Every filter key, in the fixed order canonical forms and keys use. */
const FILTER_KEYS: FilterKeys = [...STRING_FILTERS, ...ARRAY_FILTERS, ...NUMBER_FILTERS].sort();

/** Prefix of every membership list key: cache entries can be recognised by it. */
export const MEMBERSHIP_LIST_KEY_PREFIX = 'roster:memberships:';
/** Prefix of every user-memberships list key. */
export const USER_MEMBERSHIP_LIST_KEY_PREFIX = 'roster:user-memberships:';

function canonicalOrderBy(orderBy: string | undefined): CanonicalMembershipListView['orderBy'] {
  const value = orderBy ?? DEFAULT_MEMBERSHIP_ORDER_BY;
  if (value.startsWith('+') || value.startsWith('-')) return value as CanonicalMembershipListView['orderBy'];
  return `+${value}` as CanonicalMembershipListView['orderBy'];
}

function canonicalArray(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return [...new Set(values)].sort();
}

/** Canonical form of a membership list view (see {@link CanonicalMembershipListView}). */
export function canonicalizeMembershipListView(view: MembershipListView): CanonicalMembershipListView {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = view[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const array = canonicalArray(value);
      if (array !== undefined) filters[key] = array;
    } else if (typeof value === 'string') {
      if (value !== '') filters[key] = value;
    } else {
      filters[key] = value;
    }
  }
  return {
    organizationId: view.organizationId,
    orderBy: canonicalOrderBy(view.orderBy),
    filters: filters as CanonicalMembershipListFilters,
    page: view.page ?? 1,
    pageSize: view.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

/** JSON cannot tell `NaN` from `null`; spell non-finite numbers out so distinct views stay distinct. */
export function keyNumber(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

function filtersForKey(filters: CanonicalMembershipListFilters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) out[key] = typeof value === 'number' ? keyNumber(value) : value;
  }
  return out;
}

/**
 * The key of the whole list a view is a page of (organization, filters, order, page size), without
 * the page: all pages of one list share it.
 */
export function membershipListIdentity(view: MembershipListView): string {
  return JSON.stringify(listIdentityParts(canonicalizeMembershipListView(view)));
}

/** What identifies a list regardless of the page; a page key appends the page to it. */
function listIdentityParts(c: CanonicalMembershipListView): unknown[] {
  return [c.organizationId, c.orderBy, filtersForKey(c.filters), keyNumber(c.pageSize)];
}

/**
 * The canonical, serialisable key of a membership list page: equal for views that mean the same
 * page, different for any two views that do not. A plain string, so it is a valid SWR key and
 * survives `JSON` round trips; {@link parseMembershipListKey} reads it back.
 */
export function membershipListKey(view: MembershipListView): string {
  const c = canonicalizeMembershipListView(view);
  return `${MEMBERSHIP_LIST_KEY_PREFIX}${JSON.stringify([...listIdentityParts(c), keyNumber(c.page)])}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON array after `prefix` in a key, when it is one of `length` items; otherwise null. */
export function parseKeyPayload(key: string, prefix: string, length: number): unknown[] | null {
  if (!key.startsWith(prefix)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(key.slice(prefix.length));
  } catch {
    return null;
  }
  return Array.isArray(parsed) && parsed.length === length ? (parsed as unknown[]) : null;
}

/** A page or size read back from a key (non-finite numbers were spelled out). */
export function parseKeyNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return Number(value);
  return undefined;
}

/**
 * The canonical view a key made by {@link membershipListKey} stands for, or `null` when the string
 * is not such a key (so a cache's other entries can be skipped).
 */
export function parseMembershipListKey(key: string): CanonicalMembershipListView | null {
  const parsed = parseKeyPayload(key, MEMBERSHIP_LIST_KEY_PREFIX, 5);
  if (parsed === null) return null;
  const [organizationId, orderBy, filters, pageSize, page] = parsed;
  const size = parseKeyNumber(pageSize);
  const pageNumber = parseKeyNumber(page);
  if (typeof organizationId !== 'string' || typeof orderBy !== 'string' || !isRecord(filters)) return null;
  if (size === undefined || pageNumber === undefined) return null;
  const field = orderBy.slice(1) as MembershipOrderField;
  if (!(orderBy.startsWith('+') || orderBy.startsWith('-')) || !MEMBERSHIP_ORDER_FIELDS.includes(field))
    return null;
  const canonicalFilters: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(filters)) {
    if (!FILTER_KEYS.includes(name as keyof MembershipListFilters)) return null;
    canonicalFilters[name] =
      typeof value === 'string' && NUMBER_FILTERS.includes(name as never) ? Number(value) : value;
  }
  return {
    organizationId,
    orderBy: orderBy as CanonicalMembershipListView['orderBy'],
    filters: canonicalFilters as CanonicalMembershipListFilters,
    page: pageNumber,
    pageSize: size,
  };
}

/** The client parameters (`limit`/`offset`) that fetch a view's page. */
export function membershipListParams(view: MembershipListView): ListMembershipsParams {
  const c = canonicalizeMembershipListView(view);
  return {
    organizationId: c.organizationId,
    ...c.filters,
    orderBy: c.orderBy,
    limit: c.pageSize,
    offset: (c.page - 1) * c.pageSize,
  };
}

function withPageDefaults(view: UserMembershipListView): CanonicalUserMembershipListView {
  return { userId: view.userId, page: view.page ?? 1, pageSize: view.pageSize ?? DEFAULT_PAGE_SIZE };
}

/** The canonical, serialisable key of one page of a user's memberships list. */
export function userMembershipListKey(view: UserMembershipListView): string {
  const { pageSize, page } = withPageDefaults(view);
  return `${USER_MEMBERSHIP_LIST_KEY_PREFIX}${JSON.stringify([view.userId, keyNumber(pageSize), keyNumber(page)])}`;
}

/** The view a key made by {@link userMembershipListKey} stands for, or `null`. */
export function parseUserMembershipListKey(key: string): CanonicalUserMembershipListView | null {
  const parsed = parseKeyPayload(key, USER_MEMBERSHIP_LIST_KEY_PREFIX, 3);
  if (parsed === null) return null;
  const [userId, pageSize, page] = parsed;
  const size = parseKeyNumber(pageSize);
  const pageNumber = parseKeyNumber(page);
  if (typeof userId !== 'string' || size === undefined || pageNumber === undefined) return null;
  return { userId, pageSize: size, page: pageNumber };
}

/** The client parameters that fetch a user-memberships view's page. */
export function userMembershipListParams(view: UserMembershipListView): ListUserMembershipsParams {
  const { pageSize, page } = withPageDefaults(view);
  return { userId: view.userId, limit: pageSize, offset: (page - 1) * pageSize };
}
