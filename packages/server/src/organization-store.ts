import type { Metadata, Organization } from '@roster/core';
import { ClerkHttpError, notFound } from './clerk-error';
import { type SqliteDatabase, statement } from './database';
import { createId } from './ids';
import { readJsonObject, writeJsonObject } from './json-column';
import { addInclusion, type IdInclusion, likeContains } from './sql-fragments';
import { DEFAULT_IMAGE_URL } from './user-store';

/** A validated organization to insert. */
export interface NewOrganization {
  /** Set by seeds; generated (`org_...`) when absent. */
  id?: string;
  name: string;
  /** Derived from the name when absent. */
  slug: string | null;
  maxAllowedMemberships: number;
  adminDeleteEnabled: boolean;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  createdBy: string | null;
  createdAt: number;
}

/** An organization row as stored. */
export interface OrganizationRow {
  seq: number;
  id: string;
  name: string;
  slug: string;
  image_url: string | null;
  max_allowed_memberships: number;
  admin_delete_enabled: number;
  public_metadata: string;
  private_metadata: string;
  created_by: string | null;
  members_count: number;
  created_at: number;
  updated_at: number;
}

/** The fields an organization list can be ordered by. */
export type OrganizationOrderField = 'created_at' | 'name' | 'members_count';

/** A validated `GET /organizations` query. */
export interface OrganizationListQuery {
  query: string | null;
  organizationIds: IdInclusion;
  userIds: IdInclusion;
  orderBy: { field: OrganizationOrderField; descending: boolean };
  limit: number;
  offset: number;
}

/** An organization as core's model; `membersCount` only when asked for. */
export function toOrganizationModel(
  row: OrganizationRow,
  options: { membersCount?: boolean } = {},
): Organization {
  const organization: Organization = {
    object: 'organization',
    id: row.id,
    name: row.name,
    slug: row.slug,
    imageUrl: row.image_url ?? DEFAULT_IMAGE_URL,
    hasImage: row.image_url !== null,
    maxAllowedMemberships: row.max_allowed_memberships,
    adminDeleteEnabled: row.admin_delete_enabled === 1,
    publicMetadata: readJsonObject(row.public_metadata),
    privateMetadata: readJsonObject(row.private_metadata),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.created_by !== null) organization.createdBy = row.created_by;
  if (options.membersCount) organization.membersCount = row.members_count;
  return organization;
}

/** A slug from a name: lowercase letters, digits and dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'organization' : slug;
}

const ORDER_COLUMNS: Record<OrganizationOrderField, string> = {
  created_at: 'o.created_at',
  name: 'o.name',
  members_count: 'o.members_count',
};

/** Reads and writes organizations. */
export class OrganizationStore {
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.db = db;
  }

  /** Inserts an organization; 422 `form_identifier_exists` when the slug is taken. Returns its row. */
  insert(organization: NewOrganization): OrganizationRow {
    const id = organization.id ?? createId('org');
    if (statement(this.db, 'SELECT 1 FROM organizations WHERE id = ?').get(id)) {
      throw slugExists('id', id);
    }
    let slug = organization.slug;
    if (slug === null) {
      const base = slugify(organization.name);
      slug = base;
      for (let n = 2; this.slugTaken(slug); n += 1) slug = `${base}-${n}`;
    } else if (this.slugTaken(slug)) {
      throw slugExists('slug', slug);
    }
    statement(
      this.db,
      `INSERT INTO organizations (id, name, slug, image_url, max_allowed_memberships, admin_delete_enabled,
           public_metadata, private_metadata, created_by, members_count, created_at, updated_at)
         VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ).run(
      id,
      organization.name,
      slug,
      organization.maxAllowedMemberships,
      organization.adminDeleteEnabled ? 1 : 0,
      writeJsonObject(organization.publicMetadata),
      writeJsonObject(organization.privateMetadata),
      organization.createdBy,
      organization.createdAt,
      organization.createdAt,
    );
    return this.get(id);
  }

  private slugTaken(slug: string): boolean {
    return statement(this.db, 'SELECT 1 FROM organizations WHERE slug = ?').get(slug) !== undefined;
  }

  /** The row of the organization with this ID or slug, or `undefined`. */
  find(idOrSlug: string): OrganizationRow | undefined {
    return statement(this.db, 'SELECT * FROM organizations WHERE id = ? OR slug = ?').get(
      idOrSlug,
      idOrSlug,
    ) as OrganizationRow | undefined;
  }

  /** The row of the organization with this ID or slug; 404 when there is none. */
  get(idOrSlug: string): OrganizationRow {
    const row = this.find(idOrSlug);
    if (!row) throw notFound('Organization', 'Given organization not found.');
    return row;
  }

  /** Rows by ID, for building a page of memberships. */
  getMany(ids: readonly string[]): Map<string, OrganizationRow> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = statement(
      this.db,
      `SELECT * FROM organizations WHERE id IN (${unique.map(() => '?').join(', ')})`,
    ).all(...unique) as OrganizationRow[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Adds `delta` to `members_count` (inside the membership change's transaction). */
  adjustMembersCount(id: string, delta: number): void {
    statement(this.db, 'UPDATE organizations SET members_count = members_count + ? WHERE id = ?').run(
      delta,
      id,
    );
  }

  /** A page of organizations and the count of the whole filtered list. */
  list(query: OrganizationListQuery): { rows: OrganizationRow[]; totalCount: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.query !== null) {
      where.push("(o.id = ? OR o.name LIKE ? ESCAPE '\\' OR o.slug LIKE ? ESCAPE '\\')");
      const pattern = likeContains(query.query);
      params.push(query.query, pattern, pattern);
    }
    addInclusion(where, params, 'o.id', query.organizationIds);
    addInclusion(
      where,
      params,
      'o.id',
      query.userIds,
      'SELECT organization_id FROM memberships WHERE user_id',
    );
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const direction = query.orderBy.descending ? 'DESC' : 'ASC';
    const rows = statement(
      this.db,
      `SELECT o.* FROM organizations o ${whereSql}
         ORDER BY ${ORDER_COLUMNS[query.orderBy.field]} ${direction}, o.seq ${direction} LIMIT ? OFFSET ?`,
    ).all(...params, query.limit, query.offset) as OrganizationRow[];
    const count = statement(this.db, `SELECT COUNT(*) AS n FROM organizations o ${whereSql}`).get(
      ...params,
    ) as {
      n: number;
    };
    return { rows, totalCount: count.n };
  }
}

function slugExists(paramName: string, value: string): ClerkHttpError {
  return new ClerkHttpError(
    422,
    'form_identifier_exists',
    'That slug is taken.',
    `${value} is already taken by another organization. Please try another one.`,
    { paramName },
  );
}
