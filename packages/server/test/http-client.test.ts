import { createHttpClient, isRosterApiError, type MembershipsClient } from '@roster/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SECRET_KEY } from '../src/index';
import { type BackendTestServer, startBackendTestServer } from './backend-test-server';
import { LIST_FIXTURE } from './list-fixture';

let server: BackendTestServer;
let client: MembershipsClient & Required<Pick<MembershipsClient, 'listUsers'>>;

beforeEach(async () => {
  server = await startBackendTestServer({ seed: LIST_FIXTURE });
  client = createHttpClient({
    baseUrl: `${server.url}/v1`,
    headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
    retry: false,
  });
});
afterEach(() => server.close());

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error('Expected the call to fail.');
    },
    (e: unknown) => e,
  );
  if (!isRosterApiError(error)) throw error;
  return error;
}

describe("given @roster/core's HTTP client pointed at the local server", () => {
  it('when it lists members with filters, paging and an order, it gets decoded models', async () => {
    const page = await client.listMemberships({
      organizationId: 'org_t',
      role: ['org:member'],
      orderBy: '-first_name',
      limit: 1,
      offset: 1,
    });
    expect(page.totalCount).toBe(2);
    expect(page.data.map((m) => m.publicUserData?.userId)).toEqual(['user_ben']);
    expect(page.data[0]).toMatchObject({
      object: 'organization_membership',
      role: 'org:member',
      roleName: 'Member',
    });
  });

  it('when it searches, it finds by query and by userId exclusion', async () => {
    const byQuery = await client.listMemberships({ organizationId: 'org_t', query: 'delta' });
    expect(byQuery.data.map((m) => m.publicUserData?.userId)).toEqual(['user_dee']);
    const excluded = await client.listMemberships({
      organizationId: 'org_t',
      userId: ['-user_ann', '-user_dee'],
    });
    expect(excluded.totalCount).toBe(2);
  });

  it('when it adds, changes, annotates and removes a member, each call returns the server’s membership', async () => {
    const created = await client.createMembership({
      organizationId: 'org_t',
      userId: 'user_eve',
      role: 'org:member',
    });
    expect(created.publicUserData?.identifier).toBe('eve@echo.test');
    const updated = await client.updateMembership({
      organizationId: 'org_t',
      userId: 'user_eve',
      role: 'org:admin',
    });
    expect(updated.permissions).toContain('org:sys_memberships:manage');
    await client.updateMembershipMetadata({
      organizationId: 'org_t',
      userId: 'user_eve',
      publicMetadata: { tags: ['a'], profile: { title: 'CTO', desk: 4 } },
    });
    const merged = await client.updateMembershipMetadata({
      organizationId: 'org_t',
      userId: 'user_eve',
      publicMetadata: { profile: { desk: null } },
    });
    expect(merged.publicMetadata).toEqual({ tags: ['a'], profile: { title: 'CTO' } });
    const removed = await client.deleteMembership({ organizationId: 'org_t', userId: 'user_eve' });
    expect(removed.id).toBe(created.id);
    expect((await client.listMemberships({ organizationId: 'org_t' })).totalCount).toBe(4);
  });

  it("when it lists a user's memberships, roles and users, it decodes each", async () => {
    const mine = await client.listUserMemberships({ userId: 'user_ann' });
    expect(mine.data.map((m) => m.organization.id)).toEqual(['org_other', 'org_t']);
    const roles = await client.listRoles();
    expect(roles.data.map((role) => role.key)).toEqual(expect.arrayContaining(['org:admin', 'org:member']));
    const users = await client.listUsers({ query: 'echo' });
    expect(users.data.map((user) => user.id)).toEqual(['user_eve']);
  });

  it('when the server refuses, it rejects with RosterApiError carrying status and code', async () => {
    const missing = await rejection(client.deleteMembership({ organizationId: 'org_t', userId: 'user_eve' }));
    expect(missing.status).toBe(404);
    expect(missing.code).toBe('resource_not_found');
    const duplicate = await rejection(
      client.createMembership({ organizationId: 'org_t', userId: 'user_ann', role: 'org:member' }),
    );
    expect(duplicate.status).toBe(400);
    expect(duplicate.code).toBe('already_a_member_in_organization');
    const badRole = await rejection(
      client.updateMembership({ organizationId: 'org_t', userId: 'user_ben', role: 'x' }),
    );
    expect(badRole.status).toBe(422);
    expect(badRole.errors[0]?.meta?.paramName).toBe('role');
  });

  it('when the last admin would be demoted, it rejects with organization_minimum_permissions_needed', async () => {
    await client.updateMembership({ organizationId: 'org_t', userId: 'user_dee', role: 'org:member' });
    const error = await rejection(
      client.updateMembership({ organizationId: 'org_t', userId: 'user_ann', role: 'org:member' }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('organization_minimum_permissions_needed');
  });

  it('when the server rate-limits, the error carries retryAfter from Retry-After', async () => {
    server.api.setRateLimit({ requests: 1, windowMs: 30_000 });
    await client.listRoles();
    const error = await rejection(client.listRoles());
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBeGreaterThan(0);
  });

  it('when the key is wrong, it rejects with 401', async () => {
    const stranger = createHttpClient({
      baseUrl: `${server.url}/v1`,
      headers: { Authorization: 'Bearer sk_test_nope' },
      retry: false,
    });
    expect((await rejection(stranger.listRoles())).status).toBe(401);
  });
});
