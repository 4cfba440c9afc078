import type {
  CreateInvitationParams,
  CreateInvitationsParams,
  GetInvitationParams,
  InvitationOrderField,
  ListInvitationsParams,
  RevokeInvitationParams,
} from './client';
import { INVITATION_ORDER_FIELDS, INVITATION_STATUSES } from './client';
import { createRosterApiError } from './errors';
import {
  checkBulkItem,
  emailAlreadyMemberError,
  invitationExpiresAt,
  invitationInputToWire,
  invitationNotFoundError,
  invitationNotPendingError,
  invitationNotUniqueError,
  invitationRoleNotFoundError,
  invitationStatusAt,
  notAnAdminError,
  readBulkInvitationBody,
  readInvitationBody,
  type ValidInvitationInput,
} from './invitation-rules';
import { MAX_FILTER_VALUES } from './list-limits';
import {
  membershipQuotaExceededError,
  paramArraySizeExceededError,
  paramInvalidError,
} from './memory-client-errors';
import {
  createStoredUser,
  DEFAULT_IMAGE_URL,
  type StoredInvitation,
  type StoredOrganization,
} from './memory-records';
import type { MemoryStore } from './memory-store';
import type {
  InviterPublicData,
  OrganizationInvitation,
  OrganizationInvitations,
  OrganizationMembership,
} from './models';
import { readPaging } from './paging-params';

/** What accepting an invitation produced. */
export interface InvitationAcceptance {
  invitation: OrganizationInvitation;
  membership: OrganizationMembership;
}

function readOrderBy(value: unknown): { field: InvitationOrderField; descending: boolean } {
  const text = value ?? '-created_at';
  if (typeof text !== 'string') throw paramInvalidError('order_by', 'order_by must be a string.');
  const descending = text.startsWith('-');
  const field = text.replace(/^[+-]/, '') as InvitationOrderField;
  if (!INVITATION_ORDER_FIELDS.includes(field)) {
    throw paramInvalidError(
      'order_by',
      `${text} does not match the allowed values for parameter order_by. Allowed values: ${INVITATION_ORDER_FIELDS.join(', ')}`,
    );
  }
  return { field, descending };
}

function readStatuses(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw paramInvalidError('status', 'status must be an array of strings.');
  const statuses = value.filter((v) => v !== '');
  if (statuses.length > MAX_FILTER_VALUES) throw paramArraySizeExceededError('status', MAX_FILTER_VALUES);
  for (const status of statuses) {
    if (typeof status !== 'string' || !(INVITATION_STATUSES as readonly string[]).includes(status)) {
      throw paramInvalidError(
        'status',
        `${String(status)} does not match one of the allowed values for parameter status: ${INVITATION_STATUSES.join(', ')}`,
      );
    }
  }
  return statuses;
}

/**
 * The in-memory organization invitations, with the local Backend API's rules (see
 * `invitation-rules.ts`): validation, unknown organization, role, inviter or invitation, an address
 * that belongs to a member, a duplicate pending invitation, the quota (members plus pending
 * invitations), revoking only pending ones. Bulk creation is all or nothing.
 */
export class MemoryInvitationStore {
  private nextSeq = 1;

  constructor(private readonly store: MemoryStore) {}

  /** Pending invitations that have not expired: they count towards the quota. */
  pendingCount(organization: StoredOrganization, except?: StoredInvitation): number {
    const now = this.store.now();
    return organization.invitations.filter(
      (i) => i !== except && invitationStatusAt(i.status, i.expiresAt, now) === 'pending',
    ).length;
  }

  list(params: ListInvitationsParams): OrganizationInvitations {
    const statuses = readStatuses(params.status);
    const { limit, offset } = readPaging(params);
    const orderBy = readOrderBy(params.orderBy);
    const rawEmail = params.emailAddress;
    if (rawEmail !== undefined && rawEmail !== null && typeof rawEmail !== 'string') {
      throw paramInvalidError('email_address', 'email_address must be a string.');
    }
    const email = rawEmail ? rawEmail.toLowerCase() : null;
    const organization = this.store.organization(params.organizationId);
    const now = this.store.now();
    const matching = organization.invitations.filter(
      (i) =>
        (statuses.length === 0 || statuses.includes(invitationStatusAt(i.status, i.expiresAt, now))) &&
        (email === null || i.emailAddress === email),
    );
    const sign = orderBy.descending ? -1 : 1;
    matching.sort((a, b) => {
      const byField =
        orderBy.field === 'created_at'
          ? a.createdAt - b.createdAt
          : a.emailAddress < b.emailAddress
            ? -1
            : a.emailAddress > b.emailAddress
              ? 1
              : 0;
      return sign * (byField || a.seq - b.seq);
    });
    return {
      data: matching.slice(offset, offset + limit).map((i) => this.toModel(i)),
      totalCount: matching.length,
    };
  }

