import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  API_URL,
  APP_ORIGIN,
  browserRequest,
  createTestHandler,
  firstError,
  MEMBER,
  OTHER_ORGANIZATION,
  SECRET_KEY,
} from './memberships-handler-fixture';

const MEMBERSHIPS = '/organizations/org_acme/memberships';

/** Every route, with a request an admin of org_acme may make. */
const ROUTES = [
  { name: 'list memberships', method: 'GET', path: MEMBERSHIPS },
  {
    name: 'create membership',
    method: 'POST',
    path: MEMBERSHIPS,
    body: { user_id: 'user_dana', role: 'org:member' },
  },
  { name: 'change role', method: 'PATCH', path: `${MEMBERSHIPS}/user_carl`, body: { role: 'org:admin' } },
  { name: 'remove member', method: 'DELETE', path: `${MEMBERSHIPS}/user_carl` },
  {
    name: 'update metadata',
    method: 'PATCH',
    path: `${MEMBERSHIPS}/user_carl/metadata`,
    body: { public_metadata: { team: 'x' } },
  },
  { name: 'list own memberships', method: 'GET', path: '/users/user_alice/organization_memberships' },
  { name: 'list roles', method: 'GET', path: '/organization_roles' },
  { name: 'search users', method: 'GET', path: '/users?query=dana' },
] as const;

const ORGANIZATION_ROUTES = ROUTES.filter((route) => route.path.startsWith('/organizations/'));
const MANAGE_ROUTES = ROUTES.filter((route) => route.method !== 'GET' || route.path.startsWith('/users?'));

function requestFor(route: (typeof ROUTES)[number], path: string = route.path): Request {
  return browserRequest(route.method, path, 'body' in route ? { body: route.body } : {});
}

