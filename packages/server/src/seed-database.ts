import { DEFAULT_ROLES } from '@roster/core';
import type { SeedData, SeedUser } from '@roster/core/testing';
import { indexName, SECONDARY_INDEXES, type SqliteDatabase } from './database';
import { createSeededId } from './ids';
import { RoleStore } from './role-store';
import { UserStore, userSearchText } from './user-store';

/** Stores Clerk's default roles when the database has none (a fresh database without a seed). */
export function ensureRoles(db: SqliteDatabase): void {
  const row = db.prepare('SELECT COUNT(*) AS n FROM roles').get() as { n: number };
  if (row.n === 0) db.transaction(() => RoleStore.insert(db, DEFAULT_ROLES))();
}

function identifiers(user: SeedUser) {
  return {
    emailAddresses: [user.emailAddress],
    phoneNumbers: user.phoneNumber ? [user.phoneNumber] : [],
    web3Wallets: user.web3Wallet ? [user.web3Wallet] : [],
  };
}

/**
 * Writes seed data into an empty database in one transaction, with deterministic IDs for the
 * records the seed does not name (membership and email IDs), so the same seed gives the same data.
 * Throws (and writes nothing) when a membership names an unknown user, organization or role.
 */
export function seedDatabase(db: SqliteDatabase, seed: SeedData): void {
  const roles = seed.roles ?? DEFAULT_ROLES;
  const roleKeys = new Set(roles.map((role) => role.key));
  const users = new Map(seed.users.map((user) => [user.id, user]));
  const organizations = new Set(seed.organizations.map((organization) => organization.id));
  db.transaction(() => {
    // Bulk load: build each index once at the end instead of growing it row by row.
    for (const index of SECONDARY_INDEXES) db.exec(`DROP INDEX IF EXISTS ${indexName(index)}`);
    RoleStore.insert(db, roles);
    const userStore = new UserStore(db);
    for (const user of seed.users) {
      userStore.insert(
        {
          id: user.id,
          externalId: null,
          firstName: user.firstName,
          lastName: user.lastName,
          username: user.username ?? null,
          ...identifiers(user),
          imageUrl: user.imageUrl ?? null,
          publicMetadata: {},
          privateMetadata: {},
          unsafeMetadata: {},
          lastActiveAt: user.lastActiveAt ?? null,
          createdAt: user.createdAt,
        },
        { seeded: true },
      );
    }
    const insertOrganization = db.prepare(
      `INSERT INTO organizations (id, name, slug, image_url, max_allowed_memberships, admin_delete_enabled,
         public_metadata, private_metadata, created_by, members_count, created_at, updated_at)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, 0, ?, ?)`,
    );
    for (const organization of seed.organizations) {
      insertOrganization.run(
        organization.id,
        organization.name,
        organization.slug,
        organization.maxAllowedMemberships ?? 0,
        organization.adminDeleteEnabled === false ? 0 : 1,
        JSON.stringify(organization.publicMetadata ?? {}),
        JSON.stringify(organization.privateMetadata ?? {}),
        organization.createdBy ?? null,
        organization.createdAt,
        organization.createdAt,
      );
    }
    const insertMembership = db.prepare(
      `INSERT INTO memberships (id, organization_id, user_id, role, public_metadata, private_metadata,
         created_at, updated_at, first_name, last_name, email_address, phone_number, username, search_text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const membership of seed.memberships) {
      const user = users.get(membership.userId);
      if (!user) throw new Error(`Seed membership names unknown user ${membership.userId}.`);
      if (!organizations.has(membership.organizationId)) {
        throw new Error(`Seed membership names unknown organization ${membership.organizationId}.`);
      }
      if (!roleKeys.has(membership.role))
        throw new Error(`Seed membership names unknown role ${membership.role}.`);
      insertMembership.run(
        createSeededId('orgmem', `${membership.organizationId}:${membership.userId}`),
        membership.organizationId,
        membership.userId,
        membership.role,
        JSON.stringify(membership.publicMetadata ?? {}),
        JSON.stringify(membership.privateMetadata ?? {}),
        membership.createdAt,
        membership.createdAt,
        user.firstName,
        user.lastName,
        user.emailAddress,
        user.phoneNumber ?? null,
        user.username ?? null,
        userSearchText({
          id: user.id,
          firstName: user.firstName,
          lastName: user.lastName,
          username: user.username ?? null,
          ...identifiers(user),
        }),
      );
    }
    db.exec(
      'UPDATE organizations SET members_count = (SELECT COUNT(*) FROM memberships m WHERE m.organization_id = organizations.id)',
    );
    db.exec('INSERT INTO membership_search (rowid, search_text) SELECT seq, search_text FROM memberships');
    for (const index of SECONDARY_INDEXES) db.exec(index);
  })();
  db.pragma('optimize');
}
