// The public API of @roster/server. Every export is named here (Biome keeps them sorted by file):
// the local Backend API (backend-api.ts, node-handler.ts, fault-injection.ts) and the browser-facing
// handler (memberships-handler.ts, clerk-authorize.ts, demo-authorize.ts).
export type { BackendApi, BackendApiOptions, ListeningBackendApi } from './backend-api';
export { API_VERSION_PATH, createBackendApi, DEFAULT_SECRET_KEY } from './backend-api';
export type { ClerkAuthorizeOptions, ClerkSessionOrganization } from './clerk-authorize';
export { clerkAuthorize, readClerkSessionOrganization, readSessionToken } from './clerk-authorize';
export type { InsecureDemoAuthorizeOptions } from './demo-authorize';
export { createInsecureDemoAuthorize } from './demo-authorize';
export type { Latency, RateLimit } from './fault-injection';
export type {
  MembershipsHandler,
  MembershipsHandlerAuthorize,
  MembershipsHandlerCaller,
  MembershipsHandlerOptions,
} from './memberships-handler';
export { createMembershipsHandler } from './memberships-handler';
export type { FetchHandler, NodeRequestListener } from './node-handler';
export { answerClientError, toNodeHandler } from './node-handler';
