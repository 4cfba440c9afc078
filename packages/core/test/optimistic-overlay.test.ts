import { describe, expect, it } from 'vitest';
import type { OrganizationMembership, OrganizationMemberships } from '../src/models';
import type { PendingMembershipOperation } from '../src/optimistic-overlay';
import {
  applyOperationToMembership,
  applyOptimisticOverlay,
  applyOptimisticOverlayToUserMemberships,
  membershipMatchesView,
  writeConfirmedMembership,
  writeConfirmedRemoval,
  writeConfirmedUserMembership,
} from '../src/optimistic-overlay';
import { PERMISSION_MANAGE_MEMBERSHIPS, PERMISSION_READ_MEMBERSHIPS } from '../src/roles';

function membership(userId: string, role = 'org:member', organizationId = 'org_a'): OrganizationMembership {
  return {
    object: 'organization_membership',
    id: `orgmem_${organizationId}_${userId}`,
    role,
    permissions: [PERMISSION_READ_MEMBERSHIPS],
    publicMetadata: { plan: { tier: 'free', seats: 1 } },
    organization: {
      object: 'organization',
      id: organizationId,
      name: organizationId,
      slug: organizationId,
      hasImage: false,
      maxAllowedMemberships: 0,
      adminDeleteEnabled: true,
      publicMetadata: {},
      createdAt: 0,
      updatedAt: 0,
    },
    publicUserData: { userId, firstName: userId, lastName: null, imageUrl: '', hasImage: false },
    createdAt: 100,
    updatedAt: 100,
  };
}

function page(members: OrganizationMembership[], totalCount = members.length): OrganizationMemberships {
  return { data: members, totalCount };
}

const alice = membership('user_alice', 'org:admin');
const bob = membership('user_bob');
const carol = membership('user_carol');
const all = page([alice, bob, carol], 23);
const allView = { organizationId: 'org_a' };
const membersView = { organizationId: 'org_a', role: ['org:member'] };

const ids = (p: OrganizationMemberships) => p.data.map((m) => m.publicUserData?.userId);

