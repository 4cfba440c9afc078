import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  API_URL,
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
