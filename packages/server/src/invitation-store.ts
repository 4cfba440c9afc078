import {
  checkBulkItem,
  emailAlreadyMemberError,
  type InvitationOrderField,
  type InviterPublicData,
  invitationExpiresAt,
  invitationNotFoundError,
  invitationNotPendingError,
  invitationNotUniqueError,
  invitationRoleNotFoundError,
  invitationStatusAt,
  notAnAdminError,
  type OrganizationInvitation,
  type OrganizationInvitationStatus,
  type OrganizationMembership,
  type ValidInvitationInput,
} from '@roster/core';
import { ClerkHttpError } from './clerk-error';
import { type SqliteDatabase, statement } from './database';
import { createId } from './ids';
import { readJsonObject, writeJsonObject } from './json-column';
import type { MembershipStore } from './membership-store';
import type { OrganizationRow, OrganizationStore } from './organization-store';
import type { RoleStore } from './role-store';
import { DEFAULT_IMAGE_URL, type UserRow, type UserStore } from './user-store';

/** An invitation row as stored (`status` without `expired`, which is derived when read). */
interface InvitationRow {
  seq: number;
  id: string;
  organization_id: string;
  email_address: string;
  role: string;
  inviter_user_id: string | null;
  public_metadata: string;
  private_metadata: string;
  redirect_url: string | null;
  status: 'pending' | 'accepted' | 'revoked';
  user_id: string | null;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

interface OutboxRow {
  id: string;
  invitation_id: string;
  organization_id: string;
  to_email_address: string;
  subject: string;
  body: string;
  redirect_url: string | null;
  created_at: number;
}

/** A validated `GET .../invitations` query. */
export interface InvitationListQuery {
  organizationId: string;
  statuses: string[];
  emailAddress: string | null;
  orderBy: { field: InvitationOrderField; descending: boolean };
  limit: number;
  offset: number;
}

/** One message of the local outbox: what Clerk would have emailed. */
export interface OutboxMessage {
  id: string;
  invitationId: string;
  organizationId: string;
  toEmailAddress: string;
  subject: string;
  /** Plain text, with the accept path and the redirect URL. */
  body: string;
  /** `POST` it (under the server's origin, with the secret key) to accept as the invitee. */
  acceptPath: string;
  redirectUrl: string | null;
  createdAt: number;
}

/** The path that accepts an invitation (dev-only, like the outbox). */
export function acceptPath(invitationId: string): string {
  return `/v1/__invitations/${encodeURIComponent(invitationId)}/accept`;
}

/** Pending invitations of an organization that have not expired at `now` (they count towards the quota). */
export function countPendingInvitations(
  db: SqliteDatabase,
  organizationId: string,
  now: number,
  exceptId = '',
): number {
  const row = statement(
    db,
    "SELECT COUNT(*) AS n FROM invitations WHERE organization_id = ? AND status = 'pending' AND expires_at > ? AND id <> ?",
  ).get(organizationId, now, exceptId) as { n: number };
  return row.n;
}

const STATUS_SQL: Record<OrganizationInvitationStatus, string> = {
  pending: "(status = 'pending' AND expires_at > @now)",
  expired: "(status = 'pending' AND expires_at <= @now)",
  accepted: "status = 'accepted'",
  revoked: "status = 'revoked'",
};

/**
 * Organization invitations in SQLite, with the rules core shares with the in-memory client
 * (`invitation-rules.ts`): unknown organization, role, inviter or invitation; an address that
 * belongs to a member; a duplicate pending invitation; the quota (members plus pending
 * invitations); only pending ones are revoked or accepted. Each mutation is one transaction
 * (a bulk call is all or nothing), and each created invitation with `notify` lands in the outbox.
 */
export class InvitationStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly stores: {
      users: UserStore;
      organizations: OrganizationStore;
      roles: RoleStore;
      memberships: MembershipStore;
    },
    private readonly now: () => number,
  ) {}

  list(query: InvitationListQuery): { data: OrganizationInvitation[]; totalCount: number } {
    const organization = this.stores.organizations.get(query.organizationId);
    const where = ['organization_id = @organizationId'];
    const statuses = [...new Set(query.statuses)] as OrganizationInvitationStatus[];
    if (statuses.length > 0) where.push(`(${statuses.map((s) => STATUS_SQL[s]).join(' OR ')})`);
    if (query.emailAddress !== null) where.push('email_address = @emailAddress');
    const direction = query.orderBy.descending ? 'DESC' : 'ASC';
    const bind = {
      organizationId: organization.id,
      now: this.now(),
      emailAddress: query.emailAddress?.toLowerCase() ?? null,
    };
    const filter = where.join(' AND ');
    const usedBind = Object.fromEntries(Object.entries(bind).filter(([key]) => filter.includes(`@${key}`)));
    const total = statement(this.db, `SELECT COUNT(*) AS n FROM invitations WHERE ${filter}`).get(
      usedBind,
    ) as {
      n: number;
    };
    const rows = statement(
      this.db,
      `SELECT * FROM invitations WHERE ${filter}
         ORDER BY ${query.orderBy.field} ${direction}, seq ${direction} LIMIT @limit OFFSET @offset`,
    ).all({ ...usedBind, limit: query.limit, offset: query.offset }) as InvitationRow[];
    return { data: rows.map((row) => this.toModel(row)), totalCount: total.n };
  }

  create(organizationId: string, inputs: ValidInvitationInput[], bulk: boolean): OrganizationInvitation[] {
    return this.db.transaction(() => {
      const organization = this.stores.organizations.get(organizationId);
      inputs.forEach((input, index) => {
        const earlier = inputs.slice(0, index).map((e) => e.emailAddress);
        const check = () => this.check(organization, input, earlier);
        if (bulk) checkBulkItem(index, check);
        else check();
      });
      const max = organization.max_allowed_memberships;
      const pending = countPendingInvitations(this.db, organization.id, this.now());
      if (max > 0 && organization.members_count + pending + inputs.length > max) throw quotaExceeded(max);
      return inputs.map((input) => this.toModel(this.insert(organization, input)));
    })();
  }

  get(organizationId: string, invitationId: string): OrganizationInvitation {
    return this.toModel(this.find(organizationId, invitationId));
  }

  revoke(
    organizationId: string,
    invitationId: string,
    requestingUserId: string | null,
  ): OrganizationInvitation {
    return this.db.transaction(() => {
      const row = this.find(organizationId, invitationId);
      if (requestingUserId) this.checkActor(row.organization_id, requestingUserId, 'requesting_user_id');
      const now = this.now();
      if (invitationStatusAt(row.status, row.expires_at, now) !== 'pending')
        throw invitationNotPendingError();
      const updatedAt = Math.max(now, row.updated_at + 1);
      statement(this.db, "UPDATE invitations SET status = 'revoked', updated_at = ? WHERE id = ?").run(
        updatedAt,
        row.id,
      );
      return this.toModel({ ...row, status: 'revoked', updated_at: updatedAt });
    })();
  }

  /**
   * Accepts a pending invitation as its invitee would: creates the user when no user has the
   * address, adds the membership with the invited role and both metadata, marks it accepted.
   */
  accept(invitationId: string): { invitation: OrganizationInvitation; membership: OrganizationMembership } {
    return this.db.transaction(() => {
      const row = statement(this.db, 'SELECT * FROM invitations WHERE id = ?').get(invitationId) as
        | InvitationRow
        | undefined;
      if (!row) throw invitationNotFoundError(invitationId);
      const now = this.now();
      if (invitationStatusAt(row.status, row.expires_at, now) !== 'pending')
        throw invitationNotPendingError();
      let userId = this.userIdByEmail(row.email_address);
      if (userId && this.isMember(row.organization_id, userId))
        throw emailAlreadyMemberError(row.email_address);
      const updatedAt = Math.max(now, row.updated_at + 1);
      // Accepted first, so the quota check of the membership no longer counts this invitation.
      statement(this.db, "UPDATE invitations SET status = 'accepted', updated_at = ? WHERE id = ?").run(
        updatedAt,
        row.id,
      );
      if (!userId) {
        userId = this.stores.users.insert({
          externalId: null,
          firstName: null,
          lastName: null,
          username: null,
          emailAddresses: [row.email_address],
          phoneNumbers: [],
          web3Wallets: [],
          imageUrl: null,
          publicMetadata: {},
          privateMetadata: {},
          unsafeMetadata: {},
          lastActiveAt: null,
          createdAt: now,
        });
      }
      statement(this.db, 'UPDATE invitations SET user_id = ? WHERE id = ?').run(userId, row.id);
      const membership = this.stores.memberships.create({
        organizationId: row.organization_id,
        userId,
        role: row.role,
        publicMetadata: readJsonObject(row.public_metadata),
        privateMetadata: readJsonObject(row.private_metadata),
        createdAt: now,
      });
      return {
        invitation: this.toModel({ ...row, status: 'accepted', user_id: userId, updated_at: updatedAt }),
        membership,
      };
    })();
  }

  /** The outbox, newest first; only messages to `emailAddress` when given. */
  outbox(options: { emailAddress?: string | null; limit?: number; offset?: number } = {}): {
    data: OutboxMessage[];
    totalCount: number;
  } {
    const email = options.emailAddress ? options.emailAddress.toLowerCase() : null;
    const where = email === null ? '' : 'WHERE to_email_address = @email';
    const bind = email === null ? {} : { email };
    const total = statement(this.db, `SELECT COUNT(*) AS n FROM outbox_messages ${where}`).get(bind) as {
      n: number;
    };
    const rows = statement(
      this.db,
      `SELECT * FROM outbox_messages ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
    ).all({ ...bind, limit: options.limit ?? 500, offset: options.offset ?? 0 }) as OutboxRow[];
    return {
      data: rows.map((row) => ({
        id: row.id,
        invitationId: row.invitation_id,
        organizationId: row.organization_id,
        toEmailAddress: row.to_email_address,
        subject: row.subject,
        body: row.body,
        acceptPath: acceptPath(row.invitation_id),
        redirectUrl: row.redirect_url,
        createdAt: row.created_at,
      })),
      totalCount: total.n,
    };
  }

  private check(organization: OrganizationRow, input: ValidInvitationInput, earlier: string[]): void {
    if (!this.stores.roles.get(input.role)) throw invitationRoleNotFoundError();
    if (input.inviterUserId !== null)
      this.checkActor(organization.id, input.inviterUserId, 'inviter_user_id');
    const userId = this.userIdByEmail(input.emailAddress);
    if (userId && this.isMember(organization.id, userId)) throw emailAlreadyMemberError(input.emailAddress);
    const duplicate =
      earlier.includes(input.emailAddress) ||
      statement(
        this.db,
        "SELECT 1 FROM invitations WHERE organization_id = ? AND email_address = ? AND status = 'pending' AND expires_at > ?",
      ).get(organization.id, input.emailAddress, this.now()) !== undefined;
    if (duplicate) throw invitationNotUniqueError();
  }

  private checkActor(organizationId: string, userId: string, paramName: string): void {
    if (!this.stores.users.findRow(userId)) {
      throw new ClerkHttpError(
        404,
        'resource_not_found',
        'not found',
        `No user was found with id ${userId}`,
        {
          paramName,
        },
      );
    }
    const membership = statement(
      this.db,
      'SELECT role FROM memberships WHERE organization_id = ? AND user_id = ?',
    ).get(organizationId, userId) as { role: string } | undefined;
    if (!membership || !this.stores.roles.isAdmin(membership.role))
      throw notAnAdminError(!!membership, paramName);
  }

  private userIdByEmail(email: string): string | undefined {
    const row = statement(
      this.db,
      "SELECT user_id FROM identifications WHERE type = 'email_address' AND value = ? LIMIT 1",
    ).get(email) as { user_id: string } | undefined;
    return row?.user_id;
  }

  private isMember(organizationId: string, userId: string): boolean {
    return (
      statement(this.db, 'SELECT 1 FROM memberships WHERE organization_id = ? AND user_id = ?').get(
        organizationId,
        userId,
      ) !== undefined
    );
  }

  private find(organizationId: string, invitationId: string): InvitationRow {
    const organization = this.stores.organizations.get(organizationId);
    const row = statement(this.db, 'SELECT * FROM invitations WHERE id = ? AND organization_id = ?').get(
      invitationId,
      organization.id,
    ) as InvitationRow | undefined;
    if (!row) throw invitationNotFoundError(invitationId);
    return row;
  }

  private insert(organization: OrganizationRow, input: ValidInvitationInput): InvitationRow {
    const createdAt = this.now();
    const row: Omit<InvitationRow, 'seq'> = {
      id: createId('orginv'),
      organization_id: organization.id,
      email_address: input.emailAddress,
      role: input.role,
      inviter_user_id: input.inviterUserId,
      public_metadata: writeJsonObject(input.publicMetadata),
      private_metadata: writeJsonObject(input.privateMetadata),
      redirect_url: input.redirectUrl,
      status: 'pending',
      user_id: null,
      expires_at: invitationExpiresAt(createdAt, input.expiresInDays),
      created_at: createdAt,
      updated_at: createdAt,
    };
    const { lastInsertRowid } = statement(
      this.db,
      `INSERT INTO invitations (id, organization_id, email_address, role, inviter_user_id, public_metadata,
         private_metadata, redirect_url, status, user_id, expires_at, created_at, updated_at)
       VALUES (@id, @organization_id, @email_address, @role, @inviter_user_id, @public_metadata,
         @private_metadata, @redirect_url, @status, @user_id, @expires_at, @created_at, @updated_at)`,
    ).run(row);
    if (input.notify) this.deliver(organization, row);
    return { ...row, seq: Number(lastInsertRowid) };
  }

  /** "Sends" the invitation: one message in the outbox, with the accept path. */
  private deliver(organization: OrganizationRow, row: Omit<InvitationRow, 'seq'>): void {
    const lines = [
      `You have been invited to join ${organization.name} as ${this.stores.roles.get(row.role)?.name ?? row.role}.`,
      `Accept: POST ${acceptPath(row.id)}`,
    ];
    if (row.redirect_url) lines.push(`Then continue at ${row.redirect_url}`);
    lines.push(`This invitation expires at ${new Date(row.expires_at).toISOString()}.`);
    statement(
      this.db,
      `INSERT INTO outbox_messages (id, invitation_id, organization_id, to_email_address, subject, body, redirect_url, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      createId('msg'),
      row.id,
      organization.id,
      row.email_address,
      `Invitation to join ${organization.name}`,
      lines.join('\n'),
      row.redirect_url,
      row.created_at,
    );
  }

  private toModel(row: InvitationRow): OrganizationInvitation {
    const inviter = row.inviter_user_id ? this.stores.users.findRow(row.inviter_user_id) : undefined;
    return {
      object: 'organization_invitation',
      id: row.id,
      emailAddress: row.email_address,
      role: row.role,
      roleName: this.stores.roles.get(row.role)?.name ?? row.role,
      organizationId: row.organization_id,
      status: invitationStatusAt(row.status, row.expires_at, this.now()),
      publicMetadata: readJsonObject(row.public_metadata),
      privateMetadata: readJsonObject(row.private_metadata),
      url: null,
      expiresAt: row.expires_at,
      inviterId: row.inviter_user_id,
      publicInviterData: inviter ? inviterData(inviter) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

function inviterData(user: UserRow): InviterPublicData {
  return {
    userId: user.id,
    firstName: user.first_name,
    lastName: user.last_name,
    imageUrl: user.image_url ?? DEFAULT_IMAGE_URL,
    hasImage: user.image_url !== null,
    identifier: user.primary_email_address ?? '',
  };
}

function quotaExceeded(max: number): ClerkHttpError {
  return new ClerkHttpError(
    403,
    'organization_membership_quota_exceeded',
    'Membership quota exceeded',
    `You have reached your limit of ${max} organization memberships, including outstanding invitations.`,
  );
}
