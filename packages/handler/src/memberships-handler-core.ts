/**
 * The memberships handler's logic on plain data, with no Fetch object of its own: route match,
 * authorize, CSRF check, access, validation, the upstream call, `private_metadata` stripped,
 * upstream errors mapped, and the secret key never sent. The fetch path (`createMembershipsHandler`)
 * and the Node path (`toNodeHandler`) each adapt their request to a {@link HandlerInput} and their
 * upstream to an {@link Upstream}, so both run exactly this code. No `node:` import: edge-safe.
 */
import type { MembershipsHandlerCaller, MembershipsHandlerOptions } from './memberships-handler-options';
import {
  answerContains,
  forbidden,
  type HandlerAnswer,
  HandlerError,
  jsonAnswer,
  notFound,
  unauthenticated,
} from './memberships-handler-responses';
import { checkAccess, matchRoute, type Route, readRouteBody } from './memberships-handler-routes';
import { stripPrivateFields, toClerkErrorBody } from './memberships-handler-sanitize';
import { validateQuery } from './memberships-handler-validation';

/** One browser request, as the core reads it. */
export interface HandlerInput {
  /** Upper case. */
  method: string;
  /** The URL's path (percent-encoded, as `URL.pathname`). */
  pathname: string;
  /** The URL's query, with its `?` or empty (as `URL.search`). */
  search: string;
  /** The URL's host: the addressed host when the request has no `Host` header. */
  urlHost: string;
  /** A request header by lower-case name, or null. */
  header(name: string): string | null;
  /** The `Request` given to `authorize` (called once per request). */
  authorizeRequest(): Request;
  /** The body as text: 413 beyond `maxBytes`, 400 when it is not UTF-8. */
  readBody(maxBytes: number): Promise<string>;
  /** The client going away: it aborts the upstream call. */
  abort: ClientAbort;
}

/**
 * The client going away, as each path knows it: the fetch path from `request.signal`, the Node
 * path from the response's `close`, where it makes an `AbortSignal` only for a user's `fetch` that
 * needs one (creating and following one per request was a visible share of its CPU time).
 */
export interface ClientAbort {
  /** Whether the client went away. */
  readonly aborted: boolean;
  /** Calls `listener` once when the client goes away; answers a function that removes it. */
  onAbort(listener: () => void): () => void;
  /** An `AbortSignal` aborted when the client goes away. */
  signal(): AbortSignal;
}

/** One upstream call, below `apiUrl`. */
export interface UpstreamCall {
  method: string;
  /** Below `apiUrl`, with the query: `/organizations/org_1/memberships?limit=10`. */
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** The client going away: abort the call then. */
  abort: ClientAbort;
}

/** What upstream answered. */
export interface UpstreamAnswer {
  status: number;
  retryAfter: string | null;
  /** The body as text, or null when it could not be read to the end. */
  text: string | null;
}

/** Calls upstream; rejects when upstream is unreachable (or the call was aborted). */
export type Upstream = (call: UpstreamCall) => Promise<UpstreamAnswer>;

/** The handler's logic, for one upstream transport or another. */
export type MembershipsCore = (input: HandlerInput, upstream: Upstream) => Promise<HandlerAnswer>;

const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE']);

/**
 * The host the browser addressed: `X-Forwarded-Host` when the proxy is trusted, else `Host`, else
 * the request URL's (frameworks such as Next.js rewrite `request.url` to their own listen address,
 * so the URL alone would refuse a page opened on 127.0.0.1, a LAN address or behind a proxy).
 */
