/** Injected latency: a fixed number of ms, or a uniform random range. */
export type Latency = number | { min: number; max: number };

/** A rate limit: at most `requests` per `windowMs` (a fixed window). */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** Throws a `RangeError` for a latency that is negative, not finite, or an inverted range. */
export function assertLatency(latency: Latency): void {
  const [min, max] = typeof latency === 'number' ? [latency, latency] : [latency.min, latency.max];
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max < min) {
    throw new RangeError(
      `Invalid latency ${JSON.stringify(latency)}: use ms >= 0, or { min, max } with min <= max.`,
    );
  }
}

/** Throws a `RangeError` for a failure rate outside 0..1. */
export function assertFailureRate(rate: number): void {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new RangeError(`Invalid fail rate ${rate}: use a number from 0 to 1.`);
  }
}

/** The delay of one request (ms). */
export function pickLatency(latency: Latency, random: () => number): number {
  if (typeof latency === 'number') return latency;
  return latency.min + Math.round(random() * (latency.max - latency.min));
}

/** Waits `ms` (nothing when 0), with `setTimeout` so fake timers control it. */
export function sleep(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A fixed-window limiter over the whole server. `take()` answers `null` when the request may
 * proceed, or the seconds to wait (for `Retry-After`, at least 1) when the window is full.
 */
export class RateLimiter {
  private readonly limit: RateLimit;
  private readonly now: () => number;
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(limit: RateLimit, now: () => number) {
    if (!Number.isSafeInteger(limit.requests) || limit.requests < 1 || !(limit.windowMs > 0)) {
      throw new RangeError(
        `Invalid rate limit ${JSON.stringify(limit)}: use requests >= 1 and windowMs > 0.`,
      );
    }
    this.limit = limit;
    this.now = now;
  }

  /** Counts one request; `null` if allowed, else the seconds until the window resets. */
  take(): number | null {
    const now = this.now();
    if (now - this.windowStart >= this.limit.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used < this.limit.requests) {
      this.used += 1;
      return null;
    }
    return Math.max(1, Math.ceil((this.windowStart + this.limit.windowMs - now) / 1000));
  }
}
