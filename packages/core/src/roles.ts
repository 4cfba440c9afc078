import type { Role } from './models';

/** The permission to list an organization's members. */
export const PERMISSION_READ_MEMBERSHIPS = 'org:sys_memberships:read';
/** The permission to add and remove members and change their roles. */
export const PERMISSION_MANAGE_MEMBERSHIPS = 'org:sys_memberships:manage';

/** Clerk's default admin role key. */
export const ROLE_ADMIN = 'org:admin';
/** Clerk's default member role key. */
export const ROLE_MEMBER = 'org:member';

const EPOCH = Date.UTC(2024, 0, 1);

function permission(key: string, name: string, description: string) {
  return {
    object: 'permission' as const,
    id: `perm_${key.replace(/[^a-z]/g, '_')}`,
    key,
    name,
    description,
    type: 'system',
    createdAt: EPOCH,
    updatedAt: EPOCH,
  };
}

const PROFILE_MANAGE = permission(
  'org:sys_profile:manage',
  'Manage organization',
  'Update the organization.',
);
const PROFILE_DELETE = permission(
  'org:sys_profile:delete',
  'Delete organization',
  'Delete the organization.',
);
const MEMBERS_READ = permission(PERMISSION_READ_MEMBERSHIPS, 'Read members', 'List the members.');
const MEMBERS_MANAGE = permission(
  PERMISSION_MANAGE_MEMBERSHIPS,
  'Manage members',
  'Add, remove and change the roles of members.',
);
const DOMAINS_READ = permission('org:sys_domains:read', 'Read domains', 'List verified domains.');
const DOMAINS_MANAGE = permission('org:sys_domains:manage', 'Manage domains', 'Add and remove domains.');

/**
 * Clerk's two default roles, with the system permissions they grant. The local server and the
 * in-memory client start from these; your instance may define more.
 */
export const DEFAULT_ROLES: readonly Role[] = [
  {
    object: 'role',
    id: 'role_admin',
    key: ROLE_ADMIN,
    name: 'Admin',
    description: 'Can manage the organization and its members.',
    isCreatorEligible: true,
    permissions: [PROFILE_MANAGE, PROFILE_DELETE, MEMBERS_READ, MEMBERS_MANAGE, DOMAINS_READ, DOMAINS_MANAGE],
    createdAt: EPOCH,
    updatedAt: EPOCH,
  },
  {
    object: 'role',
    id: 'role_member',
    key: ROLE_MEMBER,
    name: 'Member',
    description: 'Can see the organization and its members.',
    isCreatorEligible: false,
    permissions: [MEMBERS_READ, DOMAINS_READ],
    createdAt: EPOCH,
    updatedAt: EPOCH,
  },
];

/** The permission keys a role grants. */
export function rolePermissionKeys(role: Role): string[] {
  return role.permissions.map((p) => p.key);
}

/**
 * Whether a membership with these permissions counts as an admin for the last-admin rule: an
 * organization must keep at least one member who can manage memberships.
 */
export function isAdminPermissionSet(permissions: readonly string[]): boolean {
  return permissions.includes(PERMISSION_MANAGE_MEMBERSHIPS);
}
