import { createSign, generateKeyPairSync } from 'node:crypto';
import { clerkAuthorize, createMembershipsHandler, readClerkSessionOrganization } from '@roster/handler';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  API_URL,
  APP_ORIGIN,
  createRecordingUpstream,
  firstError,
  SECRET_KEY,
} from './memberships-handler-fixture';

function generatePemKeyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

const instanceKeys = generatePemKeyPair();
const attackerKeys = generatePemKeyPair();

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** Signs a session token the way Clerk does (RS256), with the given private key. */
function signToken(
  claims: Record<string, unknown>,
  privateKey = instanceKeys.privateKey,
  header: Record<string, unknown> = {},
) {
  const head = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'ins_test', ...header }));
  const body = base64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey);
  return `${head}.${body}.${base64url(signature)}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Version 2 claims of a session in org_acme with the given role (system permissions are not in tokens). */
function v2Claims(userId: string, rol: string, extra: Record<string, unknown> = {}) {
  return {
    v: 2,
    sub: userId,
    sid: 'sess_1',
    iss: 'https://clerk.example.test',
    azp: APP_ORIGIN,
    iat: nowSeconds() - 10,
    nbf: nowSeconds() - 10,
    exp: nowSeconds() + 60,
    fea: 'o:reports,o:billing,u:profile',
    o: { id: 'org_acme', rol, slg: 'acme', per: 'read,manage', fpm: '3,1' },
    ...extra,
  };
}

const authorize = clerkAuthorize({ jwtKey: instanceKeys.publicKey, authorizedParties: [APP_ORIGIN] });

function withCookie(token: string): Request {
  return new Request(`${APP_ORIGIN}/api/organization_roles`, {
    headers: { cookie: `theme=dark; __session=${token}` },
  });
}

function withBearer(token: string): Request {
  return new Request(`${APP_ORIGIN}/api/organization_roles`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('given version 2 session token claims', () => {
  it('when decoded, the role gets its org: prefix and fea/per/fpm expand to feature permissions', () => {
    expect(readClerkSessionOrganization(v2Claims('user_alice', 'admin'))).toEqual({
      organizationId: 'org_acme',
      role: 'org:admin',
      permissions: ['org:reports:read', 'org:reports:manage', 'org:billing:read'],
    });
  });

  it('when there is no o claim, there is no active organization', () => {
    const { o: _omitted, ...claims } = v2Claims('user_alice', 'admin');
    expect(readClerkSessionOrganization(claims)).toEqual({
      organizationId: null,
      role: null,
      permissions: [],
    });
  });

  it('when a feature mask is larger than 2^53, every bit is still read', () => {
    const names = Array.from({ length: 60 }, (_, i) => `p${i}`).join(',');
    const mask = ((1n << 59n) | 1n).toString();
    const session = readClerkSessionOrganization({
      v: 2,
      fea: 'o:big',
      o: { id: 'org_x', rol: 'member', per: names, fpm: mask },
    });
    expect(session.permissions).toEqual(['org:big:p0', 'org:big:p59']);
  });
});

describe('given version 1 session token claims', () => {
  it('when decoded, org_id, org_role and org_permissions are read as they are', () => {
    expect(
      readClerkSessionOrganization({
        sub: 'user_bob',
        org_id: 'org_acme',
        org_role: 'org:member',
        org_permissions: ['org:reports:read'],
      }),
    ).toEqual({ organizationId: 'org_acme', role: 'org:member', permissions: ['org:reports:read'] });
  });
});

describe('given clerkAuthorize with a local jwtKey', () => {
  it('when a valid token is in the __session cookie, the caller has the token permissions plus the role system permissions', async () => {
    const caller = await authorize(withCookie(signToken(v2Claims('user_alice', 'admin'))));
    expect(caller?.userId).toBe('user_alice');
    expect(caller?.organizationId).toBe('org_acme');
    expect(caller?.permissions).toEqual(
      expect.arrayContaining(['org:reports:read', 'org:sys_memberships:read', 'org:sys_memberships:manage']),
    );
  });

  it('when a valid token comes as a bearer token, a member gets read but not manage', async () => {
    const caller = await authorize(withBearer(signToken(v2Claims('user_bob', 'member'))));
    expect(caller?.permissions).toContain('org:sys_memberships:read');
    expect(caller?.permissions).not.toContain('org:sys_memberships:manage');
  });

  it('when a v1 token is valid, its organization claims are used', async () => {
    const claims = {
      sub: 'user_bob',
      azp: APP_ORIGIN,
      iat: nowSeconds(),
      exp: nowSeconds() + 60,
      org_id: 'org_acme',
      org_role: 'org:member',
      org_permissions: [],
    };
    const caller = await authorize(withBearer(signToken(claims)));
    expect(caller).toEqual({
      userId: 'user_bob',
      organizationId: 'org_acme',
      permissions: ['org:sys_memberships:read', 'org:sys_domains:read'],
    });
  });

  it('when custom rolePermissions are given, they decide the system permissions of a role', async () => {
    const custom = clerkAuthorize({ jwtKey: instanceKeys.publicKey, rolePermissions: { 'org:member': [] } });
    const caller = await custom(withBearer(signToken(v2Claims('user_bob', 'member'))));
    expect(caller?.permissions).not.toContain('org:sys_memberships:read');
  });

  it.each([
    ['no token', () => new Request(`${APP_ORIGIN}/api/organization_roles`)],
    [
      'an expired token',
      () =>
        withCookie(
          signToken(
            v2Claims('user_alice', 'admin', {
              exp: nowSeconds() - 120,
              iat: nowSeconds() - 300,
              nbf: nowSeconds() - 300,
            }),
          ),
        ),
    ],
    [
      'a token not valid yet',
      () => withCookie(signToken(v2Claims('user_alice', 'admin', { nbf: nowSeconds() + 600 }))),
    ],
    [
      'a token signed by another key',
      () => withCookie(signToken(v2Claims('user_alice', 'admin'), attackerKeys.privateKey)),
    ],
    [
      'a token whose claims were edited after signing',
      () => {
        const [head, , signature] = signToken(v2Claims('user_bob', 'member')).split('.');
        const forged = base64url(JSON.stringify(v2Claims('user_bob', 'admin')));
        return withCookie(`${head}.${forged}.${signature}`);
      },
    ],
    [
      'an unsigned token (alg none)',
      () =>
        withCookie(
          `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(v2Claims('user_alice', 'admin')))}.`,
        ),
    ],
    [
      'a token for another authorized party',
      () => withCookie(signToken(v2Claims('user_alice', 'admin', { azp: 'https://evil.test' }))),
    ],
    ['a pending session', () => withCookie(signToken(v2Claims('user_alice', 'admin', { sts: 'pending' })))],
    ['garbage', () => withBearer('not.a.jwt')],
  ])('when the request has %s, there is no caller', async (_label, makeRequest) => {
    expect(await authorize(makeRequest())).toBeNull();
  });

  it('when neither jwtKey nor secretKey is given, it refuses to be created', () => {
    expect(() => clerkAuthorize({})).toThrow(/jwtKey/);
  });
});

describe('given the handler behind clerkAuthorize', () => {
  function setup() {
    const upstream = createRecordingUpstream();
    const handler = createMembershipsHandler({
      apiUrl: API_URL,
      secretKey: SECRET_KEY,
      authorize,
      fetch: upstream.fetch,
    });
    return { handler, upstream };
  }

  function changeRole(token: string) {
    return new Request(`${APP_ORIGIN}/api/organizations/org_acme/memberships/user_carl`, {
      method: 'PATCH',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/json', cookie: `__session=${token}` },
      body: JSON.stringify({ role: 'org:admin' }),
    });
  }

  it('when an admin token changes a role, it is forwarded', async () => {
    const { handler, upstream } = setup();
    const response = await handler(changeRole(signToken(v2Claims('user_alice', 'admin'))));
    expect(response.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
  });

  it('when a member token changes a role, it answers 403 missing_organization_permission', async () => {
    const { handler, upstream } = setup();
    const response = await handler(changeRole(signToken(v2Claims('user_bob', 'member'))));
    expect(response.status).toBe(403);
    expect((await firstError(response)).code).toBe('missing_organization_permission');
    expect(upstream.requests).toHaveLength(0);
  });

  it('when the token is expired, it answers 401', async () => {
    const { handler, upstream } = setup();
    const expired = signToken(
      v2Claims('user_alice', 'admin', {
        exp: nowSeconds() - 120,
        iat: nowSeconds() - 300,
        nbf: nowSeconds() - 300,
      }),
    );
    expect((await handler(changeRole(expired))).status).toBe(401);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when an admin token of another organization targets org_acme, it answers 404', async () => {
    const { handler } = setup();
    const other = signToken(v2Claims('user_alice', 'admin', { o: { id: 'org_other', rol: 'admin' } }));
    expect((await handler(changeRole(other))).status).toBe(404);
  });
});

describe('given the claims verifyToken leaves unchecked', () => {
  it('when audience is set and the token has no aud, it is refused', async () => {
    const strict = clerkAuthorize({ jwtKey: instanceKeys.publicKey, audience: 'roster' });
    expect(await strict(withBearer(signToken(v2Claims('user_alice', 'admin'))))).toBeNull();
    const withAud = signToken(v2Claims('user_alice', 'admin', { aud: 'roster' }));
    expect(await strict(withBearer(withAud))).toMatchObject({ userId: 'user_alice' });
  });

  it('when issuer is set, a token from another issuer is refused and one from it passes', async () => {
    const strict = clerkAuthorize({ jwtKey: instanceKeys.publicKey, issuer: 'https://clerk.example.test' });
    const other = signToken(v2Claims('user_alice', 'admin', { iss: 'https://clerk.other.test' }));
    expect(await strict(withBearer(other))).toBeNull();
    expect(await strict(withBearer(signToken(v2Claims('user_alice', 'admin'))))).toMatchObject({
      userId: 'user_alice',
    });
  });

  it('when issuer is not set, any iss signed by the instance key passes (the documented default)', async () => {
    const token = signToken(v2Claims('user_alice', 'admin', { iss: 'https://anything.test' }));
    expect(await authorize(withBearer(token))).toMatchObject({ userId: 'user_alice' });
  });
});

describe('given clerkAuthorize created without authorizedParties', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('when NODE_ENV is not production, or authorizedParties is given, it stays quiet', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubEnv('NODE_ENV', 'development');
    clerkAuthorize({ jwtKey: instanceKeys.publicKey });
    vi.stubEnv('NODE_ENV', 'production');
    clerkAuthorize({ jwtKey: instanceKeys.publicKey, authorizedParties: [APP_ORIGIN] });
    expect(warn).not.toHaveBeenCalled();
  });

  it('when NODE_ENV is production, it warns once per process naming authorizedParties, not on every creation', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    clerkAuthorize({ jwtKey: instanceKeys.publicKey });
    clerkAuthorize({ jwtKey: instanceKeys.publicKey });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('authorizedParties');
  });
});
