/**
 * The errors the Node adapter answers itself, before any handler runs: shared by the generic path
 * (`toNodeHandler` of any fetch handler) and the memberships handler's Node path, so both answer
 * alike.
 */
import type { IncomingMessage } from 'node:http';

/** Methods the Fetch API refuses to build a `Request` for: answered 405 before the handler runs. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** Why a Node request could not be handed to the handler. */
export class AdapterError extends Error {
  readonly status: number;
  readonly code: string;
  readonly shortMessage: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, shortMessage: string, longMessage: string, headers = {}) {
    super(longMessage);
    this.status = status;
    this.code = code;
    this.shortMessage = shortMessage;
    this.headers = headers;
  }

  /** Its Clerk-shaped JSON body (`{ errors: [{ code, message, long_message }] }`). */
  bodyText(): string {
    return JSON.stringify({
      errors: [{ code: this.code, message: this.shortMessage, long_message: this.message }],
    });
  }

  /** Its response headers. */
  responseHeaders(): Record<string, string> {
    return { 'content-type': 'application/json', 'cache-control': 'no-store', ...this.headers };
  }
}

/** The 500 the adapter answers when the handler throws. */
export const INTERNAL_ERROR = new AdapterError(
  500,
  'internal_clerk_error',
  'internal error',
  'The request could not be handled.',
);

/**
 * The request's method (upper case) and URL, or the adapter's error: 405 for a method no Fetch
 * `Request` can carry, 400 for a Host header or request target that is not a valid URL.
 */
export function readRequestTarget(req: IncomingMessage): { method: string; url: URL } {
  const method = (req.method ?? 'GET').toUpperCase();
  if (FORBIDDEN_METHODS.has(method)) {
    throw new AdapterError(405, 'method_not_allowed', 'Method not allowed', `${method} is not supported.`, {
      allow: 'GET, POST, PATCH, DELETE',
    });
  }
  const host = req.headers.host ?? 'localhost';
  try {
    return { method, url: new URL(req.url ?? '/', `http://${host}`) };
  } catch {
    throw new AdapterError(
      400,
      'request_invalid',
      'Invalid request',
      'The Host header or the request target is not a valid URL.',
    );
  }
}
