import type { MembershipPermissions, Metadata, OrganizationMembership } from '@roster/core';
import { getMembershipPermissions, isAdminRole } from '@roster/core';
import { useCallback, useMemo } from 'react';
import { useRosterContext } from './roster-context';
import { useOrganizationMemberships } from './use-organization-memberships';
import { useOrganizationRoles } from './use-organization-roles';

/** Options of {@link useMembershipPermissions}. */
export interface UseMembershipPermissionsOptions {
  /** Ask about one specific change: may the target be given this role? */
  nextRole?: string | undefined;
}

/** What {@link useMembershipPermissions} returns: the core policy's answer, plus loading state. */
export interface UseMembershipPermissionsResult extends MembershipPermissions {
  /** The viewer's own membership in the organization (`undefined` while loading or when not a member). */
  viewerMembership: OrganizationMembership | undefined;
  /** Members whose role grants `org:sys_memberships:manage`; `undefined` until known. */
  adminCount: number | undefined;
  /** The viewer's membership is still loading: everything is denied until it arrives. */
  isLoading: boolean;
  /**
   * The same policy for any other membership (and, optionally, a specific new role), from the
   * same viewer, roles and admin count: call `useMembershipPermissions(organizationId)` once for a
   * list and this per row, instead of one hook per row.
   */
  permissionsFor: (
    target: OrganizationMembership<Metadata, Metadata> | null | undefined,
    nextRole?: string,
  ) => MembershipPermissions;
}

/** At most this many admins are read; counts beyond it only matter as "more than one". */
const ADMIN_PAGE_SIZE = 20;

/**
 * What the viewer may do in an organization, and to `membership` when given: the core policy
 * (`getMembershipPermissions`) fed from the cache. The viewer's own membership comes from the list
 * `{ organizationId, userId: [viewer.userId], pageSize: 1 }`, and the admin count from the list
 * filtered by the admin roles (`{ role: adminRoleKeys, pageSize: 20 }`), both ordinary cached views
 * that every caller shares (one request each) and that pending changes update like any other view:
 * demoting an admin lowers the count at once.
 */
export function useMembershipPermissions<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(
  organizationId: string | null | undefined,
  membership?: OrganizationMembership<TPublic, TPrivate> | null,
  options: UseMembershipPermissionsOptions = {},
): UseMembershipPermissionsResult {
  const { viewer } = useRosterContext('useMembershipPermissions');
  const roles = useOrganizationRoles().data;
  const own = useOrganizationMemberships({
    organizationId,
    userId: [viewer.userId],
    pageSize: 1,
    prefetchNextPage: false,
    keepPreviousData: false,
  });
  const adminRoleKeys = useMemo(() => (roles ?? []).filter(isAdminRole).map((role) => role.key), [roles]);
  const admins = useOrganizationMemberships({
    organizationId,
    role: adminRoleKeys,
    pageSize: ADMIN_PAGE_SIZE,
    prefetchNextPage: false,
    keepPreviousData: false,
    enabled: adminRoleKeys.length > 0,
  });
  const viewerMembership = own.data[0] as OrganizationMembership | undefined;
  const adminsKnown = adminRoleKeys.length > 0 && !admins.isLoading && admins.error === undefined;
  const adminCount = adminsKnown ? admins.totalCount : undefined;
  const { nextRole } = options;
  const permissionsFor = useCallback(
    (target: OrganizationMembership<Metadata, Metadata> | null | undefined, role?: string) =>
      getMembershipPermissions({
        viewer: viewerMembership
          ? { userId: viewer.userId, permissions: viewerMembership.permissions }
          : null,
        target: target ?? null,
        ...(adminCount !== undefined ? { adminCount } : {}),
        ...(roles !== undefined ? { roles } : {}),
        ...(role !== undefined ? { nextRole: role } : {}),
      }),
    [viewerMembership, viewer.userId, adminCount, roles],
  );
  const permissions = useMemo(
    () => permissionsFor(membership as OrganizationMembership | null | undefined, nextRole),
    [permissionsFor, membership, nextRole],
  );
  return { ...permissions, viewerMembership, adminCount, isLoading: own.isLoading, permissionsFor };
}
