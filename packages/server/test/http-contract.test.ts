import { DEMO_IDS } from '@roster/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BackendTestServer, startBackendTestServer } from './backend-test-server';

interface ErrorBody {
  errors: { code: string; message: string; long_message: string; meta?: { param_name?: string } }[];
  clerk_trace_id: string;
}

let server: BackendTestServer;
beforeEach(async () => {
  server = await startBackendTestServer();
});
afterEach(() => server.close());

const members = `/organizations/${DEMO_IDS.organizationId}/memberships`;

async function expectError(response: Response, status: number, code: string, paramName?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  const body = (await response.json()) as ErrorBody;
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]?.code).toBe(code);
  expect(body.errors[0]?.message).toEqual(expect.any(String));
  expect(body.errors[0]?.long_message).toEqual(expect.any(String));
  expect(body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
  if (paramName !== undefined) expect(body.errors[0]?.meta?.param_name).toBe(paramName);
  return body;
}

/** Everything an organization's member list shows, to prove a failed request changed nothing. */
async function snapshot(organizationId: string = DEMO_IDS.organizationId) {
  const response = await server.request(`/organizations/${organizationId}/memberships?limit=500`);
  return response.json();
}

describe('given the local Backend API over plain HTTP', () => {
  describe('when a request succeeds', () => {
    it('it answers 200 with Content-Type exactly application/json and a { data, total_count } list', async () => {
      const response = await server.request(`${members}?limit=2`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const body = (await response.json()) as { data: Record<string, unknown>[]; total_count: number };
      expect(body.data).toHaveLength(2);
      expect(body.total_count).toBeGreaterThan(2);
      const membership = body.data[0] ?? {};
      expect(membership.object).toBe('organization_membership');
      expect(membership.id).toMatch(/^orgmem_[0-9A-Za-z]{27}$/);
      expect(membership).toMatchObject({
        role: expect.any(String),
        role_name: expect.any(String),
        permissions: expect.any(Array),
        public_metadata: expect.any(Object),
        private_metadata: expect.any(Object),
        created_at: expect.any(Number),
        updated_at: expect.any(Number),
        organization: { object: 'organization', id: DEMO_IDS.organizationId },
        public_user_data: {
          user_id: expect.stringMatching(/^user_/),
          identifier: expect.stringContaining('@'),
        },
      });
    });

    it('when created_at/updated_at are read, they are Unix milliseconds', async () => {
      const before = Date.now();
      const response = await server.request('/organizations', {
        method: 'POST',
        body: JSON.stringify({ name: 'Clockwork' }),
      });
      const body = (await response.json()) as { created_at: number; updated_at: number };
      expect(body.created_at).toBeGreaterThanOrEqual(before);
      expect(body.created_at).toBeLessThanOrEqual(Date.now());
      expect(body.updated_at).toBe(body.created_at);
    });
  });

  describe('when the secret key is missing or wrong', () => {
    it('it answers 401 without an Authorization header', async () => {
      await expectError(
        await fetch(`${server.url}/v1${members}`),
        401,
        'authorization_header_format_invalid',
      );
    });

    it('it answers 401 for a wrong key, and for a key without Bearer', async () => {
      await expectError(
        await server.request(members, { headers: { Authorization: 'Bearer sk_test_other' } }),
        401,
        'clerk_key_invalid',
      );
      await expectError(
        await server.request(members, { headers: { Authorization: 'sk_test_roster_local' } }),
        401,
        'authorization_header_format_invalid',
      );
    });
  });

  describe('when the query string is bad', () => {
    it.each([
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1.5', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=x', 'offset'],
      ['order_by=password', 'order_by'],
      ['order_by=*created_at', 'order_by'],
      ['created_at_before=yesterday', 'created_at_before'],
      ['last_active_at_after=-5', 'last_active_at_after'],
    ])('it answers 422 form_param_value_invalid for %s', async (query, paramName) => {
      await expectError(
        await server.request(`${members}?${query}`),
        422,
        'form_param_value_invalid',
        paramName,
      );
    });

    it('it answers 422 form_param_array_size_exceeded for more than 100 user IDs', async () => {
      const ids = Array.from({ length: 101 }, (_, i) => `user_id=user_${i}`).join('&');
      await expectError(
        await server.request(`${members}?${ids}`),
        422,
        'form_param_array_size_exceeded',
        'user_id',
      );
    });

    it('it ignores unknown parameters and keeps only the first order_by', async () => {
      const response = await server.request(
        `${members}?nonsense=1&order_by=first_name&order_by=bogus&limit=3`,
      );
      expect(response.status).toBe(200);
    });

    it('it answers 200 with an empty page past the end', async () => {
      const response = await server.request(`${members}?offset=100000`);
      const body = (await response.json()) as { data: unknown[]; total_count: number };
      expect(body.data).toEqual([]);
      expect(body.total_count).toBeGreaterThan(0);
    });
  });

  describe('when the body is bad, it answers the error and changes nothing', () => {
    it('malformed JSON is 400 request_body_invalid', async () => {
      const before = await snapshot();
      await expectError(
        await server.request(members, { method: 'POST', body: '{"user_id": "user_x", ' }),
        400,
        'request_body_invalid',
      );
      await expectError(
        await server.request(members, { method: 'POST', body: '["user_id"]' }),
        400,
        'request_body_invalid',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('a missing role is 422 form_param_missing; a role of the wrong type is 422 form_param_value_invalid', async () => {
      const before = await snapshot();
      await expectError(
        await server.request(members, { method: 'POST', body: JSON.stringify({ user_id: 'user_x' }) }),
        422,
        'form_param_missing',
        'role',
      );
      await expectError(
        await server.request(`${members}/${DEMO_IDS.memberUserId}`, {
          method: 'PATCH',
          body: JSON.stringify({ role: 42 }),
        }),
        422,
        'form_param_value_invalid',
        'role',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('metadata that is not an object, or an unknown metadata field, is 422', async () => {
      const path = `${members}/${DEMO_IDS.memberUserId}/metadata`;
      const before = await snapshot();
      await expectError(
        await server.request(path, { method: 'PATCH', body: JSON.stringify({ public_metadata: [1, 2] }) }),
        422,
        'form_param_value_invalid',
        'public_metadata',
      );
      await expectError(
        await server.request(path, { method: 'PATCH', body: JSON.stringify({ unsafe_metadata: {} }) }),
        422,
        'form_param_unknown',
        'unsafe_metadata',
      );
      await expectError(
        await server.request(path, {
          method: 'PATCH',
          body: JSON.stringify({ public_metadata: { blob: 'x'.repeat(9000) } }),
        }),
        422,
        'form_param_exceeds_allowed_size',
        'public_metadata',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('a metadata patch whose merged result exceeds 8 KB is 422 and keeps the stored metadata', async () => {
      const path = `${members}/${DEMO_IDS.memberUserId}/metadata`;
      const first = await server.request(path, {
        method: 'PATCH',
        body: JSON.stringify({ public_metadata: { a: 'x'.repeat(5000) } }),
      });
      expect(first.status).toBe(200);
      const before = await snapshot();
      await expectError(
        await server.request(path, {
          method: 'PATCH',
          body: JSON.stringify({ public_metadata: { b: 'y'.repeat(5000) } }),
        }),
        422,
        'form_param_exceeds_allowed_size',
        'public_metadata',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('a failed rule (last admin) leaves the membership as it was', async () => {
      const before = await snapshot(DEMO_IDS.soloOrganizationId);
      await expectError(
        await server.request(
          `/organizations/${DEMO_IDS.soloOrganizationId}/memberships/${DEMO_IDS.soloAdminUserId}`,
          {
            method: 'DELETE',
          },
        ),
        400,
        'organization_minimum_permissions_needed',
      );
      expect(await snapshot(DEMO_IDS.soloOrganizationId)).toEqual(before);
    });
  });

  describe('when the path is unknown', () => {
    it('it answers 404 resource_not_found for an unknown route, and 405 for a wrong method', async () => {
      await expectError(await server.request('/nope'), 404, 'resource_not_found');
      await expectError(
        await fetch(`${server.url}/organizations`, {
          headers: { Authorization: 'Bearer sk_test_roster_local' },
        }),
        404,
        'resource_not_found',
      );
      const wrongMethod = await server.request('/organization_roles', { method: 'DELETE' });
      expect(wrongMethod.headers.get('allow')).toBe('GET');
      await expectError(wrongMethod, 405, 'method_not_allowed');
    });
  });

  describe('when memberships change', () => {
    it('members_count follows additions and removals', async () => {
      const count = async () =>
        (
          (await (await server.request(`/organizations/${DEMO_IDS.organizationId}`)).json()) as {
            members_count: number;
          }
        ).members_count;
      const start = await count();
      const user = (await (
        await server.request('/users', {
          method: 'POST',
          body: JSON.stringify({ email_address: ['n@x.test'] }),
        })
      ).json()) as { id: string };
      await server.request(members, {
        method: 'POST',
        body: JSON.stringify({ user_id: user.id, role: 'org:member' }),
      });
      expect(await count()).toBe(start + 1);
      await server.request(`${members}/${user.id}`, { method: 'DELETE' });
      expect(await count()).toBe(start);
    });
  });
});
