// Every member of one list view (search, filters and order applied), fetched page by page at the
// largest page size, then written as CSV: the engine of the "Export CSV" button and hook.
import type { MembershipsClient } from './client';
import type { MembershipListView } from './list-key';
import { membershipListParams } from './list-key';
import { MAX_PAGE_SIZE } from './list-limits';
import { type MembershipCsvOptions, membershipsToCsv } from './membership-csv';
import type { Metadata, OrganizationMembership } from './models';

/** How far an export has got: members fetched so far, of the list's total (as the last page said). */
export interface ExportMembershipsProgress {
  /** Members fetched so far. */
  loaded: number;
  /** Members in the view, as the last page answered (the list can change while it is read). */
  total: number;
}

/**
 * Options of {@link exportMemberships}: the view (as the list hooks take it: organization, filters,
 * order; `page` and `pageSize` are ignored), the CSV's columns, and the request controls.
 */
export interface ExportMembershipsOptions<TPublic extends Metadata = Metadata>
  extends Omit<MembershipListView, 'page' | 'pageSize'>,
    MembershipCsvOptions<TPublic> {
  /** The client the pages are fetched through. */
  client: MembershipsClient<TPublic>;
  /** Cancels the export: no request is sent after it aborts, and the promise rejects with its reason. */
  signal?: AbortSignal | undefined;
  /** Called after each page with the members fetched so far and the list's total. */
  onProgress?: ((progress: ExportMembershipsProgress) => void) | undefined;
}

/** What {@link exportMemberships} produced. */
export interface MembershipExport<TPublic extends Metadata = Metadata> {
  /** The file's text: a header row, then one row per member, CRLF line ends (RFC 4180). */
  csv: string;
  /** The members in the file, in the view's order. */
  memberships: OrganizationMembership<TPublic>[];
  /** The number of members in the file (`memberships.length`). */
  count: number;
}

/**
 * Every member of a view, fetched page by page (one request at a time, `MAX_PAGE_SIZE` members
 * each) until the list's total is reached or a page comes back short.
 *
 * A member who appears twice because the list shifted between two pages (someone joined) is kept
 * once. Rejects with the client's error (a `RosterApiError`) when a page fails, and with the
 * signal's reason once it aborts (the request in flight is aborted with it; no further one is sent).
 */
export async function fetchAllMemberships<TPublic extends Metadata = Metadata>(
  options: ExportMembershipsOptions<TPublic>,
): Promise<OrganizationMembership<TPublic>[]> {
  const { client, signal, onProgress } = options;
  const seen = new Set<string>();
  const memberships: OrganizationMembership<TPublic>[] = [];
  for (let page = 1; ; page++) {
    signal?.throwIfAborted();
    const params = membershipListParams({ ...options, page, pageSize: MAX_PAGE_SIZE });
    const answer = await client.listMemberships(params, signal ? { signal } : undefined);
    signal?.throwIfAborted();
    for (const membership of answer.data) {
      if (seen.has(membership.id)) continue;
      seen.add(membership.id);
      memberships.push(membership);
    }
    onProgress?.({ loaded: memberships.length, total: Math.max(answer.totalCount, memberships.length) });
    const reachedEnd = (params.offset ?? 0) + answer.data.length >= answer.totalCount;
    if (answer.data.length < MAX_PAGE_SIZE || reachedEnd) return memberships;
  }
}

/**
 * The CSV export of a view: every member (see {@link fetchAllMemberships}) as a row of user ID,
 * first name, last name, email, role key, role name, joined date (ISO 8601) and the configured
 * public-metadata columns, RFC 4180 quoting and formula-injection safe (see `membershipsToCsv`).
 */
export async function exportMemberships<TPublic extends Metadata = Metadata>(
  options: ExportMembershipsOptions<TPublic>,
): Promise<MembershipExport<TPublic>> {
  const memberships = await fetchAllMemberships(options);
  const csv = membershipsToCsv(memberships, options);
  return { csv, memberships, count: memberships.length };
}
