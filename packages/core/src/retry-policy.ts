import type { RosterApiError } from './errors';

/** What a retry is about to happen after (passed to `RetryOptions.onRetry`). */
export interface RetryAttempt {
  /** `GET`, `PATCH` or `DELETE` (POST is never retried). */
  method: string;
  /** The request path after `baseUrl`, with its query. */
  path: string;
  /** 1 for the first retry, 2 for the second, ... */
  retry: number;
  /** How long the client waits before the retry, in ms (from `Retry-After`, else backoff). */
  delay: number;
  /** Why: a `network_error` (status 0), a 429 or a 5xx. */
  error: RosterApiError;
}

/**
 * How `createHttpClient` retries. Only idempotent calls are retried (GET, PATCH, DELETE), only on
 * a network error, 429 or 5xx (not 501), with exponential backoff and full jitter, honouring
 * `Retry-After`. Every wait is cancelled by the call's `AbortSignal`.
 */
export interface RetryOptions {
  /** Retries after the first attempt (so at most `retries + 1` requests). Default 3. */
  retries?: number;
  /** The backoff's first ceiling in ms; it doubles every retry. Default 300. */
  baseDelay?: number;
  /** The largest backoff ceiling in ms. Default 5000. */
  maxDelay?: number;
  /**
   * The longest `Retry-After` (in seconds) worth waiting for inside a call. A longer one is not
   * waited: the call rejects at once with the 429/503 error, whose `retryAfter` says how long the
   * server asked for, so the UI can tell the user instead of hanging. Default 60.
   */
  maxRetryAfter?: number;
  /** Random source in [0, 1) for the jitter (inject a fixed one for deterministic tests). */
  random?: () => number;
  /** Called before each wait, e.g. to log retries. */
  onRetry?: (attempt: RetryAttempt) => void;
}

/** `RetryOptions` with every default applied. */
export interface ResolvedRetryPolicy {
  retries: number;
  baseDelay: number;
  maxDelay: number;
  maxRetryAfter: number;
  random: () => number;
  onRetry: ((attempt: RetryAttempt) => void) | undefined;
}

/** Apply the defaults; `false` gives a policy with no retries. */
export function resolveRetryPolicy(options: RetryOptions | false | undefined): ResolvedRetryPolicy {
  const o = options === false ? { retries: 0 } : (options ?? {});
  return {
    retries: Math.max(0, Math.floor(o.retries ?? 3)),
    baseDelay: Math.max(0, o.baseDelay ?? 300),
    maxDelay: Math.max(0, o.maxDelay ?? 5000),
    maxRetryAfter: Math.max(0, o.maxRetryAfter ?? 60),
    random: o.random ?? Math.random,
    onRetry: o.onRetry,
  };
}

/** Methods that may be sent twice with the same effect. */
export function isIdempotentMethod(method: string): boolean {
  return method === 'GET' || method === 'PATCH' || method === 'DELETE';
}

/** A status (or `0` for a network error) worth retrying: the condition may be gone next time. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 429 || (status >= 500 && status !== 501);
}

/**
 * The wait before retry number `retry` (1-based), in ms: the server's `Retry-After` when it gave
 * one, else full jitter (`random * min(maxDelay, baseDelay * 2^(retry-1))`). `undefined` when the
 * server asked for longer than `maxRetryAfter`.
 */
export function retryDelay(
  policy: ResolvedRetryPolicy,
  retry: number,
  retryAfter: number | undefined,
): number | undefined {
  if (retryAfter !== undefined) {
    if (retryAfter > policy.maxRetryAfter) return undefined;
    if (retryAfter > 0) return retryAfter * 1000;
  }
  const ceiling = Math.min(policy.maxDelay, policy.baseDelay * 2 ** (retry - 1));
  return Math.floor(policy.random() * ceiling);
}

/** Wait `ms`, or reject with the signal's reason as soon as it aborts (also if already aborted). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
