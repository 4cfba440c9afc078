import type { MembershipsClient, RequestOptions } from './client';
import { decodeMembership, decodeMemberships, decodeRoles } from './codec';
import { decodeErrorBody } from './decode-error-body';
import { RosterApiError } from './errors';
import type { Metadata } from './models';
import {
  isIdempotentMethod,
  isRetryableStatus,
  type ResolvedRetryPolicy,
  type RetryOptions,
  resolveRetryPolicy,
  retryDelay,
  sleep,
} from './retry-policy';
import { decodeUsers } from './user-codec';
import { MALFORMED_RESPONSE, malformedResponseError } from './wire-reader';

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /**
   * The prefix before `/organizations/...`: the local server's `http://127.0.0.1:4319/v1`, or your
   * app's handler, e.g. `/api`. A trailing slash is ignored.
   */
  baseUrl: string;
  /** The fetch to use (default: the global one, looked up at call time). */
  fetch?: typeof fetch;
  /**
   * Headers sent with every request, e.g. `Authorization`. A function is called before every
   * attempt (retries included), so a short-lived token can be refreshed in between.
   */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** How to retry idempotent calls; `false` disables retries. See {@link RetryOptions}. */
  retry?: RetryOptions | false;
}

type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: Record<string, unknown>;
}

/** `createdAtBefore` -> `created_at_before`, `web3Wallet` -> `web3_wallet`. */
function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Encode one path segment (IDs may hold any character). */
function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * The query string: keys as given (already snake_case), arrays as repeated keys (`role=a&role=b`,
 * the spec's form/explode style), values percent-encoded (`+` -> `%2B`, space -> `%20`), `undefined`,
 * `null` and empty arrays left out.
 */
export function encodeQuery(query: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** camelCase params (minus the ones used in the path) -> snake_case query. */
function toQuery(params: object, omit: readonly string[]): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(params)) {
    if (omit.includes(key)) continue;
    query[camelToSnake(key)] = value as QueryValue;
  }
  return query;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

function networkError(cause: unknown): RosterApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new RosterApiError({
    status: 0,
    errors: [{ code: 'network_error', message: 'Network error', longMessage: `Network error: ${reason}` }],
    cause,
  });
}

/** Re-state a codec error with the response's real status (the codec assumes 200). */
function withStatus(error: unknown, status: number): unknown {
  if (!(error instanceof RosterApiError) || error.status === status || error.code !== MALFORMED_RESPONSE) {
    return error;
  }
  return new RosterApiError({ status, errors: error.errors, cause: error });
}

/**
 * A `MembershipsClient` that speaks the Backend API's paths over HTTP: to the local server, to
 * Clerk through your backend, or to the browser-facing handler. Every method rejects with a
 * `RosterApiError` (`network_error` with status 0 when no response arrived; `malformed_response`
 * when a response is not the documented JSON), or with the signal's reason when aborted.
 */
