import { createClerkClient } from '@clerk/backend';
import { createDemoSeed, DEMO_IDS } from '@roster/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BackendTestServer, startBackendTestServer } from './backend-test-server';

const seed = createDemoSeed();
const acmeMembers = seed.memberships.filter((m) => m.organizationId === DEMO_IDS.organizationId);
const outsider = seed.users.find((user) => !acmeMembers.some((m) => m.userId === user.id));
if (!outsider) throw new Error('The demo seed has no user outside Acme.');

/** The `ClerkAPIResponseError` an SDK call rejects with, for assertions on status and code. */
async function clerkError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error('Expected the call to fail.');
    },
    (e: unknown) => e,
  );
  return error as {
    status: number;
    errors: { code: string; meta?: { paramName?: string } }[];
    clerkTraceId?: string;
  };
}

let server: BackendTestServer;
beforeEach(async () => {
  server = await startBackendTestServer();
});
afterEach(() => server.close());

describe("given Clerk's official SDK (@clerk/backend) pointed at the local server", () => {
  describe('users', () => {
    it('when it creates a user, it gets the user back by ID with the primary email', async () => {
      const created = await server.clerk.users.createUser({
        firstName: 'Zed',
        lastName: 'Quinn',
        emailAddress: ['zed.quinn@example.test'],
        username: 'zedq',
        publicMetadata: { plan: 'pro' },
      });
      expect(created.id).toMatch(/^user_/);
      const fetched = await server.clerk.users.getUser(created.id);
      expect(fetched.firstName).toBe('Zed');
      expect(fetched.username).toBe('zedq');
      expect(fetched.primaryEmailAddress?.emailAddress).toBe('zed.quinn@example.test');
      expect(fetched.publicMetadata).toEqual({ plan: 'pro' });
    });

    it('when it lists users with a query, it gets the matches and their total count', async () => {
      const list = await server.clerk.users.getUserList({ query: 'alice.smith', limit: 5 });
      expect(list.data.map((user) => user.id)).toEqual([DEMO_IDS.adminUserId]);
      expect(list.totalCount).toBe(1);
    });

    it('when it pages through all users, the total count is the number of seeded users', async () => {
      const list = await server.clerk.users.getUserList({ limit: 3, offset: 3 });
      expect(list.data).toHaveLength(3);
      expect(list.totalCount).toBe(seed.users.length);
    });

    it('when it lists one user’s memberships, it gets that user’s organizations', async () => {
      const list = await server.clerk.users.getOrganizationMembershipList({
        userId: DEMO_IDS.soloAdminUserId,
      });
      const expected = seed.memberships.filter((m) => m.userId === DEMO_IDS.soloAdminUserId);
      expect(list.totalCount).toBe(expected.length);
      expect(list.data.map((m) => m.organization.id).sort()).toEqual(
        expected.map((m) => m.organizationId).sort(),
      );
    });

    it('when it asks for an unknown user, it fails with 404 resource_not_found', async () => {
      const error = await clerkError(server.clerk.users.getUser('user_nope'));
      expect(error.status).toBe(404);
      expect(error.errors[0]?.code).toBe('resource_not_found');
    });

    it('when it creates a user with a taken email, it fails with 422 form_identifier_exists', async () => {
      const error = await clerkError(
        server.clerk.users.createUser({ emailAddress: ['alice.smith@acme.test'] }),
      );
      expect(error.status).toBe(422);
      expect(error.errors[0]?.code).toBe('form_identifier_exists');
    });
  });

  describe('organizations', () => {
    it('when it creates an organization with created_by, that user is its first admin', async () => {
      const organization = await server.clerk.organizations.createOrganization({
        name: 'Umbrella Labs',
        createdBy: outsider.id,
        maxAllowedMemberships: 5,
      });
      expect(organization.slug).toBe('umbrella-labs');
      expect(organization.maxAllowedMemberships).toBe(5);
      const members = await server.clerk.organizations.getOrganizationMembershipList({
        organizationId: organization.id,
      });
      expect(members.totalCount).toBe(1);
      expect(members.data[0]?.role).toBe('org:admin');
      expect(members.data[0]?.publicUserData?.userId).toBe(outsider.id);
    });

    it('when it gets an organization by ID or slug, it carries members_count', async () => {
      const byId = await server.clerk.organizations.getOrganization({
        organizationId: DEMO_IDS.organizationId,
        includeMembersCount: true,
      });
      const bySlug = await server.clerk.organizations.getOrganization({ slug: 'acme' });
      expect(byId.name).toBe('Acme');
      expect(byId.membersCount).toBe(acmeMembers.length);
      expect(bySlug.id).toBe(DEMO_IDS.organizationId);
    });

    it('when it lists organizations, newest first, it gets every organization', async () => {
      const list = await server.clerk.organizations.getOrganizationList({
        limit: 100,
        includeMembersCount: true,
      });
      expect(list.totalCount).toBe(seed.organizations.length);
      const created = list.data.map((o) => o.createdAt);
      expect(created).toEqual([...created].sort((a, b) => b - a));
      expect(list.data.find((o) => o.id === DEMO_IDS.organizationId)?.membersCount).toBe(acmeMembers.length);
    });

    it('when it creates an organization with an unknown creator, it fails with 400 and creates nothing', async () => {
      const error = await clerkError(
        server.clerk.organizations.createOrganization({ name: 'Ghost Co', createdBy: 'user_ghost' }),
      );
      expect(error.status).toBe(400);
      expect(error.errors[0]?.code).toBe('organization_creator_not_found');
      const list = await server.clerk.organizations.getOrganizationList({ query: 'Ghost' });
      expect(list.totalCount).toBe(0);
    });

    it('when it asks for an unknown organization, it fails with 404 resource_not_found', async () => {
      const error = await clerkError(
        server.clerk.organizations.getOrganization({ organizationId: 'org_nope' }),
      );
      expect(error.status).toBe(404);
      expect(error.errors[0]?.code).toBe('resource_not_found');
    });
  });

  describe('organization memberships', () => {
    it('when it lists members with the defaults, it gets 10 newest first and the total', async () => {
      const list = await server.clerk.organizations.getOrganizationMembershipList({
        organizationId: DEMO_IDS.organizationId,
      });
      expect(list.data).toHaveLength(10);
      expect(list.totalCount).toBe(acmeMembers.length);
      const created = list.data.map((m) => m.createdAt);
      expect(created).toEqual([...created].sort((a, b) => b - a));
      const first = list.data[0];
      expect(first?.id).toMatch(/^orgmem_/);
      expect(first?.organization.id).toBe(DEMO_IDS.organizationId);
      expect(first?.publicUserData?.identifier).toMatch(/@/);
      expect(first?.permissions.length).toBeGreaterThan(0);
    });

    it('when it filters by role, orders by first name and pages, it gets that slice', async () => {
      const admins = await server.clerk.organizations.getOrganizationMembershipList({
        organizationId: DEMO_IDS.organizationId,
        role: ['org:admin'],
        orderBy: '+first_name',
        limit: 2,
        offset: 1,
      });
      const expectedAdmins = acmeMembers.filter((m) => m.role === 'org:admin');
      expect(admins.totalCount).toBe(expectedAdmins.length);
      expect(admins.data).toHaveLength(2);
      expect(admins.data.every((m) => m.role === 'org:admin')).toBe(true);
      const names = admins.data.map((m) => m.publicUserData?.firstName ?? '');
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    });

    it('when it searches with query and filters by user_id, it gets the matching members', async () => {
      const byQuery = await server.clerk.organizations.getOrganizationMembershipList({
        organizationId: DEMO_IDS.organizationId,
        query: 'bob.jones',
      });
      expect(byQuery.data.map((m) => m.publicUserData?.userId)).toEqual([DEMO_IDS.memberUserId]);
      const byUser = await server.clerk.organizations.getOrganizationMembershipList({
        organizationId: DEMO_IDS.organizationId,
        userId: [DEMO_IDS.adminUserId, DEMO_IDS.memberUserId],
      });
      expect(byUser.totalCount).toBe(2);
    });

    it('when it adds a member, changes the role, merges metadata and removes them, each call returns the membership', async () => {
      const organizationId = DEMO_IDS.organizationId;
      const userId = outsider.id;
      const created = await server.clerk.organizations.createOrganizationMembership({
        organizationId,
        userId,
        role: 'org:member',
      });
      expect(created.role).toBe('org:member');
      expect(created.publicUserData?.userId).toBe(userId);

      const promoted = await server.clerk.organizations.updateOrganizationMembership({
        organizationId,
        userId,
        role: 'org:admin',
      });
      expect(promoted.role).toBe('org:admin');
      expect(promoted.permissions).toContain('org:sys_memberships:manage');

      await server.clerk.organizations.updateOrganizationMembershipMetadata({
        organizationId,
        userId,
        publicMetadata: { team: { name: 'Core', size: 3 }, seat: 'A1' },
        privateMetadata: { note: 'vip' },
      });
      const merged = await server.clerk.organizations.updateOrganizationMembershipMetadata({
        organizationId,
        userId,
        publicMetadata: { team: { size: 4 }, seat: null },
      });
      expect(merged.publicMetadata).toEqual({ team: { name: 'Core', size: 4 } });
      expect(merged.privateMetadata).toEqual({ note: 'vip' });

      const removed = await server.clerk.organizations.deleteOrganizationMembership({
        organizationId,
        userId,
      });
      expect(removed.id).toBe(created.id);
      const after = await server.clerk.organizations.getOrganization({
        organizationId,
        includeMembersCount: true,
      });
      expect(after.membersCount).toBe(acmeMembers.length);
    });

    it('when it lists the instance’s memberships, it gets every membership of every organization', async () => {
      const list = await server.clerk.organizations.getInstanceOrganizationMembershipList({ limit: 5 });
      expect(list.totalCount).toBe(seed.memberships.length);
      expect(list.data).toHaveLength(5);
    });

    it('when it adds an existing member, it fails with 400 already_a_member_in_organization', async () => {
      const error = await clerkError(
        server.clerk.organizations.createOrganizationMembership({
          organizationId: DEMO_IDS.organizationId,
          userId: DEMO_IDS.memberUserId,
          role: 'org:member',
        }),
      );
      expect(error.status).toBe(400);
      expect(error.errors[0]?.code).toBe('already_a_member_in_organization');
    });

    it('when it uses an unknown role, it fails with 422 form_param_value_invalid on role', async () => {
      const error = await clerkError(
        server.clerk.organizations.updateOrganizationMembership({
          organizationId: DEMO_IDS.organizationId,
          userId: DEMO_IDS.memberUserId,
          role: 'org:wizard',
        }),
      );
      expect(error.status).toBe(422);
      expect(error.errors[0]?.code).toBe('form_param_value_invalid');
      expect(error.errors[0]?.meta?.paramName).toBe('role');
    });

    it('when it removes or demotes the last admin, it fails with 400 organization_minimum_permissions_needed', async () => {
      const organizationId = DEMO_IDS.soloOrganizationId;
      const userId = DEMO_IDS.soloAdminUserId;
      const removal = await clerkError(
        server.clerk.organizations.deleteOrganizationMembership({ organizationId, userId }),
      );
      expect(removal.status).toBe(400);
      expect(removal.errors[0]?.code).toBe('organization_minimum_permissions_needed');
      const demotion = await clerkError(
        server.clerk.organizations.updateOrganizationMembership({
          organizationId,
          userId,
          role: 'org:member',
        }),
      );
      expect(demotion.status).toBe(400);
      expect(demotion.errors[0]?.code).toBe('organization_minimum_permissions_needed');
      const still = await server.clerk.organizations.getOrganizationMembershipList({
        organizationId,
        userId: [userId],
      });
      expect(still.data[0]?.role).toBe('org:admin');
    });

    it('when the organization is at its membership quota, adding fails with 403 organization_membership_quota_exceeded', async () => {
      const full = seed.organizations.find(
        (o) =>
          (o.maxAllowedMemberships ?? 0) > 0 &&
          seed.memberships.filter((m) => m.organizationId === o.id).length >= (o.maxAllowedMemberships ?? 0),
      );
      if (!full) throw new Error('The demo seed has no organization at its quota.');
      const error = await clerkError(
        server.clerk.organizations.createOrganizationMembership({
          organizationId: full.id,
          userId: outsider.id,
          role: 'org:member',
        }),
      );
      expect(error.status).toBe(403);
      expect(error.errors[0]?.code).toBe('organization_membership_quota_exceeded');
    });

    it('when it changes an unknown membership, it fails with 404 resource_not_found', async () => {
      const error = await clerkError(
        server.clerk.organizations.deleteOrganizationMembership({
          organizationId: DEMO_IDS.organizationId,
          userId: outsider.id,
        }),
      );
      expect(error.status).toBe(404);
      expect(error.errors[0]?.code).toBe('resource_not_found');
    });

    it('when it leaves out the role, it fails with 422 form_param_missing on role and adds no one', async () => {
      const error = await clerkError(
        server.clerk.organizations.createOrganizationMembership({
          organizationId: DEMO_IDS.organizationId,
          userId: outsider.id,
        } as unknown as Parameters<typeof server.clerk.organizations.createOrganizationMembership>[0]),
      );
      expect(error.status).toBe(422);
      expect(error.errors[0]?.code).toBe('form_param_missing');
      expect(error.errors[0]?.meta?.paramName).toBe('role');
      const list = await server.clerk.organizations.getOrganizationMembershipList({
        organizationId: DEMO_IDS.organizationId,
        userId: [outsider.id],
      });
      expect(list.totalCount).toBe(0);
    });

    it('when it sends a bad limit, it fails with 422 form_param_value_invalid on limit', async () => {
      const error = await clerkError(
        server.clerk.organizations.getOrganizationMembershipList({
          organizationId: DEMO_IDS.organizationId,
          limit: 501,
        }),
      );
      expect(error.status).toBe(422);
      expect(error.errors[0]?.meta?.paramName).toBe('limit');
    });
  });

  describe('roles, keys and limits', () => {
    it('when it lists organization roles, it gets admin and member with their permissions', async () => {
      const roles = await server.clerk.organizationRoles.getOrganizationRoleList({ limit: 50 });
      const keys = roles.data.map((role) => role.key);
      expect(keys).toEqual(expect.arrayContaining(['org:admin', 'org:member']));
      const admin = roles.data.find((role) => role.key === 'org:admin');
      expect(admin?.permissions.map((p) => p.key)).toContain('org:sys_memberships:manage');
    });

    it('when its secret key is wrong, every call fails with 401', async () => {
      const wrong = createClerkClient({ secretKey: 'sk_test_wrong', apiUrl: server.url });
      const error = await clerkError(wrong.users.getUser(DEMO_IDS.adminUserId));
      expect(error.status).toBe(401);
      expect(error.errors[0]?.code).toBe('clerk_key_invalid');
    });

    it('when a rate limit is configured and exceeded, it fails with 429 and a retry delay', async () => {
      server.api.setRateLimit({ requests: 1, windowMs: 60_000 });
      await server.clerk.users.getUser(DEMO_IDS.adminUserId);
      const error = (await clerkError(server.clerk.users.getUser(DEMO_IDS.adminUserId))) as {
        retryAfter?: number;
      } & {
        status: number;
        errors: { code: string }[];
      };
      expect(error.status).toBe(429);
      expect(error.errors[0]?.code).toBe('too_many_requests');
      expect(error.retryAfter).toBeGreaterThan(0);
    });
  });
});
