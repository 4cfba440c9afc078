import {
  bulkSizeExceededError,
  MAX_BULK_INVITATIONS,
  PERMISSION_MANAGE_MEMBERSHIPS,
  PERMISSION_READ_MEMBERSHIPS,
} from '@roster/core';
import {
  forbidden,
  HandlerError,
  invalidBody,
  invalidParam,
  jsonResponse,
  missingPermission,
  notFound,
  responseContains,
  unauthenticated,
} from './memberships-handler-responses';
import { stripPrivateFields, toClerkErrorBody, toPublicUserList } from './memberships-handler-sanitize';
import {
  type BodySchema,
  INVITATION_LIST_QUERY,
  isPlainObject,
  isValidId,
  MEMBERSHIP_LIST_QUERY,
  NO_QUERY,
  parseJson,
  parseJsonObject,
  type QuerySchema,
  ROLE_LIST_QUERY,
  readBodyText,
  USER_LIST_QUERY,
  USER_MEMBERSHIP_LIST_QUERY,
  validateBody,
  validateQuery,
} from './memberships-handler-validation';

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
 */
export type MembershipsHandlerAuthorize = (
  request: Request,
) => MembershipsHandlerCaller | null | Promise<MembershipsHandlerCaller | null>;

/** Options of {@link createMembershipsHandler}. */
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
  /** The fetch used to call upstream (default: the global `fetch`). */
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

type Access = 'read' | 'manage' | 'self' | 'signed-in';

interface Route {
  access: Access;
  /** The organization in the path, if any (checked against the caller's). */
  organizationId?: string;
  /** The user in the path, if any. */
  userId?: string;
  upstreamPath: string;
  query: QuerySchema;
  body?: BodySchema;
  /** Shapes a successful upstream body for the browser (given the query that was forwarded). */
  shape?: (body: unknown, query: URLSearchParams) => unknown;
  /** The body is a JSON array of 1..{@link MAX_BULK_INVITATIONS} objects, each checked against `body`. */
  bulk?: boolean;
  /** An empty body reads as `{}` (revoke: Clerk's SDK sends none). */
  emptyBodyAllowed?: boolean;
  /** The field the caller's user ID is written to in each forwarded object (never taken from the body). */
  callerField?: 'inviter_user_id' | 'requesting_user_id';
}

const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

const CREATE_BODY: BodySchema = {
  user_id: { kind: 'user_id', required: true },
  role: { kind: 'role', required: true },
  public_metadata: { kind: 'metadata_or_null', required: false },
};
const UPDATE_ROLE_BODY: BodySchema = { role: { kind: 'role', required: true } };
const UPDATE_METADATA_BODY: BodySchema = { public_metadata: { kind: 'metadata', required: true } };

/** One invitation: `inviter_user_id` is added from the caller; `private_metadata` is refused. */
const INVITE_BODY: BodySchema = {
  email_address: { kind: 'email', required: true },
  role: { kind: 'role', required: true },
  public_metadata: { kind: 'metadata_or_null', required: false },
  redirect_url: { kind: 'url_or_null', required: false },
  expires_in_days: { kind: 'expiry_days_or_null', required: false },
  notify: { kind: 'boolean_or_null', required: false },
};
/** Revoke takes nothing from the browser: `requesting_user_id` is added from the caller. */
const REVOKE_BODY: BodySchema = {};

const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE']);

function segment(value: string): string {
  return encodeURIComponent(value);
}

