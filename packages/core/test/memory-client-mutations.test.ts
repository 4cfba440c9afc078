import { describe, expect, it } from 'vitest';
import { createMemoryClient, type MemoryClient } from '../src/memory-client';
import { createFixtureSeed, rejection, T } from './memory-client-fixture';

const NOW = T + 1_000_000;

function setup(): MemoryClient {
  return createMemoryClient(createFixtureSeed(), { now: () => NOW });
}

/** Asserts the call rejects with this status, code and (optionally) param name, and changes nothing. */
async function expectRejectedWithoutChange(
  client: MemoryClient,
  promise: Promise<unknown>,
  status: number,
  code: string,
  paramName?: string,
): Promise<void> {
  const before = client.snapshot();
  const error = await rejection(promise);
  expect({ status: error.status, code: error.code }).toEqual({ status, code });
  if (paramName !== undefined) expect(error.errors[0]?.meta?.paramName).toBe(paramName);
  expect(client.snapshot()).toEqual(before);
}

describe('given a user who is not a member', () => {
  it('when added with a role, it returns the new membership and the list counts it', async () => {
    const client = setup();
    const created = await client.createMembership({
      organizationId: 'org_test',
      userId: 'user_free',
      role: 'org:member',
      publicMetadata: { source: 'invite' },
    });
    expect(created).toMatchObject({
      role: 'org:member',
      roleName: 'Member',
      permissions: ['org:sys_memberships:read', 'org:sys_domains:read'],
      publicMetadata: { source: 'invite' },
      privateMetadata: {},
      organization: { id: 'org_test' },
      publicUserData: { userId: 'user_free', identifier: 'free@example.test' },
      createdAt: NOW,
      updatedAt: NOW,
    });
    const list = await client.listMemberships({ organizationId: 'org_test' });
    expect(list.totalCount).toBe(5);
    expect(list.data[0]?.id).toBe(created.id);
  });

  it.each([
    ['the organization does not exist', { organizationId: 'org_nope' }, 404, 'resource_not_found', undefined],
    ['the user does not exist', { userId: 'user_nope' }, 404, 'resource_not_found', undefined],
    [
      'the user is already a member',
      { userId: 'user_ada' },
      400,
      'already_a_member_in_organization',
      undefined,
    ],
    ['the role is unknown', { role: 'org:nope' }, 422, 'form_param_value_invalid', 'role'],
    ['the role is missing', { role: '' }, 422, 'form_param_missing', 'role'],
    ['the user ID is missing', { userId: undefined }, 422, 'form_param_missing', 'user_id'],
    [
      'the metadata is not an object',
      { publicMetadata: [1] },
      422,
      'form_param_value_invalid',
      'public_metadata',
    ],
  ])('when %s, it rejects with %i %s and adds nobody', async (_label, override, status, code, paramName) => {
    const client = setup();
    const params = { organizationId: 'org_test', userId: 'user_free', role: 'org:member', ...override };
    await expectRejectedWithoutChange(
      client,
      client.createMembership(params as never),
      status,
      code,
      paramName,
    );
  });
});

describe('given an organization with a membership quota of 2 and one member', () => {
  it('when a second member is added it succeeds, and a third is refused with 403 quota exceeded', async () => {
    const client = setup();
    await client.createMembership({ organizationId: 'org_quota', userId: 'user_grace', role: 'org:member' });
    await expectRejectedWithoutChange(
      client,
      client.createMembership({ organizationId: 'org_quota', userId: 'user_alan', role: 'org:member' }),
      403,
      'organization_membership_quota_exceeded',
    );
  });

  it('when a member leaves, there is room again', async () => {
    const client = setup();
    await client.createMembership({ organizationId: 'org_quota', userId: 'user_grace', role: 'org:admin' });
    await client.deleteMembership({ organizationId: 'org_quota', userId: 'user_ada' });
    const added = await client.createMembership({
      organizationId: 'org_quota',
      userId: 'user_alan',
      role: 'org:member',
    });
    expect(added.organization.id).toBe('org_quota');
  });
});

