/**
 * Responses of the browser-facing handler: Clerk-shaped error bodies and JSON bodies with headers that
 * keep them out of shared caches. Internal to `@roster/server`.
 */

/** One error of a Clerk error body, as it goes on the wire. */
export interface HandlerErrorDetailJSON {
  code: string;
  message: string;
  long_message: string;
  meta?: Record<string, unknown>;
}

/** A failure the handler answers with, before or instead of forwarding upstream. */
export class HandlerError extends Error {
  readonly status: number;
  readonly code: string;
  readonly shortMessage: string;
  readonly longMessage: string;
  readonly meta: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    longMessage: string,
    extra: { paramName?: string; meta?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(longMessage);
    this.status = status;
    this.code = code;
    this.shortMessage = message;
    this.longMessage = longMessage;
    const meta = { ...extra.meta, ...(extra.paramName === undefined ? {} : { param_name: extra.paramName }) };
    this.meta = Object.keys(meta).length > 0 ? meta : undefined;
    this.headers = extra.headers;
  }

  toResponse(): Response {
    const detail: HandlerErrorDetailJSON = {
      code: this.code,
      message: this.shortMessage,
      long_message: this.longMessage,
    };
    if (this.meta) detail.meta = this.meta;
    return jsonResponse({ errors: [detail] }, this.status, this.headers);
  }
}

/** Headers on every handler response: never cached by a shared cache, never sniffed as HTML. */
const BASE_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * Set on each response {@link jsonResponse} builds: the exact text of its body. The secret-key
 * check reads it instead of cloning the body stream, and `toNodeHandler` writes it in one
 * `res.end` instead of streaming the encoded bytes. A registered symbol, so every copy of this
 * module (each entry of the package) sees the same key.
 */
export const JSON_BODY_TEXT: unique symbol = Symbol.for('@roster/handler.jsonBodyText');

/** A JSON response with the handler's base headers. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, { status, headers: { ...BASE_HEADERS, ...headers } });
  Object.defineProperty(response, JSON_BODY_TEXT, { value: text });
  return response;
}

/** The body text of a response {@link jsonResponse} built and nobody has read, else undefined. */
export function jsonBodyText(response: Response): string | undefined {
  const text = (response as Response & { [JSON_BODY_TEXT]?: unknown })[JSON_BODY_TEXT];
  return typeof text === 'string' && !response.bodyUsed ? text : undefined;
}

/**
 * Whether a response would send `needle` anywhere: in a header value or in its body (its
 * {@link jsonBodyText} when known, else read from a clone, so a streamed body is checked too).
 */
export async function responseContains(response: Response, needle: string): Promise<boolean> {
  let found = false;
  response.headers.forEach((value) => {
    if (value.includes(needle)) found = true;
  });
  if (found) return true;
  const body = jsonBodyText(response) ?? (await response.clone().text());
  return body.includes(needle);
}

/** 401: no caller (no or invalid session). */
export function unauthenticated(): HandlerError {
  return new HandlerError(
    401,
    'authentication_invalid',
    'Invalid authentication',
    'Unable to authenticate the request, you need to supply an active session',
  );
}

/** 404 in the Backend API's shape, also used for resources outside the caller's scope. */
export function notFound(what = 'resource'): HandlerError {
  return new HandlerError(404, 'resource_not_found', 'not found', `No ${what} was found.`);
}

/** 403: the caller lacks an organization permission. */
export function missingPermission(permission: string): HandlerError {
  return new HandlerError(
    403,
    'missing_organization_permission',
    'missing permission',
    `Current user is missing an organization permission: ${permission}.`,
    { meta: { permissions: [permission] } },
  );
}

/** 403: a request the caller may not make (cross-origin write, removing oneself). */
export function forbidden(longMessage: string): HandlerError {
  return new HandlerError(403, 'authorization_invalid', 'Unauthorized request', longMessage);
}

/** 422: a parameter has a bad value. */
export function invalidParam(paramName: string, longMessage: string): HandlerError {
  return new HandlerError(422, 'form_param_value_invalid', 'is invalid', longMessage, { paramName });
}

/** 422: a parameter the handler does not accept (including `private_metadata`). */
export function unknownParam(paramName: string, longMessage?: string): HandlerError {
  return new HandlerError(
    422,
    'form_param_unknown',
    'is unknown',
    longMessage ?? `${paramName} is not a valid parameter for this request.`,
    { paramName },
  );
}

/** 422: a required parameter is missing. */
export function missingParam(paramName: string): HandlerError {
  return new HandlerError(422, 'form_param_missing', 'is missing', `${paramName} must be included.`, {
    paramName,
  });
}

/** 400: the body is not JSON, or not a JSON object. */
export function invalidBody(longMessage: string): HandlerError {
  return new HandlerError(400, 'request_body_invalid', 'Request body invalid', longMessage);
}
