import type { MembershipListView } from './list-key';
import type { Role } from './models';
import { isAdminRole } from './permission-policy';

/** At most this many admins are read for the admin count; beyond it only "more than one" matters. */
export const ADMIN_COUNT_PAGE_SIZE = 20;

/**
 * The list view that holds the viewer's own membership in an organization (their permissions feed
 * the policy). Every caller, and a server-side prefetch, uses this one view, so they share its key.
 */
export function viewerMembershipView(organizationId: string, userId: string): MembershipListView {
  return { organizationId, userId: [userId], pageSize: 1 };
}

/** The keys of the roles that grant managing memberships (the admin roles), in the given order. */
export function adminRoleKeys(roles: readonly Role[]): string[] {
  return roles.filter(isAdminRole).map((role) => role.key);
}

/**
 * The list view whose `totalCount` is the admin count (the last-admin rule), or `null` when no role
 * is an admin role.
 */
export function adminMembershipsView(
  organizationId: string,
  roles: readonly Role[],
): MembershipListView | null {
  const role = adminRoleKeys(roles);
  return role.length > 0 ? { organizationId, role, pageSize: ADMIN_COUNT_PAGE_SIZE } : null;
}

/** The cache key of the instance's roles (`GET /organization_roles`). */
export const ROLES_CACHE_KEY = 'roster:roles';
