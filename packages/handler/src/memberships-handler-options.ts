/**
 * The public types of the memberships handler: who the caller is, how `authorize` establishes it,
 * and the options of `createMembershipsHandler`. Shared by its fetch and Node paths.
 */

/** Who is calling, as your `authorize` function establishes it from the request. */
export interface MembershipsHandlerCaller {
  /** The signed-in user (`user_...`). */
  userId: string;
  /**
   * The caller's active organization (`org_...`), or null when none is active. Every organization
   * route is scoped to it: any other organization answers 404.
   */
  organizationId: string | null;
  /** The caller's permissions in the active organization, e.g. `org:sys_memberships:manage`. */
  permissions: readonly string[];
}

/**
 * Establishes the caller of a request (session cookie, bearer token, ...). Return null when the
 * request is not authenticated: the handler answers 401 and forwards nothing.
 *
 * Read the request's URL, method and headers only, never its body: the handler reads the body
 * itself (after `authorize`). Mounted with `toNodeHandler` (the Node path), the `Request` it gets
 * is built from the URL, method and headers alone: it has no body, and its `signal` is not tied to
 * the client's connection (building one that is costs more than the rest of the request).
 */
export type MembershipsHandlerAuthorize = (
  request: Request,
) => MembershipsHandlerCaller | null | Promise<MembershipsHandlerCaller | null>;

/** Options of `createMembershipsHandler`. */
export interface MembershipsHandlerOptions {
  /**
   * The upstream Backend API, up to and including its version prefix: `https://api.clerk.com/v1` in
   * production, `http://127.0.0.1:4319/v1` for the local server.
   */
  apiUrl: string;
  /** The upstream secret key. Sent upstream as `Authorization: Bearer`, never to the browser. */
  secretKey: string;
  /** Establishes the caller; see `clerkAuthorize` for Clerk session tokens. */
  authorize: MembershipsHandlerAuthorize;
  /**
   * The path the handler is mounted under; requests outside it answer 404. Default `/api`, to match
   * `createHttpClient({ baseUrl: '/api' })`. Use `''` when your framework strips the prefix.
   */
  basePath?: string;
  /**
   * The fetch used to call upstream (default: the global `fetch`). Mounted with `toNodeHandler`,
   * the handler calls upstream with `node:http`/`node:https` and its own kept-alive connections
   * instead, unless this option is given: then this fetch is used on Node too (so a wrapper or a
   * mock still sees every upstream call).
   */
  fetch?: typeof fetch;
  /** Largest request body accepted, in bytes (default 16 KiB; larger bodies answer 413). */
  maxBodyBytes?: number;
  /**
   * More origins allowed to send writes (POST, PATCH, DELETE), e.g. `['https://admin.example.com']`.
   * A write is always allowed from the host the browser addressed (its `Host` header, as Next.js
   * server actions judge it); any other `Origin`, or none, answers 403 (CSRF).
   */
  allowedOrigins?: readonly string[];
  /**
   * Trust `X-Forwarded-Host` as the host the browser addressed. Set it only when a proxy you run
   * (Vercel, a load balancer) sets that header and strips it from clients: without a proxy, any
   * client could claim any host with it. Default false.
   */
  trustProxy?: boolean;
  /**
   * Whether `GET /users` (the add-member picker's search over the instance's users) is served to
   * callers who can manage memberships. Default true; set false to keep instance users private.
   */
  userSearch?: boolean;
}

/** A standard Fetch API handler: mount it in any framework that speaks `Request`/`Response`. */
export type MembershipsHandler = (request: Request) => Promise<Response>;
