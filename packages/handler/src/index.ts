// The public API of @roster/handler: the browser-facing memberships handler, on Web APIs only (no
// native dependency, no `node:` import), so it runs on Node, the Next.js edge runtime and any
// fetch-style runtime. The Node `http` adapter is the `@roster/handler/node` subpath.
export type { ClerkAuthorizeOptions, ClerkSessionOrganization } from './clerk-authorize';
export { clerkAuthorize, readClerkSessionOrganization, readSessionToken } from './clerk-authorize';
export type { InsecureDemoAuthorizeOptions } from './demo-authorize';
export { createInsecureDemoAuthorize } from './demo-authorize';
export type {
  MembershipsHandler,
  MembershipsHandlerAuthorize,
  MembershipsHandlerCaller,
  MembershipsHandlerOptions,
} from './memberships-handler';
export { createMembershipsHandler } from './memberships-handler';
export { MAX_RESPONSE_DEPTH } from './memberships-handler-sanitize';
