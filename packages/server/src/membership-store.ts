import {
  type Metadata,
  type MetadataPatch,
  mergeMetadata,
  type OrganizationMembership,
  rolePermissionKeys,
} from '@roster/core';
import { ClerkHttpError, notFound, paramInvalid } from './clerk-error';
import { type SqliteDatabase, statement } from './database';
import { createId, createSeededId } from './ids';
import { countPendingInvitations } from './invitation-store';
import { readJsonObject, writeJsonObject } from './json-column';
import { ListCountCache } from './list-count-cache';
import {
  buildMembershipListSql,
  canUseTrigramIndex,
  type MembershipListQuery,
  type MembershipListSql,
  type MembershipSearchPlan,
  pageWindow,
  trigramPhrase,
} from './membership-list-query';
import { type OrganizationRow, type OrganizationStore, toOrganizationModel } from './organization-store';
import { assertMetadataLimits } from './request-input';
import type { RoleStore } from './role-store';
import { placeholders } from './sql-fragments';
import { toPublicUserData, type UserRow, type UserStore, userSearchText } from './user-store';

/** A membership row as stored. */
export interface MembershipRow {
  seq: number;
  id: string;
  organization_id: string;
  user_id: string;
  role: string;
  public_metadata: string;
  private_metadata: string;
  created_at: number;
  updated_at: number;
}

/** A validated membership to insert. */
export interface NewMembership {
  organizationId: string;
  userId: string;
  role: string;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  createdAt: number;
}

/** A validated metadata change: either side may be absent (left as is). */
export interface MembershipMetadataPatch {
  publicMetadata?: MetadataPatch | Metadata;
  privateMetadata?: MetadataPatch | Metadata;
}

/** Up to this many `query` matches, a page is read through the trigram index and sorted. */
const SORT_MATCHES_LIMIT = 2000;

function minimumPermissionsNeeded(): ClerkHttpError {
  return new ClerkHttpError(
    400,
    'organization_minimum_permissions_needed',
    'Minimum permissions needed',
    'There has to be at least one organization member with the minimum required permissions.',
  );
}

/** A change's `updated_at`: the clock, but always after the previous one (as the memory client). */
function changedAt(previous: number, now: number): number {
  return Math.max(now, previous + 1);
}

/**
 * Reads and writes memberships, enforcing the Backend API's rules: the user and the organization
 * exist, the role is defined, one membership per user and organization, the membership quota, and
 * the last-admin rule. Every mutation is one transaction: it changes everything or nothing.
 */
export class MembershipStore {
  private readonly db: SqliteDatabase;
  private readonly users: UserStore;
  private readonly organizations: OrganizationStore;
  private readonly roles: RoleStore;
  private readonly now: () => number;
  private readonly counts: ListCountCache;

  constructor(
    db: SqliteDatabase,
    stores: { users: UserStore; organizations: OrganizationStore; roles: RoleStore },
    now: () => number,
  ) {
    this.db = db;
    this.users = stores.users;
    this.organizations = stores.organizations;
    this.roles = stores.roles;
    this.now = now;
    this.counts = new ListCountCache(db);
  }

  /** Adds a user to an organization (seeds pass `seeded` for deterministic IDs). */
  create(input: NewMembership, options: { seeded?: boolean } = {}): OrganizationMembership {
    return this.db.transaction(() => {
      const organization = this.organizations.get(input.organizationId);
      const user = this.users.findRow(input.userId);
      if (!user) throw notFound('User', `No user was found with id ${input.userId}`);
      this.assertRole(input.role);
      if (this.find(organization.id, user.id)) {
        throw new ClerkHttpError(
          400,
          'already_a_member_in_organization',
          'Already a member',
          `User ${user.id} is already a member of the organization.`,
        );
      }
      const max = organization.max_allowed_memberships;
      // Outstanding (pending) invitations count towards the quota, as Clerk's message says.
      const pending = countPendingInvitations(this.db, organization.id, this.now());
      if (max > 0 && organization.members_count + pending >= max) {
        throw new ClerkHttpError(
          403,
          'organization_membership_quota_exceeded',
          'Membership quota exceeded',
          `You have reached your limit of ${max} organization memberships, including outstanding invitations.`,
        );
      }
      const id = options.seeded
        ? createSeededId('orgmem', `${organization.id}:${user.id}`)
        : createId('orgmem');
      this.insertRow(id, organization.id, user, input);
      this.organizations.adjustMembersCount(organization.id, 1);
      return this.toModel(this.get(organization.id, user.id));
    })();
  }