/** Matches a path (below the base path) and method to a route; throws 404/405 for anything else. */
function matchRoute(method: string, path: string, userSearch: boolean): Route {
  const parts = path.split('/').slice(1);
  let decoded: string[];
  try {
    decoded = parts.map((part) => decodeURIComponent(part));
  } catch {
    throw notFound();
  }
  const allow = (methods: string[]) => {
    if (!methods.includes(method)) {
      throw new HandlerError(
        405,
        'method_not_allowed',
        'Method not allowed',
        `${method} is not allowed here.`,
        {
          headers: { allow: methods.join(', ') },
        },
      );
    }
  };
  const [first, second, third, fourth, fifth, ...rest] = decoded;
  if (rest.length > 0) throw notFound();

  if (first === 'organizations' && second !== undefined && third === 'memberships') {
    if (!isValidId(second)) throw notFound('organization');
    const organizationId = second;
    const base = `/organizations/${segment(organizationId)}/memberships`;
    if (fourth === undefined) {
      allow(['GET', 'POST']);
      return method === 'GET'
        ? { access: 'read', organizationId, upstreamPath: base, query: MEMBERSHIP_LIST_QUERY }
        : { access: 'manage', organizationId, upstreamPath: base, query: NO_QUERY, body: CREATE_BODY };
    }
    if (!isValidId(fourth)) throw notFound('membership');
    const userId = fourth;
    const member = `${base}/${segment(userId)}`;
    if (fifth === undefined) {
      allow(['PATCH', 'DELETE']);
      return method === 'PATCH'
        ? {
            access: 'manage',
            organizationId,
            userId,
            upstreamPath: member,
            query: NO_QUERY,
            body: UPDATE_ROLE_BODY,
          }
        : { access: 'manage', organizationId, userId, upstreamPath: member, query: NO_QUERY };
    }
    if (fifth === 'metadata') {
      allow(['PATCH']);
      return {
        access: 'manage',
        organizationId,
        userId,
        upstreamPath: `${member}/metadata`,
        query: NO_QUERY,
        body: UPDATE_METADATA_BODY,
      };
    }
    throw notFound();
  }
  if (first === 'organizations' && second !== undefined && third === 'invitations') {
    if (!isValidId(second)) throw notFound('organization');
    const organizationId = second;
    const base = `/organizations/${segment(organizationId)}/invitations`;
    const manage = { access: 'manage' as const, organizationId, query: NO_QUERY };
    if (fourth === undefined) {
      allow(['GET', 'POST']);
      return method === 'GET'
        ? { access: 'manage', organizationId, upstreamPath: base, query: INVITATION_LIST_QUERY }
        : { ...manage, upstreamPath: base, body: INVITE_BODY, callerField: 'inviter_user_id' };
    }
    if (fourth === 'bulk' && fifth === undefined) {
      allow(['POST']);
      return {
        ...manage,
        upstreamPath: `${base}/bulk`,
        body: INVITE_BODY,
        bulk: true,
        callerField: 'inviter_user_id',
      };
    }
    if (!isValidId(fourth)) throw notFound('invitation');
    const invitation = `${base}/${segment(fourth)}`;
    if (fifth === undefined) {
      allow(['GET']);
      return { ...manage, upstreamPath: invitation };
    }
    if (fifth === 'revoke') {
      allow(['POST']);
      return {
        ...manage,
        upstreamPath: `${invitation}/revoke`,
        body: REVOKE_BODY,
        emptyBodyAllowed: true,
        callerField: 'requesting_user_id',
      };
    }
    throw notFound();
  }
  if (
    first === 'users' &&
    second !== undefined &&
    third === 'organization_memberships' &&
    fourth === undefined
  ) {
    if (!isValidId(second)) throw notFound('user');
    allow(['GET']);
    return {
      access: 'self',
      userId: second,
      upstreamPath: `/users/${segment(second)}/organization_memberships`,
      query: USER_MEMBERSHIP_LIST_QUERY,
    };
  }
  if (first === 'organization_roles' && second === undefined) {
    allow(['GET']);
    return { access: 'signed-in', upstreamPath: '/organization_roles', query: ROLE_LIST_QUERY };
  }
  if (first === 'users' && second === undefined && userSearch) {
    allow(['GET']);
    return { access: 'manage', upstreamPath: '/users', query: USER_LIST_QUERY, shape: toPublicUserList };
  }
  throw notFound();
}

/**
 * The host the browser addressed: `X-Forwarded-Host` when the proxy is trusted, else `Host`, else
 * the request URL's (frameworks such as Next.js rewrite `request.url` to their own listen address,
 * so the URL alone would refuse a page opened on 127.0.0.1, a LAN address or behind a proxy).
 */