describe('given an admin of the active organization', () => {
  it.each(ROUTES)('when they call "$name", it answers 200 from upstream', async (route) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(requestFor(route));
    expect(response.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.method).toBe(route.method);
  });

  it('when it forwards, it sends the secret key upstream and nowhere else', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const responses = await Promise.all(ROUTES.map((route) => handler(requestFor(route))));
    expect(upstream.requests.every((r) => r.authorization === `Bearer ${SECRET_KEY}`)).toBe(true);
    for (const response of responses) {
      expect(await response.text()).not.toContain(SECRET_KEY);
      expect([...response.headers.values()].join(' ')).not.toContain(SECRET_KEY);
    }
  });

  it('when it lists memberships, no private_metadata is returned, neither on memberships nor on the organization', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const direct = await upstream.backend.fetch(
      new Request(`${API_URL}/organizations/org_acme/memberships`, {
        headers: { authorization: `Bearer ${SECRET_KEY}` },
      }),
    );
    // Upstream does hold private metadata on both, so stripping it is what keeps it out.
    expect(await direct.text()).toMatch(/secret_band[\s\S]*cus_secret_org|cus_secret_org[\s\S]*secret_band/);
    const response = await handler(browserRequest('GET', MEMBERSHIPS));
    const text = await response.text();
    expect(text).not.toContain('private_metadata');
    expect(text).not.toContain('secret_band');
    expect(text).not.toContain('cus_secret_org');
    const body = JSON.parse(text) as {
      data: Array<{ public_metadata: unknown; organization: { public_metadata: unknown } }>;
      total_count: number;
    };
    expect(body.total_count).toBe(3);
    expect(body.data[0]?.public_metadata).toEqual({ team: 'core' });
    expect(body.data[0]?.organization.public_metadata).toEqual({ plan: 'pro' });
  });

  it.each(ROUTES)('when "$name" answers, the body holds no private metadata', async (route) => {
    const { handler } = createTestHandler(ADMIN);
    const text = await (await handler(requestFor(route))).text();
    expect(text).not.toMatch(/private_metadata|secret_band|cus_secret_org|secret_ssn/);
  });

  it('when it lists memberships with filters, it forwards only the validated parameters', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest(
        'GET',
        `${MEMBERSHIPS}?limit=20&offset=40&order_by=-created_at&query=al&role[]=org:admin&role[]=org:member`,
      ),
    );
    expect(response.status).toBe(200);
    const forwarded = upstream.requests[0]?.url;
    expect(forwarded?.pathname).toBe('/v1/organizations/org_acme/memberships');
    expect(forwarded?.searchParams.get('limit')).toBe('20');
    expect(forwarded?.searchParams.get('offset')).toBe('40');
    expect(forwarded?.searchParams.getAll('role')).toEqual(['org:admin', 'org:member']);
  });

  it('when it adds a member, it forwards exactly the validated body', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const body = { user_id: 'user_dana', role: 'org:member', public_metadata: { team: 'ops' } };
    const response = await handler(browserRequest('POST', MEMBERSHIPS, { body }));
    expect(response.status).toBe(200);
    expect(upstream.requests[0]?.body).toEqual(body);
  });

  it('when it searches users, only public fields and the primary email address come back', async () => {
    const { handler } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('GET', '/users?query=dana&limit=5'));
    const users = (await response.json()) as Array<Record<string, unknown>>;
    expect(users).toHaveLength(1);
    expect(Object.keys(users[0] ?? {}).sort()).toEqual(
      [
        'created_at',
        'email_addresses',
        'first_name',
        'has_image',
        'id',
        'image_url',
        'last_name',
        'object',
        'primary_email_address_id',
        'updated_at',
        'username',
      ].sort(),
    );
    expect(users[0]?.email_addresses).toEqual([
      { object: 'email_address', id: users[0]?.primary_email_address_id, email_address: 'dana@acme.test' },
    ]);
    expect(JSON.stringify(users)).not.toContain('+1555');
  });

  it('when user search is turned off, GET /users is not found', async () => {
    const { handler, upstream } = createTestHandler(ADMIN, { userSearch: false });
    const response = await handler(browserRequest('GET', '/users?query=dana'));
    expect(response.status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  it("when they ask for another user's memberships, it answers 404 and forwards nothing", async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('GET', '/users/user_bob/organization_memberships'));
    expect(response.status).toBe(404);
    expect((await firstError(response)).code).toBe('resource_not_found');
    expect(upstream.requests).toHaveLength(0);
  });

  it('when they change their own role, it answers 403 and forwards nothing', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest('PATCH', `${MEMBERSHIPS}/user_alice`, { body: { role: 'org:member' } }),
    );
    expect(response.status).toBe(403);
    expect((await firstError(response)).code).toBe('authorization_invalid');
    expect(upstream.requests).toHaveLength(0);
  });

  it('when the last admin tries to leave, upstream refuses and the membership stays', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('DELETE', `${MEMBERSHIPS}/user_alice`));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const list = await handler(browserRequest('GET', `${MEMBERSHIPS}?user_id=user_alice`));
    expect(((await list.json()) as { total_count: number }).total_count).toBe(1);
    expect(upstream.requests[0]?.method).toBe('DELETE');
  });
});

describe('given a plain member (read permission only)', () => {
  it('when they list memberships, it answers 200', async () => {
    const { handler } = createTestHandler(MEMBER);
    expect((await handler(browserRequest('GET', MEMBERSHIPS))).status).toBe(200);
  });

  it.each(MANAGE_ROUTES)(
    'when they call "$name", it answers 403 missing_organization_permission and forwards nothing',
    async (route) => {
      const { handler, upstream } = createTestHandler(MEMBER);
      const response = await handler(requestFor(route));
      expect(response.status).toBe(403);
      const error = await firstError(response);
      expect(error.code).toBe('missing_organization_permission');
      expect(error.meta?.permissions).toEqual(['org:sys_memberships:manage']);
      expect(upstream.requests).toHaveLength(0);
    },
  );
});

describe('given a plain member leaving', () => {
  it('when they delete their own membership, it is forwarded and they are gone', async () => {
    const { handler, upstream } = createTestHandler(MEMBER);
    const response = await handler(browserRequest('DELETE', `${MEMBERSHIPS}/user_bob`));
    expect(response.status).toBe(200);
    expect(upstream.requests.map((r) => r.method)).toEqual(['DELETE']);
    const list = await handler(browserRequest('GET', `${MEMBERSHIPS}?user_id=user_bob`));
    expect(((await list.json()) as { total_count: number }).total_count).toBe(0);
  });
});

