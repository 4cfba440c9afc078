// Shared setup of the handler tests: an upstream Backend API that records what reaches it, and
// request builders for a browser on the app's origin.
import type { SeedData, SeedMembership, SeedUser } from '@roster/core/testing';
import {
  createMembershipsHandler,
  type MembershipsHandler,
  type MembershipsHandlerCaller,
  type MembershipsHandlerOptions,
} from '@roster/handler';
import type Database from 'better-sqlite3';
import { createBackendApiWithDatabase } from '../src/backend-api';

export const SECRET_KEY = 'sk_test_handler_secret_0123456789';
export const APP_ORIGIN = 'https://app.example.test';
export const API_URL = 'http://upstream.test/v1';

export const ADMIN: MembershipsHandlerCaller = {
  userId: 'user_alice',
  organizationId: 'org_acme',
  permissions: ['org:sys_memberships:read', 'org:sys_memberships:manage'],
};
export const MEMBER: MembershipsHandlerCaller = {
  userId: 'user_bob',
  organizationId: 'org_acme',
  permissions: ['org:sys_memberships:read'],
};
export const OTHER_ORGANIZATION = 'org_other';

/** What reached the upstream. */
export interface UpstreamRequest {
  method: string;
  url: URL;
  authorization: string | null;
  body: unknown;
}

const JAN_2026 = Date.UTC(2026, 0, 1);

function user(id: string, firstName: string, lastName: string, offset: number): SeedUser {
  return {
    id,
    firstName,
    lastName,
    emailAddress: `${firstName.toLowerCase()}@acme.test`,
    phoneNumber: `+1555000${String(offset).padStart(4, '0')}`,
    createdAt: JAN_2026 + offset,
  };
}

/**
 * Acme with an admin (Alice), two members (Bob, Carl), and private metadata on the organization and
 * on every membership; Dana belongs to no organization; org_other has its own admin.
 */
export const HANDLER_TEST_SEED: SeedData = {
  users: [
    user('user_alice', 'Alice', 'Smith', 1),
    user('user_bob', 'Bob', 'Jones', 2),
    user('user_carl', 'Carl', 'Berg', 3),
    user('user_dana', 'Dana', 'Lee', 4),
    user('user_omar', 'Omar', 'Khan', 5),
  ],
  organizations: [
    {
      id: 'org_acme',
      name: 'Acme',
      slug: 'acme',
      publicMetadata: { plan: 'pro' },
      privateMetadata: { billing_id: 'cus_secret_org' },
      createdAt: JAN_2026,
    },
    {
      id: OTHER_ORGANIZATION,
      name: 'Other',
      slug: 'other',
      privateMetadata: { billing_id: 'cus_secret_other' },
      createdAt: JAN_2026,
    },
  ],
  memberships: [
    ...['user_alice', 'user_bob', 'user_carl'].map(
      (userId, index): SeedMembership => ({
        organizationId: 'org_acme',
        userId,
        role: index === 0 ? 'org:admin' : 'org:member',
        publicMetadata: { team: 'core' },
        privateMetadata: { salary_band: 'secret_band' },
        createdAt: JAN_2026 + 100 + index,
      }),
    ),
    {
      organizationId: OTHER_ORGANIZATION,
      userId: 'user_omar',
      role: 'org:admin',
      privateMetadata: { salary_band: 'secret_band' },
      createdAt: JAN_2026 + 200,
    },
  ],
};

/**
 * The local Backend API (in memory, {@link HANDLER_TEST_SEED}) as the handler's upstream, recording
 * every request that reaches it. `setOverride` answers requests in its place (upstream faults).
 */
export function createRecordingUpstream() {
  const { api: backend, database } = createBackendApiWithDatabase({
    secretKey: SECRET_KEY,
    seed: HANDLER_TEST_SEED,
  });
  const requests: UpstreamRequest[] = [];
  let override: ((request: UpstreamRequest) => Response | undefined) | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const text = typeof init?.body === 'string' ? init.body : '';
    const request: UpstreamRequest = {
      method: init?.method ?? 'GET',
      url,
      authorization: headers.get('authorization'),
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(request);
    const overridden = override?.(request);
    if (overridden) return overridden;
    return backend.fetch(
      new Request(url, { method: request.method, headers, ...(text ? { body: text } : {}) }),
    );
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    backend,
    /** The backend's database connection (to prove an error answer changed nothing). */
    database: database as Database.Database,
    /** Answer requests in the backend's place (return undefined to let the backend answer). */
    setOverride(next: typeof override) {
      override = next;
    },
  };
}

/** A handler in front of a recording upstream, acting as `caller` (null: not signed in). */
export function createTestHandler(
  caller: MembershipsHandlerCaller | null,
  extra: Partial<MembershipsHandlerOptions> = {},
): { handler: MembershipsHandler; upstream: ReturnType<typeof createRecordingUpstream> } {
  const upstream = createRecordingUpstream();
  const handler = createMembershipsHandler({
    apiUrl: API_URL,
    secretKey: SECRET_KEY,
    authorize: () => caller,
    fetch: upstream.fetch,
    ...extra,
  });
  return { handler, upstream };
}

/** A request from the app's own page (same-origin `Origin`, JSON content type on writes). */
export function browserRequest(
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (method !== 'GET') headers.origin = APP_ORIGIN;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = body;
  return new Request(`${APP_ORIGIN}/api${path}`, init);
}

/** The first error of a Clerk error body. */
export async function firstError(
  response: Response,
): Promise<{ code: string; meta?: Record<string, unknown> }> {
  const body = (await response.json()) as { errors: Array<{ code: string; meta?: Record<string, unknown> }> };
  const first = body.errors[0];
  if (!first) throw new Error('no error in body');
  return first;
}
