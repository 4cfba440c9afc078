import type {
  CreateMembershipParams,
  DeleteMembershipParams,
  UpdateMembershipMetadataParams,
  UpdateMembershipParams,
} from './client';
import type { MembershipCache, MembershipCommandOptions } from './membership-cache';
import type { Metadata, MetadataPatch, OrganizationMembership, Role } from './models';
import { rolePermissionKeys } from './roles';

type AnyMembership = OrganizationMembership<Metadata, Metadata>;

/**
 * A role change, optimistic: every view shows the new role at once (with its name and permissions
 * when `roles` has it); a view filtered by role drops the member when the new role is outside it.
 */
export function changeMembershipRole(
  cache: MembershipCache,
  params: UpdateMembershipParams,
  roles?: readonly Role[],
  options?: MembershipCommandOptions,
): Promise<AnyMembership> {
  const known = roles?.find((r) => r.key === params.role);
  const display = known ? { roleName: known.name, permissions: rolePermissionKeys(known) } : {};
  return cache.run(
    { kind: 'role-change', id: cache.nextOperationId(), ...params, ...display },
    (requestOptions) => cache.client.updateMembership(params, requestOptions),
    options,
  );
}

/** A removal, optimistic: the member leaves every view and counts go down at once. */
export function removeMembership(
  cache: MembershipCache,
  params: DeleteMembershipParams,
  options?: MembershipCommandOptions,
): Promise<AnyMembership> {
  return cache.run(
    { kind: 'removal', id: cache.nextOperationId(), ...params },
    (requestOptions) => cache.client.deleteMembership(params, requestOptions),
    options,
  );
}

/** A metadata merge, optimistic (the same deep merge as the server: `null` deletes a key). */
export function updateMembershipMetadata(
  cache: MembershipCache,
  params: { [K in keyof UpdateMembershipMetadataParams]: UpdateMembershipMetadataParams[K] | undefined } & {
    organizationId: string;
    userId: string;
  },
  options?: MembershipCommandOptions,
): Promise<AnyMembership> {
  const { organizationId, userId, publicMetadata, privateMetadata } = params;
  const patches: { publicMetadata?: MetadataPatch; privateMetadata?: MetadataPatch } = {};
  if (publicMetadata !== undefined) patches.publicMetadata = publicMetadata;
  if (privateMetadata !== undefined) patches.privateMetadata = privateMetadata;
  return cache.run(
    { kind: 'metadata-update', id: cache.nextOperationId(), organizationId, userId, ...patches },
    (requestOptions) =>
      cache.client.updateMembershipMetadata({ organizationId, userId, ...patches }, requestOptions),
    options,
  );
}

/**
 * A creation: counts of the lists the new member certainly belongs to go up at once; the member
 * shows where the order puts it once the views revalidate after the server confirms.
 */
export function createMembership(
  cache: MembershipCache,
  params: CreateMembershipParams,
  options?: MembershipCommandOptions,
): Promise<AnyMembership> {
  const { organizationId, userId, role } = params;
  return cache.run(
    { kind: 'creation', id: cache.nextOperationId(), organizationId, userId, role },
    (requestOptions) => cache.client.createMembership(params, requestOptions),
    options,
  );
}
