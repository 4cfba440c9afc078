// Where the members page and the handler routes read the memberships: the Backend API and its
// secret key. Defaults: the local Backend API (`pnpm roster-server`); for Clerk, set
// ROSTER_API_URL=https://api.clerk.com/v1 and ROSTER_SECRET_KEY=sk_live_... (server-side only).

/** The upstream Backend API, with its `/v1`. */
export const ROSTER_API_URL = process.env.ROSTER_API_URL ?? 'http://127.0.0.1:4319/v1';

/** The upstream secret key: read on the server, never sent to the browser. */
export const ROSTER_SECRET_KEY = process.env.ROSTER_SECRET_KEY ?? 'sk_test_roster_local';
