import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  APP_ORIGIN,
  browserRequest,
  createTestHandler,
  firstError,
  MEMBER,
  OTHER_ORGANIZATION,
  SECRET_KEY,
} from './memberships-handler-fixture';

const INVITATIONS = '/organizations/org_acme/invitations';

/** A handler whose upstream holds one pending invitation (with private metadata) of org_acme. */
async function withInvitation(caller = ADMIN) {
  const test = createTestHandler(caller);
  const response = await test.upstream.backend.fetch(
    new Request(`http://upstream.test/v1${INVITATIONS}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        email_address: 'pending@acme.test',
        role: 'org:member',
        public_metadata: { team: 'core' },
        private_metadata: { salary_band: 'secret_band' },
      }),
    }),
  );
  const { id } = (await response.json()) as { id: string };
  return { ...test, invitationId: id };
}

/** Every invitation route, with a request an admin of org_acme may make (`{id}`: the invitation). */
const ROUTES = [
  { name: 'list invitations', method: 'GET', path: `${INVITATIONS}?status=pending` },
  {
    name: 'create invitation',
    method: 'POST',
    path: INVITATIONS,
    body: { email_address: 'new@acme.test', role: 'org:member', public_metadata: { team: 'x' } },
  },
  {
    name: 'bulk create',
    method: 'POST',
    path: `${INVITATIONS}/bulk`,
    body: [
      { email_address: 'one@acme.test', role: 'org:member' },
      { email_address: 'two@acme.test', role: 'org:admin' },
    ],
  },
  { name: 'get invitation', method: 'GET', path: `${INVITATIONS}/{id}` },
  { name: 'revoke invitation', method: 'POST', path: `${INVITATIONS}/{id}/revoke`, body: {} },
] as const;

function requestFor(
  route: (typeof ROUTES)[number],
  invitationId: string,
  path: string = route.path,
): Request {
  const resolved = path.replace('{id}', invitationId);
  return browserRequest(route.method, resolved, 'body' in route ? { body: route.body } : {});
}

describe('given an admin of the active organization (invitations)', () => {
  it.each(ROUTES)(
    'when they call "$name", it answers 200 from upstream with no private metadata',
    async (route) => {
      const { handler, upstream, invitationId } = await withInvitation();
      const response = await handler(requestFor(route, invitationId));
      const text = await response.text();
      expect(response.status, text).toBe(200);
      expect(upstream.requests.map((r) => r.method)).toEqual([route.method]);
      expect(upstream.requests[0]?.authorization).toBe(`Bearer ${SECRET_KEY}`);
      expect(text).not.toContain('private_metadata');
      expect(text).not.toContain('secret_band');
      expect(text).not.toContain(SECRET_KEY);
    },
  );

  it('when they invite, the forwarded body is the validated one with inviter_user_id set to the caller', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest('POST', INVITATIONS, {
        body: {
          email_address: 'new@acme.test',
          role: 'org:member',
          expires_in_days: 7,
          redirect_url: `${APP_ORIGIN}/in`,
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(upstream.requests[0]?.body).toEqual({
      email_address: 'new@acme.test',
      role: 'org:member',
      expires_in_days: 7,
      redirect_url: `${APP_ORIGIN}/in`,
      inviter_user_id: 'user_alice',
    });
    expect(((await response.json()) as { inviter_id: string }).inviter_id).toBe('user_alice');
  });

  it('when they bulk-invite, every forwarded item carries the caller as inviter', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    await handler(requestFor(ROUTES[2], ''));
    expect(
      ((upstream.requests[0]?.body ?? []) as { inviter_user_id: string }[]).map((i) => i.inviter_user_id),
    ).toEqual(['user_alice', 'user_alice']);
  });

  it('when they revoke with an empty body, it is forwarded with requesting_user_id set to the caller', async () => {
    const { handler, upstream, invitationId } = await withInvitation();
    const response = await handler(
      browserRequest('POST', `${INVITATIONS}/${invitationId}/revoke`, {
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(response.status).toBe(200);
    expect(upstream.requests[0]?.body).toEqual({ requesting_user_id: 'user_alice' });
  });

  it('when upstream refuses (a duplicate pending invitation), its Clerk error passes through', async () => {
    const { handler } = await withInvitation();
    const response = await handler(
      browserRequest('POST', INVITATIONS, {
        body: { email_address: 'pending@acme.test', role: 'org:member' },
      }),
    );
    expect(response.status).toBe(400);
    expect((await firstError(response)).code).toBe('organization_invitation_not_unique');
  });
});

describe('given a body that names the acting user or private metadata', () => {
  it.each([
    [
      'create with inviter_user_id',
      INVITATIONS,
      { email_address: 'a@acme.test', role: 'org:member', inviter_user_id: 'user_bob' },
      'inviter_user_id',
    ],
    [
      'create with private_metadata',
      INVITATIONS,
      { email_address: 'a@acme.test', role: 'org:member', private_metadata: {} },
      'private_metadata',
    ],
    [
      'bulk with inviter_user_id',
      `${INVITATIONS}/bulk`,
      [{ email_address: 'a@acme.test', role: 'org:member', inviter_user_id: 'user_bob' }],
      'inviter_user_id',
    ],
    [
      'revoke with requesting_user_id',
      `${INVITATIONS}/orginv_x/revoke`,
      { requesting_user_id: 'user_bob' },
      'requesting_user_id',
    ],
  ])(
    'when a %s arrives, it answers 422 form_param_unknown and forwards nothing',
    async (_label, path, body, param) => {
      const { handler, upstream } = createTestHandler(ADMIN);
      const response = await handler(browserRequest('POST', path, { body }));
      expect(response.status).toBe(422);
      const error = await firstError(response);
      expect([error.code, error.meta?.param_name]).toEqual(['form_param_unknown', param]);
      expect(upstream.requests).toHaveLength(0);
    },
  );
});

describe('given invalid invitation input', () => {
  it.each([
    [
      'an invalid email',
      INVITATIONS,
      { email_address: 'not-an-email', role: 'org:member' },
      422,
      'form_param_format_invalid',
    ],
    ['no email', INVITATIONS, { role: 'org:member' }, 422, 'form_param_missing'],
    [
      'a malformed role',
      INVITATIONS,
      { email_address: 'a@acme.test', role: 'admin' },
      422,
      'form_param_value_invalid',
    ],
    [
      'a javascript: redirect_url',
      INVITATIONS,
      { email_address: 'a@acme.test', role: 'org:member', redirect_url: 'javascript:alert(1)' },
      422,
      'form_param_value_invalid',
    ],
    [
      'expires_in_days 400',
      INVITATIONS,
      { email_address: 'a@acme.test', role: 'org:member', expires_in_days: 400 },
      422,
      'form_param_value_invalid',
    ],
    [
      'an unknown field',
      INVITATIONS,
      { email_address: 'a@acme.test', role: 'org:member', url: 'x' },
      422,
      'form_param_unknown',
    ],
    ['a JSON array', INVITATIONS, [], 400, 'request_body_invalid'],
    [
      'an object to bulk',
      `${INVITATIONS}/bulk`,
      { email_address: 'a@acme.test', role: 'org:member' },
      400,
      'request_body_invalid',
    ],
    ['an empty bulk', `${INVITATIONS}/bulk`, [], 422, 'form_param_value_invalid'],
    [
      '11 bulk invitations',
      `${INVITATIONS}/bulk`,
      Array.from({ length: 11 }, (_, i) => ({ email_address: `p${i}@acme.test`, role: 'org:member' })),
      400,
      'bulk_size_exceeded',
    ],
    [
      'a bulk item that is not an object',
      `${INVITATIONS}/bulk`,
      ['a@acme.test'],
      400,
      'request_body_invalid',
    ],
  ])(
    'when a write has %s, it answers the expected Clerk error and forwards nothing',
    async (_label, path, body, status, code) => {
      const { handler, upstream } = createTestHandler(ADMIN);
      const response = await handler(browserRequest('POST', path, { body }));
      expect(response.status).toBe(status);
      expect((await firstError(response)).code).toBe(code);
      expect(upstream.requests).toHaveLength(0);
    },
  );

  it('when the second bulk item is invalid, the error names its index', async () => {
    const { handler } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest('POST', `${INVITATIONS}/bulk`, {
        body: [
          { email_address: 'ok@acme.test', role: 'org:member' },
          { email_address: 'bad', role: 'org:member' },
        ],
      }),
    );
    expect((await firstError(response)).meta).toEqual({ param_name: 'email_address', index: 1 });
  });

  it.each([
    ['an unknown status', '?status=open', 'form_param_value_invalid'],
    ['an unknown order', '?order_by=role', 'form_param_value_invalid'],
    ['a membership filter', '?role=org:admin', 'form_param_unknown'],
    ['limit 0', '?limit=0', 'form_param_value_invalid'],
  ])('when the list has %s, it answers 422 and forwards nothing', async (_label, search, code) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('GET', `${INVITATIONS}${search}`));
    expect(response.status).toBe(422);
    expect((await firstError(response)).code).toBe(code);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when the list asks for several statuses, they are forwarded as repeated keys', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    await handler(browserRequest('GET', `${INVITATIONS}?status=pending&status=expired&limit=5`));
    expect(upstream.requests[0]?.url.search).toBe('?status=pending&status=expired&limit=5');
  });

  it('when an invitation ID is malformed, it answers 404 and forwards nothing', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('GET', `${INVITATIONS}/..%2F..%2Fusers`));
    expect(response.status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when a route is called with the wrong method, it answers 405 with Allow', async () => {
    const { handler } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('DELETE', `${INVITATIONS}/orginv_x`));
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET']);
  });
});

describe('given callers who may not manage invitations', () => {
  it.each(ROUTES)(
    'when a plain member calls "$name", it answers 403 for the manage permission and forwards nothing',
    async (route) => {
      const { handler, upstream, invitationId } = await withInvitation(MEMBER);
      const response = await handler(requestFor(route, invitationId));
      expect(response.status).toBe(403);
      const error = await firstError(response);
      expect([error.code, error.meta?.permissions]).toEqual([
        'missing_organization_permission',
        ['org:sys_memberships:manage'],
      ]);
      expect(upstream.requests).toHaveLength(0);
    },
  );

  it.each(ROUTES)('when nobody is signed in and "$name" is called, it answers 401', async (route) => {
    const { handler, upstream } = createTestHandler(null);
    const response = await handler(requestFor(route, 'orginv_x'));
    expect(response.status).toBe(401);
    expect(upstream.requests).toHaveLength(0);
  });

  it.each(ROUTES)('when an admin calls "$name" on another organization, it answers 404', async (route) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(
      requestFor(route, 'orginv_x', route.path.replace('org_acme', OTHER_ORGANIZATION)),
    );
    expect(response.status).toBe(404);
    expect((await firstError(response)).code).toBe('resource_not_found');
    expect(upstream.requests).toHaveLength(0);
  });

  it('when the caller has no active organization, invitation routes answer 404', async () => {
    const { handler } = createTestHandler({ ...ADMIN, organizationId: null });
    expect((await handler(browserRequest('GET', INVITATIONS))).status).toBe(404);
  });
});

describe('given cross-site writes to invitation routes (CSRF)', () => {
  const writes = ROUTES.filter((route) => route.method === 'POST');
  it.each(writes)(
    'when "$name" comes from another origin, it answers 403 and forwards nothing',
    async (route) => {
      const { handler, upstream } = createTestHandler(ADMIN);
      const response = await handler(
        browserRequest(route.method, route.path.replace('{id}', 'orginv_x'), {
          body: route.body,
          headers: { origin: 'https://evil.example' },
        }),
      );
      expect(response.status).toBe(403);
      expect(upstream.requests).toHaveLength(0);
    },
  );

  it.each(writes)('when "$name" has no Origin or says cross-site, it answers 403', async (route) => {
    const { handler } = createTestHandler(ADMIN);
    const path = route.path.replace('{id}', 'orginv_x');
    const noOrigin = await handler(
      browserRequest(route.method, path, { body: route.body, headers: { origin: '' } }),
    );
    const crossSite = await handler(
      browserRequest(route.method, path, { body: route.body, headers: { 'sec-fetch-site': 'cross-site' } }),
    );
    expect([noOrigin.status, crossSite.status]).toEqual([403, 403]);
  });

  it.each(writes)('when "$name" is sent as a form, it answers 415 and forwards nothing', async (route) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(
      browserRequest(route.method, route.path.replace('{id}', 'orginv_x'), {
        rawBody: 'email_address=a%40acme.test&role=org%3Amember',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(response.status).toBe(415);
    expect(upstream.requests).toHaveLength(0);
  });
});
