import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isRosterApiError, type OrganizationInvitation, type OrganizationMembership } from '@roster/core';
import { createDemoSeed, type SeedData } from '@roster/core/testing';
import { answerClientError, toNodeHandler } from '@roster/handler/node';
import { createBackendStores } from './backend-stores';
import { ClerkHttpError, createTraceId, fromRosterApiError } from './clerk-error';
import { isDatabaseEmpty, openDatabase } from './database';
import {
  assertFailureRate,
  assertLatency,
  type Latency,
  pickLatency,
  type RateLimit,
  RateLimiter,
  sleep,
} from './fault-injection';
import { registerInvitationRoutes } from './invitation-routes';
import type { OutboxMessage } from './invitation-store';
import { registerMembershipRoutes } from './membership-routes';
import { registerOrganizationRoutes } from './organization-routes';
import { QueryParams } from './request-input';
import { registerRoleRoutes } from './role-routes';
import { Router } from './router';
import { ensureRoles, seedDatabase } from './seed-database';
import { registerUserRoutes } from './user-routes';

/** The secret key the local server accepts unless told otherwise. A test key: never a real one. */
export const DEFAULT_SECRET_KEY = 'sk_test_roster_local';

/** The path prefix of every Backend API route. */
export const API_VERSION_PATH = '/v1';

/** Options of {@link createBackendApi}. */
export interface BackendApiOptions {
  /** A SQLite file path (created when missing; data survives restarts), or `':memory:'` (default). */
  database?: string;
  /** The key callers must send as `Authorization: Bearer <key>`. Default {@link DEFAULT_SECRET_KEY}. */
  secretKey?: string;
  /**
   * What an empty database starts with: `'demo'` (core's `createDemoSeed()`), a number (the demo
   * seed with that many members in Acme, for load), your own `SeedData`, or `false` (default: only
   * Clerk's default roles). A database that already holds users or organizations is never seeded.
   */
  seed?: 'demo' | number | SeedData | false;
  /** Delay added to every request: ms, or a `{ min, max }` range. Default 0. */
  latency?: Latency;
  /** Probability (0..1) that a mutation fails with an injected 500 and changes nothing. Default 0. */
  failureRate?: number;
  /** Answer 429 with `Retry-After` beyond this many requests per window. Default `false` (no limit). */
  rateLimit?: RateLimit | false;
  /** The clock for `created_at`/`updated_at` and the rate-limit window. Default `Date.now`. */
  now?: () => number;
  /** The random source for latency ranges and injected failures. Default `Math.random`. */
  random?: () => number;
}

/** A server started by {@link BackendApi.listen}. */
export interface ListeningBackendApi {
  /** The server's origin, e.g. `http://127.0.0.1:4319` (the API is under `url + '/v1'`). */
  url: string;
  port: number;
  /** Stops accepting connections and closes open ones. The database stays open. */
  close(): Promise<void>;
}

/** The local Backend API: a fetch handler over one SQLite database. */
export interface BackendApi {
  /** Handles one request (`/v1/...`); never rejects: failures are Clerk error responses. */
  fetch(request: Request): Promise<Response>;
  /** Serves `fetch` over HTTP. Default host `127.0.0.1`, default port `0` (a free port). */
  listen(options?: { port?: number; host?: string }): Promise<ListeningBackendApi>;
  /** Closes every listening server and the database. Later requests answer 503. */
  close(): void;
  /** Changes the injected latency for the next requests. */
  setLatency(latency: Latency): void;
  /** Changes the injected failure rate of mutations for the next requests. */
  setFailureRate(rate: number): void;
  /** Changes (or with `false` removes) the rate limit; the window starts afresh. */
  setRateLimit(rateLimit: RateLimit | false): void;
  /**
   * The local outbox (dev only; also `GET /v1/__outbox`): one message per invitation created with
   * `notify` (the default), newest first; only those to `emailAddress` when given.
   */
  outbox(options?: { emailAddress?: string }): OutboxMessage[];
  /**
   * Accepts a pending invitation as its invitee would (dev only; also
   * `POST /v1/__invitations/{id}/accept`): creates the user when the address is new, adds the
   * membership with the invited role and metadata, marks the invitation accepted. Throws the
   * `ClerkHttpError` the endpoint would answer with (404 unknown, 404 not pending, 400 already a
   * member, 403 quota).
   */
  acceptInvitation(invitationId: string): {
    invitation: OrganizationInvitation;
    membership: OrganizationMembership;
  };
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** Clerk's error body for one error. */
export function errorResponse(error: ClerkHttpError): Response {
  return jsonResponse(
    error.status,
    { errors: [error.toJSON()], clerk_trace_id: createTraceId() },
    error.headers,
  );
}

function resolveSeed(seed: BackendApiOptions['seed']): SeedData | null {
  if (seed === undefined || seed === false) return null;
  if (seed === 'demo') return createDemoSeed();
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed) || seed < 2)
      throw new RangeError(`Invalid seed size ${seed}: use an integer >= 2.`);
    return createDemoSeed({ members: seed });
  }
  return seed;
}

function unauthorized(header: string | null): ClerkHttpError {
  if (header === null || !/^Bearer\s+\S+$/i.test(header.trim())) {
    return new ClerkHttpError(
      401,
      'authorization_header_format_invalid',
      'Invalid Authorization header format',
      "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'",
    );
  }
  return new ClerkHttpError(
    401,
    'clerk_key_invalid',
    'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
    'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
  );
}

