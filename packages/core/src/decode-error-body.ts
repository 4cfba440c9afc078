import { RosterApiError, type RosterApiErrorDetail } from './errors';
import { isJsonObject } from './wire-reader';

function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Seconds to wait from a `Retry-After` header value: delta-seconds or an HTTP date (relative to
 * `now`, never negative). `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function decodeErrorDetail(value: unknown): RosterApiErrorDetail | undefined {
  if (!isJsonObject(value)) return undefined;
  const { code, message, long_message: longMessage, meta } = value;
  if (typeof code !== 'string' && typeof message !== 'string') return undefined;
  const detail: RosterApiErrorDetail = {
    code: typeof code === 'string' ? code : 'unknown_error',
    message: typeof message === 'string' ? message : String(code),
  };
  if (typeof longMessage === 'string') detail.longMessage = longMessage;
  if (isJsonObject(meta)) {
    detail.meta = Object.fromEntries(Object.entries(meta).map(([k, v]) => [snakeToCamel(k), v]));
  }
  return detail;
}

/**
 * Turn an error response into a `RosterApiError`: a Clerk error body gives `errors[]` (camelCased:
 * `long_message` -> `longMessage`, `meta.param_name` -> `meta.paramName`) and `traceId`
 * (`clerk_trace_id`); `Retry-After` gives `retryAfter` in seconds. Any other body (HTML from a
 * proxy, plain text, empty) gives one error with code `http_error` and the status in its message.
 */
export function decodeErrorBody(status: number, body: unknown, headers?: Headers): RosterApiError {
  const retryAfter = parseRetryAfter(headers?.get('retry-after'));
  const details = isJsonObject(body) && Array.isArray(body.errors) ? body.errors.map(decodeErrorDetail) : [];
  const errors = details.filter((d): d is RosterApiErrorDetail => d !== undefined);
  if (errors.length === 0) {
    const detail: RosterApiErrorDetail = {
      code: 'http_error',
      message: `Request failed with status ${status}`,
    };
    if (typeof body === 'string' && body.trim() !== '') {
      detail.longMessage = `Request failed with status ${status}: ${body.trim().slice(0, 200)}`;
    }
    errors.push(detail);
  }
  const traceId =
    isJsonObject(body) && typeof body.clerk_trace_id === 'string' ? body.clerk_trace_id : undefined;
  return new RosterApiError({
    status,
    errors,
    ...(traceId !== undefined && { traceId }),
    ...(retryAfter !== undefined && { retryAfter }),
  });
}
