import { createInsecureDemoAuthorize } from '@roster/handler';
import { describe, expect, it } from 'vitest';
import { API_URL, APP_ORIGIN, createRecordingUpstream, SECRET_KEY } from './memberships-handler-fixture';

function setup(defaultUserId?: string) {
  const upstream = createRecordingUpstream();
  const authorize = createInsecureDemoAuthorize({
    apiUrl: API_URL,
    secretKey: SECRET_KEY,
    fetch: upstream.fetch,
    ...(defaultUserId === undefined ? {} : { defaultUserId }),
  });
  return { authorize, upstream };
}

function withCookie(cookie?: string): Request {
  return new Request(`${APP_ORIGIN}/api/organization_roles`, cookie ? { headers: { cookie } } : {});
}

describe('given the insecure demo authorize', () => {
  it('when the cookie names an admin, the caller gets their organization and its permissions from upstream', async () => {
    const { authorize } = setup();
    expect(await authorize(withCookie('roster_demo_user=user_alice'))).toEqual({
      userId: 'user_alice',
      organizationId: 'org_acme',
      permissions: expect.arrayContaining(['org:sys_memberships:read', 'org:sys_memberships:manage']),
    });
  });

  it('when the admin is demoted upstream, the next request carries the new permissions', async () => {
    const { authorize, upstream } = setup();
    await upstream.backend.fetch(
      new Request(`${API_URL}/organizations/org_acme/memberships/user_bob`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'org:admin' }),
      }),
    );
    const caller = await authorize(withCookie('roster_demo_user=user_bob'));
    expect(caller?.permissions).toContain('org:sys_memberships:manage');
  });

  it('when the organization cookie names one the user is not in, their first membership is used', async () => {
    const { authorize } = setup();
    const caller = await authorize(withCookie('roster_demo_user=user_bob; roster_demo_org=org_other'));
    expect(caller?.organizationId).toBe('org_acme');
  });

  it('when the request names an organization the user belongs to, that one is active, whatever the cookie says', async () => {
    const { authorize, upstream } = setup();
    await upstream.backend.fetch(
      new Request(`${API_URL}/organizations/org_other/memberships`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: 'user_bob', role: 'org:member' }),
      }),
    );
    const cookie = 'roster_demo_user=user_bob; roster_demo_org=org_acme';
    const page = new Request(`${APP_ORIGIN}/api/organizations/org_other/memberships`, {
      headers: { cookie },
    });
    expect((await authorize(page))?.organizationId).toBe('org_other');
    const elsewhere = new Request(`${APP_ORIGIN}/api/organizations/org_nope/memberships`, {
      headers: { cookie },
    });
    expect((await authorize(elsewhere))?.organizationId).toBe('org_acme');
  });

  it('when the user belongs to no organization, there is a caller without an active organization', async () => {
    const { authorize } = setup();
    expect(await authorize(withCookie('roster_demo_user=user_dana'))).toEqual({
      userId: 'user_dana',
      organizationId: null,
      permissions: [],
    });
  });

  it.each([
    ['no cookie', undefined],
    ['an unknown user', 'roster_demo_user=user_nobody'],
    ['a malformed user ID', 'roster_demo_user=user_x%2F..%2Forganizations'],
  ])('when the request has %s, there is no caller', async (_label, cookie) => {
    const { authorize } = setup();
    expect(await authorize(withCookie(cookie))).toBeNull();
  });

  it('when a default organization is configured, a request that names none acts in it', async () => {
    const { upstream } = setup();
    await upstream.backend.fetch(
      new Request(`${API_URL}/organizations/org_other/memberships`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: 'user_bob', role: 'org:member' }),
      }),
    );
    const authorize = createInsecureDemoAuthorize({
      apiUrl: API_URL,
      secretKey: SECRET_KEY,
      fetch: upstream.fetch,
      defaultOrganizationId: 'org_acme',
    });
    const search = new Request(`${APP_ORIGIN}/api/users?query=ana`, {
      headers: { cookie: 'roster_demo_user=user_bob' },
    });
    expect((await authorize(search))?.organizationId).toBe('org_acme');
  });

  it('when a default user is configured, a request without a cookie acts as them', async () => {
    const { authorize } = setup('user_bob');
    expect((await authorize(withCookie()))?.userId).toBe('user_bob');
  });
});
