import { describe, expect, it } from 'vitest';
import type { ListMembershipsParams } from '../src/client';
import { createMemoryClient, type MemoryClient } from '../src/memory-client';
import { createFixtureSeed, rejection, T } from './memory-client-fixture';

// What only the memory client has: its snapshot, its seed checks, its JavaScript-level parameter
// checks (values the wire cannot carry) and copies of what it hands out. The semantics it shares
// with the local server are the contract suite's (test/contract).

const NOW = T + 1_000_000;

function setup(): MemoryClient {
  return createMemoryClient(createFixtureSeed(), { now: () => NOW });
}

describe('given parameters of the wrong JavaScript type (the wire sends only strings)', () => {
  const client = setup();

  it.each([
    ['a string limit', { limit: '10' as unknown as number }, 'limit'],
    ['a non-array filter', { role: 'org:admin' as unknown as string[] }, 'role'],
  ] as [string, Omit<ListMembershipsParams, 'organizationId'>, string][])(
    'when the parameters have %s, it rejects with 422 form_param_value_invalid naming it',
    async (_l, params, name) => {
      const error = await rejection(client.listMemberships({ organizationId: 'org_test', ...params }));
      expect(error.status).toBe(422);
      expect(error.code).toBe('form_param_value_invalid');
      expect(error.errors[0]?.meta?.paramName).toBe(name);
    },
  );
});

describe('given a client created without a seed', () => {
  it('when listing roles of an empty client, it returns the default roles', async () => {
    const roles = await createMemoryClient().listRoles();
    expect(roles.data.map((r) => r.key)).toEqual(['org:admin', 'org:member']);
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