describe('given a caller without any membership permission', () => {
  it('when they list memberships, it answers 403 for the read permission', async () => {
    const { handler, upstream } = createTestHandler({ ...MEMBER, permissions: [] });
    const response = await handler(browserRequest('GET', MEMBERSHIPS));
    expect(response.status).toBe(403);
    expect((await firstError(response)).meta?.permissions).toEqual(['org:sys_memberships:read']);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('given no signed-in caller', () => {
  it.each(ROUTES)('when "$name" is called, it answers 401 and forwards nothing', async (route) => {
    const { handler, upstream } = createTestHandler(null);
    const response = await handler(requestFor(route));
    expect(response.status).toBe(401);
    expect((await firstError(response)).code).toBe('authentication_invalid');
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('given an admin calling another organization', () => {
  it.each(ORGANIZATION_ROUTES)(
    'when "$name" targets it, it answers 404 and forwards nothing',
    async (route) => {
      const { handler, upstream } = createTestHandler(ADMIN);
      const response = await handler(requestFor(route, route.path.replace('org_acme', OTHER_ORGANIZATION)));
      expect(response.status).toBe(404);
      expect((await firstError(response)).code).toBe('resource_not_found');
      expect(upstream.requests).toHaveLength(0);
    },
  );

  it('when the caller has no active organization, organization routes answer 404', async () => {
    const { handler } = createTestHandler({ ...ADMIN, organizationId: null });
    expect((await handler(browserRequest('GET', MEMBERSHIPS))).status).toBe(404);
  });
});

describe('given a write that tries to touch private metadata', () => {
  it('when a metadata update carries private_metadata, it answers 422 and forwards nothing', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest('PATCH', `${MEMBERSHIPS}/user_bob/metadata`, {
        body: { public_metadata: { a: 1 }, private_metadata: { salary_band: 'x' } },
      }),
    );
    expect(response.status).toBe(422);
    const error = await firstError(response);
    expect(error.code).toBe('form_param_unknown');
    expect(error.meta?.param_name).toBe('private_metadata');
    expect(upstream.requests).toHaveLength(0);
  });

  it('when a create carries private_metadata, it answers 422 and forwards nothing', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest('POST', MEMBERSHIPS, {
        body: { user_id: 'user_dana', role: 'org:member', private_metadata: {} },
      }),
    );
    expect(response.status).toBe(422);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('given a write from another origin (CSRF)', () => {
  const write = { user_id: 'user_dana', role: 'org:member' };

  it.each([
    ['a forged Origin', { origin: 'https://evil.test' }],
    ['no Origin', { origin: '' }],
    ['Origin null', { origin: 'null' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
  ])('when it comes with %s, it answers 403 and forwards nothing', async (_label, headers) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('POST', MEMBERSHIPS, { body: write, headers }));
    expect(response.status).toBe(403);
    expect((await firstError(response)).code).toBe('authorization_invalid');
    expect(upstream.requests).toHaveLength(0);
  });

  it('when a DELETE comes from a forged origin, it answers 403', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest('DELETE', `${MEMBERSHIPS}/user_bob`, { headers: { origin: 'https://evil.test' } }),
    );
    expect(response.status).toBe(403);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when allowedOrigins lists the origin, the write goes through; the default origin no longer does', async () => {
    const { handler } = createTestHandler(ADMIN, { allowedOrigins: ['https://admin.example.test'] });
    const allowed = browserRequest('POST', MEMBERSHIPS, {
      body: write,
      headers: { origin: 'https://admin.example.test' },
    });
    expect((await handler(allowed)).status).toBe(200);
    expect((await handler(browserRequest('POST', MEMBERSHIPS, { body: write }))).status).toBe(403);
  });
});

describe('given a write with a malformed body', () => {
  const patchRole = `${MEMBERSHIPS}/user_bob`;

  it.each([
    ['no Content-Type', { 'content-type': '' }],
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form encoding', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('when it has %s, it answers 415 and forwards nothing', async (_label, headers) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest('PATCH', patchRole, { body: { role: 'org:admin' }, headers }),
    );
    expect(response.status).toBe(415);
    expect((await firstError(response)).code).toBe('unsupported_content_type');
    expect(upstream.requests).toHaveLength(0);
  });

  it('when the content type has a charset, it is accepted', async () => {
    const { handler } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest('PATCH', patchRole, {
        body: { role: 'org:admin' },
        headers: { 'content-type': 'application/json; charset=utf-8' },
      }),
    );
    expect(response.status).toBe(200);
  });

  it.each([
    ['not JSON', '{"role":', 400, 'request_body_invalid'],
    ['a JSON array', '[{"role":"org:admin"}]', 400, 'request_body_invalid'],
    ['JSON null', 'null', 400, 'request_body_invalid'],
    ['empty', '', 400, 'request_body_invalid'],
    ['an unknown field', '{"role":"org:admin","is_owner":true}', 422, 'form_param_unknown'],
    ['no role', '{}', 422, 'form_param_missing'],
    ['a role that is not a string', '{"role":42}', 422, 'form_param_value_invalid'],
    ['a role that is not a role key', '{"role":"admin; DROP TABLE"}', 422, 'form_param_value_invalid'],
  ])('when the body is %s, it answers %i %s and forwards nothing', async (_label, rawBody, status, code) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest('PATCH', patchRole, { rawBody, headers: { 'content-type': 'application/json' } }),
    );
    expect(response.status).toBe(status);
    expect((await firstError(response)).code).toBe(code);
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    ['a user ID with a slash', { user_id: 'user_x/../../users', role: 'org:member' }],
    ['a numeric user ID', { user_id: 7, role: 'org:member' }],
    ['array public metadata', { user_id: 'user_x', role: 'org:member', public_metadata: [1] }],
    ['string public metadata', { user_id: 'user_x', role: 'org:member', public_metadata: 'x' }],
  ])('when a create has %s, it answers 422 and forwards nothing', async (_label, body) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('POST', MEMBERSHIPS, { body }));
    expect(response.status).toBe(422);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when a metadata update has no public_metadata, it answers 422', async () => {
    const { handler } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('PATCH', `${MEMBERSHIPS}/user_bob/metadata`, { body: {} }));
    expect(response.status).toBe(422);
    expect((await firstError(response)).code).toBe('form_param_missing');
  });
});

