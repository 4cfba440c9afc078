import type {
  CanonicalMembershipListFilters,
  CanonicalMembershipListView,
  MembershipListView,
} from './list-key';
import { canonicalizeMembershipListView } from './list-key';
import { mergeMetadata } from './metadata-merge';
import type { Metadata, MetadataPatch, OrganizationMembership, OrganizationMemberships } from './models';

interface OperationBase {
  /** Unique per operation: settling or failing removes exactly this one. */
  id: string;
  organizationId: string;
  userId: string;
}

/** A role change waiting for the server. */
export interface PendingRoleChange extends OperationBase {
  kind: 'role-change';
  role: string;
  /** The new role's display name, when the roles are known. */
  roleName?: string;
  /** The new role's permission keys, when the roles are known. */
  permissions?: string[];
}

/** A removal waiting for the server. */
export interface PendingRemoval extends OperationBase {
  kind: 'removal';
}

/** A metadata merge waiting for the server (merged as the Backend API does: see `mergeMetadata`). */
export interface PendingMetadataUpdate<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> extends OperationBase {
  kind: 'metadata-update';
  publicMetadata?: MetadataPatch<TPublic>;
  privateMetadata?: MetadataPatch<TPrivate>;
}

/** A creation waiting for the server. Its position in a sorted list is unknown until a fresh read. */
export interface PendingCreation extends OperationBase {
  kind: 'creation';
  role: string;
}

/** An operation sent to the server and not yet answered, applied over server data when a view is read. */
export type PendingMembershipOperation<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = PendingRoleChange | PendingRemoval | PendingMetadataUpdate<TPublic, TPrivate> | PendingCreation;

/** The user ID a membership belongs to (`publicUserData.userId`), if the membership carries it. */
export function membershipUserId(membership: OrganizationMembership): string | undefined {
  return membership.publicUserData?.userId;
}

/** A test for the same member as `target`: the same membership ID, or the same user ID. */
export function isSameMember(
  target: OrganizationMembership,
): (membership: OrganizationMembership) => boolean {
  const userId = membershipUserId(target);
  return (m) => m.id === target.id || (userId !== undefined && membershipUserId(m) === userId);
}

/**
 * A membership with one role change or metadata merge applied; any other operation returns it
 * unchanged. Never mutates its input.
 */
export function applyOperationToMembership<TPublic extends Metadata, TPrivate extends Metadata>(
  membership: OrganizationMembership<TPublic, TPrivate>,
  operation: PendingMembershipOperation<TPublic, TPrivate>,
): OrganizationMembership<TPublic, TPrivate> {
  if (operation.kind === 'role-change') {
    if (membership.role === operation.role) return membership;
    const next: OrganizationMembership<TPublic, TPrivate> = { ...membership, role: operation.role };
    if (operation.roleName !== undefined) next.roleName = operation.roleName;
    else delete next.roleName;
    if (operation.permissions !== undefined) next.permissions = operation.permissions;
    return next;
  }
  if (operation.kind === 'metadata-update') {
    const next = { ...membership };
    if (operation.publicMetadata !== undefined) {
      next.publicMetadata = mergeMetadata(membership.publicMetadata, operation.publicMetadata);
    }
    if (operation.privateMetadata !== undefined) {
      next.privateMetadata = mergeMetadata(
        membership.privateMetadata ?? ({} as TPrivate),
        operation.privateMetadata,
      );
    }
    return next;
  }
  return membership;
}

function toCanonical(view: MembershipListView | CanonicalMembershipListView): CanonicalMembershipListView {
  return 'filters' in view && typeof view.filters === 'object'
    ? (view as CanonicalMembershipListView)
    : canonicalizeMembershipListView(view as MembershipListView);
}

/** Filters that need user data the client does not hold to evaluate (names, emails, activity). */
const UNEVALUABLE_FILTERS: readonly (keyof CanonicalMembershipListFilters)[] = [
  'query',
  'emailAddressQuery',
  'phoneNumberQuery',
  'usernameQuery',
  'nameQuery',
  'emailAddress',
  'phoneNumber',
  'username',
  'web3Wallet',
  'lastActiveAtBefore',
  'lastActiveAtAfter',
];

function userIdFilterMatches(
  filter: readonly string[] | undefined,
  userId: string | undefined,
): boolean | undefined {
  if (filter === undefined) return true;
  if (userId === undefined) return undefined;
  if (filter.includes(`-${userId}`)) return false;
  const included = filter.filter((value) => !value.startsWith('-')).map((value) => value.replace(/^\+/, ''));
  return included.length === 0 || included.includes(userId);
}

/**
 * Whether a membership belongs in a view's list by the view's filters: `true` or `false` when the
 * filters can be decided from the membership alone (role, user ID, creation time), `undefined`
 * when a filter needs data the client does not hold (text queries, emails, activity).
 */
