/**
 * Responses of the browser-facing handler: Clerk-shaped error bodies and JSON bodies with headers that
 * keep them out of shared caches. Internal to `@roster/handler`.
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

  /** This error as the handler answers it: Clerk's error body. */
  toAnswer(): HandlerAnswer {
    const detail: HandlerErrorDetailJSON = {
      code: this.code,
      message: this.shortMessage,
      long_message: this.longMessage,
    };
    if (this.meta) detail.meta = this.meta;
    return jsonAnswer({ errors: [detail] }, this.status, this.headers);
  }
}

/** Headers on every handler response: never cached by a shared cache, never sniffed as HTML. */
const BASE_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * An answer of the handler as plain data: what the fetch path turns into a `Response` and the Node
 * path writes to the socket as it is (no Fetch objects, no stream).
 */
export interface HandlerAnswer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The exact JSON text of the body. */
  bodyText: string;
}

/** A JSON answer with the handler's base headers. */
export function jsonAnswer(body: unknown, status = 200, headers?: Record<string, string>): HandlerAnswer {
  return {
    status,
    headers: headers ? { ...BASE_HEADERS, ...headers } : { ...BASE_HEADERS },
    bodyText: JSON.stringify(body),
  };
}

/**
 * Whether an answer would send `needle` anywhere: in a header value or in its body. The body is
 * the exact text that goes out, so this is the whole check (an escaped `\u` form of the key in
 * upstream's JSON was unescaped by `JSON.parse` and is plain again here).
 */
export function answerContains(answer: HandlerAnswer, needle: string): boolean {
  if (answer.bodyText.includes(needle)) return true;
  for (const name in answer.headers) if (answer.headers[name]?.includes(needle)) return true;
  return false;
}

/**
 * Set on each response {@link answerToResponse} builds: the exact text of its body, so
 * `toNodeHandler` (when the handler reaches it as a plain fetch handler, e.g. wrapped) writes it in
 * one `res.end` instead of streaming the encoded bytes. A registered symbol, so every copy of this
 * module (each entry of the package) sees the same key.
 */
export const JSON_BODY_TEXT: unique symbol = Symbol.for('@roster/handler.jsonBodyText');

/** An answer as a Fetch `Response` (the fetch path), its body text kept under {@link JSON_BODY_TEXT}. */
export function answerToResponse(answer: HandlerAnswer): Response {
  const response = new Response(answer.bodyText, { status: answer.status, headers: answer.headers });
  Object.defineProperty(response, JSON_BODY_TEXT, { value: answer.bodyText });
  return response;
}

/** The body text of a response {@link answerToResponse} built and nobody has read, else undefined. */
export function jsonBodyText(response: Response): string | undefined {
  const text = (response as Response & { [JSON_BODY_TEXT]?: unknown })[JSON_BODY_TEXT];
  return typeof text === 'string' && !response.bodyUsed ? text : undefined;
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
