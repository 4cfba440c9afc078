import { isRosterApiError, type MembershipsClient } from '@roster/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCreateMembership } from '../src/use-create-membership';
import { useMembershipPermissions } from '../src/use-membership-permissions';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useRemoveMembership } from '../src/use-remove-membership';
import { useUpdateMembershipMetadata } from '../src/use-update-membership-metadata';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { type LocalBackend, startLocalBackend } from './support/local-backend';
import { memberOf, userIds } from './support/member-ids';
import { rosterWrapper } from './support/render-roster';
import { ADMIN, createTestSeed, ORG, userId } from './support/test-seed';

let backend: LocalBackend;
let client: MembershipsClient;

beforeEach(async () => {
  backend = await startLocalBackend(createTestSeed());
  client = backend.client;
});
afterEach(() => backend.close());

function useMembersPage() {
  const list = useOrganizationMemberships({ organizationId: ORG });
  const members = useOrganizationMemberships({ organizationId: ORG, role: ['org:member'], pageSize: 50 });
  const admins = useOrganizationMemberships({ organizationId: ORG, role: ['org:admin'] });
  return {
    list,
    members,
    admins,
    permissions: useMembershipPermissions(ORG, memberOf(list.data, userId(25))),
    changeRole: useUpdateMembershipRole(ORG),
    remove: useRemoveMembership(ORG),
    merge: useUpdateMembershipMetadata(ORG),
    create: useCreateMembership(ORG),
  };
}

describe('given the hooks on the HTTP client and the local Backend API', () => {
  it('when the page loads, it lists members and answers permissions from the server data', async () => {
    const { result } = renderHook(useMembersPage, { wrapper: rosterWrapper(client) });
    await waitFor(() => expect(result.current.list.data).toHaveLength(10));
    expect(result.current.list.totalCount).toBe(25);
    expect(userIds(result.current.list.data)[0]).toBe(userId(25));
    await waitFor(() => expect(result.current.permissions.isLoading).toBe(false));
    // The admin count is requested once the viewer is known to manage members: a request later.
    await waitFor(() => expect(result.current.permissions.adminCount).toBe(1));
    expect(result.current.permissions).toMatchObject({ canManage: true, canRemove: true, adminCount: 1 });
  });

  it('when a role changes and metadata merges, every view holds what the server returned', async () => {
    const { result } = renderHook(useMembersPage, { wrapper: rosterWrapper(client) });
    await waitFor(() => expect(result.current.members.data).toHaveLength(24));
    await act(async () => {
      await result.current.changeRole.trigger({ userId: userId(25), role: 'org:admin' });
    });
    expect(memberOf(result.current.list.data, userId(25))?.role).toBe('org:admin');
    expect(memberOf(result.current.members.data, userId(25))).toBeUndefined();
    await act(async () => {
      await result.current.merge.trigger({ userId: userId(24), publicMetadata: { seat: null, desk: 'B2' } });
    });
    const fresh = await client.listMemberships({ organizationId: ORG, limit: 10 });
    await waitFor(() => expect(result.current.list.data).toEqual(fresh.data));
    expect(memberOf(result.current.list.data, userId(24))?.publicMetadata).toEqual({ desk: 'B2' });
  });

  it('when a member is removed and another added, the views converge on the server after revalidation', async () => {
    const { result } = renderHook(useMembersPage, { wrapper: rosterWrapper(client) });
    await waitFor(() => expect(result.current.list.data).toHaveLength(10));
    await act(async () => {
      await result.current.remove.trigger({ userId: userId(20) });
      await result.current.create.trigger({ userId: 'user_90', role: 'org:member' });
    });
    const fresh = await client.listMemberships({ organizationId: ORG, limit: 10 });
    await waitFor(() => expect(result.current.list.data).toEqual(fresh.data));
    expect(result.current.list.totalCount).toBe(25);
    expect(userIds(result.current.list.data)[0]).toBe('user_90');
  });

  it('when the server refuses (last admin), the change is undone and trigger rejects with the Clerk error', async () => {
    const { result } = renderHook(useMembersPage, { wrapper: rosterWrapper(client) });
    await waitFor(() => expect(result.current.members.data).toHaveLength(24));
    let failure: unknown;
    await act(async () => {
      failure = await result.current.changeRole
        .trigger({ userId: ADMIN, role: 'org:member' })
        .catch((e: unknown) => e);
    });
    expect(isRosterApiError(failure)).toBe(true);
    expect(result.current.changeRole.error).toBe(failure);
    expect(failure).toMatchObject({ status: 400 });
    expect(memberOf(result.current.admins.data, ADMIN)?.role).toBe('org:admin');
    expect(memberOf(result.current.members.data, ADMIN)).toBeUndefined();
    const server = await client.listMemberships({ organizationId: ORG, role: ['org:admin'] });
    expect(userIds(server.data)).toEqual([ADMIN]);
  });
});
