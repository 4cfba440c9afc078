import type * as client from './client';
import {
  type MembershipListEntry,
  parseMembershipListQuery,
  selectMemberships,
} from './membership-list-query';
import {
  alreadyMemberError,
  membershipQuotaExceededError,
  metadataLimitError,
  minimumPermissionsNeededError,
  paramInvalidError,
  paramMissingError,
  resourceNotFoundError,
} from './memory-client-errors';
import { MemoryInvitationStore } from './memory-invitation-store';
import {
  createStoredUser,
  type StoredMembership,
  type StoredOrganization,
  type StoredUser,
  toOrganizationModel,
  toPublicUserData,
  toUserModel,
} from './memory-records';
import { checkMetadataLimits } from './metadata-limits';
import { mergeMetadata } from './metadata-merge';
import type { Metadata, OrganizationMembership, OrganizationMemberships, Role, Roles, Users } from './models';
import { readPaging } from './paging-params';
import { DEFAULT_ROLES, isAdminPermissionSet, rolePermissionKeys } from './roles';
import type { SeedData } from './seed';

function isPlainObject(value: unknown): value is Metadata {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function requirePathId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw resourceNotFoundError(`No ${what} was found with id ${String(value)}`);
  }
  return value;
}

function requireBodyString(value: unknown, paramName: string): string {
  if (value === undefined || value === null || value === '') throw paramMissingError(paramName);
  if (typeof value !== 'string') throw paramInvalidError(paramName, `${paramName} must be a string.`);
  return value;
}

/** A metadata parameter: absent is `undefined`; `null` is `{}` when the endpoint allows it (create). */
function readMetadataParam(value: unknown, paramName: string, nullAsEmpty = false): Metadata | undefined {
  if (value === undefined) return undefined;
  if (value === null && nullAsEmpty) return {};
  if (!isPlainObject(value)) throw paramInvalidError(paramName, `${paramName} must be a JSON object.`);
  return assertMetadataLimits(value, paramName);
}

/** A metadata value within core's limits (depth, 8 KB), else Clerk's 422 naming the parameter. */
function assertMetadataLimits(value: Metadata, paramName: string): Metadata {
  const violation = checkMetadataLimits(paramName, value);
  if (violation) throw metadataLimitError(paramName, violation);
  return value;
}

/**
 * The in-memory Backend API: users, organizations, roles and memberships with the Backend API's
 * validation and rules (unknown resources, duplicates, unknown roles, the membership quota, the
 * last-admin rule, metadata deep merge). Synchronous and all-or-nothing: a call that throws has
 * changed nothing. Every object it returns is a fresh copy.
 */
export class MemoryStore {
  /** @internal shared with the invitation store */
  readonly users = new Map<string, StoredUser>();
  private readonly organizations = new Map<string, StoredOrganization>();
  /** @internal shared with the invitation store */
  readonly roles = new Map<string, Role>();
  /** @internal shared with the invitation store */
  readonly now: () => number;
  /** @internal */
  readonly invitations: MemoryInvitationStore = new MemoryInvitationStore(this);
  private nextMembershipSeq = 1;

  constructor(seed: SeedData | undefined, now: () => number) {
    this.now = now;
    const data = structuredClone(seed ?? { users: [], organizations: [], memberships: [] });
    for (const role of data.roles ?? structuredClone(DEFAULT_ROLES as Role[])) this.roles.set(role.key, role);
    data.users.forEach((user, index) => {
      if (this.users.has(user.id)) throw new Error(`createMemoryClient: duplicate seed user ${user.id}`);
      this.users.set(user.id, createStoredUser(user, index));
    });
    for (const organization of data.organizations) {
      if (this.organizations.has(organization.id)) {
        throw new Error(`createMemoryClient: duplicate seed organization ${organization.id}`);
      }
      this.organizations.set(organization.id, { seed: organization, members: new Map(), invitations: [] });
    }
    for (const m of data.memberships) {
      const organization = this.organizations.get(m.organizationId);
      if (!organization || !this.users.has(m.userId) || !this.roles.has(m.role)) {
        throw new Error(
          `createMemoryClient: seed membership ${m.organizationId}/${m.userId} refers to an unknown organization, user or role`,
        );
      }
      if (organization.members.has(m.userId)) {
        throw new Error(`createMemoryClient: duplicate seed membership ${m.organizationId}/${m.userId}`);
      }
      organization.members.set(m.userId, {
        id: this.newMembershipId(),
        organizationId: m.organizationId,
        userId: m.userId,
        role: m.role,
        publicMetadata: m.publicMetadata ?? {},
        privateMetadata: m.privateMetadata ?? {},
        createdAt: m.createdAt,
        updatedAt: m.createdAt,
      });
    }
  }