describe('given a page of an unfiltered list', () => {
  it('when a role change is pending, it shows the new role and keeps the other members as they were', () => {
    const ops: PendingMembershipOperation[] = [
      {
        kind: 'role-change',
        id: 'op1',
        organizationId: 'org_a',
        userId: 'user_bob',
        role: 'org:admin',
        roleName: 'Admin',
        permissions: [PERMISSION_READ_MEMBERSHIPS, PERMISSION_MANAGE_MEMBERSHIPS],
      },
    ];
    const result = applyOptimisticOverlay(all, allView, ops);
    expect(result.data[1]).toMatchObject({ role: 'org:admin', roleName: 'Admin' });
    expect(result.data[1]?.permissions).toContain(PERMISSION_MANAGE_MEMBERSHIPS);
    expect(result.data[0]).toBe(alice);
    expect(result.data[2]).toBe(carol);
    expect(result.totalCount).toBe(23);
    expect(all.data[1]).toBe(bob);
    expect(bob.role).toBe('org:member');
  });

  it('when a removal is pending, it drops the member and lowers totalCount', () => {
    const result = applyOptimisticOverlay(all, allView, [
      { kind: 'removal', id: 'op1', organizationId: 'org_a', userId: 'user_bob' },
    ]);
    expect(ids(result)).toEqual(['user_alice', 'user_carol']);
    expect(result.totalCount).toBe(22);
  });

  it('when a metadata merge is pending, it deep-merges into the member (null deletes)', () => {
    const result = applyOptimisticOverlay(all, allView, [
      {
        kind: 'metadata-update',
        id: 'op1',
        organizationId: 'org_a',
        userId: 'user_carol',
        publicMetadata: { plan: { seats: 5, tier: null } },
      },
    ]);
    expect(result.data[2]?.publicMetadata).toEqual({ plan: { seats: 5 } });
  });

  it('when a creation is pending, it raises totalCount and does not guess a position', () => {
    const result = applyOptimisticOverlay(all, allView, [
      { kind: 'creation', id: 'op1', organizationId: 'org_a', userId: 'user_dan', role: 'org:member' },
    ]);
    expect(result.totalCount).toBe(24);
    expect(ids(result)).toEqual(['user_alice', 'user_bob', 'user_carol']);
  });

  it('when a creation is pending and the response already holds the new member, it counts it once', () => {
    const dan = membership('user_dan');
    const result = applyOptimisticOverlay(page([dan, alice], 2), allView, [
      { kind: 'creation', id: 'op1', organizationId: 'org_a', userId: 'user_dan', role: 'org:member' },
    ]);
    expect(result.totalCount).toBe(2);
  });

  it('when several operations target the same member, they apply in order', () => {
    const result = applyOptimisticOverlay(all, allView, [
      { kind: 'role-change', id: 'op1', organizationId: 'org_a', userId: 'user_bob', role: 'org:admin' },
      {
        kind: 'metadata-update',
        id: 'op2',
        organizationId: 'org_a',
        userId: 'user_bob',
        publicMetadata: { a: 1 },
      },
      { kind: 'role-change', id: 'op3', organizationId: 'org_a', userId: 'user_bob', role: 'org:billing' },
    ]);
    expect(result.data[1]).toMatchObject({
      role: 'org:billing',
      publicMetadata: { a: 1, plan: { tier: 'free' } },
    });

    const removedThenChanged = applyOptimisticOverlay(all, allView, [
      { kind: 'removal', id: 'op1', organizationId: 'org_a', userId: 'user_bob' },
      { kind: 'role-change', id: 'op2', organizationId: 'org_a', userId: 'user_bob', role: 'org:admin' },
    ]);
    expect(ids(removedThenChanged)).toEqual(['user_alice', 'user_carol']);
    expect(removedThenChanged.totalCount).toBe(22);
  });

  it('when the operations belong to another organization or change nothing, it returns the same page', () => {
    expect(
      applyOptimisticOverlay(all, allView, [
        { kind: 'removal', id: 'op1', organizationId: 'org_b', userId: 'user_bob' },
        { kind: 'role-change', id: 'op2', organizationId: 'org_a', userId: 'user_bob', role: 'org:member' },
        { kind: 'removal', id: 'op3', organizationId: 'org_a', userId: 'user_zed' },
      ]),
    ).toBe(all);
  });

  it('when a removal is pending and the response no longer holds the member, it lowers nothing twice', () => {
    const fresh = page([alice, carol], 22);
    const result = applyOptimisticOverlay(fresh, allView, [
      { kind: 'removal', id: 'op1', organizationId: 'org_a', userId: 'user_bob' },
    ]);
    expect(result).toBe(fresh);
  });
});

describe('given a page of a list filtered by role', () => {
  const members = page([bob, carol], 12);

  it('when a member is moved to a role outside the filter, it drops the member and lowers totalCount', () => {
    const result = applyOptimisticOverlay(members, membersView, [
      { kind: 'role-change', id: 'op1', organizationId: 'org_a', userId: 'user_bob', role: 'org:admin' },
    ]);
    expect(ids(result)).toEqual(['user_carol']);
    expect(result.totalCount).toBe(11);
  });

  it('when a member is moved to another role inside the filter, it keeps the member with the new role', () => {
    const view = { organizationId: 'org_a', role: ['org:member', 'org:billing'] };
    const result = applyOptimisticOverlay(members, view, [
      { kind: 'role-change', id: 'op1', organizationId: 'org_a', userId: 'user_bob', role: 'org:billing' },
    ]);
    expect(ids(result)).toEqual(['user_bob', 'user_carol']);
    expect(result.data[0]?.role).toBe('org:billing');
    expect(result.totalCount).toBe(12);
  });

  it('when a creation with a role outside the filter is pending, totalCount stays', () => {
    const result = applyOptimisticOverlay(members, membersView, [
      { kind: 'creation', id: 'op1', organizationId: 'org_a', userId: 'user_dan', role: 'org:admin' },
    ]);
    expect(result).toBe(members);
  });

  it('when a creation is pending on a list with a text query, totalCount waits for the server', () => {
    const result = applyOptimisticOverlay(members, { ...membersView, query: 'da' }, [
      { kind: 'creation', id: 'op1', organizationId: 'org_a', userId: 'user_dan', role: 'org:member' },
    ]);
    expect(result.totalCount).toBe(12);
  });
});