  create(params: CreateInvitationParams): OrganizationInvitation {
    const { organizationId, ...input } = params;
    const valid = readInvitationBody(invitationInputToWire(input));
    const organization = this.store.organization(organizationId);
    this.check(organization, valid, []);
    this.checkQuota(organization, 1);
    return this.toModel(this.insert(organization, valid));
  }

  createMany(params: CreateInvitationsParams): OrganizationInvitations {
    const items = Array.isArray(params.invitations)
      ? params.invitations.map((item) =>
          item !== null && typeof item === 'object' ? invitationInputToWire(item) : item,
        )
      : params.invitations;
    const valid = readBulkInvitationBody(items);
    const organization = this.store.organization(params.organizationId);
    for (const [index, item] of valid.entries()) {
      const earlier = valid.slice(0, index).map((e) => e.emailAddress);
      checkBulkItem(index, () => this.check(organization, item, earlier));
    }
    this.checkQuota(organization, valid.length);
    const created = valid.map((item) => this.insert(organization, item));
    return { data: created.map((i) => this.toModel(i)), totalCount: created.length };
  }

  get(params: GetInvitationParams): OrganizationInvitation {
    return this.toModel(this.find(params.organizationId, params.invitationId));
  }

  revoke(params: RevokeInvitationParams): OrganizationInvitation {
    const requester = params.requestingUserId;
    if (requester !== undefined && requester !== null && typeof requester !== 'string') {
      throw paramInvalidError('requesting_user_id', 'requesting_user_id must be a string.');
    }
    const invitation = this.find(params.organizationId, params.invitationId);
    const organization = this.store.organization(params.organizationId);
    if (requester) this.checkActor(organization, requester, 'requesting_user_id');
    const now = this.store.now();
    if (invitationStatusAt(invitation.status, invitation.expiresAt, now) !== 'pending') {
      throw invitationNotPendingError();
    }
    invitation.status = 'revoked';
    invitation.updatedAt = Math.max(now, invitation.updatedAt + 1);
    return this.toModel(invitation);
  }

  /**
   * Accepts a pending invitation as its invitee would: creates the user when no user has the
   * address, adds the membership with the invited role and metadata, marks the invitation accepted.
   */
  accept(invitationId: string): InvitationAcceptance {
    let invitation: StoredInvitation | undefined;
    let organization: StoredOrganization | undefined;
    for (const candidate of this.store.allOrganizations()) {
      invitation = candidate.invitations.find((i) => i.id === invitationId);
      if (invitation) {
        organization = candidate;
        break;
      }
    }
    if (!invitation || !organization) throw invitationNotFoundError(invitationId);
    const now = this.store.now();
    if (invitationStatusAt(invitation.status, invitation.expiresAt, now) !== 'pending') {
      throw invitationNotPendingError();
    }
    let user = this.userByEmail(invitation.emailAddress);
    if (user && organization.members.has(user.seed.id))
      throw emailAlreadyMemberError(invitation.emailAddress);
    const max = organization.seed.maxAllowedMemberships ?? 0;
    if (max > 0 && organization.members.size + this.pendingCount(organization, invitation) >= max) {
      throw membershipQuotaExceededError(max);
    }
    if (!user) {
      user = createStoredUser(
        {
          id: `user_inv${invitation.id.slice('orginv_'.length)}`,
          firstName: null,
          lastName: null,
          emailAddress: invitation.emailAddress,
          createdAt: now,
        },
        this.store.users.size,
      );
      this.store.insertUser(user);
    }
    const membership = this.store.insertMembership(organization, {
      userId: user.seed.id,
      role: invitation.role,
      publicMetadata: invitation.publicMetadata,
      privateMetadata: invitation.privateMetadata,
    });
    invitation.status = 'accepted';
    invitation.updatedAt = Math.max(now, invitation.updatedAt + 1);
    return { invitation: this.toModel(invitation), membership };
  }

