import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ROLES,
  decodeMembership,
  getMembershipPermissions,
  isAdminRole,
  isMembershipAdmin,
  isViewerMembership,
  type OrganizationMembership,
  PERMISSION_MANAGE_MEMBERSHIPS,
  PERMISSION_READ_MEMBERSHIPS,
  type Role,
} from '../src/index';
import { membershipJSON, publicUserDataJSON } from './wire-fixtures';

const ADMIN_PERMISSIONS = [PERMISSION_READ_MEMBERSHIPS, PERMISSION_MANAGE_MEMBERSHIPS];
const MEMBER_PERMISSIONS = [PERMISSION_READ_MEMBERSHIPS];

function membership(userId: string, role: 'org:admin' | 'org:member'): OrganizationMembership {
  return decodeMembership(
    membershipJSON({
      id: `orgmem_${userId}`,
      role,
      permissions: role === 'org:admin' ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS,
      public_user_data: publicUserDataJSON({ user_id: userId }),
    }),
  );
}

const alice = { userId: 'user_alice', permissions: ADMIN_PERMISSIONS };
const bob = { userId: 'user_bob', permissions: MEMBER_PERMISSIONS };
const aliceRow = membership('user_alice', 'org:admin');
const bobRow = membership('user_bob', 'org:member');
const daveRow = membership('user_dave', 'org:admin');

const ownerRole: Role = {
  ...(DEFAULT_ROLES[0] as Role),
  id: 'role_owner',
  key: 'org:owner',
  name: 'Owner',
};

describe('given an admin viewer and another member', () => {
  it('when nothing stands in the way, everything is allowed with no reason', () => {
    const p = getMembershipPermissions({
      viewer: alice,
      target: bobRow,
      adminCount: 2,
      roles: DEFAULT_ROLES,
    });
    expect(p).toEqual({
      canRead: true,
      canManage: true,
      canAdd: true,
      canChangeRole: true,
      canRemove: true,
      reason: null,
      reasons: { read: null, add: null, changeRole: null, remove: null },
    });
  });

  it('when the next role is one of the roles, the change is allowed', () => {
    const p = getMembershipPermissions({
      viewer: alice,
      target: bobRow,
      roles: DEFAULT_ROLES,
      nextRole: 'org:admin',
    });
    expect(p.canChangeRole).toBe(true);
  });
});

