// Bad input the local Backend API must answer with a Clerk 4xx (issue 14): deep metadata, control
// characters in search text, oversized chunked bodies. Nothing it refuses may change the database.
import { MAX_METADATA_DEPTH } from '@roster/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackendApiWithDatabase } from '../src/backend-api';
import { MAX_BODY_BYTES } from '../src/request-input';
import { databaseDigest } from './database-digest';
import { HANDLER_TEST_SEED, SECRET_KEY } from './memberships-handler-fixture';

let backend: ReturnType<typeof createBackendApiWithDatabase>;
beforeEach(() => {
  backend = createBackendApiWithDatabase({ secretKey: SECRET_KEY, seed: HANDLER_TEST_SEED });
});
afterEach(() => backend.api.close());

function call(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}) {
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json', ...headers },
  };
  if (body !== undefined) {
    init.body = body;
    init.duplex = 'half';
  }
  return backend.api.fetch(new Request(`http://local.test/v1${path}`, init));
}

async function firstError(response: Response) {
  const body = (await response.json()) as { errors: { code: string; long_message: string }[] };
  return body.errors[0];
}

/** `"levels"` levels of arrays inside an object, as JSON text (no recursion to build it). */
function deepArraysJson(levels: number): string {
  return `{"a":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
}

const MEMBERS = '/organizations/org_acme/memberships';

describe('given metadata nested deeper than the limit', () => {
  it.each([2_500, 5_000, 10_000])(
    'when a PATCH of metadata nests %i levels, it answers 422 naming the depth limit and changes nothing',
    async (levels) => {
      const before = databaseDigest(backend.database);
      const response = await call(
        'PATCH',
        `${MEMBERS}/user_bob/metadata`,
        `{"public_metadata":${deepArraysJson(levels)}}`,
      );
      expect(response.status).toBe(422);
      expect(await firstError(response)).toMatchObject({
        code: 'form_param_value_invalid',
        long_message: `public_metadata must not nest deeper than ${MAX_METADATA_DEPTH} levels.`,
      });
      expect(databaseDigest(backend.database)).toBe(before);
    },
  );

  it('when a create carries 5,000 levels of private_metadata, it answers 422 and creates nothing', async () => {
    const before = databaseDigest(backend.database);
    const response = await call(
      'POST',
      MEMBERS,
      `{"user_id":"user_dana","role":"org:member","private_metadata":${deepArraysJson(5_000)}}`,
    );
    expect(response.status).toBe(422);
    expect(await firstError(response)).toMatchObject({ code: 'form_param_value_invalid' });
    expect(databaseDigest(backend.database)).toBe(before);
  });

  it('when the metadata is exactly at the limit, it is stored', async () => {
    const response = await call(
      'PATCH',
      `${MEMBERS}/user_bob/metadata`,
      `{"public_metadata":${deepArraysJson(MAX_METADATA_DEPTH)}}`,
    );
    expect(response.status).toBe(200);
  });
});

describe('given a search text with a control character', () => {
  it.each([
    ['a NUL in a 3+ character query', `${MEMBERS}?query=ab%00c`, 'query'],
    ['a NUL in a short query', `${MEMBERS}?query=%00`, 'query'],
    ['a newline in name_query', `${MEMBERS}?name_query=al%0Aice`, 'name_query'],
    ['a C1 character in a user search', '/users?query=ali%C2%85ce', 'query'],
  ])('when the list has %s, it answers 422 for that parameter', async (_case, path, param) => {
    const response = await call('GET', path);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { code: string; meta: { param_name: string } }[] };
    expect(body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: param } });
  });

  it('when the query is plain text of 3+ characters, it still searches', async () => {
    const response = await call('GET', `${MEMBERS}?query=ali`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { total_count: number }).total_count).toBe(1);
  });
});

describe('given a chunked body larger than the body limit', () => {
  it('when 50 MB stream in, it answers 413 after reading little more than the limit and changes nothing', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 50 * 1024 * 1024) {
          controller.close();
          return;
        }
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const before = databaseDigest(backend.database);
    const response = await call('PATCH', `${MEMBERS}/user_bob/metadata`, stream);
    expect(response.status).toBe(413);
    expect(await firstError(response)).toMatchObject({ code: 'request_body_too_large' });
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.byteLength);
    expect(databaseDigest(backend.database)).toBe(before);
  });

  it('when the declared Content-Length is over the limit, it answers 413 without reading', async () => {
    const response = await call('PATCH', `${MEMBERS}/user_bob/metadata`, '{}', {
      'content-length': String(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
  });

  it('when a body is split inside a multi-byte character, it decodes it whole', async () => {
    const bytes = new TextEncoder().encode('{"public_metadata":{"city":"Zürich"}}');
    const split = bytes.indexOf(0xc3) + 1;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const response = await call('PATCH', `${MEMBERS}/user_bob/metadata`, stream);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { public_metadata: unknown }).public_metadata).toMatchObject({
      city: 'Zürich',
    });
  });
});

describe('given body fields named after Object.prototype members', () => {
  it('when a metadata PATCH carries constructor, it answers 422 form_param_unknown', async () => {
    const response = await call('PATCH', `${MEMBERS}/user_bob/metadata`, '{"constructor":{}}');
    expect(response.status).toBe(422);
    expect(await firstError(response)).toMatchObject({ code: 'form_param_unknown' });
  });
});