function addressedHost(request: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return (forwarded || request.headers.get('host') || new URL(request.url).host).toLowerCase();
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Refuses writes whose `Origin` is missing, or names neither the host the browser addressed nor an
 * allowed origin (and any `Sec-Fetch-Site: cross-site` write). The 403 says what it saw and why.
 */
function checkOrigin(request: Request, allowedOrigins: readonly string[], trustProxy: boolean): void {
  const origin = request.headers.get('origin');
  const host = addressedHost(request, trustProxy);
  const sameHost = origin !== null && originHost(origin) === host;
  if (!sameHost && (origin === null || !allowedOrigins.includes(origin))) {
    throw forbidden(
      `Cross-origin write refused: the Origin ${origin === null ? '(none)' : `"${origin}"`} is not this application (host "${host}"). ` +
        'List it in `allowedOrigins`, or set `trustProxy` if your own proxy sets X-Forwarded-Host.',
    );
  }
  if (request.headers.get('sec-fetch-site') === 'cross-site') {
    throw forbidden(`Cross-site write refused (Sec-Fetch-Site: cross-site, Origin "${origin}").`);
  }
}

/**
 * The request's query without the catch-all segment a framework may add: Next.js on the edge
 * runtime passes `[...path]` as `?path=a&path=b` too. A parameter whose values, joined by `/`, are
 * exactly the path below `basePath` is that, whatever its name: no Backend API parameter is.
 */
function withoutRouteSegments(search: URLSearchParams, subPath: string): URLSearchParams {
  const segments = subPath.replace(/^\/+|\/+$/g, '');
  if (segments === '') return search;
  const result = new URLSearchParams(search);
  for (const key of new Set(search.keys())) {
    if (search.getAll(key).join('/') === segments) result.delete(key);
  }
  return result;
}

function checkContentType(request: Request): void {
  const contentType = request.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HandlerError(
      415,
      'unsupported_content_type',
      'Content-Type is unsupported',
      `Content-Type ${contentType || '(none)'} is unsupported. You should use application/json instead.`,
    );
  }
}

/** Checks the caller may use the route: scope first (404 outside it), then the permission (403). */
function checkAccess(route: Route, caller: MembershipsHandlerCaller, method: string): void {
  if (route.organizationId !== undefined && route.organizationId !== caller.organizationId) {
    throw notFound('organization');
  }
  if (route.access === 'self') {
    if (route.userId !== caller.userId) throw notFound('user');
    return;
  }
  if (route.access === 'signed-in') return;
  if (caller.organizationId === null) throw missingPermission(PERMISSION_READ_MEMBERSHIPS);
  const ownMembership = route.userId !== undefined && route.userId === caller.userId;
  // Leaving: any member may delete their own membership (upstream keeps the last admin in).
  if (method === 'DELETE' && ownMembership) return;
  const permission = route.access === 'read' ? PERMISSION_READ_MEMBERSHIPS : PERMISSION_MANAGE_MEMBERSHIPS;
  if (!caller.permissions.includes(permission)) throw missingPermission(permission);
  // The permission policy's `self` rule: nobody changes their own role from the members page.
  if (method === 'PATCH' && ownMembership && route.body === UPDATE_ROLE_BODY) {
    throw forbidden('You cannot change your own role.');
  }
}

/**
 * Creates the handler a production app mounts between the browser and the Backend API. For every
 * request it authenticates the caller (`authorize`), refuses cross-origin writes, scopes organization
 * routes to the caller's active organization, checks the permission, validates every parameter,
 * forwards upstream with the secret key, and strips `private_metadata` from what comes back.
 *
 * Routes (below `basePath`), mirroring the Backend API so `createHttpClient({ baseUrl: '/api' })`
 * works unchanged: `GET|POST /organizations/{id}/memberships`,
 * `PATCH|DELETE /organizations/{id}/memberships/{user_id}`,
 * `PATCH /organizations/{id}/memberships/{user_id}/metadata` (public metadata only),
 * `GET /users/{own user_id}/organization_memberships`, `GET /organization_roles`, `GET /users`
 * (public fields only, for callers who can manage memberships), and the invitations of the caller's
 * organization (`org:sys_memberships:manage`): `GET|POST /organizations/{id}/invitations`,
 * `POST .../invitations/bulk` (at most 10), `GET .../invitations/{invitation_id}`,
 * `POST .../invitations/{invitation_id}/revoke`; `inviter_user_id` / `requesting_user_id` are the
 * caller, never taken from the body.
 */
