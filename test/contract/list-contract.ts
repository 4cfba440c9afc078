import {
  type ListMembershipsParams,
  MEMBERSHIP_ORDER_FIELDS,
  type MembershipListFilters,
  type MembershipsClient,
} from '@roster/core';
import { createDemoSeed, DEMO_IDS, type SeedData } from '@roster/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSeed, rejection, T } from './contract-seed';
import type { RunningContractClient, StartContractClient } from './memberships-client-contract';

/** One client over `seed` for a describe block's read-only tests. */
function sharedClient(start: StartContractClient, seed: () => SeedData): () => MembershipsClient {
  let running: RunningContractClient | undefined;
  beforeAll(async () => {
    running = await start(seed(), { now: Date.now });
  });
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) throw new Error('the client has not started');
    return running.client;
  };
}

/** The fixture seed plus `org_intl`: Émile Zoë (admin, not ASCII anywhere) and Ada. */
function createUnicodeSeed(): SeedData {
  const seed = createFixtureSeed();
  seed.users.push({
    id: 'user_emile',
    firstName: 'Émile',
    lastName: 'Zoë',
    username: 'ÉMILE_Ø',
    emailAddress: 'ÉMILE@example.test',
    createdAt: T + 7,
  });
  seed.organizations.push({ id: 'org_intl', name: 'Intl Org', slug: 'intl-org', createdAt: T });
  seed.memberships.push(
    { organizationId: 'org_intl', userId: 'user_emile', role: 'org:admin', createdAt: T + 70 },
    { organizationId: 'org_intl', userId: 'user_ada', role: 'org:member', createdAt: T + 71 },
  );
  return seed;
}

/** The user search a contract client must offer (the add-member picker's capability). */
function listUsersOf(client: MembershipsClient): NonNullable<MembershipsClient['listUsers']> {
  const { listUsers } = client;
  if (!listUsers) throw new Error('this client cannot search users');
  return listUsers.bind(client);
}