describe('given an organization whose only admin is Ada', () => {
  it('when a member is promoted, it returns the new role and permissions with a later updatedAt', async () => {
    const client = setup();
    const updated = await client.updateMembership({
      organizationId: 'org_test',
      userId: 'user_grace',
      role: 'org:admin',
    });
    expect(updated).toMatchObject({ role: 'org:admin', roleName: 'Admin', updatedAt: NOW });
    expect(updated.permissions).toContain('org:sys_memberships:manage');
    const again = await client.updateMembership({
      organizationId: 'org_test',
      userId: 'user_grace',
      role: 'org:member',
    });
    // The clock did not move, but updatedAt still advances on every change.
    expect(again.updatedAt).toBeGreaterThan(updated.updatedAt);
  });

  it('when Ada is demoted, it refuses with 400 organization_minimum_permissions_needed', async () => {
    const client = setup();
    await expectRejectedWithoutChange(
      client,
      client.updateMembership({ organizationId: 'org_test', userId: 'user_ada', role: 'org:member' }),
      400,
      'organization_minimum_permissions_needed',
    );
  });

  it('when Ada is removed, it refuses with 400 organization_minimum_permissions_needed', async () => {
    const client = setup();
    await expectRejectedWithoutChange(
      client,
      client.deleteMembership({ organizationId: 'org_test', userId: 'user_ada' }),
      400,
      'organization_minimum_permissions_needed',
    );
  });

  it('when Ada is set to admin again (no demotion), it succeeds', async () => {
    const client = setup();
    expect(
      (await client.updateMembership({ organizationId: 'org_test', userId: 'user_ada', role: 'org:admin' }))
        .role,
    ).toBe('org:admin');
  });

  it('when another admin exists, Ada can be demoted and then removed', async () => {
    const client = setup();
    await client.updateMembership({ organizationId: 'org_test', userId: 'user_grace', role: 'org:admin' });
    await client.updateMembership({ organizationId: 'org_test', userId: 'user_ada', role: 'org:member' });
    const removed = await client.deleteMembership({ organizationId: 'org_test', userId: 'user_ada' });
    expect(removed.publicUserData?.userId).toBe('user_ada');
    const list = await client.listMemberships({ organizationId: 'org_test' });
    expect(list.data.map((m) => m.publicUserData?.userId)).not.toContain('user_ada');
    expect(list.totalCount).toBe(3);
  });

  it.each([
    ['the membership does not exist', { userId: 'user_free' }, 404, 'resource_not_found', undefined],
    ['the organization does not exist', { organizationId: 'org_nope' }, 404, 'resource_not_found', undefined],
    ['the role is unknown', { role: 'org:nope' }, 422, 'form_param_value_invalid', 'role'],
    ['the role is missing', { role: undefined }, 422, 'form_param_missing', 'role'],
  ])(
    'when changing a role and %s, it rejects with %i %s',
    async (_label, override, status, code, paramName) => {
      const client = setup();
      const params = { organizationId: 'org_test', userId: 'user_grace', role: 'org:admin', ...override };
      await expectRejectedWithoutChange(
        client,
        client.updateMembership(params as never),
        status,
        code,
        paramName,
      );
    },
  );

  it('when removing someone who is not a member, it rejects with 404', async () => {
    const client = setup();
    await expectRejectedWithoutChange(
      client,
      client.deleteMembership({ organizationId: 'org_test', userId: 'user_free' }),
      404,
      'resource_not_found',
    );
  });
});

describe('given an organization whose only admin holds a custom role granting manage', () => {
  it('when that owner is demoted while nobody else can manage, it refuses; once Ada is admin, it succeeds', async () => {
    const client = setup();
    await expectRejectedWithoutChange(
      client,
      client.updateMembership({ organizationId: 'org_other', userId: 'user_bea', role: 'org:member' }),
      400,
      'organization_minimum_permissions_needed',
    );
    await client.updateMembership({ organizationId: 'org_other', userId: 'user_ada', role: 'org:admin' });
    const bea = await client.updateMembership({
      organizationId: 'org_other',
      userId: 'user_bea',
      role: 'org:member',
    });
    expect(bea.role).toBe('org:member');
  });
});

