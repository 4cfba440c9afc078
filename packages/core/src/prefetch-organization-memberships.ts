// What a server renders the first paint from: the storage entries a members page reads first,
// loaded with any client (the secret-key one on a server) and reduced to what the browser-facing
// handler would show. Re-exported by `@roster/react/server` for server components.
import type { MembershipListFilters, MembershipOrderBy, MembershipsClient } from './client';
import { createHttpClient } from './http-client';
import { invitationListKey, invitationListParams } from './invitation-list-key';
import type { MembershipListView } from './list-key';
import { membershipListParams } from './list-key';
import { organizationMembershipListSource } from './membership-list-source';
import type { Metadata, OrganizationMembership, OrganizationMemberships, Role } from './models';
import { getMembershipPermissions } from './permission-policy';
import { adminMembershipsView, ROLES_CACHE_KEY, viewerMembershipView } from './permission-views';

/**
 * Cache entries by key (pages, roles), plain JSON: what `prefetchOrganizationMemberships` resolves
 * to and `RosterProvider`'s `fallback` takes, safe to pass from a server component to the browser.
 */
export type MembershipCacheFallback = Readonly<Record<string, unknown>>;

/** Options of {@link prefetchOrganizationMemberships}: where to read, whose view, which list. */
export interface PrefetchOrganizationMembershipsOptions extends MembershipListFilters {
  /**
   * The client to read with on the server: `createHttpClient` against Clerk's Backend API with the
   * secret key, or against the local server. Private metadata it returns never reaches the fallback.
   */
  client?: MembershipsClient | undefined;
  /** Instead of `client`: the absolute URL of a Backend API-compatible endpoint. */
  apiUrl?: string | undefined;
  /** With `apiUrl`: headers for every request (e.g. `Authorization: Bearer <secret key>`). */
  headers?: HeadersInit | undefined;
  /** The organization whose members the page shows. */
  organizationId: string;
  /** The signed-in user, as given to `RosterProvider`: the page shows what they may see. */
  viewer: { userId: string };
  /** The roles, when the provider is given them (then they are not requested). */
  roles?: readonly Role[] | undefined;
  /** The list as the page shows it: the same options as `useOrganizationMemberships`. Default 10. */
  pageSize?: number | undefined;
  /** Default `-created_at`. */
  orderBy?: MembershipOrderBy | undefined;
  /**
   * Load page 2 as well, as the list hook prefetches it once page 1 shows (then hydration sends no
   * request at all). Default `true`, like the hook's `prefetchNextPage`.
   */
  prefetchNextPage?: boolean | undefined;
}

type AnyPage = OrganizationMemberships<Metadata, Metadata>;

/** A membership as the browser-facing handler shows it: no private metadata anywhere. */
function browserMembership(membership: OrganizationMembership<Metadata, Metadata>) {
  const { privateMetadata: _membershipPrivate, organization, ...rest } = membership;
  const { privateMetadata: _organizationPrivate, ...publicOrganization } = organization;
  return { ...rest, organization: publicOrganization };
}

function browserPage(page: AnyPage): AnyPage {
  return { data: page.data.map(browserMembership) as AnyPage['data'], totalCount: page.totalCount };
}

/**
 * Loads what the first paint of a members page needs, on the server: the roles, the viewer's own
 * membership, pages 1 and 2 of the list (when the viewer may read it), and the admin count and the
 * pending invitations (when they may manage members: the last-admin rule, the panel's Invitations tab), as the
 * `fallback` of `RosterProvider`. The page's server HTML then holds the members, and hydration
 * sends no list request. It holds no more than the browser-facing handler would return: no private
 * metadata, and no list for a viewer without `org:sys_memberships:read`.
 */
export async function prefetchOrganizationMemberships(
  options: PrefetchOrganizationMembershipsOptions,
): Promise<MembershipCacheFallback> {
  const {
    client: given,
    apiUrl,
    headers,
    organizationId,
    viewer,
    roles: givenRoles,
    prefetchNextPage,
    ...list
  } = options;
  if (!given && !apiUrl)
    throw new TypeError('prefetchOrganizationMemberships needs a `client` or an `apiUrl`.');
  const client = given ?? createHttpClient({ baseUrl: apiUrl as string, ...(headers ? { headers } : {}) });
  const fallback: Record<string, unknown> = {};
  const read = async (view: MembershipListView, pageNumber = 1) => {
    const key = organizationMembershipListSource(view).pageKey(pageNumber);
    const page = browserPage(
      await client.listMemberships(membershipListParams({ ...view, page: pageNumber })),
    );
    // An empty page past the end is not kept: the hook would not prefetch it.
    if (pageNumber === 1 || page.data.length > 0) fallback[key] = page;
    return page;
  };
  const roles = givenRoles ?? (await client.listRoles({ limit: 100 })).data;
  if (!givenRoles) fallback[ROLES_CACHE_KEY] = roles;
  const own = (await read(viewerMembershipView(organizationId, viewer.userId))).data[0];
  // The same policy as the hooks and the handler: no list for a viewer who may not read it.
  const policyViewer = own ? { userId: viewer.userId, permissions: own.permissions } : null;
  const { canRead, canManage } = getMembershipPermissions({ viewer: policyViewer });
  if (!canRead) return fallback;
  // The admin count serves the last-admin rule, which only a viewer who may manage members meets.
  const admins = canManage ? adminMembershipsView(organizationId, roles) : null;
  const shown: MembershipListView = { ...list, organizationId };
  await Promise.all([
    read(shown),
    prefetchNextPage !== false ? read(shown, 2) : undefined,
    admins ? read(admins) : undefined,
    // The panel's Invitations tab shows the pending count to those who manage members.
    canManage ? readPendingInvitations() : undefined,
  ]);
  return fallback;

  async function readPendingInvitations() {
    if (!client.listInvitations) return;
    const view = { organizationId, status: ['pending' as const] };
    const page = await client.listInvitations(invitationListParams(view));
    fallback[invitationListKey(view)] = {
      totalCount: page.totalCount,
      data: page.data.map(({ privateMetadata: _hidden, ...invitation }) => invitation),
    };
  }
}
