import type { SqliteDatabase } from './database';
import { InvitationStore } from './invitation-store';
import { MembershipStore } from './membership-store';
import { OrganizationStore } from './organization-store';
import { RoleStore } from './role-store';
import { UserStore } from './user-store';

/** Every store over one database, plus the clock mutations stamp `updated_at` with. */
export interface BackendStores {
  db: SqliteDatabase;
  users: UserStore;
  organizations: OrganizationStore;
  memberships: MembershipStore;
  invitations: InvitationStore;
  roles: RoleStore;
  now: () => number;
}

/** Builds the stores. The roles must already be in the database (see `seed-database.ts`). */
export function createBackendStores(db: SqliteDatabase, now: () => number): BackendStores {
  const users = new UserStore(db);
  const organizations = new OrganizationStore(db);
  const roles = new RoleStore(db);
  const memberships = new MembershipStore(db, { users, organizations, roles }, now);
  const invitations = new InvitationStore(db, { users, organizations, roles, memberships }, now);
  return { db, users, organizations, memberships, invitations, roles, now };
}