  /** Every rule of one create but the quota; `earlier` are the addresses before it in a bulk call. */
  private check(organization: StoredOrganization, input: ValidInvitationInput, earlier: string[]): void {
    if (!this.store.roles.has(input.role)) throw invitationRoleNotFoundError();
    if (input.inviterUserId !== null) this.checkActor(organization, input.inviterUserId, 'inviter_user_id');
    const user = this.userByEmail(input.emailAddress);
    if (user && organization.members.has(user.seed.id)) throw emailAlreadyMemberError(input.emailAddress);
    const now = this.store.now();
    const duplicate =
      earlier.includes(input.emailAddress) ||
      organization.invitations.some(
        (i) =>
          i.emailAddress === input.emailAddress &&
          invitationStatusAt(i.status, i.expiresAt, now) === 'pending',
      );
    if (duplicate) throw invitationNotUniqueError();
  }

  private checkQuota(organization: StoredOrganization, adding: number): void {
    const max = organization.seed.maxAllowedMemberships ?? 0;
    if (max > 0 && organization.members.size + this.pendingCount(organization) + adding > max) {
      throw membershipQuotaExceededError(max);
    }
  }

  /** An inviter or revoker: an existing user, a member, whose role manages memberships. */
  private checkActor(organization: StoredOrganization, userId: string, paramName: string): void {
    if (!this.store.users.has(userId)) {
      throw createRosterApiError(404, 'resource_not_found', 'not found', {
        longMessage: `No user was found with id ${userId}`,
        paramName,
      });
    }
    const membership = organization.members.get(userId);
    if (!membership || !this.store.isAdminRole(membership.role))
      throw notAnAdminError(!!membership, paramName);
  }

  private userByEmail(email: string) {
    for (const user of this.store.users.values()) if (user.emailAddressKey === email) return user;
    return undefined;
  }

  private find(organizationId: unknown, invitationId: unknown): StoredInvitation {
    const organization = this.store.organization(organizationId);
    const id = typeof invitationId === 'string' ? invitationId : String(invitationId);
    const invitation = organization.invitations.find((i) => i.id === id);
    if (!invitation) throw invitationNotFoundError(id);
    return invitation;
  }

  private insert(organization: StoredOrganization, input: ValidInvitationInput): StoredInvitation {
    const createdAt = this.store.now();
    const seq = this.nextSeq;
    this.nextSeq += 1;
    const invitation: StoredInvitation = {
      seq,
      id: `orginv_${seq.toString(36).padStart(10, '0')}`,
      organizationId: organization.seed.id,
      emailAddress: input.emailAddress,
      role: input.role,
      inviterUserId: input.inviterUserId,
      publicMetadata: structuredClone(input.publicMetadata),
      privateMetadata: structuredClone(input.privateMetadata),
      redirectUrl: input.redirectUrl,
      status: 'pending',
      expiresAt: invitationExpiresAt(createdAt, input.expiresInDays),
      createdAt,
      updatedAt: createdAt,
    };
    organization.invitations.push(invitation);
    return invitation;
  }

  private toModel(invitation: StoredInvitation): OrganizationInvitation {
    const role = this.store.roles.get(invitation.role);
    const inviter = invitation.inviterUserId ? this.store.users.get(invitation.inviterUserId) : undefined;
    let publicInviterData: InviterPublicData | null = null;
    if (inviter) {
      publicInviterData = {
        userId: inviter.seed.id,
        firstName: inviter.seed.firstName,
        lastName: inviter.seed.lastName,
        imageUrl: inviter.seed.imageUrl ?? DEFAULT_IMAGE_URL,
        hasImage: inviter.seed.imageUrl !== undefined,
        identifier: inviter.seed.emailAddress,
      };
    }
    return {
      object: 'organization_invitation',
      id: invitation.id,
      emailAddress: invitation.emailAddress,
      role: invitation.role,
      roleName: role?.name ?? invitation.role,
      organizationId: invitation.organizationId,
      status: invitationStatusAt(invitation.status, invitation.expiresAt, this.store.now()),
      publicMetadata: structuredClone(invitation.publicMetadata),
      privateMetadata: structuredClone(invitation.privateMetadata),
      url: null,
      expiresAt: invitation.expiresAt,
      inviterId: invitation.inviterUserId,
      publicInviterData,
      createdAt: invitation.createdAt,
      updatedAt: invitation.updatedAt,
    };
  }
}
