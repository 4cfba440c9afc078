// What the handler makes of upstream answers: Clerk errors, rate limits, refused keys, outages.
import { describe, expect, it } from 'vitest';
import { ADMIN, browserRequest, createTestHandler, SECRET_KEY } from './memberships-handler-fixture';

const MEMBERSHIPS = '/organizations/org_acme/memberships';

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
