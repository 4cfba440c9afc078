import { isAbortError } from './abort-error';
import type { InvitationMethods, MembershipsClient, RequestOptions } from './client';
import { decodeMembership, decodeMemberships, decodeRoles } from './codec';
import { decodeErrorBody } from './decode-error-body';
import { RosterApiError } from './errors';
import { decodeInvitation, decodeInvitations } from './invitation-codec';
import { invitationInputToWire } from './invitation-rules';
import type { Metadata, OrganizationMembership } from './models';
import {
  abortable,
  isIdempotentMethod,
  isRetryableStatus,
  type ResolvedRetryPolicy,
  type ResolvedTimeouts,
  type RetryOptions,
  resolveRetryPolicy,
  resolveTimeouts,
  retryDelay,
  sleep,
  startTimeout,
  type TimeoutOptions,
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
  /**
   * How long to wait: `{ attempt: 10_000, total: 30_000 }` by default (ms per attempt, and per call
   * with every retry and wait included); `false` waits forever. A timeout rejects with
   * `RosterApiError` code `request_timeout` (status 0). The call's `AbortSignal` still cancels
   * everything at once. See {@link TimeoutOptions}.
   */
  timeout?: TimeoutOptions | false;
}

type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: Record<string, unknown> | unknown[];
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

function networkError(cause: unknown): RosterApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new RosterApiError({
    status: 0,
    errors: [{ code: 'network_error', message: 'Network error', longMessage: `Network error: ${reason}` }],
    cause,
  });
}

function timeoutError(which: 'attempt' | 'total', ms: number): RosterApiError {
  const longMessage =
    which === 'attempt'
      ? `No response within ${ms} ms (the per-attempt timeout).`
      : `The call did not complete within ${ms} ms (the total timeout, retries included).`;
  return new RosterApiError({
    status: 0,
    errors: [{ code: 'request_timeout', message: 'Request timed out', longMessage }],
  });
}

/**
 * What `deleteMembership` resolves to when a retry finds the member already gone: the first attempt's
 * answer was lost (network error, timeout or 5xx) and the retry got 404, so the removal happened. Only
 * the organization and user IDs are known; every other field is empty (`id: ''`, `role: ''`, times 0).
 */
function confirmedRemoval<TPublic extends Metadata, TPrivate extends Metadata>(
  organizationId: string,
  userId: string,
): OrganizationMembership<TPublic, TPrivate> {
  return {
    object: 'organization_membership',
    id: '',
    role: '',
    permissions: [],
    publicMetadata: {} as TPublic,
    organization: {
      object: 'organization',
      id: organizationId,
      name: '',
      slug: '',
      hasImage: false,
      maxAllowedMemberships: 0,
      adminDeleteEnabled: false,
      publicMetadata: {},
      createdAt: 0,
      updatedAt: 0,
    },
    publicUserData: {
      userId,
      firstName: null,
      lastName: null,
      imageUrl: '',
      hasImage: false,
      identifier: null,
    },
    createdAt: 0,
    updatedAt: 0,
  };
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
 * `RosterApiError` (`network_error` with status 0 when no response arrived; `request_timeout` with
 * status 0 when `timeout` passed; `malformed_response` when a response is not the documented JSON),
 * or with the signal's reason when aborted.
 *
 * `deleteMembership` is safe to retry: when an attempt's answer is lost (network error, timeout,
 * 5xx) and a retry answers 404, the member is gone, so the call resolves (with a membership that
 * carries only the organization and user IDs) instead of rejecting. A 404 on the first attempt, or
 * after only 429s, still rejects: then nothing was removed by this call.
 */