describe('given a membership and a view', () => {
  it('when the filters can be decided from the membership, it answers true or false', () => {
    expect(membershipMatchesView(bob, membersView)).toBe(true);
    expect(membershipMatchesView(alice, membersView)).toBe(false);
    expect(membershipMatchesView(bob, { organizationId: 'org_a', userId: ['-user_bob'] })).toBe(false);
    expect(membershipMatchesView(bob, { organizationId: 'org_a', userId: ['user_bob'] })).toBe(true);
    expect(membershipMatchesView(bob, { organizationId: 'org_a', createdAtAfter: 200 })).toBe(false);
  });

  it('when a filter needs user data the client lacks, it answers undefined unless another filter excludes', () => {
    expect(membershipMatchesView(bob, { organizationId: 'org_a', query: 'bo' })).toBeUndefined();
    expect(membershipMatchesView(alice, { ...membersView, query: 'al' })).toBe(false);
  });

  it('when an operation is not a role or metadata change, the membership is returned as is', () => {
    expect(
      applyOperationToMembership(bob, {
        kind: 'removal',
        id: 'op',
        organizationId: 'org_a',
        userId: 'user_bob',
      }),
    ).toBe(bob);
  });
});

describe('given a confirmed server result', () => {
  it('when a role change is confirmed, it replaces the member where a page holds it', () => {
    const confirmed = { ...bob, role: 'org:billing', updatedAt: 200 };
    const result = writeConfirmedMembership(all, allView, confirmed);
    expect(result.stale).toBe(false);
    expect(result.page.data[1]).toBe(confirmed);
    expect(result.page.data[0]).toBe(alice);
  });

  it('when the new role leaves a role-filtered page, it drops the member and marks the page stale', () => {
    const result = writeConfirmedMembership(page([bob, carol], 12), membersView, {
      ...bob,
      role: 'org:admin',
    });
    expect(ids(result.page)).toEqual(['user_carol']);
    expect(result.page.totalCount).toBe(11);
    expect(result.stale).toBe(true);
  });

  it('when the new role enters a role-filtered page that lacks the member, it marks it stale only', () => {
    const admins = page([alice], 1);
    const result = writeConfirmedMembership(
      admins,
      { organizationId: 'org_a', role: ['org:admin'] },
      {
        ...bob,
        role: 'org:admin',
      },
    );
    expect(result).toEqual({ page: admins, stale: true });
    expect(writeConfirmedMembership(all, allView, membership('user_zed'))).toEqual({
      page: all,
      stale: false,
    });
  });

  it('when a removal is confirmed, it drops the member and lowers totalCount once', () => {
    const once = writeConfirmedRemoval(all, 'org_a', 'user_bob');
    expect(ids(once)).toEqual(['user_alice', 'user_carol']);
    expect(once.totalCount).toBe(22);
    expect(writeConfirmedRemoval(once, 'org_a', 'user_bob')).toBe(once);
  });
});

describe("given a page of a user's memberships", () => {
  const inA = membership('user_bob', 'org:member', 'org_a');
  const inB = membership('user_bob', 'org:admin', 'org_b');
  const bobs = page([inA, inB], 2);

  it('when operations on that user are pending, it applies those of the matching organization only', () => {
    const result = applyOptimisticOverlayToUserMemberships(bobs, 'user_bob', [
      { kind: 'role-change', id: 'op1', organizationId: 'org_b', userId: 'user_bob', role: 'org:member' },
      { kind: 'removal', id: 'op2', organizationId: 'org_a', userId: 'user_bob' },
      { kind: 'removal', id: 'op3', organizationId: 'org_b', userId: 'user_alice' },
      { kind: 'creation', id: 'op4', organizationId: 'org_c', userId: 'user_bob', role: 'org:member' },
    ]);
    expect(result.data.map((m) => [m.organization.id, m.role])).toEqual([['org_b', 'org:member']]);
    expect(result.totalCount).toBe(2);
  });

  it('when a confirmed membership arrives, it replaces the one of that organization', () => {
    const confirmed = { ...inB, role: 'org:member' };
    const result = writeConfirmedUserMembership(bobs, confirmed);
    expect(result.data[1]).toBe(confirmed);
    expect(result.data[0]).toBe(inA);
  });
});
