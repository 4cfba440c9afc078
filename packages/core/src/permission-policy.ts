import type { OrganizationMembership, Role } from './models';
import {
  isAdminPermissionSet,
  PERMISSION_MANAGE_MEMBERSHIPS,
  PERMISSION_READ_MEMBERSHIPS,
  rolePermissionKeys,
} from './roles';

/**
 * Why something is denied, so a UI can hide, disable and explain with one answer:
 * - `not-permitted`: the viewer lacks the permission (`org:sys_memberships:read` to list,
 *   `org:sys_memberships:manage` to add, remove and change roles), or there is no viewer;
 * - `self`: the target is the viewer's own membership (you leave, you are not removed; and you do
 *   not demote yourself from the members page);
 * - `last-admin`: the change would leave the organization without an admin;
 * - `unknown-role`: `nextRole` is not one of the organization's roles.
 */
export type PolicyReason = 'not-permitted' | 'self' | 'last-admin' | 'unknown-role';

/** Who is looking: a user and the permissions of their membership in the organization. */
export interface PolicyViewer {
  userId: string;
  /** The permission keys of the viewer's membership (`membership.permissions`). */
  permissions: readonly string[];
}

/** What {@link getMembershipPermissions} decides on. */
export interface MembershipPolicyInput {
  /** `null` while unknown or signed out: everything is denied with `not-permitted`. */
  viewer: PolicyViewer | null;
  /** The membership acted on (a row); omit for list-level questions ("may I add members?"). */
  target?: OrganizationMembership | null;
  /**
   * How many admins (members whose permissions include `org:sys_memberships:manage`) the
   * organization has. Unknown => `last-admin` is never the reason (the server enforces it).
   */
  adminCount?: number;
  /** The organization's roles. Unknown (or empty, e.g. while loading) => `unknown-role` is never the reason. */
  roles?: readonly Role[];
  /** The role key the target would change to, to ask about one specific change. */
  nextRole?: string;
}

/** Per-action reasons; `null` means allowed. */
export interface MembershipPolicyReasons {
  read: PolicyReason | null;
  add: PolicyReason | null;
  changeRole: PolicyReason | null;
  remove: PolicyReason | null;
}

/** The answer of {@link getMembershipPermissions}. */
export interface MembershipPermissions {
  /** May list the organization's members. */
  canRead: boolean;
  /** Holds `org:sys_memberships:manage` (regardless of the target). */
  canManage: boolean;
  canAdd: boolean;
  /** May change the target's role (to `nextRole` when given). */
  canChangeRole: boolean;
  /** May remove the target. */
  canRemove: boolean;
  /**
   * The first reason that denies something, for a one-line explanation: read, then (with a target)
   * change role, then remove, else (without one) add. `null` when everything is allowed.
   */
  reason: PolicyReason | null;
  reasons: MembershipPolicyReasons;
}

/** Whether a membership counts as an admin: its permissions include `org:sys_memberships:manage`. */
export function isMembershipAdmin(membership: Pick<OrganizationMembership, 'permissions'>): boolean {
  return isAdminPermissionSet(membership.permissions);
}

/** Whether a role makes its members admins (it grants `org:sys_memberships:manage`). */
export function isAdminRole(role: Role): boolean {
  return isAdminPermissionSet(rolePermissionKeys(role));
}

/** Whether a membership is the viewer's own (by `publicUserData.userId`). */
export function isViewerMembership(
  viewer: Pick<PolicyViewer, 'userId'> | null,
  membership: Pick<OrganizationMembership, 'publicUserData'>,
): boolean {
  return viewer !== null && membership.publicUserData?.userId === viewer.userId;
}

function knownRoles(roles: readonly Role[] | undefined): readonly Role[] | undefined {
  return roles !== undefined && roles.length > 0 ? roles : undefined;
}

/**
 * Whether changing `target` to `nextRole` (or to any other role, when `nextRole` is omitted) would
 * leave no admin. `false` whenever that cannot be known (admin count or roles unknown).
 */
function demotesLastAdmin(input: MembershipPolicyInput, target: OrganizationMembership): boolean {
  if (input.adminCount === undefined || input.adminCount > 1 || !isMembershipAdmin(target)) return false;
  const roles = knownRoles(input.roles);
  if (input.nextRole !== undefined) {
    if (input.nextRole === target.role) return false;
    const next = roles?.find((role) => role.key === input.nextRole);
    return next !== undefined && !isAdminRole(next);
  }
  // Any change at all: denied unless another admin-grade role exists to switch to.
  return !roles?.some((role) => role.key !== target.role && isAdminRole(role));
}

/**
 * Allow/deny with a reason for everything the members page does, from the viewer's permissions.
 * Pure and synchronous: call it per row. The server enforces the same rules; hiding a control is
 * never the only guard.
 */
export function getMembershipPermissions(input: MembershipPolicyInput): MembershipPermissions {
  const { viewer } = input;
  const target = input.target ?? null;
  const canRead = viewer?.permissions.includes(PERMISSION_READ_MEMBERSHIPS) === true;
  const canManage = viewer?.permissions.includes(PERMISSION_MANAGE_MEMBERSHIPS) === true;
  const managed: PolicyReason | null = canManage ? null : 'not-permitted';
  const isSelf = target !== null && isViewerMembership(viewer, target);
  const roles = knownRoles(input.roles);
  const nextRoleUnknown =
    input.nextRole !== undefined && roles !== undefined && !roles.some((role) => role.key === input.nextRole);

  const changeRole: PolicyReason | null =
    managed ??
    (isSelf
      ? 'self'
      : nextRoleUnknown
        ? 'unknown-role'
        : target !== null && demotesLastAdmin(input, target)
          ? 'last-admin'
          : null);

  const isLastAdmin =
    target !== null && input.adminCount !== undefined && input.adminCount <= 1 && isMembershipAdmin(target);
  const remove: PolicyReason | null = managed ?? (isSelf ? 'self' : isLastAdmin ? 'last-admin' : null);

  const reasons: MembershipPolicyReasons = {
    read: canRead ? null : 'not-permitted',
    add: managed,
    changeRole,
    remove,
  };
  const reason = reasons.read ?? (target !== null ? (reasons.changeRole ?? reasons.remove) : reasons.add);
  return {
    canRead,
    canManage,
    canAdd: reasons.add === null,
    canChangeRole: reasons.changeRole === null,
    canRemove: reasons.remove === null,
    reason,
    reasons,
  };
}
