import { createHttpClient, isRosterApiError, type MembershipsClient } from '@roster/core';
import type { MembershipsHandlerCaller } from '@roster/handler';
import { describe, expect, it } from 'vitest';
import { ADMIN, APP_ORIGIN, createTestHandler, MEMBER } from './memberships-handler-fixture';

/** The browser's view: `createHttpClient({ baseUrl: '/api' })` on the app's page, through the handler. */
function browserClient(caller: MembershipsHandlerCaller) {
  const { handler, upstream } = createTestHandler(caller);
  const client = createHttpClient({
    baseUrl: `${APP_ORIGIN}/api`,
    retry: false,
    // What a browser adds to a same-origin fetch: the Origin header on writes.
    fetch: (input, init) => {
      const request = new Request(String(input), init);
      if (request.method !== 'GET') request.headers.set('origin', APP_ORIGIN);
      return handler(request);
    },
  });
  return { client, upstream };
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isRosterApiError(error)) throw new Error(`expected a RosterApiError, got ${String(error)}`);
  return error;
}

function snapshotRole(client: MembershipsClient, userId: string) {
  return client
    .listMemberships({ organizationId: 'org_acme', userId: [userId] })
    .then((list) => list.data[0]?.role);
}

describe('given the HTTP client in the browser of an admin', () => {
  it('when it lists, filters and pages members, the results decode and carry no private metadata', async () => {
    const { client } = browserClient(ADMIN);
    const page = await client.listMemberships({
      organizationId: 'org_acme',
      limit: 2,
      orderBy: '+first_name',
    });
    expect(page.totalCount).toBe(3);
    expect(page.data.map((m) => m.publicUserData?.firstName)).toEqual(['Alice', 'Bob']);
    expect(page.data.every((m) => m.privateMetadata === undefined)).toBe(true);
    expect(page.data.every((m) => m.organization.privateMetadata === undefined)).toBe(true);
    const admins = await client.listMemberships({ organizationId: 'org_acme', role: ['org:admin'] });
    expect(admins.data.map((m) => m.publicUserData?.userId)).toEqual(['user_alice']);
    const searched = await client.listMemberships({ organizationId: 'org_acme', query: 'carl' });
    expect(searched.totalCount).toBe(1);
  });

  it('when it adds, promotes, edits public metadata and removes a member, each change reaches the backend', async () => {
    const { client } = browserClient(ADMIN);
    const added = await client.createMembership({
      organizationId: 'org_acme',
      userId: 'user_dana',
      role: 'org:member',
    });
    expect(added.role).toBe('org:member');
    const promoted = await client.updateMembership({
      organizationId: 'org_acme',
      userId: 'user_dana',
      role: 'org:admin',
    });
    expect(promoted.role).toBe('org:admin');
    expect(await snapshotRole(client, 'user_dana')).toBe('org:admin');
    const edited = await client.updateMembershipMetadata({
      organizationId: 'org_acme',
      userId: 'user_bob',
      publicMetadata: { team: null, desk: 4 },
    });
    expect(edited.publicMetadata).toEqual({ desk: 4 });
    expect(edited.privateMetadata).toBeUndefined();
    await client.deleteMembership({ organizationId: 'org_acme', userId: 'user_dana' });
    expect((await client.listMemberships({ organizationId: 'org_acme' })).totalCount).toBe(3);
  });

  it('when it writes private metadata, it rejects with 422 and the backend keeps the old value', async () => {
    const { client, upstream } = browserClient(ADMIN);
    const error = await rejection(
      client.updateMembershipMetadata({
        organizationId: 'org_acme',
        userId: 'user_bob',
        privateMetadata: { salary_band: 'x' },
      }),
    );
    expect(error.status).toBe(422);
    expect(error.errors[0]?.meta?.paramName).toBe('private_metadata');
    expect(upstream.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('when it searches users and lists roles and its own memberships, they decode', async () => {
    const { client } = browserClient(ADMIN);
    const users = await client.listUsers({ query: 'dana' });
    expect(users.data.map((u) => u.id)).toEqual(['user_dana']);
    const roles = await client.listRoles();
    expect(roles.data.map((r) => r.key).sort()).toEqual(['org:admin', 'org:member']);
    const own = await client.listUserMemberships({ userId: 'user_alice' });
    expect(own.data.map((m) => m.organization.id)).toEqual(['org_acme']);
  });

  it('when it demotes the last admin, the backend refuses and the handler passes the Clerk error on', async () => {
    const { client } = browserClient(ADMIN);
    const error = await rejection(
      client.updateMembership({ organizationId: 'org_acme', userId: 'user_alice', role: 'org:member' }),
    );
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.status).toBeLessThan(500);
    expect(await snapshotRole(client, 'user_alice')).toBe('org:admin');
  });
});

describe('given the HTTP client in the browser of a plain member', () => {
  it('when it changes a role or removes a member, it rejects with 403 and nothing changes', async () => {
    const { client } = browserClient(MEMBER);
    const change = await rejection(
      client.updateMembership({ organizationId: 'org_acme', userId: 'user_carl', role: 'org:admin' }),
    );
    expect(change.status).toBe(403);
    expect(change.code).toBe('missing_organization_permission');
    const removal = await rejection(
      client.deleteMembership({ organizationId: 'org_acme', userId: 'user_carl' }),
    );
    expect(removal.status).toBe(403);
    expect(await snapshotRole(client, 'user_carl')).toBe('org:member');
  });

  it('when it lists another organization, it rejects with 404', async () => {
    const { client } = browserClient(MEMBER);
    const error = await rejection(client.listMemberships({ organizationId: 'org_other' }));
    expect(error.status).toBe(404);
    expect(error.code).toBe('resource_not_found');
  });
});
