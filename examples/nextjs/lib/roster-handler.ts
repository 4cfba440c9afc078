// The browser-facing handler, mounted by app/api/roster (Node) and app/api/roster-edge (edge). The
// one place that imports it: the browser calls these routes, never the Backend API, and the secret
// key stays on the server.
import { DEMO_IDS } from '@roster/core/testing';
import { createInsecureDemoAuthorize, createMembershipsHandler } from '@roster/handler';
import { ROSTER_API_URL, ROSTER_SECRET_KEY } from './roster-config';

// INSECURE, demo only: believes the roster_demo_user cookie (default: the demo admin). In
// production use clerkAuthorize({ jwtKey, authorizedParties }) or your own session lookup.
const demoAuthorize = createInsecureDemoAuthorize({
  apiUrl: ROSTER_API_URL,
  secretKey: ROSTER_SECRET_KEY,
  defaultUserId: DEMO_IDS.adminUserId,
  // Requests that name no organization (the add-member user search) act in the page's.
  defaultOrganizationId: DEMO_IDS.organizationId,
});

/** A handler below `basePath` (the route's folder), acting as the demo cookie's user. */
export function createRosterHandler(basePath: string): (request: Request) => Promise<Response> {
  return createMembershipsHandler({
    apiUrl: ROSTER_API_URL,
    secretKey: ROSTER_SECRET_KEY,
    basePath,
    authorize: demoAuthorize,
  });
}
