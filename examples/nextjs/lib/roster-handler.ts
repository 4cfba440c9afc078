// The browser-facing handler, mounted by app/api/roster (Node) and app/api/roster-edge (edge). The
// one place that imports it: the browser calls these routes, never the Backend API, and the secret
// key stays on the server.
import { DEMO_IDS } from '@roster/core/testing';
// Until @roster/handler ships, the handler's edge-safe source files (the entry of @roster/server
// also holds the SQLite Backend API, which the edge runtime cannot load). With it, this becomes:
// import { createInsecureDemoAuthorize, createMembershipsHandler } from '@roster/handler';
import { createInsecureDemoAuthorize } from '../../../packages/server/src/demo-authorize';
import { createMembershipsHandler } from '../../../packages/server/src/memberships-handler';
import { DEMO_ORGANIZATION_COOKIE } from './demo-viewer';
import { ROSTER_API_URL, ROSTER_SECRET_KEY } from './roster-config';

// INSECURE, demo only: believes the roster_demo_user cookie (default: the demo admin). In
// production use clerkAuthorize({ jwtKey, authorizedParties }) or your own session lookup.
const demoAuthorize = createInsecureDemoAuthorize({
  apiUrl: ROSTER_API_URL,
  secretKey: ROSTER_SECRET_KEY,
  defaultUserId: DEMO_IDS.adminUserId,
});

/**
 * The organization the page shows when no cookie names one (the demo organization, as in
 * lib/demo-viewer.ts), so the handler acts in the same one: the demo authorize alone would pick the
 * user's first membership. Only the headers are read by `authorize`.
 */
function withDemoOrganization(request: Request): Request {
  const cookie = request.headers.get('cookie') ?? '';
  if (cookie.split(';').some((part) => part.trim().startsWith(`${DEMO_ORGANIZATION_COOKIE}=`)))
    return request;
  const headers = new Headers(request.headers);
  headers.set(
    'cookie',
    `${cookie ? `${cookie}; ` : ''}${DEMO_ORGANIZATION_COOKIE}=${DEMO_IDS.organizationId}`,
  );
  return new Request(request.url, { headers });
}

/** A handler below `basePath` (the route's folder), acting as the demo cookie's user. */
export function createRosterHandler(basePath: string): (request: Request) => Promise<Response> {
  return createMembershipsHandler({
    apiUrl: ROSTER_API_URL,
    secretKey: ROSTER_SECRET_KEY,
    basePath,
    authorize: (request) => demoAuthorize(withDemoOrganization(request)),
  });
}
