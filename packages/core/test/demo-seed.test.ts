import { describe, expect, it } from 'vitest';
import { createDemoSeed, DEMO_IDS, DEMO_SEED_BASE_TIME } from '../src/demo-seed';
import {
  DEFAULT_ROLES,
  isAdminPermissionSet,
  ROLE_ADMIN,
  ROLE_MEMBER,
  rolePermissionKeys,
} from '../src/roles';
import type { SeedData } from '../src/seed';

function membersOf(seed: SeedData, organizationId: string) {
  return seed.memberships.filter((m) => m.organizationId === organizationId);
}

function adminsOf(seed: SeedData, organizationId: string) {
  const roles = seed.roles ?? [...DEFAULT_ROLES];
  const adminKeys = new Set(
    roles.filter((r) => isAdminPermissionSet(rolePermissionKeys(r))).map((r) => r.key),
  );
  return membersOf(seed, organizationId).filter((m) => adminKeys.has(m.role));
}

describe('given the default demo seed', () => {
  const seed = createDemoSeed();
  const userById = new Map(seed.users.map((u) => [u.id, u]));

  it('when built twice, it returns identical data (deterministic)', () => {
    expect(createDemoSeed()).toEqual(seed);
  });

  it('when built with another base time, it shifts the dates and keeps everything else', () => {
    const later = createDemoSeed({ now: DEMO_SEED_BASE_TIME + 1000 });
    expect(later.users.map((u) => u.emailAddress)).toEqual(seed.users.map((u) => u.emailAddress));
    expect(later.memberships[0]?.createdAt).toBe((seed.memberships[0]?.createdAt ?? 0) + 1000);
  });

  it('when listing Acme, it has 250 members', () => {
    expect(seed.organizations.find((o) => o.id === DEMO_IDS.organizationId)).toMatchObject({
      name: 'Acme',
      slug: 'acme',
    });
    expect(membersOf(seed, DEMO_IDS.organizationId)).toHaveLength(250);
  });

  it('when looking up the DEMO_IDS, they exist with the stated names and roles', () => {
    expect(userById.get(DEMO_IDS.adminUserId)).toMatchObject({
      firstName: 'Alice',
      lastName: 'Smith',
      emailAddress: 'alice.smith@acme.test',
    });
    expect(userById.get(DEMO_IDS.memberUserId)).toMatchObject({ firstName: 'Bob', lastName: 'Jones' });
    expect(userById.get(DEMO_IDS.soloAdminUserId)).toMatchObject({ firstName: 'Carol', lastName: 'Diaz' });
    const acme = membersOf(seed, DEMO_IDS.organizationId);
    expect(acme.find((m) => m.userId === DEMO_IDS.adminUserId)?.role).toBe(ROLE_ADMIN);
    expect(acme.find((m) => m.userId === DEMO_IDS.memberUserId)?.role).toBe(ROLE_MEMBER);
  });

  it('when ordering Acme by creation, Alice is its first member', () => {
    const acme = membersOf(seed, DEMO_IDS.organizationId);
    const first = acme.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
    expect(first.userId).toBe(DEMO_IDS.adminUserId);
  });

  it('when counting Acme admins, there is a handful (Alice and a few others)', () => {
    const admins = adminsOf(seed, DEMO_IDS.organizationId);
    expect(admins.length).toBeGreaterThanOrEqual(3);
    expect(admins.length).toBeLessThanOrEqual(8);
  });

  it('when looking at Solo Studio, Carol Diaz is its only admin and it has a few members', () => {
    expect(seed.organizations.find((o) => o.id === DEMO_IDS.soloOrganizationId)?.name).toBe('Solo Studio');
    expect(adminsOf(seed, DEMO_IDS.soloOrganizationId).map((m) => m.userId)).toEqual([
      DEMO_IDS.soloAdminUserId,
    ]);
    expect(membersOf(seed, DEMO_IDS.soloOrganizationId).length).toBeGreaterThan(2);
  });

  it('when checking every organization, each has at least one admin', () => {
    for (const organization of seed.organizations) {
      expect(adminsOf(seed, organization.id).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('when checking identifiers, user IDs, organization IDs, emails and usernames are unique', () => {
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(seed.users.map((u) => u.id))).toBe(true);
    expect(unique(seed.organizations.map((o) => o.id))).toBe(true);
    expect(unique(seed.users.map((u) => u.emailAddress))).toBe(true);
    expect(unique(seed.users.map((u) => u.username).filter(Boolean))).toBe(true);
    expect(unique(seed.memberships.map((m) => `${m.organizationId}/${m.userId}`))).toBe(true);
  });

  it('when checking emails, Acme members have lowercase ASCII first.last@acme.test addresses', () => {
    const acmeUsers = membersOf(seed, DEMO_IDS.organizationId).map((m) => userById.get(m.userId));
    for (const user of acmeUsers) {
      expect(user?.emailAddress).toMatch(/^[a-z]+\.[a-z]+\d*@acme\.test$/);
    }
  });

  it('when checking references, every membership points at a seeded user, organization and role', () => {
    const orgIds = new Set(seed.organizations.map((o) => o.id));
    const roleKeys = new Set((seed.roles ?? []).map((r) => r.key));
    for (const m of seed.memberships) {
      expect(userById.has(m.userId)).toBe(true);
      expect(orgIds.has(m.organizationId)).toBe(true);
      expect(roleKeys.has(m.role)).toBe(true);
    }
  });

  it('when looking at variety, names vary, some users have usernames or phones, most were active', () => {
    expect(new Set(seed.users.map((u) => u.firstName)).size).toBeGreaterThan(50);
    expect(new Set(seed.users.map((u) => u.lastName)).size).toBeGreaterThan(50);
    const share = (pred: (u: (typeof seed.users)[number]) => boolean) =>
      seed.users.filter(pred).length / seed.users.length;
    expect(share((u) => Boolean(u.username))).toBeGreaterThan(0.2);
    expect(share((u) => Boolean(u.phoneNumber))).toBeGreaterThan(0.2);
    expect(share((u) => u.lastActiveAt != null)).toBeGreaterThan(0.7);
  });

  it('when looking at dates, memberships span about two years before the base time', () => {
    const times = seed.memberships.map((m) => m.createdAt);
    const span = Math.max(...times) - Math.min(...times);
    expect(span).toBeGreaterThan(600 * 24 * 3600 * 1000);
    expect(Math.max(...times)).toBeLessThanOrEqual(DEMO_SEED_BASE_TIME);
    for (const user of seed.users) {
      if (user.lastActiveAt != null) expect(user.lastActiveAt).toBeGreaterThanOrEqual(user.createdAt);
    }
  });
});

describe('given a members option', () => {
  it('when asking for 1 000 members, Acme has 1 000 and the other organizations are unchanged', () => {
    const small = createDemoSeed();
    const large = createDemoSeed({ members: 1000 });
    expect(membersOf(large, DEMO_IDS.organizationId)).toHaveLength(1000);
    for (const org of ['org_solo', 'org_globex', 'org_initech']) {
      expect(membersOf(large, org)).toEqual(membersOf(small, org));
    }
  });

  it('when asking for fewer than 2 members, Acme still has Alice and Bob', () => {
    const seed = createDemoSeed({ members: 0 });
    expect(
      membersOf(seed, DEMO_IDS.organizationId)
        .map((m) => m.userId)
        .sort(),
    ).toEqual([DEMO_IDS.adminUserId, DEMO_IDS.memberUserId]);
  });

  it('when asking for 100 000 members, it builds them with unique IDs, emails and usernames', () => {
    const seed = createDemoSeed({ members: 100_000 });
    expect(membersOf(seed, DEMO_IDS.organizationId)).toHaveLength(100_000);
    expect(new Set(seed.users.map((u) => u.id)).size).toBe(seed.users.length);
    expect(new Set(seed.users.map((u) => u.emailAddress)).size).toBe(seed.users.length);
    const usernames = seed.users.map((u) => u.username).filter(Boolean);
    expect(new Set(usernames).size).toBe(usernames.length);
    // A generous limit: this builds 100 000 users, and CI machines are shared (not a timing assertion).
  }, 60_000);
});
