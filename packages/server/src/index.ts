// The public API of @roster/server. Every export is named here.

// --- local Backend API (backend-api.ts, node-handler.ts, fault-injection.ts) ---
export type { BackendApi, BackendApiOptions, ListeningBackendApi } from './backend-api';
export { API_VERSION_PATH, createBackendApi, DEFAULT_SECRET_KEY } from './backend-api';
export type { Latency, RateLimit } from './fault-injection';
export type { FetchHandler, NodeRequestListener } from './node-handler';
export { toNodeHandler } from './node-handler';

// --- browser-facing memberships handler (memberships-handler.ts, clerk-authorize.ts) ---