export function createHttpClient<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  options: HttpClientOptions,
): MembershipsClient<TPublic, TPrivate> & Required<Pick<MembershipsClient, 'listUsers'>> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const policy: ResolvedRetryPolicy = resolveRetryPolicy(options.retry);

  async function buildHeaders(hasBody: boolean): Promise<Headers> {
    const given = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers = new Headers(given);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    if (hasBody) headers.set('content-type', 'application/json');
    return headers;
  }

  /** One attempt: the decoded JSON of a 2xx, or a thrown error. */
  async function attempt(request: HttpRequest, url: string, signal: AbortSignal | undefined) {
    const hasBody = request.body !== undefined;
    const init: RequestInit = { method: request.method, headers: await buildHeaders(hasBody) };
    if (hasBody) init.body = JSON.stringify(request.body);
    if (signal) init.signal = signal;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, init);
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (isAbortError(error)) throw error;
      throw networkError(error);
    }
    let json: unknown;
    let parsed = text.trim() !== '';
    if (parsed) {
      try {
        json = JSON.parse(text);
      } catch {
        parsed = false;
      }
    }
    if (!response.ok) throw decodeErrorBody(response.status, parsed ? json : text, response.headers);
    if (!parsed) {
      const problem = text.trim() === '' ? 'is empty' : 'is not valid JSON';
      throw malformedResponseError('', problem, response.status);
    }
    return { json, status: response.status };
  }

  async function send<T>(
    request: HttpRequest,
    decode: (json: unknown) => T,
    requestOptions: RequestOptions | undefined,
  ): Promise<T> {
    const signal = requestOptions?.signal;
    const path = request.path + encodeQuery(request.query ?? {});
    const url = baseUrl + path;
    const retries = isIdempotentMethod(request.method) ? policy.retries : 0;
    for (let retry = 0; ; retry++) {
      signal?.throwIfAborted();
      let result: { json: unknown; status: number };
      try {
        result = await attempt(request, url, signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (!(error instanceof RosterApiError) || retry >= retries || !isRetryableStatus(error.status))
          throw error;
        const delay = retryDelay(policy, retry + 1, error.retryAfter);
        if (delay === undefined) throw error;
        policy.onRetry?.({ method: request.method, path, retry: retry + 1, delay, error });
        await sleep(delay, signal);
        continue;
      }
      try {
        return decode(result.json);
      } catch (error) {
        throw withStatus(error, result.status);
      }
    }
  }

  return {
    listMemberships(params, requestOptions) {
      const request: HttpRequest = {
        method: 'GET',
        path: `/organizations/${segment(params.organizationId)}/memberships`,
        query: toQuery(params, ['organizationId']),
      };
      return send(request, (json) => decodeMemberships<TPublic, TPrivate>(json), requestOptions);
    },

    listUserMemberships(params, requestOptions) {
      const request: HttpRequest = {
        method: 'GET',
        path: `/users/${segment(params.userId)}/organization_memberships`,
        query: toQuery(params, ['userId']),
      };
      return send(request, (json) => decodeMemberships<TPublic, TPrivate>(json), requestOptions);
    },

    createMembership(params, requestOptions) {
      const body: Record<string, unknown> = { user_id: params.userId, role: params.role };
      if (params.publicMetadata !== undefined) body.public_metadata = params.publicMetadata;
      const request: HttpRequest = {
        method: 'POST',
        path: `/organizations/${segment(params.organizationId)}/memberships`,
        body,
      };
      return send(request, (json) => decodeMembership<TPublic, TPrivate>(json), requestOptions);
    },

    updateMembership(params, requestOptions) {
      const request: HttpRequest = {
        method: 'PATCH',
        path: `/organizations/${segment(params.organizationId)}/memberships/${segment(params.userId)}`,
        body: { role: params.role },
      };
      return send(request, (json) => decodeMembership<TPublic, TPrivate>(json), requestOptions);
    },

    deleteMembership(params, requestOptions) {
      const request: HttpRequest = {
        method: 'DELETE',
        path: `/organizations/${segment(params.organizationId)}/memberships/${segment(params.userId)}`,
      };
      return send(request, (json) => decodeMembership<TPublic, TPrivate>(json), requestOptions);
    },

    updateMembershipMetadata(params, requestOptions) {
      const body: Record<string, unknown> = {};
      if (params.publicMetadata !== undefined) body.public_metadata = params.publicMetadata;
      if (params.privateMetadata !== undefined) body.private_metadata = params.privateMetadata;
      const request: HttpRequest = {
        method: 'PATCH',
        path: `/organizations/${segment(params.organizationId)}/memberships/${segment(params.userId)}/metadata`,
        body,
      };
      return send(request, (json) => decodeMembership<TPublic, TPrivate>(json), requestOptions);
    },

    listRoles(params, requestOptions) {
      const request: HttpRequest = {
        method: 'GET',
        path: '/organization_roles',
        query: toQuery(params ?? {}, []),
      };
      return send(request, decodeRoles, requestOptions);
    },

    listUsers(params, requestOptions) {
      const request: HttpRequest = { method: 'GET', path: '/users', query: toQuery(params, []) };
      return send(request, decodeUsers, requestOptions);
    },
  };
}
