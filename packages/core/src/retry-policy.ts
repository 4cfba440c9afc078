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

/** Options of `createHttpClient`'s `timeout`: how long to wait, in ms, before giving up. */
export interface TimeoutOptions {
  /**
   * How long one attempt may take, from sending the request to the last byte of the response.
   * A timed-out attempt rejects with `RosterApiError` code `request_timeout` (status 0) and counts
   * as a network error: GET, PATCH and DELETE are retried, POST is not (it may have been applied).
   * Default 10,000; `Infinity` waits forever.
   */
  attempt?: number;
  /**
   * How long a whole call may take, every attempt and every wait between retries included. When it
   * passes, the call rejects with `request_timeout` at once, even in the middle of a retry's wait.
   * Default 30,000; `Infinity` waits forever.
   */
  total?: number;
}

/** `TimeoutOptions` with the defaults applied. */
export interface ResolvedTimeouts {
  attempt: number;
  total: number;
}

/** Apply the defaults (10 s per attempt, 30 s per call); `false` waits forever. */
export function resolveTimeouts(options: TimeoutOptions | false | undefined): ResolvedTimeouts {
  if (options === false) return { attempt: Number.POSITIVE_INFINITY, total: Number.POSITIVE_INFINITY };
  return { attempt: Math.max(0, options?.attempt ?? 10_000), total: Math.max(0, options?.total ?? 30_000) };
}

/** The largest delay `setTimeout` honours (longer ones fire at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A signal that aborts when `parent` does (with its reason) or after `ms` (with `timeoutReason()`). */
export interface TimeoutScope {
  signal: AbortSignal;
  /** Stops the timer and the link to the parent; call it when the scope's work is done. */
  clear(): void;
}

/** Starts a {@link TimeoutScope}; an infinite `ms` sets no timer. */
export function startTimeout(
  parent: AbortSignal | undefined,
  ms: number,
  timeoutReason: () => unknown,
): TimeoutScope {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onAbort();
  else parent?.addEventListener('abort', onAbort, { once: true });
  const timer = Number.isFinite(ms)
    ? setTimeout(() => controller.abort(timeoutReason()), Math.min(ms, MAX_TIMER_MS))
    : undefined;
  return {
    signal: controller.signal,
    clear() {
      if (timer !== undefined) clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
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
