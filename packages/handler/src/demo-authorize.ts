import type { MembershipsHandlerAuthorize } from './memberships-handler';

/** Options of {@link createInsecureDemoAuthorize}. */
export interface InsecureDemoAuthorizeOptions {
  /** The upstream Backend API (with its `/v1`), used to look up the acting user's memberships. */
  apiUrl: string;
  /** The upstream secret key. */
  secretKey: string;
  /** The fetch used to call upstream (default: the global `fetch`). */
  fetch?: typeof fetch;
  /** The cookie naming the acting user (default `roster_demo_user`). */
  userCookieName?: string;
  /** The cookie naming the active organization (default `roster_demo_org`). */
  organizationCookieName?: string;
  /** Who acts when the cookie is missing (default: nobody, 401). */
  defaultUserId?: string;
  /**
   * The active organization for requests that name none (`/users`, `/organization_roles`) when no
   * cookie names one either and the user belongs to it; default: the user's first membership.
   */
  defaultOrganizationId?: string;
}

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index !== -1 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim() || null;
  }
  return null;
}

/** The organization a request's path names (`.../organizations/{id}/...`), if any. */
function requestedOrganization(request: Request): string | null {
  const match = /\/organizations\/([A-Za-z0-9_]{1,128})(?:\/|$)/.exec(new URL(request.url).pathname);
  return match?.[1] ?? null;
}

/**
 * **INSECURE, development only.** An `authorize` that believes a cookie: whoever sets
 * `roster_demo_user=user_bob` acts as Bob. The active organization is the one the request's
 * path names when the user belongs to it (so a page always acts in the organization it shows), else
 * `roster_demo_org`'s, else `defaultOrganizationId`, else the user's first membership, and the
 * permissions from that membership,
 * looked up upstream on every request so a role change takes effect at once. It exists so the
 * playground can switch viewers without a sign-in; never mount it where real data lives.
 */
export function createInsecureDemoAuthorize(
  options: InsecureDemoAuthorizeOptions,
): MembershipsHandlerAuthorize {
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const upstreamFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const userCookieName = options.userCookieName ?? 'roster_demo_user';
  const organizationCookieName = options.organizationCookieName ?? 'roster_demo_org';
  return async (request) => {
    const cookies = request.headers.get('cookie');
    const userId = readCookie(cookies, userCookieName) ?? options.defaultUserId ?? null;
    if (!userId || !/^[A-Za-z0-9_]{1,128}$/.test(userId)) return null;
    const response = await upstreamFetch(`${apiUrl}/users/${userId}/organization_memberships?limit=100`, {
      headers: { authorization: `Bearer ${options.secretKey}` },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as {
      data?: Array<{ organization?: { id?: unknown }; permissions?: unknown }>;
    };
    const memberships = (body.data ?? []).filter((m) => typeof m.organization?.id === 'string');
    // The organization the request asks for, when the user belongs to it; else the cookie's; else
    // the user's first membership.
    const wanted = [
      requestedOrganization(request),
      readCookie(cookies, organizationCookieName),
      options.defaultOrganizationId ?? null,
    ];
    const active =
      wanted.map((id) => memberships.find((m) => id && m.organization?.id === id)).find(Boolean) ??
      memberships[0];
    if (!active) return { userId, organizationId: null, permissions: [] };
    const permissions = Array.isArray(active.permissions)
      ? active.permissions.filter((p): p is string => typeof p === 'string')
      : [];
    return { userId, organizationId: active.organization?.id as string, permissions };
  };
}