  private insertRow(id: string, organizationId: string, user: UserRow, input: NewMembership): void {
    const record = this.users.withIdentifications([user])[0];
    const values = (type: string) =>
      (record?.identifications ?? []).filter((i) => i.type === type).map((i) => i.value);
    const searchText = userSearchText({
      id: user.id,
      firstName: user.first_name,
      lastName: user.last_name,
      username: user.username,
      emailAddresses: values('email_address'),
      phoneNumbers: values('phone_number'),
      web3Wallets: values('web3_wallet'),
    });
    const inserted = statement(
      this.db,
      `INSERT INTO memberships (id, organization_id, user_id, role, public_metadata, private_metadata,
           created_at, updated_at, first_name, last_name, email_address, phone_number, username, search_text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      organizationId,
      user.id,
      input.role,
      writeJsonObject(input.publicMetadata),
      writeJsonObject(input.privateMetadata),
      input.createdAt,
      input.createdAt,
      user.first_name,
      user.last_name,
      user.primary_email_address,
      user.primary_phone_number,
      user.username,
      searchText,
    );
    statement(this.db, 'INSERT INTO membership_search (rowid, search_text) VALUES (?, ?)').run(
      inserted.lastInsertRowid,
      searchText,
    );
  }

  /** Changes a member's role; the last admin cannot be demoted. */
  updateRole(organizationId: string, userId: string, role: string): OrganizationMembership {
    return this.db.transaction(() => {
      const organization = this.organizations.get(organizationId);
      const membership = this.get(organization.id, userId);
      this.assertRole(role);
      if (this.roles.isAdmin(membership.role) && !this.roles.isAdmin(role)) {
        this.assertAnotherAdmin(organization.id);
      }
      statement(this.db, 'UPDATE memberships SET role = ?, updated_at = ? WHERE seq = ?').run(
        role,
        changedAt(membership.updated_at, this.now()),
        membership.seq,
      );
      return this.toModel(this.get(organization.id, userId));
    })();
  }

  /** Removes a member and returns the removed membership; the last admin cannot be removed. */
  delete(organizationId: string, userId: string): OrganizationMembership {
    return this.db.transaction(() => {
      const organization = this.organizations.get(organizationId);
      const membership = this.get(organization.id, userId);
      if (this.roles.isAdmin(membership.role)) this.assertAnotherAdmin(organization.id);
      const removed = this.toModel(membership);
      statement(this.db, 'DELETE FROM memberships WHERE seq = ?').run(membership.seq);
      statement(this.db, 'DELETE FROM membership_search WHERE rowid = ?').run(membership.seq);
      this.organizations.adjustMembersCount(organization.id, -1);
      return removed;
    })();
  }

  /** Deep-merges metadata into a membership (`null` deletes a key at any depth). */
  updateMetadata(
    organizationId: string,
    userId: string,
    patch: MembershipMetadataPatch,
  ): OrganizationMembership {
    return this.db.transaction(() => {
      const organization = this.organizations.get(organizationId);
      const membership = this.get(organization.id, userId);
      const publicMetadata =
        patch.publicMetadata === undefined
          ? readJsonObject(membership.public_metadata)
          : mergeMetadata(readJsonObject(membership.public_metadata), patch.publicMetadata);
      const privateMetadata =
        patch.privateMetadata === undefined
          ? readJsonObject(membership.private_metadata)
          : mergeMetadata(readJsonObject(membership.private_metadata), patch.privateMetadata);
      assertMetadataLimits('public_metadata', publicMetadata);
      assertMetadataLimits('private_metadata', privateMetadata);
      statement(
        this.db,
        'UPDATE memberships SET public_metadata = ?, private_metadata = ?, updated_at = ? WHERE seq = ?',
      ).run(
        writeJsonObject(publicMetadata),
        writeJsonObject(privateMetadata),
        changedAt(membership.updated_at, this.now()),
        membership.seq,
      );
      return this.toModel(this.get(organization.id, userId));
    })();
  }

  /**
   * A page of memberships and the count of the whole filtered list. A `query` is counted through the
   * trigram index when it has 3+ characters and few matches, else through the
   * `(organization_id, search_text)` index (index entries only); when it matches few members the
   * page is read the same way (then sorted), when it matches many the page is read by walking the
   * list's order index, whose entries carry `search_text`, and testing it: no table row is read and
   * nothing is sorted. The count known, a page past the middle is read from the far end
   * (`pageWindow`), so at most half the matches are walked at any offset.
   */
  list(query: MembershipListQuery): { data: OrganizationMembership[]; totalCount: number } {
    // A count taken inside someone else's transaction may be rolled back with it: not cached.
    const cacheCount = !this.db.inTransaction;
    return this.db.transaction(() => {
      const text = query.filters.query;
      const countPlan: MembershipSearchPlan =
        text === null ? 'scan' : this.fewTrigramMatches(text) ? 'trigram-index' : 'text-index';
      const countSql = buildMembershipListSql(query, countPlan);
      const totalCount = this.count(query, countSql, cacheCount);
      const pageSql =
        text !== null && totalCount > SORT_MATCHES_LIMIT ? buildMembershipListSql(query, 'scan') : countSql;
      // Deferred join: OFFSET walks the (covering) index only; full rows are read for one page.
      const page = pageWindow(query.offset, query.limit, totalCount);
      const seqs =
        page.limit === 0
          ? []
          : (
              statement(
                this.db,
                `SELECT m.seq FROM ${pageSql.from} ${pageSql.where} ${page.reverse ? pageSql.reverseOrderBy : pageSql.orderBy} LIMIT ? OFFSET ?`,
              ).all(...pageSql.params, page.limit, page.offset) as { seq: number }[]
            ).map((row) => row.seq);
      if (page.reverse) seqs.reverse();
      const rows =
        seqs.length === 0
          ? []
          : (statement(this.db, `SELECT * FROM memberships WHERE seq IN (${placeholders(seqs)})`).all(
              ...seqs,
            ) as MembershipRow[]);
      const bySeq = new Map(rows.map((row) => [row.seq, row]));
      const ordered = seqs.map((seq) => bySeq.get(seq)).filter((row) => row !== undefined);
      return { data: this.toModels(ordered), totalCount };
    })();
  }

  /**
   * Whether `text` can be counted through the trigram index cheaply: it has 3+ characters and at
   * most `SORT_MATCHES_LIMIT` memberships of the whole instance match it (the index streams its
   * matches, so this probe stops early). A text that matches nearly everyone is counted by the
   * `(organization_id, search_text)` index instead, which reads only the organization's entries.
   */
  private fewTrigramMatches(text: string): boolean {
    if (!canUseTrigramIndex(text)) return false;
    const row = statement(
      this.db,
      'SELECT COUNT(*) AS n FROM (SELECT rowid FROM membership_search WHERE membership_search MATCH ? LIMIT ?)',
    ).get(trigramPhrase(text), SORT_MATCHES_LIMIT + 1) as { n: number };
    return row.n <= SORT_MATCHES_LIMIT;
  }

  private count(query: MembershipListQuery, sql: MembershipListSql, cacheable: boolean): number {
    if (sql.unfiltered && 'organizationId' in query.scope) {
      return this.organizations.get(query.scope.organizationId).members_count;
    }
    const countSql = `SELECT COUNT(*) AS n FROM ${sql.from} ${sql.where}`;
    return this.counts.get(
      `${countSql}\n${JSON.stringify(sql.params)}`,
      () => (statement(this.db, countSql).get(...sql.params) as { n: number }).n,
      cacheable,
    );
  }

  private find(organizationId: string, userId: string): MembershipRow | undefined {
    return statement(this.db, 'SELECT * FROM memberships WHERE organization_id = ? AND user_id = ?').get(
      organizationId,
      userId,
    ) as MembershipRow | undefined;
  }

  private get(organizationId: string, userId: string): MembershipRow {
    const row = this.find(organizationId, userId);
    if (!row) throw notFound('Membership', `No membership was found for user ${userId} in the organization.`);
    return row;
  }

  private assertRole(role: string): void {
    if (!this.roles.get(role)) {
      const allowed = this.roles
        .all()
        .map((r) => r.key)
        .join(', ');
      throw paramInvalid(
        'role',
        `${role} does not match one of the allowed values for parameter role: ${allowed}`,
      );
    }
  }

  private assertAnotherAdmin(organizationId: string): void {
    const adminKeys = this.roles.adminKeys();
    const row = statement(
      this.db,
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM memberships WHERE organization_id = ? AND role IN (${placeholders(adminKeys)}) LIMIT 2)`,
    ).get(organizationId, ...adminKeys) as { n: number };
    if (row.n < 2) throw minimumPermissionsNeeded();
  }