/** Listing: memberships of an organization and of a user, roles and users. */
export function describeListContract(start: StartContractClient): void {
  const client = sharedClient(start, createFixtureSeed);

  async function userIds(params: Omit<ListMembershipsParams, 'organizationId'>): Promise<string[]> {
    const page = await client().listMemberships({ organizationId: 'org_test', ...params });
    return page.data.map((m) => m.publicUserData?.userId ?? '?');
  }

  const listUsers: NonNullable<MembershipsClient['listUsers']> = (params, options) =>
    listUsersOf(client())(params, options);

  describe('given an organization with four members', () => {
    it('when listing without parameters, it returns them newest first with the total count', async () => {
      const page = await client().listMemberships({ organizationId: 'org_test' });
      expect(page.totalCount).toBe(4);
      // Alan and Zed joined at the same instant: the tie is broken by membership ID (descending here).
      expect(page.data.map((m) => m.publicUserData?.userId)).toEqual([
        'user_zed',
        'user_alan',
        'user_grace',
        'user_ada',
      ]);
    });

    it('when reading a membership, it carries the role name, permissions, organization and public user data', async () => {
      const page = await client().listMemberships({ organizationId: 'org_test', userId: ['user_ada'] });
      const ada = page.data[0];
      expect(ada).toMatchObject({
        object: 'organization_membership',
        role: 'org:admin',
        roleName: 'Admin',
        publicMetadata: { team: { name: 'core', size: 3 } },
        privateMetadata: { salary: 1 },
        organization: {
          object: 'organization',
          id: 'org_test',
          name: 'Test Org',
          slug: 'test-org',
          maxAllowedMemberships: 0,
        },
        publicUserData: {
          userId: 'user_ada',
          firstName: 'Ada',
          lastName: 'Lovelace',
          identifier: 'ada@example.test',
          username: 'ada',
        },
        createdAt: T + 10,
        updatedAt: T + 10,
      });
      expect(ada?.permissions).toContain('org:sys_memberships:manage');
      expect(ada?.id).toMatch(/^orgmem_/);
    });

    it('when reading a membership, it has the same fields at every level as any other emulation', async () => {
      const page = await client().listMemberships({ organizationId: 'org_test', userId: ['user_ada'] });
      const ada = page.data[0];
      const keys = (value: object | undefined) => Object.keys(value ?? {}).sort();
      expect({
        membership: keys(ada),
        organization: keys(ada?.organization),
        publicUserData: keys(ada?.publicUserData ?? undefined),
      }).toEqual({
        membership: [
          'createdAt',
          'id',
          'object',
          'organization',
          'permissions',
          'privateMetadata',
          'publicMetadata',
          'publicUserData',
          'role',
          'roleName',
          'updatedAt',
        ],
        organization: [
          'adminDeleteEnabled',
          'createdAt',
          'hasImage',
          'id',
          'imageUrl',
          'maxAllowedMemberships',
          'name',
          'object',
          'privateMetadata',
          'publicMetadata',
          'slug',
          'updatedAt',
        ],
        publicUserData: [
          'banned',
          'firstName',
          'hasImage',
          'identifier',
          'imageUrl',
          'lastName',
          'profileImageUrl',
          'userId',
          'username',
        ],
      });
    });

    it.each([
      ['+created_at', ['user_ada', 'user_grace', 'user_alan', 'user_zed']],
      ['created_at', ['user_ada', 'user_grace', 'user_alan', 'user_zed']],
      ['-created_at', ['user_zed', 'user_alan', 'user_grace', 'user_ada']],
      // Missing values sort first when ascending, as SQL sorts NULL.
      ['first_name', ['user_zed', 'user_ada', 'user_alan', 'user_grace']],
      ['-first_name', ['user_grace', 'user_alan', 'user_ada', 'user_zed']],
      ['last_name', ['user_grace', 'user_ada', 'user_alan', 'user_zed']],
      ['-last_name', ['user_zed', 'user_alan', 'user_ada', 'user_grace']],
      // Emails compare case-insensitively (Zed@Example.test sorts as zed@...).
      ['email_address', ['user_ada', 'user_alan', 'user_grace', 'user_zed']],
      ['-email_address', ['user_zed', 'user_grace', 'user_alan', 'user_ada']],
      ['phone_number', ['user_grace', 'user_zed', 'user_ada', 'user_alan']],
      ['-phone_number', ['user_alan', 'user_ada', 'user_zed', 'user_grace']],
      ['username', ['user_alan', 'user_ada', 'user_grace', 'user_zed']],
      ['-username', ['user_zed', 'user_grace', 'user_ada', 'user_alan']],
    ] as const)('when ordering by %s, it returns %j', async (orderBy, expected) => {
      expect(await userIds({ orderBy })).toEqual(expected);
    });

    it.each([
      ['query by last name, any case', { query: 'HOP' }, ['user_grace']],
      ['query by user ID', { query: 'user_al' }, ['user_alan']],
      ['query by phone', { query: '0001' }, ['user_ada']],
      ['query by web3 wallet', { query: '00aa' }, ['user_grace']],
      ['query by full name', { query: 'ada lov' }, ['user_ada']],
      ['query by username', { query: 'zz' }, ['user_zed']],
      ['query of blanks (no filter)', { query: '   ' }, ['user_zed', 'user_alan', 'user_grace', 'user_ada']],
      ['emailAddressQuery', { emailAddressQuery: 'ZED@' }, ['user_zed']],
      ['phoneNumberQuery', { phoneNumberQuery: '0003' }, ['user_alan']],
      ['usernameQuery', { usernameQuery: 'GRACE' }, ['user_grace']],
      ['nameQuery', { nameQuery: 'turing' }, ['user_alan']],
      ['nameQuery on a last name only', { nameQuery: 'zed' }, ['user_zed']],
      ['userId include', { userId: ['user_ada', '+user_alan'] }, ['user_alan', 'user_ada']],
      ['userId exclude', { userId: ['-user_ada'] }, ['user_zed', 'user_alan', 'user_grace']],
      ['userId include and exclude', { userId: ['user_ada', '-user_ada'] }, []],
      ['userId unknown', { userId: ['user_nobody'] }, []],
      ['emailAddress exact', { emailAddress: ['grace@example.test', 'nobody@example.test'] }, ['user_grace']],
      ['phoneNumber exact', { phoneNumber: ['+15550000003'] }, ['user_alan']],
      ['username, any case', { username: ['ADA'] }, ['user_ada']],
      ['web3Wallet exact', { web3Wallet: ['0x00000000000000000000000000000000000000aa'] }, ['user_grace']],
      ['role', { role: ['org:admin'] }, ['user_ada']],
      ['role unknown (ignored, nothing matches)', { role: ['org:nope'] }, []],
      [
        'empty arrays (no filter)',
        { role: [], userId: [] },
        ['user_zed', 'user_alan', 'user_grace', 'user_ada'],
      ],
      ['createdAtBefore (strict)', { createdAtBefore: T + 30 }, ['user_grace', 'user_ada']],
      ['createdAtAfter (strict)', { createdAtAfter: T + 20 }, ['user_zed', 'user_alan']],
      ['lastActiveAtBefore (strict, never active excluded)', { lastActiveAtBefore: T + 100 }, ['user_zed']],
      ['lastActiveAtAfter', { lastActiveAtAfter: T + 60 }, ['user_alan', 'user_ada']],
      [
        'several filters (AND)',
        { role: ['org:member'], query: 'a' },
        ['user_zed', 'user_alan', 'user_grace'],
      ],
      [
        'emailAddress exact, any case',
        { emailAddress: ['zed@example.test', 'GRACE@example.test'] },
        ['user_zed', 'user_grace'],
      ],
      [
        'web3Wallet exact, any case',
        { web3Wallet: ['0x00000000000000000000000000000000000000AA'] },
        ['user_grace'],
      ],
      ['phoneNumber exact (not a substring)', { phoneNumber: ['15550000003'] }, []],
      [
        'empty strings in an array (no value)',
        { role: [''], userId: [''] },
        ['user_zed', 'user_alan', 'user_grace', 'user_ada'],
      ],
      ['an empty string beside a value', { username: ['', 'zzz'] }, ['user_zed']],
      [
        'lastActiveAtAfter 0 (never active excluded)',
        { lastActiveAtAfter: 0 },
        ['user_zed', 'user_alan', 'user_ada'],
      ],
    ] as const)(
      'when filtering with %s, it returns only the matching members',
      async (_label, filters, expected) => {
        const page = await client().listMemberships({
          organizationId: 'org_test',
          ...(filters as MembershipListFilters),
        });
        expect(page.data.map((m) => m.publicUserData?.userId)).toEqual(expected);
        expect(page.totalCount).toBe(expected.length);
      },
    );

    it.each(MEMBERSHIP_ORDER_FIELDS)(
      'when ordering by +%s, it returns the same order as without a sign',
      async (field) => {
        expect(await userIds({ orderBy: `+${field}` })).toEqual(await userIds({ orderBy: field }));
      },
    );

    it('when paging with limit and offset, it returns consecutive slices and the full total', async () => {
      expect(await userIds({ limit: 2 })).toEqual(['user_zed', 'user_alan']);
      expect(await userIds({ limit: 2, offset: 2 })).toEqual(['user_grace', 'user_ada']);
      const past = await client().listMemberships({ organizationId: 'org_test', limit: 2, offset: 4 });
      expect(past).toEqual({ data: [], totalCount: 4 });
    });

    it('when paging one by one in any order, every member appears exactly once', async () => {
      for (const orderBy of ['first_name', '-phone_number', 'username', '-created_at'] as const) {
        const seen: string[] = [];
        for (let offset = 0; offset < 4; offset++)
          seen.push(...(await userIds({ orderBy, limit: 1, offset })));
        expect(seen.sort()).toEqual(['user_ada', 'user_alan', 'user_grace', 'user_zed']);
      }
    });

    it.each([
      ['limit 0', { limit: 0 }, 'limit'],
      ['limit 501', { limit: 501 }, 'limit'],
      ['a fractional limit', { limit: 1.5 }, 'limit'],
      ['a negative offset', { offset: -1 }, 'offset'],
      ['an unknown order field', { orderBy: 'name' as never }, 'order_by'],
      ['a doubled direction', { orderBy: '+-created_at' as never }, 'order_by'],
      ['a non-integer timestamp', { createdAtBefore: Number.NaN }, 'created_at_before'],
      ['a negative timestamp', { lastActiveAtAfter: -5 }, 'last_active_at_after'],
      ['a timestamp beyond safe integers', { createdAtAfter: 2 ** 60 }, 'created_at_after'],
      ['a fractional offset', { offset: 1.5 }, 'offset'],
    ])(
      'when the parameters have %s, it rejects with 422 form_param_value_invalid naming it',
      async (_l, params, name) => {
        const error = await rejection(client().listMemberships({ organizationId: 'org_test', ...params }));
        expect(error.status).toBe(422);
        expect(error.code).toBe('form_param_value_invalid');
        expect(error.errors[0]?.meta?.paramName).toBe(name);
      },
    );

    it('when an array filter has over 100 values, it rejects with 422 form_param_array_size_exceeded naming it', async () => {
      const userId = Array.from({ length: 101 }, (_, i) => `user_${i}`);
      const error = await rejection(client().listMemberships({ organizationId: 'org_test', userId }));
      expect(error.status).toBe(422);
      expect(error.code).toBe('form_param_array_size_exceeded');
      expect(error.errors[0]?.meta?.paramName).toBe('user_id');
    });

    it('when the limit is 500, it accepts it', async () => {
      expect((await client().listMemberships({ organizationId: 'org_test', limit: 500 })).data).toHaveLength(
        4,
      );
    });

    it('when the organization does not exist, it rejects with 404 resource_not_found', async () => {
      const error = await rejection(client().listMemberships({ organizationId: 'org_nope' }));
      expect(error.status).toBe(404);
      expect(error.code).toBe('resource_not_found');
    });
  });

  describe("given a user's memberships", () => {
    it('when listing them, it returns every organization newest first', async () => {
      const page = await client().listUserMemberships({ userId: 'user_ada' });
      expect(page.totalCount).toBe(3);
      expect(page.data.map((m) => m.organization.id)).toEqual(['org_other', 'org_quota', 'org_test']);
      expect(
        (await client().listUserMemberships({ userId: 'user_ada', limit: 1, offset: 1 })).data[0]
          ?.organization.id,
      ).toBe('org_quota');
    });

    it('when the user belongs nowhere, it returns an empty list', async () => {
      expect(await client().listUserMemberships({ userId: 'user_free' })).toEqual({
        data: [],
        totalCount: 0,
      });
    });

    it('when the user does not exist or paging is invalid, it rejects like the Backend API', async () => {
      expect((await rejection(client().listUserMemberships({ userId: 'user_nope' }))).status).toBe(404);
      const invalid = await rejection(client().listUserMemberships({ userId: 'user_ada', limit: 0 }));
      expect([invalid.status, invalid.code]).toEqual([422, 'form_param_value_invalid']);
    });

    it.each([
      ['limit 501', { limit: 501 }, 'limit'],
      ['a negative offset', { offset: -1 }, 'offset'],
    ])(
      'when paging has %s, it rejects with 422 form_param_value_invalid naming it',
      async (_l, paging, name) => {
        const error = await rejection(client().listUserMemberships({ userId: 'user_ada', ...paging }));
        expect([error.status, error.code, error.errors[0]?.meta?.paramName]).toEqual([
          422,
          'form_param_value_invalid',
          name,
        ]);
      },
    );
  });

  describe('given roles and users', () => {
    it('when listing roles of a seed without roles, it returns the default roles', async () => {
      const running = await start({ users: [], organizations: [], memberships: [] }, { now: Date.now });
      try {
        const roles = await running.client.listRoles();
        expect(roles.data.map((r) => r.key)).toEqual(['org:admin', 'org:member']);
      } finally {
        await running.close();
      }
    });

    it('when listing roles of a seed with roles, it returns them newest first with the total', async () => {
      const roles = await client().listRoles();
      // Newest first (`-created_at`): the seed's owner role is newer than Clerk's defaults, which
      // were created at the same instant and keep the instance's order (admin first).
      expect(roles.data.map((r) => r.key)).toEqual(['org:owner', 'org:admin', 'org:member']);
      expect(roles.totalCount).toBe(3);
      expect((await client().listRoles({ limit: 1, offset: 1 })).data.map((r) => r.key)).toEqual([
        'org:admin',
      ]);
    });

    it('when listing roles past the end or with an invalid limit, it answers like the Backend API', async () => {
      expect(await client().listRoles({ offset: 5 })).toEqual({ data: [], totalCount: 3 });
      const error = await rejection(client().listRoles({ limit: 0 }));
      expect([error.status, error.code, error.errors[0]?.meta?.paramName]).toEqual([
        422,
        'form_param_value_invalid',
        'limit',
      ]);
    });

    it('when searching users by phone, web3 wallet or user ID, or with an invalid limit, it answers like the Backend API', async () => {
      expect((await listUsers({ query: '0003' })).data.map((u) => u.id)).toEqual(['user_alan']);
      expect((await listUsers({ query: '00AA' })).data.map((u) => u.id)).toEqual(['user_grace']);
      expect((await listUsers({ query: 'user_zed' })).data.map((u) => u.id)).toEqual(['user_zed']);
      expect(await listUsers({ query: 'nobody-here' })).toEqual({ data: [], totalCount: 0 });
      const error = await rejection(listUsers({ limit: 0 }));
      expect([error.status, error.code]).toEqual([422, 'form_param_value_invalid']);
    });

    it('when searching users, it matches name, email and username, newest first', async () => {
      const all = await listUsers({});
      expect(all.data.map((u) => u.id)).toEqual([
        'user_free',
        'user_bea',
        'user_zed',
        'user_alan',
        'user_grace',
        'user_ada',
      ]);
      expect((await listUsers({ query: 'LOVE' })).data.map((u) => u.id)).toEqual(['user_ada']);
      expect((await listUsers({ query: 'free@' })).data.map((u) => u.id)).toEqual(['user_free']);
      expect((await listUsers({ query: 'grace_h' })).data.map((u) => u.id)).toEqual(['user_grace']);
      const paged = await listUsers({ limit: 2, offset: 1 });
      // GET /users answers a bare array: the total a client can report is the page's length.
      expect([paged.data.map((u) => u.id), paged.totalCount]).toEqual([['user_bea', 'user_zed'], 2]);
    });

    it('when reading a user, it has its primary email address', async () => {
      const [ada] = (await listUsers({ query: 'user_ada' })).data;
      expect(ada?.emailAddresses.map((e) => e.emailAddress)).toEqual(['ada@example.test']);
      expect(ada?.primaryEmailAddressId).toBe(ada?.emailAddresses[0]?.id);
    });
  });

  describe('given members whose names, usernames and emails are not ASCII', () => {
    const intl = sharedClient(start, createUnicodeSeed);

    it.each([
      ['query', { query: 'ÉMILE' }],
      ['nameQuery', { nameQuery: 'émile zoë' }],
      ['nameQuery on the last name', { nameQuery: 'ZOË' }],
      ['usernameQuery', { usernameQuery: 'émile_ø' }],
      ['emailAddressQuery', { emailAddressQuery: 'émile@' }],
    ] as [string, MembershipListFilters][])(
      'when searching with %s in another case, it folds the case of every letter',
      async (_label, filters) => {
        const page = await intl().listMemberships({ organizationId: 'org_intl', ...filters });
        expect(page.data.map((m) => m.publicUserData?.userId)).toEqual(['user_emile']);
      },
    );

    it('when ordering by first name, names compare by character code (É after A)', async () => {
      const page = await intl().listMemberships({ organizationId: 'org_intl', orderBy: 'first_name' });
      expect(page.data.map((m) => m.publicUserData?.userId)).toEqual(['user_ada', 'user_emile']);
    });

    it('when searching users in another case, it folds the case of every letter', async () => {
      const users = await listUsersOf(intl())({ query: 'zoË' });
      expect(users.data.map((u) => u.id)).toEqual(['user_emile']);
    });
  });

  describe('given the demo seed', () => {
    const demoClient = sharedClient(start, createDemoSeed);

    it('when listing Acme, it pages through 250 members with the admin first joined last in the default order', async () => {
      const demo = demoClient();
      const first = await demo.listMemberships({ organizationId: DEMO_IDS.organizationId, limit: 500 });
      expect(first.totalCount).toBe(250);
      expect(first.data.at(-1)?.publicUserData?.userId).toBe(DEMO_IDS.adminUserId);
      const admins = await demo.listMemberships({
        organizationId: DEMO_IDS.organizationId,
        role: ['org:admin'],
      });
      expect(admins.data.every((m) => m.role === 'org:admin')).toBe(true);
      expect(admins.totalCount).toBeGreaterThan(1);
    });
  });
}
