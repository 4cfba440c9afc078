import { isRosterApiError, type RosterApiError } from '../src/errors';
import type { Role } from '../src/models';
import { DEFAULT_ROLES, PERMISSION_MANAGE_MEMBERSHIPS, PERMISSION_READ_MEMBERSHIPS } from '../src/roles';
import type { SeedData } from '../src/seed';

/** The instant the fixture's dates count from. */
export const T = Date.UTC(2025, 0, 1);

const ownerRole: Role = {
  object: 'role',
  id: 'role_owner',
  key: 'org:owner',
  name: 'Owner',
  description: null,
  isCreatorEligible: true,
  permissions: [
    {
      object: 'permission',
      id: 'p1',
      key: PERMISSION_MANAGE_MEMBERSHIPS,
      name: 'Manage',
      description: '',
      type: 'system',
      createdAt: T,
      updatedAt: T,
    },
    {
      object: 'permission',
      id: 'p2',
      key: PERMISSION_READ_MEMBERSHIPS,
      name: 'Read',
      description: '',
      type: 'system',
      createdAt: T,
      updatedAt: T,
    },
  ],
  createdAt: T,
  updatedAt: T,
};

/**
 * A small, hand-written seed whose lists can be worked out by hand:
 * `org_test` has five members (Ada admin, Grace, Alan, Zed (no first name), Bea the owner is not in
 * it), `org_quota` allows 2 and has 1, `org_other` has Ada as a member. `user_free` belongs nowhere.
 */
export function createFixtureSeed(): SeedData {
  return {
    roles: [...structuredClone(DEFAULT_ROLES as Role[]), ownerRole],
    users: [
      {
        id: 'user_ada',
        firstName: 'Ada',
        lastName: 'Lovelace',
        username: 'ada',
        emailAddress: 'ada@example.test',
        phoneNumber: '+15550000001',
        createdAt: T + 1,
        lastActiveAt: T + 100,
      },
      {
        id: 'user_grace',
        firstName: 'Grace',
        lastName: 'Hopper',
        username: 'Grace_H',
        emailAddress: 'grace@example.test',
        web3Wallet: '0x00000000000000000000000000000000000000aa',
        createdAt: T + 2,
        lastActiveAt: null,
      },
      {
        id: 'user_alan',
        firstName: 'Alan',
        lastName: 'Turing',
        emailAddress: 'alan@example.test',
        phoneNumber: '+15550000003',
        createdAt: T + 3,
        lastActiveAt: T + 300,
      },
      {
        id: 'user_zed',
        firstName: null,
        lastName: 'Zed',
        username: 'zzz',
        emailAddress: 'Zed@Example.test',
        createdAt: T + 4,
        lastActiveAt: T + 50,
      },
      {
        id: 'user_bea',
        firstName: 'Bea',
        lastName: 'Owner',
        emailAddress: 'bea@example.test',
        createdAt: T + 5,
      },
      {
        id: 'user_free',
        firstName: 'Free',
        lastName: 'Agent',
        username: 'freeagent',
        emailAddress: 'free@example.test',
        createdAt: T + 6,
      },
    ],
    organizations: [
      { id: 'org_test', name: 'Test Org', slug: 'test-org', createdAt: T },
      { id: 'org_quota', name: 'Quota Org', slug: 'quota-org', maxAllowedMemberships: 2, createdAt: T },
      {
        id: 'org_other',
        name: 'Other Org',
        slug: 'other-org',
        publicMetadata: { tier: 'gold' },
        createdAt: T,
      },
    ],
    memberships: [
      {
        organizationId: 'org_test',
        userId: 'user_ada',
        role: 'org:admin',
        publicMetadata: { team: { name: 'core', size: 3 } },
        privateMetadata: { salary: 1 },
        createdAt: T + 10,
      },
      { organizationId: 'org_test', userId: 'user_grace', role: 'org:member', createdAt: T + 20 },
      { organizationId: 'org_test', userId: 'user_alan', role: 'org:member', createdAt: T + 30 },
      { organizationId: 'org_test', userId: 'user_zed', role: 'org:member', createdAt: T + 30 },
      { organizationId: 'org_quota', userId: 'user_ada', role: 'org:admin', createdAt: T + 40 },
      { organizationId: 'org_other', userId: 'user_ada', role: 'org:member', createdAt: T + 50 },
      { organizationId: 'org_other', userId: 'user_bea', role: 'org:owner', createdAt: T + 60 },
    ],
  };
}

/** The `RosterApiError` a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<RosterApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isRosterApiError(error)) throw new Error(`expected a RosterApiError, got ${String(error)}`);
  return error;
}
