import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createHttpClient, type HttpClientOptions, type RetryAttempt, RosterApiError } from '../src/index';
import { type LocalHttpServer, startLocalHttpServer } from './local-http-server';
import { membershipJSON, roleJSON, userJSON } from './wire-fixtures';

let server: LocalHttpServer;

beforeAll(async () => {
  server = await startLocalHttpServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ body: {} }));
  vi.useRealTimers();
});

const listBody = { data: [membershipJSON()], total_count: 1 };

/** A client on the test server; retries wait 0 ms unless a test says otherwise. */
function client(options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ baseUrl: `${server.url}/v1/`, retry: { random: () => 0 }, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function apiError(promise: Promise<unknown>): Promise<RosterApiError> {
  const error = await rejection(promise);
  if (!(error instanceof RosterApiError)) throw error;
  return error;
}

/** Resolves with the next retry the client schedules. */
function nextRetry(): { options: { onRetry: (a: RetryAttempt) => void }; scheduled: Promise<RetryAttempt> } {
  let resolve: (a: RetryAttempt) => void = () => {};
  const scheduled = new Promise<RetryAttempt>((r) => {
    resolve = r;
  });
  return { options: { onRetry: (a) => resolve(a) }, scheduled };
}

describe('given a membership list request', () => {
  it('when filters are camelCase, it sends them snake_case with arrays as repeated keys and + as %2B', async () => {
    server.handle(() => ({ body: listBody }));
    await client().listMemberships({
      organizationId: 'org_acme',
      limit: 20,
      offset: 40,
      orderBy: '+first_name',
      role: ['org:admin', 'org:member'],
      userId: ['+user_a', '-user_b'],
      query: 'ann lee+x',
      createdAtAfter: 1_700_000_000_000,
    });
    const url = server.requests[0]?.url ?? '';
    expect(url.startsWith('/v1/organizations/org_acme/memberships?')).toBe(true);
    expect(url).toContain('order_by=%2Bfirst_name');
    expect(url).toContain('role=org%3Aadmin&role=org%3Amember');
    expect(url).toContain('user_id=%2Buser_a&user_id=-user_b');
    expect(url).toContain('query=ann%20lee%2Bx');
    const params = new URL(url, server.url).searchParams;
    expect(params.getAll('role')).toEqual(['org:admin', 'org:member']);
    expect(params.get('order_by')).toBe('+first_name');
    expect(params.get('query')).toBe('ann lee+x');
    expect(params.get('limit')).toBe('20');
    expect(params.get('offset')).toBe('40');
    expect(params.get('created_at_after')).toBe('1700000000000');
  });

  it('when filters are undefined or empty arrays, it leaves them out', async () => {
    server.handle(() => ({ body: listBody }));
    await client().listMemberships({ organizationId: 'org_acme', role: [], query: undefined } as never);
    expect(server.requests[0]?.url).toBe('/v1/organizations/org_acme/memberships');
  });

  it('when an ID holds reserved characters, the path segment is encoded', async () => {
    server.handle(() => ({ body: listBody }));
    await client().listMemberships({ organizationId: 'org/../x y?' });
    expect(server.requests[0]?.url).toBe('/v1/organizations/org%2F..%2Fx%20y%3F/memberships');
  });

  it('when the server answers, it resolves with the decoded page and asks for JSON', async () => {
    server.handle(() => ({ body: listBody }));
    const page = await client().listMemberships({ organizationId: 'org_acme' });
    expect(page.totalCount).toBe(1);
    expect(page.data[0]?.publicUserData?.userId).toBe('user_bob');
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });
});

describe('given metadata types on the client', () => {
  it('when memberships are listed, their metadata has those types', async () => {
    server.handle(() => ({ body: listBody }));
    const typed = createHttpClient<{ team: { name: string } }, { note: string }>({
      baseUrl: `${server.url}/v1`,
    });
    const page = await typed.listMemberships({ organizationId: 'org_acme' });
    const first = page.data[0];
    expectTypeOf(first?.publicMetadata.team.name).toEqualTypeOf<string | undefined>();
    expectTypeOf(first?.privateMetadata?.note).toEqualTypeOf<string | undefined>();
    expect(first?.publicMetadata.team.name).toBe('Core');
    expect(first?.privateMetadata?.note).toBe('hired in May');
  });
});

describe('given the other read endpoints', () => {
  it("when a user's memberships are listed, it calls /users/{id}/organization_memberships", async () => {
    server.handle(() => ({ body: listBody }));
    const page = await client().listUserMemberships({ userId: 'user_bob', limit: 5 });
    expect(server.requests[0]?.url).toBe('/v1/users/user_bob/organization_memberships?limit=5');
    expect(page.data).toHaveLength(1);
  });

  it('when roles are listed, it calls /organization_roles and decodes them', async () => {
    server.handle(() => ({ body: { data: [roleJSON()], total_count: 1 } }));
    const roles = await client().listRoles();
    expect(server.requests[0]?.url).toBe('/v1/organization_roles');
    expect(roles.data[0]?.key).toBe('org:admin');
  });

  it('when users are searched, it calls /users and decodes the bare array the Backend API returns', async () => {
    server.handle(() => ({ body: [userJSON()] }));
    const users = await client().listUsers({ query: 'dana', limit: 5 });
    expect(server.requests[0]?.url).toBe('/v1/users?query=dana&limit=5');
    expect(users.data[0]?.emailAddresses[0]?.emailAddress).toBe('dana@acme.test');
  });
});

describe('given a mutation', () => {
  it('when a membership is created, it POSTs the snake_case JSON body', async () => {
    server.handle(() => ({ body: membershipJSON() }));
    const m = await client().createMembership({
      organizationId: 'org_acme',
      userId: 'user_bob',
      role: 'org:member',
      publicMetadata: { team: 'Core' },
    });
    const request = server.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/organizations/org_acme/memberships');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      user_id: 'user_bob',
      role: 'org:member',
      public_metadata: { team: 'Core' },
    });
    expect(m.id).toBe('orgmem_bob');
  });

  it('when a role is changed, it PATCHes /memberships/{user_id} with { role }', async () => {
    server.handle(() => ({ body: membershipJSON({ role: 'org:admin' }) }));
    const m = await client().updateMembership({
      organizationId: 'org_acme',
      userId: 'user_bob',
      role: 'org:admin',
    });
    expect(server.requests[0]?.method).toBe('PATCH');
    expect(server.requests[0]?.url).toBe('/v1/organizations/org_acme/memberships/user_bob');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ role: 'org:admin' });
    expect(m.role).toBe('org:admin');
  });

  it('when metadata is updated, it PATCHes /metadata with only the given patches', async () => {
    server.handle(() => ({ body: membershipJSON() }));
    await client().updateMembershipMetadata({
      organizationId: 'org_acme',
      userId: 'user_bob',
      publicMetadata: { team: null },
    });
    expect(server.requests[0]?.url).toBe('/v1/organizations/org_acme/memberships/user_bob/metadata');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ public_metadata: { team: null } });
  });

  it('when a membership is deleted, it sends DELETE without a body', async () => {
    server.handle(() => ({ body: membershipJSON() }));
    await client().deleteMembership({ organizationId: 'org_acme', userId: 'user_bob' });
    expect(server.requests[0]?.method).toBe('DELETE');
    expect(server.requests[0]?.body).toBe('');
    expect(server.requests[0]?.headers['content-type']).toBeUndefined();
  });
});

