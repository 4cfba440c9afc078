// What the handler refuses before forwarding: cross-origin writes, bad content types and bodies,
// oversized bodies, bad parameters and paths.
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  APP_ORIGIN,
  browserRequest,
  createTestHandler,
  firstError,
} from './memberships-handler-fixture';

const MEMBERSHIPS = '/organizations/org_acme/memberships';

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

  // Since the handler judges the host the browser addressed (issue 11), allowedOrigins adds origins
  // to the application's own instead of replacing it (as Next.js server actions do).
  it('when allowedOrigins lists an origin, writes from it go through, and so do writes from the app itself', async () => {
    const { handler } = createTestHandler(ADMIN, { allowedOrigins: ['https://admin.example.test'] });
    const allowed = browserRequest('POST', MEMBERSHIPS, {
      body: write,
      headers: { origin: 'https://admin.example.test' },
    });
    expect((await handler(allowed)).status).toBe(200);
    const own = browserRequest('PATCH', `${MEMBERSHIPS}/user_bob`, { body: { role: 'org:admin' } });
    expect((await handler(own)).status).toBe(200);
    const evil = browserRequest('POST', MEMBERSHIPS, {
      body: write,
      headers: { origin: 'https://evil.test' },
    });
    expect((await handler(evil)).status).toBe(403);
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
