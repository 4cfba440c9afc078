import { DEFAULT_ROLES } from '@roster/core';
import { createMemoryClient } from '@roster/core/testing';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RosterProvider } from '../src/roster-provider';
import { useCreateMembership } from '../src/use-create-membership';
import { useIsMembershipPending } from '../src/use-is-membership-pending';
import { useMembershipPermissions } from '../src/use-membership-permissions';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useOrganizationRoles } from '../src/use-organization-roles';
import { usePendingMembershipOperations } from '../src/use-pending-membership-operations';
import { useRemoveMembership } from '../src/use-remove-membership';
import { useRoster } from '../src/use-roster';
import { useUpdateMembershipMetadata } from '../src/use-update-membership-metadata';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { useUserOrganizationMemberships } from '../src/use-user-organization-memberships';
import { memberOf } from './support/member-ids';
import { renderRosterHook } from './support/render-roster';
import { ADMIN, createTestSeed, ORG, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

describe('given a hook used outside RosterProvider', () => {
  const hooks: [string, () => unknown][] = [
    ['useRoster', () => useRoster()],
    ['useOrganizationMemberships', () => useOrganizationMemberships({ organizationId: ORG })],
    ['useUserOrganizationMemberships', () => useUserOrganizationMemberships({ userId: ADMIN })],
    ['useCreateMembership', () => useCreateMembership(ORG)],
    ['useUpdateMembershipRole', () => useUpdateMembershipRole(ORG)],
    ['useRemoveMembership', () => useRemoveMembership(ORG)],
    ['useUpdateMembershipMetadata', () => useUpdateMembershipMetadata(ORG)],
    ['useMembershipPermissions', () => useMembershipPermissions(ORG)],
    ['useOrganizationRoles', () => useOrganizationRoles()],
    ['usePendingMembershipOperations', () => usePendingMembershipOperations(ORG)],
    ['useIsMembershipPending', () => useIsMembershipPending(ORG, ADMIN)],
  ];
  for (const [name, hook] of hooks) {
    it(`when ${name} renders, it throws an error naming RosterProvider`, () => {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(() => renderHook(hook)).toThrow(/RosterProvider/);
      vi.restoreAllMocks();
    });
  }
});

describe('given a provider', () => {
  it('when useRoster is read, it gives the client, the viewer and whether users can be searched', () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderRosterHook(() => useRoster(), client);
    expect(result.current.client).toBe(client);
    expect(result.current.viewer).toEqual({ userId: ADMIN });
    expect(result.current.canSearchUsers).toBe(true);
  });

  it('when the client cannot search users, canSearchUsers is false', () => {
    const { listUsers: _listUsers, ...withoutSearch } = createMemoryClient(createTestSeed());
    const { result } = renderRosterHook(() => useRoster(), withoutSearch);
    expect(result.current.canSearchUsers).toBe(false);
  });

  it('when no roles are given, useOrganizationRoles loads them once from the client', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderRosterHook(
      () => [useOrganizationRoles(), useOrganizationRoles()] as const,
      client,
    );
    expect(result.current[0].isLoading).toBe(true);
    await advance(1);
    expect(result.current[0].data?.map((r) => r.key).sort()).toEqual([
      'org:admin',
      'org:billing',
      'org:member',
    ]);
    expect(client.requests.filter((r) => r.method === 'listRoles')).toHaveLength(1);
  });
});

describe('given a provider with roles', () => {
  it('when useOrganizationRoles is read, it gives those roles without a request', async () => {
    const client = createMemoryClient(createTestSeed());
    const roles = [...DEFAULT_ROLES];
    const { result } = renderHook(() => useOrganizationRoles(), {
      wrapper: ({ children }) => (
        <RosterProvider client={client} viewer={{ userId: ADMIN }} roles={roles}>
          {children}
        </RosterProvider>
      ),
    });
    expect(result.current).toEqual({ data: roles, isLoading: false, error: undefined });
    await advance(1);
    expect(client.requests.filter((r) => r.method === 'listRoles')).toHaveLength(0);
  });
});

