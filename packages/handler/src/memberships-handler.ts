/**
 * `createMembershipsHandler`: the memberships handler as a Fetch API handler (Web APIs only, for
 * Node, the edge runtime and any fetch runtime). Its logic is `memberships-handler-core.ts`; this
 * adapts a `Request` to it and its answer to a `Response`, and calls upstream with `fetch`. The
 * handler also carries a Node entry (non-enumerable) that `toNodeHandler` uses instead.
 */
import { type ClientAbort, createMembershipsCore, type Upstream } from './memberships-handler-core';
import { MEMBERSHIPS_NODE_ENTRY, type MembershipsNodeEntry } from './memberships-handler-node-entry';
import type { MembershipsHandler, MembershipsHandlerOptions } from './memberships-handler-options';
import { answerToResponse } from './memberships-handler-responses';
import { readBodyText } from './memberships-handler-validation';

export type {
  MembershipsHandler,
  MembershipsHandlerAuthorize,
  MembershipsHandlerCaller,
  MembershipsHandlerOptions,
} from './memberships-handler-options';

/** The client going away, as a `Request`'s signal says. */
function signalAbort(signal: AbortSignal): ClientAbort {
  return {
    get aborted() {
      return signal.aborted;
    },
    onAbort(listener) {
      signal.addEventListener('abort', listener, { once: true });
      return () => signal.removeEventListener('abort', listener);
    },
    signal: () => signal,
  };
}

/** Upstream through a fetch: `${apiUrl}${path}`, the body read as text (parsed once by the core). */
export function fetchUpstream(apiUrl: string, upstreamFetch: typeof fetch): Upstream {
  return async (call) => {
    const init: RequestInit = { method: call.method, headers: call.headers, signal: call.abort.signal() };
    if (call.body !== undefined) init.body = call.body;
    const response = await upstreamFetch(`${apiUrl}${call.path}`, init);
    let text: string | null;
    try {
      text = await response.text();
    } catch {
      text = null;
    }
    return { status: response.status, retryAfter: response.headers.get('retry-after'), text };
  };
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
 *
 * Mounted on Node with `toNodeHandler` (from `@roster/handler/node`), the same logic runs on Node's
 * own request and response objects and calls upstream with `node:http`/`node:https` over kept-alive
 * connections (or `options.fetch` when given): no Fetch `Request`/`Response` or stream per request
 * but the body-less `Request` given to `authorize`.
 */
export function createMembershipsHandler(options: MembershipsHandlerOptions): MembershipsHandler {
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const core = createMembershipsCore(options);
  const upstream = fetchUpstream(apiUrl, options.fetch ?? globalThis.fetch.bind(globalThis));

  const handler: MembershipsHandler = async (request) => {
    const url = new URL(request.url);
    const answer = await core(
      {
        method: request.method.toUpperCase(),
        pathname: url.pathname,
        search: url.search,
        urlHost: url.host,
        header: (name) => request.headers.get(name),
        authorizeRequest: () => request,
        readBody: (maxBytes) => readBodyText(request, maxBytes),
        abort: signalAbort(request.signal),
      },
      upstream,
    );
    return answerToResponse(answer);
  };
  const entry: MembershipsNodeEntry = {
    core,
    apiUrl,
    userFetchUpstream: options.fetch ? upstream : undefined,
  };
  // Non-enumerable: the handler stays a plain function to everything but `toNodeHandler`.
  Object.defineProperty(handler, MEMBERSHIPS_NODE_ENTRY, { value: entry });
  return handler;
}