describe('given a membership with metadata', () => {
  it('when patched, nested objects merge, null deletes at depth, arrays replace', async () => {
    const client = setup();
    const updated = await client.updateMembershipMetadata({
      organizationId: 'org_test',
      userId: 'user_ada',
      publicMetadata: { team: { size: null, lead: 'ada' }, tags: ['a'] },
      privateMetadata: { salary: null, level: 3 },
    });
    expect(updated.publicMetadata).toEqual({ team: { name: 'core', lead: 'ada' }, tags: ['a'] });
    expect(updated.privateMetadata).toEqual({ level: 3 });
    expect(updated.updatedAt).toBe(NOW);
    const again = await client.updateMembershipMetadata({
      organizationId: 'org_test',
      userId: 'user_ada',
      publicMetadata: { tags: ['b'] },
    });
    expect(again.publicMetadata).toEqual({ team: { name: 'core', lead: 'ada' }, tags: ['b'] });
    expect(again.privateMetadata).toEqual({ level: 3 });
  });

  it.each([
    [
      'the public patch is not an object',
      { publicMetadata: 'x' },
      422,
      'form_param_value_invalid',
      'public_metadata',
    ],
    [
      'the private patch is null',
      { privateMetadata: null },
      422,
      'form_param_value_invalid',
      'private_metadata',
    ],
    ['the membership does not exist', { userId: 'user_free' }, 404, 'resource_not_found', undefined],
  ])('when %s, it rejects with %i %s', async (_label, override, status, code, paramName) => {
    const client = setup();
    const params = { organizationId: 'org_test', userId: 'user_ada', publicMetadata: { a: 1 }, ...override };
    await expectRejectedWithoutChange(
      client,
      client.updateMembershipMetadata(params as never),
      status,
      code,
      paramName,
    );
  });
});

describe('given objects returned by the client', () => {
  it('when the caller mutates them, the store does not change', async () => {
    const client = setup();
    const [ada] = (await client.listMemberships({ organizationId: 'org_test', userId: ['user_ada'] })).data;
    if (!ada) throw new Error('Ada is missing');
    (ada.publicMetadata.team as Record<string, unknown>).name = 'hacked';
    ada.permissions.push('org:everything');
    ada.organization.name = 'Hacked';
    ada.role = 'org:member';
    const snapshot = client.snapshot();
    snapshot.memberships.length = 0;
    const [fresh] = (await client.listMemberships({ organizationId: 'org_test', userId: ['user_ada'] })).data;
    expect(fresh).toMatchObject({ role: 'org:admin', publicMetadata: { team: { name: 'core' } } });
    expect(fresh?.permissions).not.toContain('org:everything');
    expect(fresh?.organization.name).toBe('Test Org');
    expect(client.snapshot().memberships).toHaveLength(7);
  });

  it('when the caller mutates the seed or the params it passed, the store does not change', async () => {
    const seed = createFixtureSeed();
    const client = createMemoryClient(seed);
    const firstUser = seed.users[0];
    if (firstUser) firstUser.firstName = 'Changed';
    const publicMetadata = { nested: { value: 1 } };
    await client.createMembership({
      organizationId: 'org_test',
      userId: 'user_free',
      role: 'org:member',
      publicMetadata,
    });
    publicMetadata.nested.value = 2;
    const list = await client.listMemberships({
      organizationId: 'org_test',
      userId: ['user_free', 'user_ada'],
    });
    expect(list.data.map((m) => m.publicUserData?.firstName)).toEqual(['Free', 'Ada']);
    expect(list.data[0]?.publicMetadata).toEqual({ nested: { value: 1 } });
  });
});

describe('given the snapshot', () => {
  it('when taken, it lists every membership of every organization in creation order', async () => {
    const client = setup();
    await client.createMembership({ organizationId: 'org_test', userId: 'user_free', role: 'org:member' });
    const { memberships } = client.snapshot();
    expect(memberships.map((m) => `${m.organization.id}/${m.publicUserData?.userId}`)).toEqual([
      'org_test/user_ada',
      'org_test/user_grace',
      'org_test/user_alan',
      'org_test/user_zed',
      'org_quota/user_ada',
      'org_other/user_ada',
      'org_other/user_bea',
      'org_test/user_free',
    ]);
  });
});

describe('given an inconsistent seed', () => {
  it('when a membership refers to an unknown user, creating the client throws', () => {
    const seed = createFixtureSeed();
    seed.memberships.push({
      organizationId: 'org_test',
      userId: 'user_ghost',
      role: 'org:member',
      createdAt: T,
    });
    expect(() => createMemoryClient(seed)).toThrow(/unknown organization, user or role/);
  });

  it('when a membership is duplicated, creating the client throws', () => {
    const seed = createFixtureSeed();
    seed.memberships.push({
      organizationId: 'org_test',
      userId: 'user_ada',
      role: 'org:member',
      createdAt: T,
    });
    expect(() => createMemoryClient(seed)).toThrow(/duplicate/);
  });
});