  listMemberships(params: client.ListMembershipsParams): OrganizationMemberships {
    const query = parseMembershipListQuery(params);
    const organization = this.organization(params.organizationId);
    const entries = this.entries(organization.members.values());
    const { page, totalCount } = selectMemberships(entries, query);
    return { data: page.map((entry) => this.toModel(entry.membership)), totalCount };
  }

  listUserMemberships(params: client.ListUserMembershipsParams): OrganizationMemberships {
    const { limit, offset } = readPaging(params);
    const userId = requirePathId(params.userId, 'user');
    if (!this.users.has(userId)) throw resourceNotFoundError(`No user was found with id ${userId}`);
    const memberships: StoredMembership[] = [];
    for (const organization of this.organizations.values()) {
      const membership = organization.members.get(userId);
      if (membership) memberships.push(membership);
    }
    memberships.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return {
      data: memberships.slice(offset, offset + limit).map((m) => this.toModel(m)),
      totalCount: memberships.length,
    };
  }

  createMembership(params: client.CreateMembershipParams): OrganizationMembership {
    const userId = requireBodyString(params.userId, 'user_id');
    const role = requireBodyString(params.role, 'role');
    const publicMetadata = readMetadataParam(params.publicMetadata, 'public_metadata', true) ?? {};
    const privateMetadata =
      readMetadataParam(
        (params as { privateMetadata?: unknown }).privateMetadata,
        'private_metadata',
        true,
      ) ?? {};
    const organization = this.organization(params.organizationId);
    if (!this.users.has(userId)) throw resourceNotFoundError(`No user was found with id ${userId}`);
    this.assertRole(role);
    if (organization.members.has(userId)) throw alreadyMemberError(userId);
    const max = organization.seed.maxAllowedMemberships ?? 0;
    // The quota counts outstanding (pending) invitations too, as Clerk's message says.
    if (max > 0 && organization.members.size + this.invitations.pendingCount(organization) >= max)
      throw membershipQuotaExceededError(max);
    const createdAt = this.now();
    const membership: StoredMembership = {
      id: this.newMembershipId(),
      organizationId: organization.seed.id,
      userId,
      role,
      publicMetadata: structuredClone(publicMetadata),
      privateMetadata: structuredClone(privateMetadata),
      createdAt,
      updatedAt: createdAt,
    };
    organization.members.set(userId, membership);
    return this.toModel(membership);
  }

  updateMembership(params: client.UpdateMembershipParams): OrganizationMembership {
    const role = requireBodyString(params.role, 'role');
    const organization = this.organization(params.organizationId);
    const membership = this.membership(organization, params.userId);
    this.assertRole(role);
    if (this.isAdminRole(membership.role) && !this.isAdminRole(role)) this.assertAnotherAdmin(organization);
    membership.role = role;
    this.touch(membership);
    return this.toModel(membership);
  }

  deleteMembership(params: client.DeleteMembershipParams): OrganizationMembership {
    const organization = this.organization(params.organizationId);
    const membership = this.membership(organization, params.userId);
    if (this.isAdminRole(membership.role)) this.assertAnotherAdmin(organization);
    organization.members.delete(membership.userId);
    return this.toModel(membership);
  }

  updateMembershipMetadata(params: client.UpdateMembershipMetadataParams): OrganizationMembership {
    const publicPatch = readMetadataParam(params.publicMetadata, 'public_metadata');
    const privatePatch = readMetadataParam(params.privateMetadata, 'private_metadata');
    const organization = this.organization(params.organizationId);
    const membership = this.membership(organization, params.userId);
    // Both merges are checked before either is stored: a refused patch changes nothing.
    const publicMetadata = publicPatch
      ? assertMetadataLimits(mergeMetadata(membership.publicMetadata, publicPatch), 'public_metadata')
      : membership.publicMetadata;
    const privateMetadata = privatePatch
      ? assertMetadataLimits(mergeMetadata(membership.privateMetadata, privatePatch), 'private_metadata')
      : membership.privateMetadata;
    membership.publicMetadata = publicMetadata;
    membership.privateMetadata = privateMetadata;
    this.touch(membership);
    return this.toModel(membership);
  }

  listRoles(params: client.ListRolesParams | undefined): Roles {
    const { limit, offset } = readPaging(params);
    // Newest first, as GET /organization_roles (`-created_at`); ties keep the instance's order.
    const roles = [...this.roles.values()]
      .map((role, position) => ({ role, position }))
      .sort((a, b) => b.role.createdAt - a.role.createdAt || a.position - b.position)
      .map(({ role }) => role);
    return { data: structuredClone(roles.slice(offset, offset + limit)), totalCount: roles.length };
  }