describe('not-permitted', () => {
  it('when the viewer lacks manage, adding, changing roles and removing are denied; reading is not', () => {
    const p = getMembershipPermissions({ viewer: bob, target: daveRow, adminCount: 3 });
    expect(p.canRead).toBe(true);
    expect(p.canManage).toBe(false);
    expect(p.reasons).toEqual({
      read: null,
      add: 'not-permitted',
      changeRole: 'not-permitted',
      remove: 'not-permitted',
    });
    expect(p.reason).toBe('not-permitted');
  });

  it('when the viewer lacks read, reading is denied', () => {
    const p = getMembershipPermissions({
      viewer: { userId: 'user_x', permissions: ['org:sys_domains:read'] },
    });
    expect(p.canRead).toBe(false);
    expect(p.reasons.read).toBe('not-permitted');
    expect(p.reason).toBe('not-permitted');
  });

  it('when there is no viewer, everything is denied', () => {
    const p = getMembershipPermissions({ viewer: null, target: bobRow });
    expect([p.canRead, p.canManage, p.canAdd, p.canChangeRole, p.canRemove]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(p.reason).toBe('not-permitted');
  });

  it('when a non-manager asks about their own row, not-permitted comes before self', () => {
    expect(getMembershipPermissions({ viewer: bob, target: bobRow }).reasons.remove).toBe('not-permitted');
  });

  it('when there is no target, the list-level reason is about adding', () => {
    const p = getMembershipPermissions({ viewer: bob });
    expect(p.canAdd).toBe(false);
    expect(p.reason).toBe('not-permitted');
    expect(getMembershipPermissions({ viewer: alice }).reason).toBeNull();
  });
});

describe('self', () => {
  it('when an admin looks at their own row, removing and changing their own role are denied with self', () => {
    const p = getMembershipPermissions({
      viewer: alice,
      target: aliceRow,
      adminCount: 5,
      roles: DEFAULT_ROLES,
    });
    expect(p.canRemove).toBe(false);
    expect(p.canChangeRole).toBe(false);
    expect(p.reasons.remove).toBe('self');
    expect(p.reasons.changeRole).toBe('self');
    expect(p.reason).toBe('self');
    expect(p.canAdd).toBe(true);
  });

  it('when the admin is also the last admin, the reason stays self (it holds regardless of counts)', () => {
    const p = getMembershipPermissions({ viewer: alice, target: aliceRow, adminCount: 1 });
    expect(p.reason).toBe('self');
  });
});

describe('last-admin', () => {
  it('when the target is the only admin, removing it is denied', () => {
    const p = getMembershipPermissions({ viewer: alice, target: daveRow, adminCount: 1 });
    expect(p.canRemove).toBe(false);
    expect(p.reasons.remove).toBe('last-admin');
  });

  it('when the only admin would become a member, the change is denied', () => {
    const p = getMembershipPermissions({
      viewer: alice,
      target: daveRow,
      adminCount: 1,
      roles: DEFAULT_ROLES,
      nextRole: 'org:member',
    });
    expect(p.canChangeRole).toBe(false);
    expect(p.reasons.changeRole).toBe('last-admin');
    expect(p.reason).toBe('last-admin');
  });

  it('when the only admin would move to another admin-grade role, the change is allowed', () => {
    const roles = [...DEFAULT_ROLES, ownerRole];
    const p = getMembershipPermissions({
      viewer: alice,
      target: daveRow,
      adminCount: 1,
      roles,
      nextRole: 'org:owner',
    });
    expect(p.canChangeRole).toBe(true);
    expect(
      getMembershipPermissions({ viewer: alice, target: daveRow, adminCount: 1, roles }).canChangeRole,
    ).toBe(true);
  });

  it('when no next role is given and no other admin role exists, changing the only admin is denied', () => {
    const p = getMembershipPermissions({
      viewer: alice,
      target: daveRow,
      adminCount: 1,
      roles: DEFAULT_ROLES,
    });
    expect(p.reasons.changeRole).toBe('last-admin');
  });

  it('when there are two admins, removing or demoting one is allowed', () => {
    const p = getMembershipPermissions({
      viewer: alice,
      target: daveRow,
      adminCount: 2,
      roles: DEFAULT_ROLES,
      nextRole: 'org:member',
    });
    expect(p.canRemove).toBe(true);
    expect(p.canChangeRole).toBe(true);
  });

  it('when the admin count is unknown, last-admin never denies (the server enforces it)', () => {
    const p = getMembershipPermissions({
      viewer: alice,
      target: daveRow,
      roles: DEFAULT_ROLES,
      nextRole: 'org:member',
    });
    expect(p.canRemove).toBe(true);
    expect(p.canChangeRole).toBe(true);
  });

  it('when the target is a member, a count of one admin does not matter', () => {
    const p = getMembershipPermissions({ viewer: alice, target: bobRow, adminCount: 1 });
    expect(p.canRemove).toBe(true);
  });
});

describe('unknown-role', () => {
  it('when the next role is not among the known roles, the change is denied', () => {
    const p = getMembershipPermissions({
      viewer: alice,
      target: bobRow,
      roles: DEFAULT_ROLES,
      nextRole: 'org:ghost',
    });
    expect(p.canChangeRole).toBe(false);
    expect(p.reasons.changeRole).toBe('unknown-role');
    expect(p.reason).toBe('unknown-role');
    expect(p.canRemove).toBe(true);
  });

  it('when the roles are unknown or still loading (empty), an unfamiliar next role is not denied', () => {
    expect(
      getMembershipPermissions({ viewer: alice, target: bobRow, nextRole: 'org:ghost' }).canChangeRole,
    ).toBe(true);
    const loading = getMembershipPermissions({
      viewer: alice,
      target: bobRow,
      roles: [],
      nextRole: 'org:ghost',
    });
    expect(loading.canChangeRole).toBe(true);
  });
});

describe('helpers', () => {
  it('isMembershipAdmin reads the manage permission, not the role key', () => {
    expect(isMembershipAdmin(daveRow)).toBe(true);
    expect(isMembershipAdmin(bobRow)).toBe(false);
    expect(isMembershipAdmin({ permissions: [PERMISSION_MANAGE_MEMBERSHIPS] })).toBe(true);
  });

  it('isAdminRole tells roles that grant manage', () => {
    expect(DEFAULT_ROLES.map(isAdminRole)).toEqual([true, false]);
  });

  it('isViewerMembership matches by user ID', () => {
    expect(isViewerMembership(alice, aliceRow)).toBe(true);
    expect(isViewerMembership(alice, bobRow)).toBe(false);
    expect(isViewerMembership(null, aliceRow)).toBe(false);
  });
});