export function membershipMatchesView(
  membership: Pick<OrganizationMembership, 'role' | 'createdAt' | 'publicUserData'>,
  view: MembershipListView | CanonicalMembershipListView,
): boolean | undefined {
  const { filters } = toCanonical(view);
  if (filters.role !== undefined && !filters.role.includes(membership.role)) return false;
  const userIdMatch = userIdFilterMatches(filters.userId, membership.publicUserData?.userId);
  if (userIdMatch === false) return false;
  if (filters.createdAtBefore !== undefined && !(membership.createdAt < filters.createdAtBefore))
    return false;
  if (filters.createdAtAfter !== undefined && !(membership.createdAt > filters.createdAtAfter)) return false;
  if (userIdMatch === undefined) return undefined;
  return UNEVALUABLE_FILTERS.some((key) => filters[key] !== undefined) ? undefined : true;
}

function creationMatchesView(operation: PendingCreation, view: CanonicalMembershipListView): boolean {
  const { filters } = view;
  if (filters.role !== undefined && !filters.role.includes(operation.role)) return false;
  if (userIdFilterMatches(filters.userId, operation.userId) !== true) return false;
  // A new member's creation time is "now" on the server's clock, and the other filters need user
  // data: only lists without them can count the new member before the server answers.
  return Object.keys(filters).every((key) => key === 'role' || key === 'userId');
}

function withData<TPublic extends Metadata, TPrivate extends Metadata>(
  page: OrganizationMemberships<TPublic, TPrivate>,
  data: OrganizationMembership<TPublic, TPrivate>[],
  totalCount: number,
): OrganizationMemberships<TPublic, TPrivate> {
  return { ...page, data, totalCount: Math.max(0, totalCount) };
}

/** How one kind of list page relates to pending operations (see {@link overlayPage}). */
interface OverlayTarget<TPublic extends Metadata, TPrivate extends Metadata> {
  /** Whether the operation is about this list at all. */
  concerns: (operation: PendingMembershipOperation<TPublic, TPrivate>) => boolean;
  /** Where the operation's membership sits in the page, or -1. */
  indexOf: (
    data: readonly OrganizationMembership<TPublic, TPrivate>[],
    operation: PendingMembershipOperation<TPublic, TPrivate>,
  ) => number;
  /** Whether a creation missing from the page certainly belongs to the list (raises `totalCount`). */
  countsCreation: (operation: PendingCreation) => boolean;
  /** Whether a member whose role becomes `role` leaves the list. */
  dropsOnRoleChange: (role: string) => boolean;
}

/** Applies the pending operations a list is concerned with to one of its pages, in order. */
function overlayPage<TPublic extends Metadata, TPrivate extends Metadata>(
  page: OrganizationMemberships<TPublic, TPrivate>,
  operations: readonly PendingMembershipOperation<TPublic, TPrivate>[],
  target: OverlayTarget<TPublic, TPrivate>,
): OrganizationMemberships<TPublic, TPrivate> {
  let data = page.data;
  let totalCount = page.totalCount;
  let changed = false;
  for (const operation of operations) {
    if (!target.concerns(operation)) continue;
    const index = target.indexOf(data, operation);
    if (operation.kind === 'creation') {
      if (index === -1 && target.countsCreation(operation)) {
        totalCount += 1;
        changed = true;
      }
      continue;
    }
    const current = data[index];
    if (current === undefined) continue;
    if (
      operation.kind === 'removal' ||
      (operation.kind === 'role-change' && target.dropsOnRoleChange(operation.role))
    ) {
      data = data.filter((_, i) => i !== index);
      totalCount -= 1;
      changed = true;
      continue;
    }
    const next = applyOperationToMembership(current, operation);
    if (next !== current) {
      data = data.map((m, i) => (i === index ? next : m));
      changed = true;
    }
  }
  return changed ? withData(page, data, totalCount) : page;
}

/**
 * One page of an organization's membership list as the user should see it while operations are
 * pending: the server's page with each operation of that organization applied in order.
 *
 * - a role change replaces the member's role (and role name and permissions when given); in a view
 *   filtered by role, a member whose new role is outside the filter is dropped and `totalCount`
 *   goes down;
 * - a metadata update deep-merges into the member (`mergeMetadata`);
 * - a removal drops the member and lowers `totalCount`;
 * - a creation raises `totalCount` of the lists it certainly belongs to (role and user-ID filters
 *   only) and is not inserted: its place depends on the sort, so it appears after a fresh read.
 *
 * Operations act only on members the page holds (or, for creations, lacks), so applying them to a
 * response that already reflects them changes nothing twice. Unchanged members keep their object
 * identity, and when nothing changes the same page object is returned.
 */