export function createHttpClient<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  options: HttpClientOptions,
): MembershipsClient<TPublic, TPrivate> &
  Required<Pick<MembershipsClient<TPublic, TPrivate>, 'listUsers' | InvitationMethods>> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const policy: ResolvedRetryPolicy = resolveRetryPolicy(options.retry);
  const timeouts: ResolvedTimeouts = resolveTimeouts(options.timeout);

  async function buildHeaders(hasBody: boolean): Promise<Headers> {
    const given = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers = new Headers(given);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    if (hasBody) headers.set('content-type', 'application/json');
    return headers;
  }

  /**
   * One attempt: the decoded JSON of a 2xx, or a thrown error. `signal` aborts on the caller's
   * signal and on either timeout; its reason is what the attempt rejects with then.
   */
  async function attempt(request: HttpRequest, url: string, signal: AbortSignal, keepalive: boolean) {
    const hasBody = request.body !== undefined;
    const init: RequestInit = { method: request.method, headers: await buildHeaders(hasBody), signal };
    if (keepalive) init.keepalive = true;
    if (hasBody) init.body = JSON.stringify(request.body);
    let response: Response;
    let text: string;
    try {
      // `abortable`: a fetch that ignores its signal still cannot outlive the timeout.
      response = await abortable(fetchImpl(url, init), signal);
      text = await abortable(response.text(), signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
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

  /**
   * Sends a request with retries and timeouts. `goneAfterRetry`, when given, is what a 404 answered
   * to a retry resolves to, provided an earlier attempt may have been applied (its answer was lost,
   * timed out or was a 5xx): the request then already did what it was for.
   */
  async function send<T>(
    request: HttpRequest,
    decode: (json: unknown) => T,
    requestOptions: RequestOptions | undefined,
    goneAfterRetry?: () => T,
  ): Promise<T> {
    const path = request.path + encodeQuery(request.query ?? {});
    const url = baseUrl + path;
    const retries = isIdempotentMethod(request.method) ? policy.retries : 0;
    const total = startTimeout(requestOptions?.signal, timeouts.total, () =>
      timeoutError('total', timeouts.total),
    );
    let mayHaveBeenApplied = false;
    try {
      for (let retry = 0; ; retry++) {
        total.signal.throwIfAborted();
        let result: { json: unknown; status: number };
        const scope = startTimeout(total.signal, timeouts.attempt, () =>
          timeoutError('attempt', timeouts.attempt),
        );
        try {
          result = await attempt(request, url, scope.signal, requestOptions?.keepalive === true);
        } catch (error) {
          if (total.signal.aborted) throw total.signal.reason;
          if (
            error instanceof RosterApiError &&
            error.status === 404 &&
            mayHaveBeenApplied &&
            goneAfterRetry
          ) {
            return goneAfterRetry();
          }
          if (!(error instanceof RosterApiError) || retry >= retries || !isRetryableStatus(error.status))
            throw error;
          const delay = retryDelay(policy, retry + 1, error.retryAfter);
          if (delay === undefined) throw error;
          if (error.status !== 429) mayHaveBeenApplied = true;
          policy.onRetry?.({ method: request.method, path, retry: retry + 1, delay, error });
          await sleep(delay, total.signal);
          continue;
        } finally {
          scope.clear();
        }
        try {
          return decode(result.json);
        } catch (error) {
          throw withStatus(error, result.status);
        }
      }
    } finally {
      total.clear();
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
      return send(
        request,
        (json) => decodeMembership<TPublic, TPrivate>(json),
        requestOptions,
        () => confirmedRemoval<TPublic, TPrivate>(params.organizationId, params.userId),
      );
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

    listInvitations(params, requestOptions) {
      const request: HttpRequest = {
        method: 'GET',
        path: `/organizations/${segment(params.organizationId)}/invitations`,
        query: toQuery(params, ['organizationId']),
      };
      return send(request, (json) => decodeInvitations<TPublic, TPrivate>(json), requestOptions);
    },

    createInvitation(params, requestOptions) {
      const { organizationId, ...input } = params;
      const request: HttpRequest = {
        method: 'POST',
        path: `/organizations/${segment(organizationId)}/invitations`,
        body: invitationInputToWire(input),
      };
      return send(request, (json) => decodeInvitation<TPublic, TPrivate>(json), requestOptions);
    },

    createInvitations(params, requestOptions) {
      const request: HttpRequest = {
        method: 'POST',
        path: `/organizations/${segment(params.organizationId)}/invitations/bulk`,
        body: params.invitations.map((input) => invitationInputToWire(input)),
      };
      return send(request, (json) => decodeInvitations<TPublic, TPrivate>(json), requestOptions);
    },

    getInvitation(params, requestOptions) {
      const request: HttpRequest = {
        method: 'GET',
        path: `/organizations/${segment(params.organizationId)}/invitations/${segment(params.invitationId)}`,
      };
      return send(request, (json) => decodeInvitation<TPublic, TPrivate>(json), requestOptions);
    },

    revokeInvitation(params, requestOptions) {
      const body: Record<string, unknown> = {};
      if (params.requestingUserId != null) body.requesting_user_id = params.requestingUserId;
      const request: HttpRequest = {
        method: 'POST',
        path: `/organizations/${segment(params.organizationId)}/invitations/${segment(params.invitationId)}/revoke`,
        body,
      };
      return send(request, (json) => decodeInvitation<TPublic, TPrivate>(json), requestOptions);
    },
  };
}
