import type { Role } from '@roster/core';
import { DEFAULT_ROLES, PERMISSION_READ_MEMBERSHIPS } from '@roster/core';
import type { SeedData, SeedMembership, SeedUser } from '@roster/core/testing';

/** The instant the test seed counts from. */
export const T0 = Date.UTC(2026, 0, 1);
export const ORG = 'org_a';
export const OTHER_ORG = 'org_b';
/** The admin of `org_a`, first member (last on the default `-created_at` order). */
export const ADMIN = 'user_01';
export const ROLE_BILLING = 'org:billing';

const billingRole: Role = {
  object: 'role',
  id: 'role_billing',
  key: ROLE_BILLING,
  name: 'Billing',
  description: 'Sees invoices.',
  isCreatorEligible: false,
  permissions: [
    {
      object: 'permission',
      id: 'perm_read',
      key: PERMISSION_READ_MEMBERSHIPS,
      name: 'Read members',
      description: '',
      type: 'system',
      createdAt: T0,
      updatedAt: T0,
    },
  ],
  createdAt: T0,
  updatedAt: T0,
};

/** `user_01` .. `user_NN`, zero-padded. */
export function userId(n: number): string {
  return `user_${String(n).padStart(2, '0')}`;
}

/**
 * A small seed whose lists are easy to work out: `org_a` has `members` members, `user_01` (admin,
 * joined first) then `user_02`.. (members, each joining after the previous), so the default
 * `-created_at` order lists the highest number first. `org_b` has `user_02` as admin and
 * `user_03` as member. `outsiders` more users belong to no organization (`user_90`..).
 */
export function createTestSeed(options: { members?: number; outsiders?: number } = {}): SeedData {
  const members = options.members ?? 25;
  const outsiders = options.outsiders ?? 5;
  if (members >= 90 && outsiders > 0)
    throw new RangeError('outsiders are user_90.., so members must stay below 90');
  const users: SeedUser[] = [];
  const memberships: SeedMembership[] = [];
  const person = (id: string, n: number): SeedUser => ({
    id,
    firstName: `First${n}`,
    lastName: `Last${n}`,
    emailAddress: `${id}@example.test`,
    createdAt: T0 + n,
  });
  for (let n = 1; n <= members; n++) {
    users.push(person(userId(n), n));
    memberships.push({
      organizationId: ORG,
      userId: userId(n),
      role: n === 1 ? 'org:admin' : 'org:member',
      publicMetadata: { seat: n },
      createdAt: T0 + 1000 * n,
    });
  }
  for (let i = 0; i < outsiders; i++) users.push(person(`user_${90 + i}`, 90 + i));
  memberships.push(
    { organizationId: OTHER_ORG, userId: userId(2), role: 'org:admin', createdAt: T0 + 500 },
    { organizationId: OTHER_ORG, userId: userId(3), role: 'org:member', createdAt: T0 + 600 },
  );
  return {
    roles: [...structuredClone(DEFAULT_ROLES as Role[]), billingRole],
    users,
    organizations: [
      { id: ORG, name: 'Org A', slug: 'org-a', createdAt: T0 },
      { id: OTHER_ORG, name: 'Org B', slug: 'org-b', createdAt: T0 },
    ],
    memberships,
  };
}