export function applyOptimisticOverlay<TPublic extends Metadata, TPrivate extends Metadata>(
  page: OrganizationMemberships<TPublic, TPrivate>,
  view: MembershipListView | CanonicalMembershipListView,
  operations: readonly PendingMembershipOperation<TPublic, TPrivate>[],
): OrganizationMemberships<TPublic, TPrivate> {
  const canonical = toCanonical(view);
  const roleFilter = canonical.filters.role;
  return overlayPage(page, operations, {
    concerns: (operation) => operation.organizationId === canonical.organizationId,
    indexOf: (data, operation) => data.findIndex((m) => membershipUserId(m) === operation.userId),
    countsCreation: (operation) => creationMatchesView(operation, canonical),
    dropsOnRoleChange: (role) => roleFilter !== undefined && !roleFilter.includes(role),
  });
}

/**
 * One page of a user's memberships list (memberships of one user across organizations) with the
 * pending operations on that user applied, as {@link applyOptimisticOverlay} does for an
 * organization's list. A pending creation raises `totalCount`.
 */
export function applyOptimisticOverlayToUserMemberships<TPublic extends Metadata, TPrivate extends Metadata>(
  page: OrganizationMemberships<TPublic, TPrivate>,
  userId: string,
  operations: readonly PendingMembershipOperation<TPublic, TPrivate>[],
): OrganizationMemberships<TPublic, TPrivate> {
  return overlayPage(page, operations, {
    concerns: (operation) => operation.userId === userId,
    indexOf: (data, operation) => data.findIndex((m) => m.organization.id === operation.organizationId),
    countsCreation: () => true,
    dropsOnRoleChange: () => false,
  });
}

/** What writing a confirmed server result into a cached page did. */
export interface ConfirmedWriteResult<TPublic extends Metadata, TPrivate extends Metadata> {
  /** The page to cache (the same object when nothing changed). */
  page: OrganizationMemberships<TPublic, TPrivate>;
  /**
   * Whether the page may now miss a member a fresh read would show (a member left it, so the next
   * one should move up, or a member may have joined it): the view should revalidate.
   */
  stale: boolean;
}

/**
 * Writes a membership the server returned (after a role change or metadata update) into a cached
 * page of an organization's list: replaces the member where the page holds it; drops it (and
 * lowers `totalCount`) where the view's role filter no longer admits it. A role-filtered page that
 * the member now belongs to is reported stale: its position is only known after a fresh read.
 */
export function writeConfirmedMembership<TPublic extends Metadata, TPrivate extends Metadata>(
  page: OrganizationMemberships<TPublic, TPrivate>,
  view: MembershipListView | CanonicalMembershipListView,
  membership: OrganizationMembership<TPublic, TPrivate>,
): ConfirmedWriteResult<TPublic, TPrivate> {
  const canonical = toCanonical(view);
  if (membership.organization.id !== canonical.organizationId) return { page, stale: false };
  const index = page.data.findIndex(isSameMember(membership));
  const matches = membershipMatchesView(membership, canonical);
  if (index === -1) {
    // A role-filtered list may have gained the member.
    return { page, stale: canonical.filters.role !== undefined && matches !== false };
  }
  if (canonical.filters.role !== undefined && !canonical.filters.role.includes(membership.role)) {
    return {
      page: withData(
        page,
        page.data.filter((_, i) => i !== index),
        page.totalCount - 1,
      ),
      stale: true,
    };
  }
  return {
    page: withData(
      page,
      page.data.map((m, i) => (i === index ? membership : m)),
      page.totalCount,
    ),
    stale: false,
  };
}

/**
 * Writes a confirmed removal into a cached page of an organization's list: drops the member and
 * lowers `totalCount` where the page holds it. Every page of an affected list is then stale (the
 * next member moves up), which the caller handles by revalidating.
 */
export function writeConfirmedRemoval<TPublic extends Metadata, TPrivate extends Metadata>(
  page: OrganizationMemberships<TPublic, TPrivate>,
  organizationId: string,
  userId: string,
): OrganizationMemberships<TPublic, TPrivate> {
  const index = page.data.findIndex(
    (m) => m.organization.id === organizationId && membershipUserId(m) === userId,
  );
  if (index === -1) return page;
  return withData(
    page,
    page.data.filter((_, i) => i !== index),
    page.totalCount - 1,
  );
}

/** Writes a membership the server returned into a cached page of its user's memberships list. */
export function writeConfirmedUserMembership<TPublic extends Metadata, TPrivate extends Metadata>(
  page: OrganizationMemberships<TPublic, TPrivate>,
  membership: OrganizationMembership<TPublic, TPrivate>,
): OrganizationMemberships<TPublic, TPrivate> {
  const index = page.data.findIndex(
    (m) => m.id === membership.id || m.organization.id === membership.organization.id,
  );
  if (index === -1) return page;
  return withData(
    page,
    page.data.map((m, i) => (i === index ? membership : m)),
    page.totalCount,
  );
}
