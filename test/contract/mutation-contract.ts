import type { MembershipsClient } from '@roster/core';
import type { SeedData } from '@roster/core/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createFixtureSeed, rejection, T } from './contract-seed';
import type { StartContractClient } from './memberships-client-contract';

const NOW = T + 1_000_000;

/** The organizations of the fixture seed: together they hold every membership. */
const ORGANIZATION_IDS = ['org_test', 'org_quota', 'org_other'];

/** Everything the client reports about every membership, read through the client itself. */
async function state(client: MembershipsClient): Promise<unknown[]> {
  const lists = [];
  for (const organizationId of ORGANIZATION_IDS) {
    lists.push(await client.listMemberships({ organizationId, limit: 500, orderBy: '+created_at' }));
  }
  return lists;
}

/** Asserts the call rejects with this status, code and (optionally) param name, and changes nothing. */
async function expectRejectedWithoutChange(
  client: MembershipsClient,
  call: () => Promise<unknown>,
  status: number,
  code: string,
  paramName?: string,
): Promise<void> {
  const before = await state(client);
  const error = await rejection(call());
  expect({ status: error.status, code: error.code }).toEqual({ status, code });
  if (paramName !== undefined) expect(error.errors[0]?.meta?.paramName).toBe(paramName);
  expect(await state(client)).toEqual(before);
}

