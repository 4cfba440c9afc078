import { isAdminPermissionSet, type Role, rolePermissionKeys } from '@roster/core';
import type { SqliteDatabase } from './database';

/**
 * The instance's organization roles, read once from the database (roles never change at run time
 * in this server) so every membership can carry `role_name` and `permissions` without a join.
 */
export class RoleStore {
  private readonly roles: Role[];
  private readonly byKey: Map<string, Role>;

  constructor(db: SqliteDatabase) {
    const rows = db.prepare('SELECT json FROM roles ORDER BY position').all() as { json: string }[];
    this.roles = rows.map((row) => JSON.parse(row.json) as Role);
    this.byKey = new Map(this.roles.map((role) => [role.key, role]));
  }

  /** Stores the roles (in order). Only for an empty database, during seeding. */
  static insert(db: SqliteDatabase, roles: readonly Role[]): void {
    const insert = db.prepare('INSERT INTO roles (key, position, json) VALUES (?, ?, ?)');
    roles.forEach((role, position) => {
      insert.run(role.key, position, JSON.stringify(role));
    });
  }

  /** Every role, in the instance's order. */
  all(): Role[] {
    return this.roles;
  }

  /** The role with this key, if the instance defines it. */
  get(key: string): Role | undefined {
    return this.byKey.get(key);
  }

  /** The keys of the roles that count as admin for the last-admin rule. */
  adminKeys(): string[] {
    return this.roles.filter((role) => isAdminPermissionSet(rolePermissionKeys(role))).map((r) => r.key);
  }

  /** Whether a role key counts as admin. */
  isAdmin(key: string): boolean {
    const role = this.byKey.get(key);
    return role !== undefined && isAdminPermissionSet(rolePermissionKeys(role));
  }

  /** The role an organization's creator gets: `org:admin` when defined, else the first creator-eligible role. */
  creatorRole(): Role | undefined {
    return this.byKey.get('org:admin') ?? this.roles.find((role) => role.isCreatorEligible);
  }
}
