// The public API of @roster/server. Every export is named here.
// --- browser-facing handler (memberships-handler.ts, clerk-authorize.ts, demo-authorize.ts) ---
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