/** Mutations: create, role change, removal, metadata merge, with their rules and errors. */
export function describeMutationContract(start: StartContractClient): void {
  /** A fresh client for one test (its clock stands still at NOW), stopped when the test ends. */
  async function open(seed: SeedData = createFixtureSeed()): Promise<MembershipsClient> {
    const running = await start(seed, { now: () => NOW });
    onTestFinished(() => running.close());
    return running.client;
  }

  /**
   * A table row's test: the call with `base` overridden by the row's values rejects with the row's
   * status, code and (optionally) param name, and changes nothing.
   */
  function rejectsWithoutChange<P extends object>(
    base: P,
    call: (client: MembershipsClient, params: P) => Promise<unknown>,
  ) {
    return async (
      _label: string,
      override: object,
      status: number,
      code: string,
      paramName: string | undefined,
    ): Promise<void> => {
      const client = await open();
      const params = { ...base, ...override } as P;
      await expectRejectedWithoutChange(client, () => call(client, params), status, code, paramName);
    };
  }

  describe('given a user who is not a member', () => {
    it('when added with a role, it returns the new membership and the list counts it', async () => {
      const client = await open();
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
      [
        'the organization does not exist',
        { organizationId: 'org_nope' },
        404,
        'resource_not_found',
        undefined,
      ],
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
    ])(
      'when %s (%j), it rejects with %i %s and adds nobody',
      rejectsWithoutChange(
        { organizationId: 'org_test', userId: 'user_free', role: 'org:member' },
        (client, params) => client.createMembership(params),
      ),
    );
  });

  describe('given an organization with a membership quota of 2 and one member', () => {
    it('when a second member is added it succeeds, and a third is refused with 403 quota exceeded', async () => {
      const client = await open();
      await client.createMembership({
        organizationId: 'org_quota',
        userId: 'user_grace',
        role: 'org:member',
      });
      await expectRejectedWithoutChange(
        client,
        () =>
          client.createMembership({ organizationId: 'org_quota', userId: 'user_alan', role: 'org:member' }),
        403,
        'organization_membership_quota_exceeded',
      );
    });

    it('when a member leaves, there is room again', async () => {
      const client = await open();
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
      const client = await open();
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
      const client = await open();
      await expectRejectedWithoutChange(
        client,
        () => client.updateMembership({ organizationId: 'org_test', userId: 'user_ada', role: 'org:member' }),
        400,
        'organization_minimum_permissions_needed',
      );
    });

    it('when Ada is removed, it refuses with 400 organization_minimum_permissions_needed', async () => {
      const client = await open();
      await expectRejectedWithoutChange(
        client,
        () => client.deleteMembership({ organizationId: 'org_test', userId: 'user_ada' }),
        400,
        'organization_minimum_permissions_needed',
      );
    });

    it('when Ada is set to admin again (no demotion), it succeeds', async () => {
      const client = await open();
      expect(
        (await client.updateMembership({ organizationId: 'org_test', userId: 'user_ada', role: 'org:admin' }))
          .role,
      ).toBe('org:admin');
    });

    it('when another admin exists, Ada can be demoted and then removed', async () => {
      const client = await open();
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
      [
        'the organization does not exist',
        { organizationId: 'org_nope' },
        404,
        'resource_not_found',
        undefined,
      ],
      ['the role is unknown', { role: 'org:nope' }, 422, 'form_param_value_invalid', 'role'],
      ['the role is missing', { role: undefined }, 422, 'form_param_missing', 'role'],
    ])(
      'when changing a role and %s (%j), it rejects with %i %s',
      rejectsWithoutChange(
        { organizationId: 'org_test', userId: 'user_grace', role: 'org:admin' },
        (client, params) => client.updateMembership(params),
      ),
    );

    it('when removing someone who is not a member, it rejects with 404', async () => {
      const client = await open();
      await expectRejectedWithoutChange(
        client,
        () => client.deleteMembership({ organizationId: 'org_test', userId: 'user_free' }),
        404,
        'resource_not_found',
      );
    });
  });

  describe('given an organization whose only admin holds a custom role granting manage', () => {
    it('when that owner is demoted while nobody else can manage, it refuses; once Ada is admin, it succeeds', async () => {
      const client = await open();
      await expectRejectedWithoutChange(
        client,
        () =>
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
      const client = await open();
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
    ])(
      'when %s (%j), it rejects with %i %s',
      rejectsWithoutChange(
        { organizationId: 'org_test', userId: 'user_ada', publicMetadata: { a: 1 } },
        (client, params) => client.updateMembershipMetadata(params),
      ),
    );
  });

  describe('given metadata at the limits of a metadata value (8 KB, 32 levels)', () => {
    it('when a new member comes with null metadata, it stores empty metadata (the field is nullable)', async () => {
      const client = await open();
      const created = await client.createMembership({
        organizationId: 'org_test',
        userId: 'user_free',
        role: 'org:member',
        publicMetadata: null as never,
      });
      expect([created.publicMetadata, created.privateMetadata]).toEqual([{}, {}]);
    });

    it('when a new member comes with metadata over 8 KB, it rejects with 422 form_param_exceeds_allowed_size', async () => {
      const client = await open();
      await expectRejectedWithoutChange(
        client,
        () =>
          client.createMembership({
            organizationId: 'org_test',
            userId: 'user_free',
            role: 'org:member',
            publicMetadata: { big: 'x'.repeat(9000) },
          }),
        422,
        'form_param_exceeds_allowed_size',
        'public_metadata',
      );
    });

    it('when a patch nests deeper than 32 levels, it rejects with 422 form_param_value_invalid', async () => {
      const client = await open();
      let deep: Record<string, unknown> = { leaf: 1 };
      for (let level = 0; level < 40; level++) deep = { deep };
      await expectRejectedWithoutChange(
        client,
        () =>
          client.updateMembershipMetadata({
            organizationId: 'org_test',
            userId: 'user_ada',
            publicMetadata: deep,
          }),
        422,
        'form_param_value_invalid',
        'public_metadata',
      );
    });

    it('when a patch makes the merged metadata pass 8 KB, it rejects and stores neither half of the patch', async () => {
      const client = await open();
      await client.updateMembershipMetadata({
        organizationId: 'org_test',
        userId: 'user_ada',
        publicMetadata: { a: 'x'.repeat(5000) },
      });
      await expectRejectedWithoutChange(
        client,
        () =>
          client.updateMembershipMetadata({
            organizationId: 'org_test',
            userId: 'user_ada',
            publicMetadata: { b: 'x'.repeat(5000) },
            privateMetadata: { level: 4 },
          }),
        422,
        'form_param_exceeds_allowed_size',
        'public_metadata',
      );
    });
  });

  describe("given a user's memberships after changes", () => {
    it('when the user is added to and removed from organizations, the user list follows', async () => {
      const client = await open();
      await client.createMembership({ organizationId: 'org_other', userId: 'user_free', role: 'org:member' });
      const free = await client.listUserMemberships({ userId: 'user_free' });
      expect([free.data.map((m) => m.organization.id), free.totalCount]).toEqual([['org_other'], 1]);
      await client.deleteMembership({ organizationId: 'org_other', userId: 'user_ada' });
      const ada = await client.listUserMemberships({ userId: 'user_ada' });
      expect([ada.data.map((m) => m.organization.id), ada.totalCount]).toEqual([
        ['org_quota', 'org_test'],
        2,
      ]);
    });
  });

  describe('given the seed and the params a caller passed', () => {
    it('when the caller mutates the seed or the params it passed, the store does not change', async () => {
      const seed = createFixtureSeed();
      const client = await open(seed);
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
}