describe('given headers', () => {
  it('when headers are static, every request carries them', async () => {
    server.handle(() => ({ body: listBody }));
    await client({ headers: { Authorization: 'Bearer sk_test' } }).listMemberships({
      organizationId: 'org_acme',
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk_test');
  });

  it('when headers are a function, it is asked again before every attempt (a retry gets a fresh token)', async () => {
    let calls = 0;
    const headers = async () => ({ Authorization: `Bearer token_${++calls}` });
    server.handle(() => (server.requests.length === 1 ? { status: 503 } : { body: listBody }));
    await client({ headers }).listMemberships({ organizationId: 'org_acme' });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token_1', 'Bearer token_2']);
  });
});

describe('given an error response', () => {
  it('when it is a Clerk error body, the RosterApiError mirrors it in camelCase', async () => {
    server.handle(() => ({
      status: 422,
      body: {
        errors: [
          {
            code: 'form_param_value_invalid',
            message: 'is invalid',
            long_message: 'role is invalid',
            meta: { param_name: 'role' },
          },
        ],
        clerk_trace_id: 'trace_9',
      },
    }));
    const error = await apiError(
      client().updateMembership({ organizationId: 'org_acme', userId: 'user_bob', role: 'nope' }),
    );
    expect(error.status).toBe(422);
    expect(error.code).toBe('form_param_value_invalid');
    expect(error.errors[0]).toEqual({
      code: 'form_param_value_invalid',
      message: 'is invalid',
      longMessage: 'role is invalid',
      meta: { paramName: 'role' },
    });
    expect(error.traceId).toBe('trace_9');
    expect(error.message).toBe('role is invalid');
  });

  it('when the error body is not JSON (a proxy page), it gives http_error with the status', async () => {
    server.handle(() => ({ status: 502, body: '<h1>Bad gateway</h1>' }));
    const error = await apiError(client({ retry: false }).listMemberships({ organizationId: 'org_acme' }));
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_error');
    expect(error.message).toContain('<h1>Bad gateway</h1>');
  });

  it('when a 4xx comes back, it is not retried', async () => {
    server.handle(() => ({
      status: 404,
      body: { errors: [{ code: 'resource_not_found', message: 'not found' }] },
    }));
    const error = await apiError(client().listMemberships({ organizationId: 'org_none' }));
    expect(error.code).toBe('resource_not_found');
    expect(server.requests).toHaveLength(1);
  });
});

describe('given a malformed success response', () => {
  it('when the body is not valid JSON, it rejects with malformed_response and does not retry', async () => {
    server.handle(() => ({ status: 200, body: '{"data": [' }));
    const error = await apiError(client().listMemberships({ organizationId: 'org_acme' }));
    expect(error.code).toBe('malformed_response');
    expect(error.status).toBe(200);
    expect(error.message).toBe('Malformed response: the response body is not valid JSON');
    expect(server.requests).toHaveLength(1);
  });

  it('when the body is empty, it says so', async () => {
    server.handle(() => ({ status: 200 }));
    const error = await apiError(
      client().deleteMembership({ organizationId: 'org_acme', userId: 'user_bob' }),
    );
    expect(error.message).toBe('Malformed response: the response body is empty');
  });

  it('when a nested field is missing, the message names its wire path', async () => {
    const bad = membershipJSON({ public_user_data: { ...userJSON(), user_id: undefined } });
    server.handle(() => ({ body: { data: [membershipJSON(), bad], total_count: 2 } }));
    const error = await apiError(client().listMemberships({ organizationId: 'org_acme' }));
    expect(error.code).toBe('malformed_response');
    expect(error.message).toContain('data[1].public_user_data.user_id');
  });
});

describe('given a network failure', () => {
  it('when nothing answers, it rejects with network_error and status 0', async () => {
    const closed = await startLocalHttpServer();
    const url = closed.url;
    await closed.close();
    const error = await apiError(createHttpClient({ baseUrl: url, retry: false }).listRoles());
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
  });

  it('when a GET fails on the network once, it is retried and succeeds', async () => {
    server.handle(() => ({ body: listBody }));
    let failures = 1;
    const flakyFetch: typeof fetch = (input, init) =>
      failures-- > 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    const page = await client({ fetch: flakyFetch }).listMemberships({ organizationId: 'org_acme' });
    expect(page.totalCount).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe('given retryable failures', () => {
  it('when a GET gets 503 then 200, it resolves with the second answer', async () => {
    server.handle(() => (server.requests.length < 2 ? { status: 503 } : { body: listBody }));
    const page = await client().listMemberships({ organizationId: 'org_acme' });
    expect(page.totalCount).toBe(1);
    expect(server.requests).toHaveLength(2);
  });

  it('when PATCH and DELETE get 503 once, they are retried (they are idempotent)', async () => {
    server.handle(() => (server.requests.length % 2 === 1 ? { status: 503 } : { body: membershipJSON() }));
    const c = client();
    await c.updateMembership({ organizationId: 'org_acme', userId: 'user_bob', role: 'org:admin' });
    await c.deleteMembership({ organizationId: 'org_acme', userId: 'user_bob' });
    expect(server.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH', 'DELETE', 'DELETE']);
  });

  it('when a POST gets 503, it is never retried', async () => {
    server.handle(() => ({ status: 503 }));
    const error = await apiError(
      client().createMembership({ organizationId: 'org_acme', userId: 'user_bob', role: 'org:member' }),
    );
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it('when every attempt fails, it stops after the configured retries and rejects with the last error', async () => {
    server.handle(() => ({
      status: 500,
      body: { errors: [{ code: 'internal_clerk_error', message: 'oops' }] },
    }));
    const error = await apiError(
      client({ retry: { retries: 2, random: () => 0 } }).listMemberships({ organizationId: 'org_acme' }),
    );
    expect(error.code).toBe('internal_clerk_error');
    expect(server.requests).toHaveLength(3);
  });

  it('when retries are left at the default, a GET is sent at most 4 times', async () => {
    server.handle(() => ({ status: 503 }));
    await apiError(client().listRoles());
    expect(server.requests).toHaveLength(4);
  });

  it('when retry is false, a GET is sent once', async () => {
    server.handle(() => ({ status: 503 }));
    await apiError(client({ retry: false }).listRoles());
    expect(server.requests).toHaveLength(1);
  });

  it('when backoff is jittered, each wait is random * min(maxDelay, baseDelay * 2^n)', async () => {
    server.handle(() => ({ status: 503 }));
    const delays: number[] = [];
    const retry = {
      retries: 3,
      baseDelay: 2,
      maxDelay: 6,
      random: () => 0.5,
      onRetry: (a: RetryAttempt) => delays.push(a.delay),
    };
    await apiError(client({ retry }).listRoles());
    expect(delays).toEqual([1, 2, 3]);
  });
});

describe('given a 429 with Retry-After in seconds', () => {
  it('when the client retries, it waits exactly Retry-After and no request is sent before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server.handle(() =>
      server.requests.length === 1 ? { status: 429, headers: { 'Retry-After': '2' } } : { body: listBody },
    );
    const retry = nextRetry();
    let calls = 0;
    const countingFetch: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const pending = client({ fetch: countingFetch, retry: { ...retry.options } }).listMemberships({
      organizationId: 'org_acme',
    });
    const attempt = await retry.scheduled;
    expect(attempt.delay).toBe(2000);
    expect(attempt.error.status).toBe(429);
    expect(attempt.error.retryAfter).toBe(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ totalCount: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('when Retry-After is longer than maxRetryAfter, it rejects at once with retryAfter set', async () => {
    server.handle(() => ({ status: 429, headers: { 'Retry-After': '120' } }));
    const error = await apiError(client({ retry: { maxRetryAfter: 60 } }).listRoles());
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(120);
    expect(server.requests).toHaveLength(1);
  });
});

describe('given an AbortSignal', () => {
  it('when it aborts during the backoff, the call rejects with its reason and sends nothing more', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server.handle(() => ({ status: 503, headers: { 'Retry-After': '30' } }));
    const controller = new AbortController();
    const retry = nextRetry();
    const pending = rejection(
      client({ retry: retry.options }).listMemberships(
        { organizationId: 'org_acme' },
        { signal: controller.signal },
      ),
    );
    await retry.scheduled;
    const reason = new Error('user left the page');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
  });

  it('when it is already aborted, no request is sent', async () => {
    const controller = new AbortController();
    controller.abort('gone');
    const reason = await rejection(client().listRoles(undefined, { signal: controller.signal }));
    expect(reason).toBe('gone');
    expect(server.requests).toHaveLength(0);
  });

  it('when it aborts while the response is awaited, the call rejects with its reason', async () => {
    const controller = new AbortController();
    let release: () => void = () => {};
    server.handle(() => new Promise((resolve) => (release = () => resolve({ body: listBody }))));
    const pending = rejection(
      client().listMemberships({ organizationId: 'org_acme' }, { signal: controller.signal }),
    );
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    const reason = new Error('superseded');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    release();
  });
});