describe('given the viewer is an admin and there is one admin', () => {
  it('when asking about another member, changing and removing are allowed', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderRosterHook(() => {
      const list = useOrganizationMemberships({ organizationId: ORG, pageSize: 50 });
      return { list, permissions: useMembershipPermissions(ORG, memberOf(list.data, userId(5))) };
    }, client);
    expect(result.current.permissions).toMatchObject({ isLoading: true, canRead: false });
    await settleAll();
    expect(result.current.permissions).toMatchObject({
      isLoading: false,
      canRead: true,
      canManage: true,
      canChangeRole: true,
      canRemove: true,
      reason: null,
      adminCount: 1,
    });
  });

  it('when asked once for the list, permissionsFor answers per row with the same viewer and admin count', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderRosterHook(() => {
      const list = useOrganizationMemberships({ organizationId: ORG, pageSize: 50 });
      return { list, permissions: useMembershipPermissions(ORG) };
    }, client);
    await settleAll();
    const { permissionsFor, canAdd } = result.current.permissions;
    expect(canAdd).toBe(true);
    expect(permissionsFor(memberOf(result.current.list.data, userId(5)))).toMatchObject({ canRemove: true });
    expect(permissionsFor(memberOf(result.current.list.data, ADMIN))).toMatchObject({ reason: 'self' });
    expect(permissionsFor(memberOf(result.current.list.data, userId(5)), 'org:nope')).toMatchObject({
      canChangeRole: false,
      reason: 'unknown-role',
    });
  });

  it('when asking about their own membership, the reason is self', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderRosterHook(() => {
      const list = useOrganizationMemberships({ organizationId: ORG, pageSize: 50 });
      return useMembershipPermissions(ORG, memberOf(list.data, ADMIN));
    }, client);
    await settleAll();
    expect(result.current).toMatchObject({ canChangeRole: false, canRemove: false, reason: 'self' });
  });

  it('when the viewer is a plain member, managing is not permitted', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderRosterHook(
      () => {
        const list = useOrganizationMemberships({ organizationId: ORG, pageSize: 50 });
        return useMembershipPermissions(ORG, memberOf(list.data, userId(5)));
      },
      client,
      userId(4),
    );
    await settleAll();
    expect(result.current).toMatchObject({
      canRead: true,
      canManage: false,
      canRemove: false,
      reason: 'not-permitted',
    });
  });
});

describe('given an admin viewer and a second admin', () => {
  it('when the other admin is demoted optimistically, the admin count drops at once', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderRosterHook(() => {
      const list = useOrganizationMemberships({ organizationId: ORG, pageSize: 50 });
      return {
        other: useMembershipPermissions(ORG, memberOf(list.data, userId(6)), { nextRole: 'org:member' }),
        promote: useUpdateMembershipRole(ORG),
      };
    }, client);
    await settleAll();
    expect(result.current.other.canChangeRole).toBe(true);
    await act(async () => {
      await result.current.promote.trigger({ userId: userId(6), role: 'org:admin' });
    });
    await settleAll();
    expect(result.current.other.adminCount).toBe(2);

    client.setLatency(1000);
    act(() => {
      void result.current.promote.trigger({ userId: userId(6), role: 'org:member' });
    });
    expect(result.current.other.adminCount).toBe(1);
    await settleAll();
    expect(result.current.other.adminCount).toBe(1);
  });
});

describe('given mutation hooks with callbacks', () => {
  it('when a trigger succeeds or fails, onSuccess gets the membership and onError the RosterApiError', async () => {
    const client = createMemoryClient(createTestSeed());
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const { result } = renderRosterHook(() => useUpdateMembershipRole(ORG, { onSuccess, onError }), client);
    let membership: unknown;
    await act(async () => {
      membership = await result.current.trigger({ userId: userId(5), role: 'org:admin' });
    });
    expect(onSuccess).toHaveBeenCalledWith(membership);
    client.failNext('updateMembership');
    let failure: unknown;
    await act(async () => {
      failure = await result.current
        .trigger({ userId: userId(5), role: 'org:member' })
        .catch((e: unknown) => e);
    });
    expect(onError).toHaveBeenCalledWith(failure);
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });
});

describe('given a pending change', () => {
  it('when it is waiting for the server, the member is marked pending until it settles', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderRosterHook(
      () => ({
        pending: useIsMembershipPending(ORG, userId(5)),
        other: useIsMembershipPending(ORG, userId(6)),
        operations: usePendingMembershipOperations(ORG),
        merge: useUpdateMembershipMetadata(ORG),
      }),
      client,
    );
    client.setLatency(100);
    act(() => {
      void result.current.merge.trigger({ userId: userId(5), publicMetadata: { x: 1 } });
    });
    expect(result.current.pending).toBe(true);
    expect(result.current.other).toBe(false);
    expect(result.current.operations).toMatchObject([{ kind: 'metadata-update', userId: userId(5) }]);
    await advance(100);
    expect(result.current.pending).toBe(false);
    expect(result.current.operations).toEqual([]);
  });
});