  listUsers(params: client.ListUsersParams | undefined): Users {
    const { limit, offset } = readPaging(params);
    const rawQuery = params?.query;
    if (rawQuery !== undefined && typeof rawQuery !== 'string') {
      throw paramInvalidError('query', 'query must be a string.');
    }
    const query = rawQuery?.trim().toLowerCase() ?? '';
    const matching = [...this.users.values()].filter(
      (user) => query === '' || user.searchText.includes(query),
    );
    // Newest first, as GET /users; ties by ID.
    matching.sort(
      (a, b) =>
        b.seed.createdAt - a.seed.createdAt || (a.seed.id < b.seed.id ? 1 : a.seed.id > b.seed.id ? -1 : 0),
    );
    // GET /users answers a bare array (the total is GET /users/count), so a client over the wire
    // can only count the page it got: the total is the page's length.
    const data = matching.slice(offset, offset + limit).map((user) => toUserModel(user));
    return { data, totalCount: data.length };
  }

  /** Every membership of every organization, in creation order (the server's truth). */
  allMemberships(): OrganizationMembership[] {
    const all: StoredMembership[] = [];
    for (const organization of this.organizations.values()) all.push(...organization.members.values());
    all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return all.map((m) => this.toModel(m));
  }

  /** @internal Adds a membership the invitation store has validated (acceptance). */
  insertMembership(
    organization: StoredOrganization,
    input: Pick<StoredMembership, 'userId' | 'role' | 'publicMetadata' | 'privateMetadata'>,
  ): OrganizationMembership {
    const createdAt = this.now();
    const membership: StoredMembership = {
      id: this.newMembershipId(),
      organizationId: organization.seed.id,
      ...structuredClone(input),
      createdAt,
      updatedAt: createdAt,
    };
    organization.members.set(membership.userId, membership);
    return this.toModel(membership);
  }

  /** @internal A user created on accepting an invitation (a new email address). */
  insertUser(user: StoredUser): void {
    this.users.set(user.seed.id, user);
  }

  private newMembershipId(): string {
    const id = `orgmem_${this.nextMembershipSeq.toString(36).padStart(10, '0')}`;
    this.nextMembershipSeq += 1;
    return id;
  }

  /** Marks a change: `updatedAt` always moves forward, even when the clock does not. */
  private touch(membership: StoredMembership): void {
    membership.updatedAt = Math.max(this.now(), membership.updatedAt + 1);
  }

  /** @internal */
  organization(id: unknown): StoredOrganization {
    const organizationId = requirePathId(id, 'organization');
    const organization = this.organizations.get(organizationId);
    if (!organization) throw resourceNotFoundError(`No organization was found with id ${organizationId}`);
    return organization;
  }

  private membership(organization: StoredOrganization, userId: unknown): StoredMembership {
    const id = requirePathId(userId, 'user');
    const membership = organization.members.get(id);
    if (!membership)
      throw resourceNotFoundError(`No membership was found for user ${id} in the organization.`);
    return membership;
  }

  private assertRole(role: string): void {
    if (!this.roles.has(role)) {
      const allowed = [...this.roles.keys()].join(', ');
      throw paramInvalidError(
        'role',
        `${role} does not match one of the allowed values for parameter role: ${allowed}`,
      );
    }
  }

  /** @internal Admin = a role that grants `org:sys_memberships:manage`. */
  isAdminRole(roleKey: string): boolean {
    const role = this.roles.get(roleKey);
    return role !== undefined && isAdminPermissionSet(rolePermissionKeys(role));
  }

  private assertAnotherAdmin(organization: StoredOrganization): void {
    let admins = 0;
    for (const member of organization.members.values()) {
      if (this.isAdminRole(member.role)) admins += 1;
      if (admins >= 2) return;
    }
    throw minimumPermissionsNeededError();
  }

  /** @internal Every organization, in seed order. */
  allOrganizations(): Iterable<StoredOrganization> {
    return this.organizations.values();
  }

  private *entries(memberships: Iterable<StoredMembership>): Iterable<MembershipListEntry> {
    for (const membership of memberships) {
      const user = this.users.get(membership.userId);
      if (user) yield { membership, user };
    }
  }

  private toModel(membership: StoredMembership): OrganizationMembership {
    const organization = this.organizations.get(membership.organizationId);
    const user = this.users.get(membership.userId);
    if (!organization || !user) throw new Error(`Membership ${membership.id} lost its organization or user`);
    const role = this.roles.get(membership.role);
    const model: OrganizationMembership = {
      object: 'organization_membership',
      id: membership.id,
      role: membership.role,
      permissions: role ? rolePermissionKeys(role) : [],
      publicMetadata: structuredClone(membership.publicMetadata),
      privateMetadata: structuredClone(membership.privateMetadata),
      organization: toOrganizationModel(organization),
      publicUserData: toPublicUserData(user),
      createdAt: membership.createdAt,
      updatedAt: membership.updatedAt,
    };
    if (role) model.roleName = role.name;
    return model;
  }
}