describe('given an oversized body', () => {
  const huge = { public_metadata: { blob: 'x'.repeat(2000) } };

  it('when Content-Length exceeds maxBodyBytes, it answers 413 and forwards nothing', async () => {
    const { handler, upstream } = createTestHandler(ADMIN, { maxBodyBytes: 1000 });
    const response = await handler(
      browserRequest('PATCH', `${MEMBERSHIPS}/user_bob/metadata`, { body: huge }),
    );
    expect(response.status).toBe(413);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when a streamed body without Content-Length exceeds it, it answers 413', async () => {
    const { handler, upstream } = createTestHandler(ADMIN, { maxBodyBytes: 1000 });
    const bytes = new TextEncoder().encode(JSON.stringify(huge));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.slice(i, i + 100));
        controller.close();
      },
    });
    const request = new Request(`${APP_ORIGIN}/api${MEMBERSHIPS}/user_bob/metadata`, {
      method: 'PATCH',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    expect(response.status).toBe(413);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when the body is within the default limit, it is forwarded', async () => {
    const { handler } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest('PATCH', `${MEMBERSHIPS}/user_bob/metadata`, { body: huge }),
    );
    expect(response.status).toBe(200);
  });
});

describe('given list parameters', () => {
  it.each([
    'limit=0',
    'limit=501',
    'limit=ten',
    'limit=1.5',
    'offset=-1',
    'order_by=password_digest',
    'order_by=--created_at',
    'role=admin',
    'user_id=user_a/b',
    'created_at_before=yesterday',
    'private_metadata=x',
    'secret_key=x',
    'limit=10&limit=20',
    `query=${'q'.repeat(300)}`,
    Array.from({ length: 101 }, (_, i) => `user_id=user_${i}`).join('&'),
  ])('when the query is %s, it answers 422 and forwards nothing', async (query) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('GET', `${MEMBERSHIPS}?${query}`));
    expect(response.status).toBe(422);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when a write carries a query string, it answers 422', async () => {
    const { handler } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('DELETE', `${MEMBERSHIPS}/user_bob?hard=true`));
    expect(response.status).toBe(422);
  });

  it.each([
    'limit=1',
    'limit=500',
    'offset=0',
    'order_by=%2Bfirst_name',
    'order_by=email_address',
    'user_id=-user_bob',
    'created_at_after=1700000000000',
  ])('when the query is %s, it is forwarded', async (query) => {
    const { handler } = createTestHandler(ADMIN);
    expect((await handler(browserRequest('GET', `${MEMBERSHIPS}?${query}`))).status).toBe(200);
  });
});