function addressedHost(input: HandlerInput, trustProxy: boolean): string {
  const forwarded = trustProxy ? input.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return (forwarded || input.header('host') || input.urlHost).toLowerCase();
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
function checkOrigin(input: HandlerInput, allowedOrigins: readonly string[], trustProxy: boolean): void {
  const origin = input.header('origin');
  const host = addressedHost(input, trustProxy);
  const sameHost = origin !== null && originHost(origin) === host;
  if (!sameHost && (origin === null || !allowedOrigins.includes(origin))) {
    throw forbidden(
      `Cross-origin write refused: the Origin ${origin === null ? '(none)' : `"${origin}"`} is not this application (host "${host}"). ` +
        'List it in `allowedOrigins`, or set `trustProxy` if your own proxy sets X-Forwarded-Host.',
    );
  }
  if (input.header('sec-fetch-site') === 'cross-site') {
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

function checkContentType(contentType: string | null): void {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HandlerError(
      415,
      'unsupported_content_type',
      'Content-Type is unsupported',
      `Content-Type ${contentType || '(none)'} is unsupported. You should use application/json instead.`,
    );
  }
}

function badGateway(code: 'upstream_unavailable' | 'upstream_invalid_response', longMessage: string) {
  return new HandlerError(502, code, 'Bad gateway', longMessage);
}

const NOT_JSON: unique symbol = Symbol('not JSON');

/** Upstream's body parsed once, or {@link NOT_JSON} (not JSON, or not read to the end). */
function parseUpstreamJson(text: string | null): unknown {
  if (text === null) return NOT_JSON;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** The 500 sent when handling failed unexpectedly (or would have leaked the secret key). */
function internalError(): HandlerAnswer {
  return new HandlerError(
    500,
    'internal_clerk_error',
    'internal error',
    'The request could not be handled.',
  ).toAnswer();
}

/** The handler's logic for `options` (see `createMembershipsHandler`). */
export function createMembershipsCore(options: MembershipsHandlerOptions): MembershipsCore {
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const userSearch = options.userSearch ?? true;
  const allowedOrigins = options.allowedOrigins ?? [];
  const trustProxy = options.trustProxy ?? false;
  const { secretKey } = options;

  async function forward(
    input: HandlerInput,
    route: Route,
    query: URLSearchParams,
    body: unknown,
    upstream: Upstream,
  ): Promise<HandlerAnswer> {
    const search = query.toString();
    const headers: Record<string, string> = {
      authorization: `Bearer ${secretKey}`,
      accept: 'application/json',
    };
    let bodyText: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      bodyText = JSON.stringify(body);
    }
    const path = `${route.upstreamPath}${search ? `?${search}` : ''}`;
    let answer: UpstreamAnswer;
    try {
      answer = await upstream({ method: input.method, path, headers, body: bodyText, abort: input.abort });
    } catch {
      throw badGateway('upstream_unavailable', 'The membership service is unreachable.');
    }
    const payload = parseUpstreamJson(answer.text);
    if (payload === NOT_JSON) {
      throw badGateway('upstream_invalid_response', 'The membership service answered with no JSON.');
    }
    if (answer.status >= 200 && answer.status < 300) {
      const safe = stripPrivateFields(payload);
      return jsonAnswer(route.shape ? route.shape(safe, query) : safe, answer.status);
    }
    if (answer.status === 401) {
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
      throw badGateway('upstream_invalid_response', 'The membership service answered with an unknown error.');
    }
    const { retryAfter } = answer;
    return jsonAnswer(errorBody, answer.status, retryAfter ? { 'retry-after': retryAfter } : undefined);
  }

  async function handle(input: HandlerInput, upstream: Upstream): Promise<HandlerAnswer> {
    const { pathname, method } = input;
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) throw notFound();
    const subPath = pathname.slice(basePath.length);
    const route = matchRoute(method, subPath, userSearch);

    const caller: MembershipsHandlerCaller | null = await options.authorize(input.authorizeRequest());
    if (!caller) throw unauthenticated();

    if (WRITE_METHODS.has(method)) checkOrigin(input, allowedOrigins, trustProxy);
    checkAccess(route, caller, method);

    const query = validateQuery(
      withoutRouteSegments(new URLSearchParams(input.search), subPath),
      route.query,
    );
    let body: unknown;
    if (route.body) {
      checkContentType(input.header('content-type'));
      body = readRouteBody(route, route.body, await input.readBody(maxBodyBytes), caller);
    }
    return forward(input, route, query, body, upstream);
  }

  return async (input, upstream) => {
    let answer: HandlerAnswer;
    try {
      answer = await handle(input, upstream);
    } catch (error) {
      if (error instanceof HandlerError) return error.toAnswer();
      if (input.abort.aborted) {
        return new HandlerError(499, 'request_aborted', 'aborted', 'The request was aborted.').toAnswer();
      }
      return internalError();
    }
    // Belt and braces: an answer that would carry the secret key (body or header) is never sent.
    if (secretKey.length > 0 && answerContains(answer, secretKey)) return internalError();
    return answer;
  };
}