  private toModel(row: MembershipRow): OrganizationMembership {
    return this.toModels([row])[0] as OrganizationMembership;
  }

  private toModels(rows: MembershipRow[]): OrganizationMembership[] {
    const organizations = this.organizations.getMany(rows.map((row) => row.organization_id));
    const users = this.userRows(rows.map((row) => row.user_id));
    return rows.map((row) =>
      membershipModel(row, organizations.get(row.organization_id), users.get(row.user_id), this.roles),
    );
  }

  private userRows(ids: string[]): Map<string, UserRow> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = statement(this.db, `SELECT * FROM users WHERE id IN (${placeholders(unique)})`).all(
      ...unique,
    ) as UserRow[];
    return new Map(rows.map((row) => [row.id, row]));
  }
}

function membershipModel(
  row: MembershipRow,
  organization: OrganizationRow | undefined,
  user: UserRow | undefined,
  roles: RoleStore,
): OrganizationMembership {
  if (!organization) throw new Error(`Membership ${row.id} points to a missing organization.`);
  const role = roles.get(row.role);
  const membership: OrganizationMembership = {
    object: 'organization_membership',
    id: row.id,
    role: row.role,
    permissions: role ? rolePermissionKeys(role) : [],
    publicMetadata: readJsonObject(row.public_metadata),
    privateMetadata: readJsonObject(row.private_metadata),
    organization: toOrganizationModel(organization),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (role) membership.roleName = role.name;
  if (user) membership.publicUserData = toPublicUserData(user);
  return membership;
}
