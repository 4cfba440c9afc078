/** One error of a Backend API error body (`errors[]`), in camelCase. */
export interface RosterApiErrorDetail {
  /** Clerk's machine-readable code, e.g. `resource_not_found`. */
  code: string;
  /** A short message for people. */
  message: string;
  /** A longer message for people. */
  longMessage?: string;
  /** Extra data, e.g. `{ paramName: 'role' }`. */
  meta?: { paramName?: string } & Record<string, unknown>;
}

/** What the constructor of {@link RosterApiError} takes. */
export interface RosterApiErrorInit {
  /** The HTTP status; `0` when no response arrived (network error). */
  status: number;
  errors: RosterApiErrorDetail[];
  traceId?: string;
  /** Seconds to wait before retrying, from `Retry-After`. */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * The one error class of Roster: every failed call of a `MembershipsClient` rejects with it. It
 * mirrors Clerk's error body, so `error.errors[0].code` is the code Clerk documents.
 * Codes Roster adds itself: `network_error` (status 0, no response), `malformed_response` (a body that
 * does not have the documented shape) and `http_error` (an error status without a Clerk error body).
 */
export class RosterApiError extends Error {
  override readonly name = 'RosterApiError';
  readonly status: number;
  readonly errors: RosterApiErrorDetail[];
  readonly traceId: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(init: RosterApiErrorInit) {
    const first = init.errors[0];
    super(first ? (first.longMessage ?? first.message) : `Request failed with status ${init.status}`, {
      cause: init.cause,
    });
    this.status = init.status;
    this.errors = init.errors;
    this.traceId = init.traceId;
    this.retryAfter = init.retryAfter;
  }

  /** The code of the first error, e.g. `already_a_member_in_organization`. */
  get code(): string | undefined {
    return this.errors[0]?.code;
  }
}

/** Whether a value is a {@link RosterApiError} (also across bundle copies). */
export function isRosterApiError(value: unknown): value is RosterApiError {
  return value instanceof RosterApiError || (value instanceof Error && value.name === 'RosterApiError');
}

/** Build a single-error {@link RosterApiError}. */
export function createRosterApiError(
  status: number,
  code: string,
  message: string,
  extra: { longMessage?: string; paramName?: string; cause?: unknown } = {},
): RosterApiError {
  const detail: RosterApiErrorDetail = { code, message };
  if (extra.longMessage !== undefined) detail.longMessage = extra.longMessage;
  if (extra.paramName !== undefined) detail.meta = { paramName: extra.paramName };
  return new RosterApiError({ status, errors: [detail], cause: extra.cause });
}
