// The public API of @roster/server: the local Backend API (backend-api.ts, fault-injection.ts) and
// its `roster-server` CLI. The browser-facing handler is @roster/handler. Every export is named here.
export type { BackendApi, BackendApiOptions, ListeningBackendApi } from './backend-api';
export { API_VERSION_PATH, createBackendApi, DEFAULT_SECRET_KEY } from './backend-api';
export type { Latency, RateLimit } from './fault-injection';
export type { OutboxMessage } from './invitation-store';