describe('given paths outside the routes', () => {
  it.each([
    ['an encoded slash in a user ID', 'DELETE', `${MEMBERSHIPS}/user_bob%2F..%2F..`],
    ['a dot segment', 'GET', '/organizations/org_acme/memberships/..'],
    ['an unknown route', 'GET', '/organizations/org_acme'],
    ['an extra segment', 'GET', `${MEMBERSHIPS}/user_bob/metadata/x`],
    ['the instance-wide membership list', 'GET', '/organization_memberships'],
  ])('when the path has %s, it answers 404 and forwards nothing', async (_label, method, path) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(browserRequest(method, path));
    expect(response.status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when the method is not served on a route, it answers 405 with Allow', async () => {
    const { handler } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('PUT', MEMBERSHIPS, { body: {} }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('when a CORS preflight arrives, it answers 405 without any CORS header and forwards nothing', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const preflight = new Request(`${APP_ORIGIN}/api${MEMBERSHIPS}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' },
    });
    const response = await handler(preflight);
    expect(response.status).toBe(405);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when the request is outside the base path, it answers 404', async () => {
    const { handler } = createTestHandler(ADMIN, { basePath: '/roster' });
    expect((await handler(browserRequest('GET', MEMBERSHIPS))).status).toBe(404);
    const mounted = new Request(`${APP_ORIGIN}/roster${MEMBERSHIPS}`);
    expect((await handler(mounted)).status).toBe(200);
  });
});

describe('given upstream failures', () => {
  it('when upstream answers a Clerk error, its status and code reach the browser, reduced to the error shape', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    upstream.setOverride(
      () =>
        new Response(
          JSON.stringify({
            errors: [
              {
                code: 'form_param_value_invalid',
                message: 'is invalid',
                long_message: 'last admin',
                meta: { param_name: 'role' },
              },
            ],
            clerk_trace_id: 'trace_1',
            debug: { internal: true },
          }),
          { status: 422 },
        ),
    );
    const response = await handler(
      browserRequest('PATCH', `${MEMBERSHIPS}/user_bob`, { body: { role: 'org:member' } }),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      errors: [
        {
          code: 'form_param_value_invalid',
          message: 'is invalid',
          long_message: 'last admin',
          meta: { param_name: 'role' },
        },
      ],
      clerk_trace_id: 'trace_1',
    });
  });

  it('when upstream rate-limits, Retry-After is passed on', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    upstream.setOverride(
      () =>
        new Response(
          JSON.stringify({ errors: [{ code: 'too_many_requests', message: 'slow', long_message: 'slow' }] }),
          {
            status: 429,
            headers: { 'retry-after': '3' },
          },
        ),
    );
    const response = await handler(browserRequest('GET', MEMBERSHIPS));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
  });

  it('when upstream refuses the secret key, the browser gets a 500 that names no key', async () => {
    const { handler } = createTestHandler(ADMIN, { secretKey: 'sk_test_wrong_key_value' });
    const response = await handler(browserRequest('GET', MEMBERSHIPS));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('sk_test_wrong_key_value');
  });

  it('when upstream echoes the secret key in a body, the response is withheld', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    upstream.setOverride(
      (request) =>
        new Response(
          JSON.stringify({
            errors: [{ code: 'x', message: String(request.authorization), long_message: '' }],
          }),
          { status: 400 },
        ),
    );
    const response = await handler(browserRequest('GET', MEMBERSHIPS));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(SECRET_KEY);
  });

  it('when upstream is unreachable or answers no JSON, it answers 502', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    upstream.setOverride(() => new Response('<html>oops</html>', { status: 503 }));
    expect((await handler(browserRequest('GET', MEMBERSHIPS))).status).toBe(502);
    const unreachable = createTestHandler(ADMIN, {
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    expect((await unreachable.handler(browserRequest('GET', MEMBERSHIPS))).status).toBe(502);
  });

  it('when authorize throws, it answers 500 and forwards nothing', async () => {
    const { handler, upstream } = createTestHandler(ADMIN, {
      authorize: () => {
        throw new Error('session store down');
      },
    });
    const response = await handler(browserRequest('GET', MEMBERSHIPS));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('session store down');
    expect(upstream.requests).toHaveLength(0);
  });
});
