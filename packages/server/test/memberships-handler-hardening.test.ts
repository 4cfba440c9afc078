// Bad input the handler must refuse before forwarding anything (issue 14): deep or reserved-key
// metadata, control characters in search text, Object.prototype names as parameters; and what it
// shows: no user found through a field it hides, nothing crashing on a deep upstream answer.
import { MAX_METADATA_DEPTH } from '@roster/core';
import { MAX_RESPONSE_DEPTH } from '@roster/handler';
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  browserRequest,
  createTestHandler,
  firstError,
  SECRET_KEY,
} from './memberships-handler-fixture';

const MEMBERSHIPS = '/organizations/org_acme/memberships';

/** `{"a":[[...]]}` with `levels` levels in all, as JSON text. */
function deepArraysJson(levels: number): string {
  return `{"a":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
}

describe('given public metadata nested deeper than the limit', () => {
  it('when a create carries 2,500 levels in 6 KB, it answers 422 naming the limit, forwards nothing, and the list still loads', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const rawBody = `{"user_id":"user_dana","role":"org:member","public_metadata":${deepArraysJson(2_500)}}`;
    expect(rawBody.length).toBeLessThan(8 * 1024);
    const response = await handler(browserRequest('POST', MEMBERSHIPS, { rawBody }));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      errors: [
        {
          code: 'form_param_value_invalid',
          long_message: `public_metadata must not nest deeper than ${MAX_METADATA_DEPTH} levels.`,
          meta: { param_name: 'public_metadata' },
        },
      ],
    });
    expect(upstream.requests).toHaveLength(0);
    expect((await handler(browserRequest('GET', MEMBERSHIPS))).status).toBe(200);
  });

  it('when a metadata PATCH nests 7,000 levels (14 KB), it answers 422 and forwards nothing', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const rawBody = `{"public_metadata":${deepArraysJson(7_000)}}`;
    const response = await handler(browserRequest('PATCH', `${MEMBERSHIPS}/user_bob/metadata`, { rawBody }));
    expect(response.status).toBe(422);
    expect(upstream.requests).toHaveLength(0);
  });

  it('when upstream answers JSON nested deeper than the handler passes on, it answers 502 with a Clerk error body instead of crashing', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    upstream.setOverride(
      () =>
        new Response(`{"data":[{"public_metadata":${deepArraysJson(20_000)}}],"total_count":1}`, {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const response = await handler(browserRequest('GET', MEMBERSHIPS));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      errors: [
        {
          code: 'upstream_invalid_response',
          long_message: `The membership service answered with JSON nested deeper than ${MAX_RESPONSE_DEPTH} levels.`,
        },
      ],
    });
  });
});

describe('given public metadata with reserved keys', () => {
  it.each([
    ['private_metadata at the top', '{"private_metadata":{"x":1}}', 'private_metadata'],
    ['unsafe_metadata nested', '{"a":{"b":[{"unsafe_metadata":1}]}}', 'unsafe_metadata'],
    ['__proto__', '{"__proto__":{"isAdmin":true}}', '__proto__'],
  ])(
    'when a metadata PATCH carries %s, it answers 422 naming the key and forwards nothing',
    async (_label, metadata, key) => {
      const { handler, upstream } = createTestHandler(ADMIN);
      const rawBody = `{"public_metadata":${metadata}}`;
      const response = await handler(
        browserRequest('PATCH', `${MEMBERSHIPS}/user_bob/metadata`, { rawBody }),
      );
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({
        errors: [
          {
            code: 'form_param_value_invalid',
            long_message: `public_metadata must not contain the reserved key ${key}.`,
          },
        ],
      });
      expect(upstream.requests).toHaveLength(0);
    },
  );

  it('when metadata written behind the handler holds a __proto__ key, the handler shows it as a plain key', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const written = await upstream.backend.fetch(
      new Request('http://upstream.test/v1/organizations/org_acme/memberships/user_bob/metadata', {
        method: 'PATCH',
        headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
        body: '{"public_metadata":{"__proto__":{"x":1}}}',
      }),
    );
    expect(written.status).toBe(200);
    const response = await handler(browserRequest('GET', `${MEMBERSHIPS}?user_id=user_bob`));
    const text = await response.text();
    expect(text).toContain('"__proto__":{"x":1}');
  });
});

describe('given a search text with a control character', () => {
  it.each([
    ['a NUL in a 3+ character query', `${MEMBERSHIPS}?query=ab%00c`],
    ['a tab in email_address_query', `${MEMBERSHIPS}?email_address_query=a%09b`],
    ['a NUL in a user search', '/users?query=da%00na'],
    ['a DEL in a role search', '/organization_roles?query=ad%7Fmin'],
  ])('when a list has %s, it answers 422 and forwards nothing', async (_label, path) => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const response = await handler(browserRequest('GET', path));
    expect(response.status).toBe(422);
    expect((await firstError(response)).code).toBe('form_param_value_invalid');
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('given parameter names inherited from Object.prototype', () => {
  const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

  it.each(NAMES)(
    'when the query has %s, it answers 422 form_param_unknown and forwards nothing',
    async (name) => {
      const { handler, upstream } = createTestHandler(ADMIN);
      const response = await handler(browserRequest('GET', `${MEMBERSHIPS}?${name}=1`));
      expect(response.status).toBe(422);
      expect(await firstError(response)).toMatchObject({
        code: 'form_param_unknown',
        meta: { param_name: name },
      });
      expect(upstream.requests).toHaveLength(0);
    },
  );

  it.each(NAMES)(
    'when a role PATCH body has the field %s, it answers 422 form_param_unknown and forwards nothing',
    async (name) => {
      const { handler, upstream } = createTestHandler(ADMIN);
      const rawBody = `{"role":"org:admin",${JSON.stringify(name)}:"x"}`;
      const response = await handler(browserRequest('PATCH', `${MEMBERSHIPS}/user_bob`, { rawBody }));
      expect(response.status).toBe(422);
      expect(await firstError(response)).toMatchObject({
        code: 'form_param_unknown',
        meta: { param_name: name },
      });
      expect(upstream.requests).toHaveLength(0);
    },
  );
});

describe('given the instance-wide user search', () => {
  it('when the query is a phone number the picker never shows, it finds nobody', async () => {
    const { handler, upstream } = createTestHandler(ADMIN);
    const upstreamAnswer = await upstream.backend.fetch(
      new Request('http://upstream.test/v1/users?query=5550000004', {
        headers: { authorization: `Bearer ${SECRET_KEY}` },
      }),
    );
    expect(((await upstreamAnswer.json()) as unknown[]).length).toBe(1);
    const response = await handler(browserRequest('GET', '/users?query=5550000004'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });

  it('when the query is part of a shown field (name, username, primary email, ID), it still finds the user', async () => {
    const { handler } = createTestHandler(ADMIN);
    for (const query of ['Dana', 'DANA LEE', 'dana@acme', 'user_dana']) {
      const response = await handler(browserRequest('GET', `/users?query=${encodeURIComponent(query)}`));
      const users = (await response.json()) as { id: string }[];
      expect(users.map((user) => user.id)).toEqual(['user_dana']);
    }
  });
});
