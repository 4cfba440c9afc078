import type { MembershipPermissions, Metadata, OrganizationMembership, PolicyViewer } from '@roster/core';
import { adminMembershipsView, getMembershipPermissions, viewerMembershipView } from '@roster/core';
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
  /**
   * The viewer as the core policy sees them (user ID and permissions), `null` while unknown: the same
   * object while the permissions are the same, to pass to `getMembershipPermissions` or memoized rows.
   */
  viewer: PolicyViewer | null;
  /**
   * Members whose role grants `org:sys_memberships:manage`; `undefined` until known, and for a
   * viewer who may not manage members (it is not requested for them: only managing needs it).
   */
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

/**
 * What the viewer may do in an organization, and to `membership` when given: the core policy
 * (`getMembershipPermissions`) fed from the cache. The viewer's own membership comes from the list
 * `viewerMembershipView` of `@roster/core`, and the admin count from `adminMembershipsView` (the list
 * filtered by the admin roles, 20 a page, requested only for a viewer who may manage members), both
 * ordinary cached views that every caller shares (one request each) and that the engine keeps
 * current from the writes it settles (no refetch): demoting an admin lowers the count at once.
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
  // Kept current by the writes the engine settles: a window focus does not refetch them.
  const list = { prefetchNextPage: false, keepPreviousData: false, revalidateOnFocus: false } as const;
  const own = useOrganizationMemberships({
    ...viewerMembershipView(organizationId ?? '', viewer.userId),
    ...list,
    organizationId,
  });
  const viewerMembership = own.data[0] as OrganizationMembership | undefined;
  // The admin count only matters to a viewer who may manage members (the last-admin rule): it is
  // not requested for anyone else.
  // One stable object while the permissions' content is the same: rows memoized on it do not
  // re-render when the viewer's membership is read again.
  const permissionKey = viewerMembership?.permissions.join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the permissions' content
  const policyViewer = useMemo<PolicyViewer | null>(
    () => (viewerMembership ? { userId: viewer.userId, permissions: viewerMembership.permissions } : null),
    [viewer.userId, permissionKey],
  );
  const mayManage = policyViewer !== null && getMembershipPermissions({ viewer: policyViewer }).canManage;
  const adminView = adminMembershipsView(organizationId ?? '', roles ?? []);
  const admins = useOrganizationMemberships({
    ...(adminView ?? {}),
    ...list,
    organizationId,
    enabled: adminView !== null && mayManage,
  });
  const adminsKnown = adminView !== null && mayManage && !admins.isLoading && admins.error === undefined;
  const adminCount = adminsKnown ? admins.totalCount : undefined;
  const { nextRole } = options;
  const permissionsFor = useCallback(
    (target: OrganizationMembership<Metadata, Metadata> | null | undefined, role?: string) =>
      getMembershipPermissions({
        viewer: policyViewer,
        target: target ?? null,
        ...(adminCount !== undefined ? { adminCount } : {}),
        ...(roles !== undefined ? { roles } : {}),
        ...(role !== undefined ? { nextRole: role } : {}),
      }),
    [policyViewer, adminCount, roles],
  );
  const permissions = useMemo(
    () => permissionsFor(membership as OrganizationMembership | null | undefined, nextRole),
    [permissionsFor, membership, nextRole],
  );
  return {
    ...permissions,
    viewerMembership,
    viewer: policyViewer,
    adminCount,
    isLoading: own.isLoading,
    permissionsFor,
  };
}
