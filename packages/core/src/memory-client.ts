import type { ListUsersParams, MembershipsClient, RequestOptions } from './client';
import { isRosterApiError, type RosterApiError } from './errors';
import { injectedFailureError } from './memory-client-errors';
import type { InvitationAcceptance } from './memory-invitation-store';
import { MemoryStore } from './memory-store';
import type {
  Metadata,
  OrganizationInvitation,
  OrganizationInvitations,
  OrganizationMembership,
  Users,
} from './models';
import type { SeedData } from './seed';

/** A fixed delay in ms, or a range a delay is drawn from for each call. */
export type MemoryClientLatency = number | { min: number; max: number };

/** Options of {@link createMemoryClient}. */
export interface MemoryClientOptions {
  /**
   * How long each call takes before it answers (ms), to show loading states and race conditions.
   * Default 0: answers after a microtask, no timer. Uses `setTimeout`, so fake timers control it.
   */
  latency?: MemoryClientLatency;
  /**
   * The probability (0..1) that a mutation (create, update, delete, metadata) fails with a 500
   * `internal_clerk_error` without changing anything. Reads never fail randomly. Default 0.
   */
  failureRate?: number;
  /** The random source for `failureRate` and latency ranges (inject a seeded one for reproducible runs). Default `Math.random`. */
  random?: () => number;
  /** The clock for `createdAt`/`updatedAt` of changes. Default `Date.now`. */
  now?: () => number;
}

/** The name of a `MembershipsClient` method, e.g. `updateMembership`. */
export type MemoryClientMethod = keyof MembershipsClient;

/** What {@link MemoryClient.acceptInvitation} produced: the accepted invitation and the new membership. */
export type MemoryInvitationAcceptance<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = {
  invitation: OrganizationInvitation<TPublic, TPrivate>;
  membership: OrganizationMembership<TPublic, TPrivate>;
};

/** One call the client received, in call order. */
export interface MemoryClientRequest {
  method: MemoryClientMethod;
  /** A copy of the call's parameters, as given. */
  params: unknown;
}

/**
 * A `MembershipsClient` that keeps its data in memory, plus controls for tests and demos. Behaves as
 * the Backend API (and the local server) does: same ordering, filters, paging limits, validation,
 * error statuses and codes, metadata deep merge, last-admin rule and membership quota.
 */
export interface MemoryClient<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>
  extends MembershipsClient<TPublic, TPrivate> {
  listInvitations: NonNullable<MembershipsClient<TPublic, TPrivate>['listInvitations']>;
  createInvitation: NonNullable<MembershipsClient<TPublic, TPrivate>['createInvitation']>;
  createInvitations: NonNullable<MembershipsClient<TPublic, TPrivate>['createInvitations']>;
  getInvitation: NonNullable<MembershipsClient<TPublic, TPrivate>['getInvitation']>;
  revokeInvitation: NonNullable<MembershipsClient<TPublic, TPrivate>['revokeInvitation']>;
  /**
   * Accepts a pending invitation as its invitee would (the local Backend API's
   * `POST /v1/__invitations/{id}/accept`): creates the user when no user has the address, adds the
   * membership with the invited role and both metadata, marks the invitation `accepted`. Synchronous
   * and outside `requests`, latency and failure injection: it is the invitee acting elsewhere.
   */
  acceptInvitation(invitationId: string): MemoryInvitationAcceptance<TPublic, TPrivate>;
  /** Searches the seeded users (by ID, name, email, username, phone, web3 wallet), newest first. */
  listUsers(params?: ListUsersParams, options?: RequestOptions): Promise<Users>;
  /** Changes the latency of calls made from now on. */
  setLatency(latency: MemoryClientLatency): void;
  /** Changes the random failure rate of mutations made from now on (0..1). */
  setFailureRate(rate: number): void;
  /**
   * Makes the next call of `method` fail with `error` (default: a 500 `internal_clerk_error`)
   * without changing anything. Calls queue up: `failNext` twice fails the next two calls.
   */
  failNext(method: MemoryClientMethod, error?: RosterApiError): void;
  /** The server's truth: every membership of every organization, in creation order (copies). */
  snapshot(): { memberships: OrganizationMembership<TPublic, TPrivate>[] };
  /** Every call received so far, failed and aborted ones included. */
  readonly requests: ReadonlyArray<MemoryClientRequest>;
  /** Empties {@link MemoryClient.requests}. */
  clearRequests(): void;
}

