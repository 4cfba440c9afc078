import type { InvitationOrderBy, InvitationOrderField, ListInvitationsParams } from './client';
import { INVITATION_ORDER_FIELDS, INVITATION_STATUSES } from './client';
import { DEFAULT_PAGE_SIZE, keyNumber, parseKeyNumber, parseKeyPayload } from './list-key';
import type { OrganizationInvitationStatus } from './models';

/** Prefix of every invitation list key. */
export const INVITATION_LIST_KEY_PREFIX = 'roster:invitations:';
/** The order an invitation list uses when none is given (newest first, as the Backend API). */
export const DEFAULT_INVITATION_ORDER_BY = '-created_at' satisfies InvitationOrderBy;

/**
 * One page of one organization's invitation list: the status filter, the exact-address filter, the
 * order and the page (1-based; `page` and `pageSize` default to 1 and 10). Other properties are
 * ignored, so a hook's options can be passed as they are.
 */
export interface InvitationListView {
  organizationId: string;
  /** No statuses (or an empty array): every status. */
  status?: readonly OrganizationInvitationStatus[] | undefined;
  /** Exact address; compared case-insensitively by the Backend API, so lowercased in the key. */
  emailAddress?: string | undefined;
  orderBy?: InvitationOrderBy | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** An {@link InvitationListView} with every default spelled out and its filters canonical. */
export interface CanonicalInvitationListView {
  organizationId: string;
  orderBy: `+${InvitationOrderField}` | `-${InvitationOrderField}`;
  /** Sorted in the spec's order, de-duplicated; empty = every status. */
  status: OrganizationInvitationStatus[];
  /** Lowercased; `null` = no address filter. */
  emailAddress: string | null;
  page: number;
  pageSize: number;
}

/** Canonical form: `field` and `+field` are `+field`, statuses sorted and de-duplicated, `''` dropped. */
export function canonicalizeInvitationListView(view: InvitationListView): CanonicalInvitationListView {
  const orderBy = view.orderBy ?? DEFAULT_INVITATION_ORDER_BY;
  const status = [...new Set(view.status ?? [])].sort(
    (a, b) => INVITATION_STATUSES.indexOf(a) - INVITATION_STATUSES.indexOf(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return {
    organizationId: view.organizationId,
    orderBy: (orderBy.startsWith('+') || orderBy.startsWith('-')
      ? orderBy
      : `+${orderBy}`) as CanonicalInvitationListView['orderBy'],
    status,
    emailAddress: view.emailAddress ? view.emailAddress.toLowerCase() : null,
    page: view.page ?? 1,
    pageSize: view.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

function identityParts(c: CanonicalInvitationListView): unknown[] {
  return [c.organizationId, c.orderBy, c.status, c.emailAddress, keyNumber(c.pageSize)];
}

/** The key of the whole list a view is a page of (every page of one list shares it). */
export function invitationListIdentity(view: InvitationListView): string {
  return JSON.stringify(identityParts(canonicalizeInvitationListView(view)));
}

/**
 * The canonical, serialisable key of an invitation list page (`roster:invitations:` + JSON): equal
 * for views that mean the same page, different otherwise. {@link parseInvitationListKey} reads it back.
 */
export function invitationListKey(view: InvitationListView): string {
  const c = canonicalizeInvitationListView(view);
  return `${INVITATION_LIST_KEY_PREFIX}${JSON.stringify([...identityParts(c), keyNumber(c.page)])}`;
}

/** The canonical view a key made by {@link invitationListKey} stands for, or `null` for any other string. */
export function parseInvitationListKey(key: string): CanonicalInvitationListView | null {
  const parsed = parseKeyPayload(key, INVITATION_LIST_KEY_PREFIX, 6);
  if (parsed === null) return null;
  const [organizationId, orderBy, status, emailAddress, pageSize, page] = parsed;
  const size = parseKeyNumber(pageSize);
  const pageNumber = parseKeyNumber(page);
  if (typeof organizationId !== 'string' || typeof orderBy !== 'string') return null;
  if (size === undefined || pageNumber === undefined) return null;
  if (!(orderBy.startsWith('+') || orderBy.startsWith('-'))) return null;
  if (!INVITATION_ORDER_FIELDS.includes(orderBy.slice(1) as InvitationOrderField)) return null;
  if (!Array.isArray(status) || !status.every((s) => typeof s === 'string')) return null;
  if (emailAddress !== null && typeof emailAddress !== 'string') return null;
  return {
    organizationId,
    orderBy: orderBy as CanonicalInvitationListView['orderBy'],
    status: status as OrganizationInvitationStatus[],
    emailAddress,
    page: pageNumber,
    pageSize: size,
  };
}

/** The client parameters (`limit`/`offset`) that fetch a view's page. */
export function invitationListParams(view: InvitationListView): ListInvitationsParams {
  const c = canonicalizeInvitationListView(view);
  const params: ListInvitationsParams = {
    organizationId: c.organizationId,
    orderBy: c.orderBy,
    limit: c.pageSize,
    offset: (c.page - 1) * c.pageSize,
  };
  if (c.status.length > 0) params.status = c.status;
  if (c.emailAddress !== null) params.emailAddress = c.emailAddress;
  return params;
}