function serviceUnavailable(): ClerkHttpError {
  return new ClerkHttpError(
    503,
    'service_unavailable',
    'Service unavailable',
    'The local Backend API is closed.',
  );
}

function tooManyRequests(retryAfterSeconds: number): ClerkHttpError {
  return new ClerkHttpError(
    429,
    'too_many_requests',
    'Too many requests',
    'Too many requests, please try again later.',
    {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    },
  );
}

function unexpected(): ClerkHttpError {
  return new ClerkHttpError(
    500,
    'internal_clerk_error',
    'Oops, an unexpected error occurred',
    "There was an internal error on our servers. We've been notified and are working on fixing it.",
  );
}

/**
 * Creates the local Clerk-compatible Backend API over SQLite. Opening the database, creating the
 * schema and seeding happen here, synchronously; a bad option throws a `RangeError`.
 */
export function createBackendApi(options: BackendApiOptions = {}): BackendApi {
  return createBackendApiWithDatabase(options).api;
}

/**
 * {@link createBackendApi}, also handing out its database connection (tests read it to prove an
 * error answer changed nothing). Internal: not exported from the package entry.
 */
export function createBackendApiWithDatabase(options: BackendApiOptions = {}): {
  api: BackendApi;
  database: ReturnType<typeof openDatabase>;
} {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const secretKey = options.secretKey ?? DEFAULT_SECRET_KEY;
  let latency: Latency = options.latency ?? 0;
  let failureRate = options.failureRate ?? 0;
  assertLatency(latency);
  assertFailureRate(failureRate);
  let rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit, now) : null;
  const seed = resolveSeed(options.seed);

  const db = openDatabase(options.database ?? ':memory:');
  try {
    if (seed && isDatabaseEmpty(db)) seedDatabase(db, seed);
    ensureRoles(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const stores = createBackendStores(db, now);
  const router = new Router();
  registerUserRoutes(router, stores);
  registerOrganizationRoutes(router, stores);
  registerMembershipRoutes(router, stores);
  registerRoleRoutes(router, stores);
  registerInvitationRoutes(router, stores);

  const servers = new Set<Server>();
  let closed = false;

  async function handle(request: Request): Promise<Response> {
    if (closed) return errorResponse(serviceUnavailable());
    const retryAfter = rateLimiter?.take() ?? null;
    if (retryAfter !== null) return errorResponse(tooManyRequests(retryAfter));
    const header = request.headers.get('authorization');
    if (header === null || header.trim() !== `Bearer ${secretKey}`)
      return errorResponse(unauthorized(header));
    await sleep(pickLatency(latency, random));
    // The database may have closed while the request waited.
    if (closed) return errorResponse(serviceUnavailable());

    const url = new URL(request.url);
    const path = url.pathname.replace(/\/+$/, '');
    const match = path.startsWith(`${API_VERSION_PATH}/`)
      ? router.match(request.method, path.slice(API_VERSION_PATH.length))
      : ({ kind: 'not-found' } as const);
    if (match.kind === 'method-not-allowed') {
      return errorResponse(
        new ClerkHttpError(
          405,
          'method_not_allowed',
          'Method not allowed',
          `${request.method} is not supported on ${path}.`,
          {
            headers: { Allow: match.allowed.join(', ') },
          },
        ),
      );
    }
    if (match.kind === 'not-found') {
      return errorResponse(
        new ClerkHttpError(404, 'resource_not_found', 'not found', `No route ${request.method} ${path}.`),
      );
    }
    if (MUTATIONS.has(request.method) && failureRate > 0 && random() < failureRate)
      return errorResponse(unexpected());
    const body = await match.handler({
      request,
      params: match.params,
      query: new QueryParams(url.searchParams),
    });
    return jsonResponse(200, body);
  }

  const api: BackendApi = {
    async fetch(request) {
      try {
        return await handle(request);
      } catch (error) {
        if (error instanceof ClerkHttpError) return errorResponse(error);
        if (isRosterApiError(error)) return errorResponse(fromRosterApiError(error));
        console.error('[roster-server] unexpected error', error);
        return errorResponse(unexpected());
      }
    },

    async listen(listenOptions = {}) {
      const host = listenOptions.host ?? '127.0.0.1';
      const server = createServer(toNodeHandler((request) => this.fetch(request)));
      server.on('clientError', answerClientError);
      // Idle keep-alive sockets outlive the client's own idle timeout, so a client never reuses a
      // socket the server is closing at that moment (which surfaces as ECONNRESET under load).
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(listenOptions.port ?? 0, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      servers.add(server);
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      return {
        url: `http://${urlHost}:${port}`,
        port,
        close: () =>
          new Promise<void>((resolve) => {
            servers.delete(server);
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      };
    },

    close() {
      if (closed) return;
      closed = true;
      for (const server of servers) {
        server.close();
        server.closeAllConnections();
      }
      servers.clear();
      db.close();
    },

    setLatency(next) {
      assertLatency(next);
      latency = next;
    },

    setFailureRate(rate) {
      assertFailureRate(rate);
      failureRate = rate;
    },

    setRateLimit(next) {
      rateLimiter = next ? new RateLimiter(next, now) : null;
    },

    outbox(outboxOptions = {}) {
      return stores.invitations.outbox({ emailAddress: outboxOptions.emailAddress ?? null }).data;
    },

    acceptInvitation(invitationId) {
      try {
        return stores.invitations.accept(invitationId);
      } catch (error) {
        throw isRosterApiError(error) ? fromRosterApiError(error) : error;
      }
    },
  };
  return { api, database: db };
}