const METHODS: readonly MemoryClientMethod[] = [
  'listMemberships',
  'listUserMemberships',
  'createMembership',
  'updateMembership',
  'deleteMembership',
  'updateMembershipMetadata',
  'listRoles',
  'listUsers',
  'listInvitations',
  'createInvitation',
  'createInvitations',
  'getInvitation',
  'revokeInvitation',
];

const MUTATIONS: ReadonlySet<MemoryClientMethod> = new Set([
  'createMembership',
  'updateMembership',
  'deleteMembership',
  'updateMembershipMetadata',
  'createInvitation',
  'createInvitations',
  'revokeInvitation',
]);

function checkLatency(latency: MemoryClientLatency): MemoryClientLatency {
  const valid =
    typeof latency === 'number'
      ? Number.isFinite(latency) && latency >= 0
      : Number.isFinite(latency.min) &&
        Number.isFinite(latency.max) &&
        latency.min >= 0 &&
        latency.max >= latency.min;
  if (!valid) throw new RangeError('latency must be a number >= 0 or { min, max } with 0 <= min <= max');
  return typeof latency === 'number' ? latency : { ...latency };
}

function checkRate(rate: number): number {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError('failureRate must be between 0 and 1');
  return rate;
}

function copyParams(params: unknown): unknown {
  try {
    return structuredClone(params);
  } catch {
    return params;
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Creates an in-memory `MembershipsClient` from seed data (`createDemoSeed()` for the demo data; no
 * seed: no users, no organizations, `DEFAULT_ROLES`). For tests, stories and offline demos.
 *
 * Every call is asynchronous: it waits `latency` (a `setTimeout`), then reads or changes the data
 * and answers with copies. Aborting the call's signal before then rejects with the signal's reason
 * and changes nothing. Invalid input rejects with the Backend API's `RosterApiError` and changes nothing.
 *
 * @throws Error when the seed is inconsistent (duplicate IDs, a membership of an unknown user,
 * organization or role); RangeError for an invalid `latency` or `failureRate`.
 */
export function createMemoryClient<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  seed?: SeedData,
  options: MemoryClientOptions = {},
): MemoryClient<TPublic, TPrivate> {
  const random = options.random ?? Math.random;
  const store = new MemoryStore(seed, options.now ?? Date.now);
  let latency = checkLatency(options.latency ?? 0);
  let failureRate = checkRate(options.failureRate ?? 0);
  const requests: MemoryClientRequest[] = [];
  const pendingFailures = new Map<MemoryClientMethod, RosterApiError[]>();

  function nextDelay(): number {
    if (typeof latency === 'number') return latency;
    return latency.min + random() * (latency.max - latency.min);
  }

  /** Resolves after the latency; rejects with the signal's reason if it aborts first. */
  function wait(signal: AbortSignal | undefined): Promise<void> {
    const delay = nextDelay();
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => {
        if (timer !== undefined) clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      };
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) reject(abortReason(signal));
        else resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (delay > 0) timer = setTimeout(done, delay);
      else queueMicrotask(done);
    });
  }

  function takeInjectedFailure(method: MemoryClientMethod): RosterApiError | undefined {
    const queued = pendingFailures.get(method);
    const error = queued?.shift();
    if (queued && queued.length === 0) pendingFailures.delete(method);
    if (error) return error;
    if (MUTATIONS.has(method) && failureRate > 0 && random() < failureRate)
      return injectedFailureError(method);
    return undefined;
  }

  /** One call: log it, decide an injected failure now, wait, then run it against the store. */
  async function call<T>(
    method: MemoryClientMethod,
    params: unknown,
    requestOptions: RequestOptions | undefined,
    run: () => T,
  ): Promise<T> {
    requests.push({ method, params: copyParams(params) });
    const injected = takeInjectedFailure(method);
    await wait(requestOptions?.signal);
    if (injected) throw injected;
    return run();
  }

  // The store is typed with plain metadata; the generics only narrow what callers see.
  type Membership = OrganizationMembership<TPublic, TPrivate>;
  const client: MemoryClient<TPublic, TPrivate> = {
    listMemberships: (params, requestOptions) =>
      call('listMemberships', params, requestOptions, () => store.listMemberships(params)) as Promise<{
        data: Membership[];
        totalCount: number;
      }>,
    listUserMemberships: (params, requestOptions) =>
      call('listUserMemberships', params, requestOptions, () =>
        store.listUserMemberships(params),
      ) as Promise<{
        data: Membership[];
        totalCount: number;
      }>,
    createMembership: (params, requestOptions) =>
      call('createMembership', params, requestOptions, () =>
        store.createMembership(params),
      ) as Promise<Membership>,
    updateMembership: (params, requestOptions) =>
      call('updateMembership', params, requestOptions, () =>
        store.updateMembership(params),
      ) as Promise<Membership>,
    deleteMembership: (params, requestOptions) =>
      call('deleteMembership', params, requestOptions, () =>
        store.deleteMembership(params),
      ) as Promise<Membership>,
    updateMembershipMetadata: (params, requestOptions) =>
      call('updateMembershipMetadata', params, requestOptions, () =>
        store.updateMembershipMetadata(params),
      ) as Promise<Membership>,
    listRoles: (params, requestOptions) =>
      call('listRoles', params, requestOptions, () => store.listRoles(params)),
    listUsers: (params, requestOptions) =>
      call('listUsers', params, requestOptions, () => store.listUsers(params)),
    listInvitations: (params, requestOptions) =>
      call('listInvitations', params, requestOptions, () => store.invitations.list(params)) as Promise<
        OrganizationInvitations<TPublic, TPrivate>
      >,
    createInvitation: (params, requestOptions) =>
      call('createInvitation', params, requestOptions, () => store.invitations.create(params)) as Promise<
        OrganizationInvitation<TPublic, TPrivate>
      >,
    createInvitations: (params, requestOptions) =>
      call('createInvitations', params, requestOptions, () =>
        store.invitations.createMany(params),
      ) as Promise<OrganizationInvitations<TPublic, TPrivate>>,
    getInvitation: (params, requestOptions) =>
      call('getInvitation', params, requestOptions, () => store.invitations.get(params)) as Promise<
        OrganizationInvitation<TPublic, TPrivate>
      >,
    revokeInvitation: (params, requestOptions) =>
      call('revokeInvitation', params, requestOptions, () => store.invitations.revoke(params)) as Promise<
        OrganizationInvitation<TPublic, TPrivate>
      >,
    acceptInvitation: (invitationId) =>
      store.invitations.accept(invitationId) as InvitationAcceptance as MemoryInvitationAcceptance<
        TPublic,
        TPrivate
      >,
    setLatency(next) {
      latency = checkLatency(next);
    },
    setFailureRate(rate) {
      failureRate = checkRate(rate);
    },
    failNext(method, error) {
      if (!METHODS.includes(method)) throw new TypeError(`failNext: unknown method ${String(method)}`);
      if (error !== undefined && !isRosterApiError(error)) {
        throw new TypeError('failNext: error must be a RosterApiError');
      }
      const queued = pendingFailures.get(method) ?? [];
      queued.push(error ?? injectedFailureError(method));
      pendingFailures.set(method, queued);
    },
    snapshot: () => ({ memberships: store.allMemberships() as Membership[] }),
    get requests() {
      return requests;
    },
    clearRequests() {
      requests.length = 0;
    },
  };
  return client;
}