export function createMembershipsHandler(options: MembershipsHandlerOptions): MembershipsHandler {
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const upstreamFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const userSearch = options.userSearch ?? true;
  const { secretKey } = options;

  async function forward(request: Request, route: Route, query: URLSearchParams, body: unknown) {
    const search = query.toString();
    const url = `${apiUrl}${route.upstreamPath}${search ? `?${search}` : ''}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${secretKey}`,
      accept: 'application/json',
    };
    const init: RequestInit = { method: request.method, headers, signal: request.signal };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let upstream: Response;
    try {
      upstream = await upstreamFetch(url, init);
    } catch {
      throw new HandlerError(
        502,
        'upstream_unavailable',
        'Bad gateway',
        'The membership service is unreachable.',
      );
    }
    let payload: unknown;
    try {
      payload = await upstream.json();
    } catch {
      throw new HandlerError(
        502,
        'upstream_invalid_response',
        'Bad gateway',
        'The membership service answered with no JSON.',
      );
    }
    if (upstream.ok) {
      const safe = stripPrivateFields(payload);
      return jsonResponse(route.shape ? route.shape(safe, query) : safe, upstream.status);
    }
    if (upstream.status === 401) {
      // Our credentials were refused: the browser's session is fine, so this is not a 401 for it.
      throw new HandlerError(
        500,
        'internal_clerk_error',
        'internal error',
        'The membership service refused the server credentials.',
      );
    }
    const errorBody = toClerkErrorBody(payload);
    if (!errorBody) {
      throw new HandlerError(
        502,
        'upstream_invalid_response',
        'Bad gateway',
        'The membership service answered with an unknown error.',
      );
    }
    const retryAfter = upstream.headers.get('retry-after');
    return jsonResponse(errorBody, upstream.status, retryAfter ? { 'retry-after': retryAfter } : {});
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) throw notFound();
    const method = request.method.toUpperCase();
    const route = matchRoute(method, url.pathname.slice(basePath.length), userSearch);

    const caller = await options.authorize(request);
    if (!caller) throw unauthenticated();

    const isWrite = WRITE_METHODS.has(method);
    if (isWrite) checkOrigin(request, options.allowedOrigins ?? [], options.trustProxy ?? false);
    checkAccess(route, caller, method);

    const subPath = url.pathname.slice(basePath.length);
    const query = validateQuery(withoutRouteSegments(url.searchParams, subPath), route.query);
    let body: unknown;
    if (route.body) {
      checkContentType(request);
      body = readRouteBody(route, route.body, await readBodyText(request, maxBodyBytes), caller);
    }
    return forward(request, route, query, body);
  }

  return async (request) => {
    let response: Response;
    try {
      response = await handle(request);
    } catch (error) {
      if (error instanceof HandlerError) return error.toResponse();
      if (request.signal.aborted) {
        return new HandlerError(499, 'request_aborted', 'aborted', 'The request was aborted.').toResponse();
      }
      return internalErrorResponse();
    }
    // Belt and braces: a response that would carry the secret key (body or header) is never sent.
    if (secretKey.length > 0 && (await responseContains(response, secretKey))) {
      return internalErrorResponse();
    }
    return response;
  };
}

/**
 * A write's body, validated: one object, or (bulk) an array of 1..{@link MAX_BULK_INVITATIONS}
 * objects; the caller's user ID is written into `callerField` of each.
 */
function readRouteBody(
  route: Route,
  schema: BodySchema,
  text: string,
  caller: MembershipsHandlerCaller,
): unknown {
  const withCaller = (object: Record<string, unknown>) =>
    route.callerField ? { ...object, [route.callerField]: caller.userId } : object;
  if (!route.bulk) {
    const object = route.emptyBodyAllowed && text.trim() === '' ? {} : parseJsonObject(text);
    return withCaller(validateBody(object, schema));
  }
  const items = parseJson(text);
  if (!Array.isArray(items)) throw invalidBody('The request body must be a JSON array of invitations.');
  if (items.length > MAX_BULK_INVITATIONS) {
    const error = bulkSizeExceededError(MAX_BULK_INVITATIONS);
    throw new HandlerError(400, 'bulk_size_exceeded', 'bulk size exceeded', error.message);
  }
  if (items.length === 0) throw invalidParam('invitations', 'At least one invitation must be given.');
  return items.map((item, index) => {
    if (!isPlainObject(item)) throw invalidBody(`Invitation ${index} must be a JSON object.`);
    try {
      return withCaller(validateBody(item, schema));
    } catch (error) {
      if (!(error instanceof HandlerError)) throw error;
      throw new HandlerError(error.status, error.code, error.shortMessage, error.longMessage, {
        meta: { ...error.meta, index },
        ...(error.headers && { headers: error.headers }),
      });
    }
  });
}

/** The 500 sent when handling failed unexpectedly (or would have leaked the secret key). */
function internalErrorResponse(): Response {
  return new HandlerError(
    500,
    'internal_clerk_error',
    'internal error',
    'The request could not be handled.',
  ).toResponse();
}
