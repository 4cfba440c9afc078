import { randomBytes } from 'node:crypto';
import type { RosterApiError } from '@roster/core';

/** One entry of a Clerk error body's `errors[]`, as it goes on the wire (snake_case). */
export interface ClerkErrorDetailJSON {
  message: string;
  long_message: string;
  code: string;
  meta?: Record<string, unknown>;
}

/**
 * A failure a route reports to the caller: the HTTP status plus Clerk's error code and messages.
 * Route code throws it; the server turns it into Clerk's error body. Anything else that is thrown
 * becomes a 500 `internal_clerk_error`.
 */
export class ClerkHttpError extends Error {
  override readonly name = 'ClerkHttpError';
  readonly status: number;
  readonly code: string;
  readonly longMessage: string;
  readonly paramName: string | undefined;
  /** Extra response headers, e.g. `Retry-After` on a 429. */
  readonly headers: Record<string, string>;
  /** Extra `meta` entries beside `param_name` (snake_case), e.g. a bulk item's `index`. */
  readonly meta: Record<string, unknown> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    longMessage: string,
    options: { paramName?: string; headers?: Record<string, string>; meta?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.longMessage = longMessage;
    this.paramName = options.paramName;
    this.headers = options.headers ?? {};
    this.meta = options.meta;
  }

  /** The error as an entry of `errors[]`. */
  toJSON(): ClerkErrorDetailJSON {
    const detail: ClerkErrorDetailJSON = {
      message: this.message,
      long_message: this.longMessage,
      code: this.code,
    };
    if (this.paramName !== undefined || this.meta !== undefined) {
      detail.meta = { ...this.meta };
      if (this.paramName !== undefined) detail.meta.param_name = this.paramName;
    }
    return detail;
  }
}

/**
 * The Backend API error core's shared rules raise (`RosterApiError`, e.g. from `readInvitationBody`)
 * as a route error: same status, code, messages and meta (keys snake_cased back).
 */
export function fromRosterApiError(error: RosterApiError): ClerkHttpError {
  const detail = error.errors[0];
  const { paramName, ...rest } = detail?.meta ?? {};
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest))
    meta[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
  const options: { paramName?: string; meta?: Record<string, unknown> } = {};
  if (typeof paramName === 'string') options.paramName = paramName;
  if (Object.keys(meta).length > 0) options.meta = meta;
  const message = detail?.message ?? error.message;
  return new ClerkHttpError(
    error.status,
    detail?.code ?? 'internal_clerk_error',
    message,
    detail?.longMessage ?? message,
    options,
  );
}

/** A new trace id for an error body (`clerk_trace_id`), random like Clerk's. */
export function createTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** 404 `resource_not_found`. */
export function notFound(what: string, longMessage = `${what} not found`): ClerkHttpError {
  return new ClerkHttpError(404, 'resource_not_found', 'not found', longMessage);
}

/** 422 `form_param_missing` for a required parameter that is absent. */
export function paramMissing(paramName: string): ClerkHttpError {
  return new ClerkHttpError(422, 'form_param_missing', 'is missing', `${paramName} must be included.`, {
    paramName,
  });
}

/** 422 `form_param_value_invalid` for a parameter with a value of the wrong type or range. */
export function paramInvalid(paramName: string, longMessage: string): ClerkHttpError {
  return new ClerkHttpError(422, 'form_param_value_invalid', 'is invalid', longMessage, { paramName });
}

/** 422 `form_param_unknown` for a body parameter the endpoint does not take. */
export function paramUnknown(paramName: string): ClerkHttpError {
  return new ClerkHttpError(
    422,
    'form_param_unknown',
    'is unknown',
    `${paramName} is not a valid parameter for this request.`,
    { paramName },
  );
}

/** 400 `request_body_invalid` for a body that is not a JSON object. */
export function requestBodyInvalid(): ClerkHttpError {
  return new ClerkHttpError(
    400,
    'request_body_invalid',
    'Request body invalid',
    'The request body is invalid. Please consult the API documentation for more information.',
  );
}
