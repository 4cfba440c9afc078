import { createMemoryClient } from '@roster/core/testing';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useMembershipPermissions } from '../src/use-membership-permissions';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useRemoveMembership } from '../src/use-remove-membership';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { userIds } from './support/member-ids';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, userId } from './support/test-seed';
import { settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

type Client = ReturnType<typeof createMemoryClient>;

/** Requests the client received since `from`, by method. */
function requestsSince(client: Client, from: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of client.requests.slice(from)) counts[r.method] = (counts[r.method] ?? 0) + 1;
  return counts;
}

/** The first-load requests by what they are for: `page`, `next`, `viewer`, `admins`, `roles`. */
function firstLoad(client: Client): string[] {
  return client.requests.map((r) => {
    if (r.method !== 'listMemberships') return r.method === 'listRoles' ? 'roles' : r.method;
    const params = r.params as { userId?: string[]; role?: string[]; offset?: number };
    if (params.userId) return 'viewer';
    if (params.role) return 'admins';
    return params.offset ? 'next' : 'page';
  });
}

/** What a members page runs: the list, the viewer's permissions (own membership, admin count), the mutations. */
function renderMembersPage(client: Client, prefetchNextPage = true, viewerId?: string) {
  return renderHook(
    () => ({
      list: useOrganizationMemberships({ organizationId: ORG, prefetchNextPage }),
      permissions: useMembershipPermissions(ORG),
      remove: useRemoveMembership(ORG),
      changeRole: useUpdateMembershipRole(ORG),
    }),
    { wrapper: rosterWrapper(client, viewerId) },
  );
}

describe('given a members page on first load', () => {
  it('when the viewer manages members, it asks for the page, the next page, the viewer, the admin count and the roles', async () => {
    const client = createMemoryClient(createTestSeed());
    renderMembersPage(client);
    await settleAll();
    expect(firstLoad(client).sort()).toEqual(['admins', 'next', 'page', 'roles', 'viewer']);
  });

  it('when the viewer may only read, the admin count is not asked for (only managing needs it)', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderMembersPage(client, true, userId(2));
    await settleAll();
    expect(firstLoad(client).sort()).toEqual(['next', 'page', 'roles', 'viewer']);
    expect(result.current.list.data).toHaveLength(10);
    expect(result.current.permissions.adminCount).toBeUndefined();
  });
});

describe('given a members page of 25 members (10 a page) with the viewer’s permissions', () => {
  it('when a member is removed and the next page is prefetched, it costs 1 DELETE and no GET', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderMembersPage(client);
    await settleAll();
    const before = client.requests.length;
    await act(async () => {
      await result.current.remove.trigger({ userId: userId(20) });
    });
    await settleAll();
    expect(requestsSince(client, before)).toEqual({ deleteMembership: 1 });
    // The next member (user_15) moved up from page 2, the total went down locally.
    expect(userIds(result.current.list.data)).toEqual([
      ...[25, 24, 23, 22, 21, 19, 18, 17, 16, 15].map(userId),
    ]);
    expect(result.current.list.totalCount).toBe(24);
    expect(result.current.list.pageCount).toBe(3);
  });

  it('when a member is removed and the next page is not cached, it costs 1 DELETE and 1 GET', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderMembersPage(client, false);
    await settleAll();
    const before = client.requests.length;
    await act(async () => {
      await result.current.remove.trigger({ userId: userId(20) });
    });
    await settleAll();
    expect(requestsSince(client, before)).toEqual({ deleteMembership: 1, listMemberships: 1 });
    expect(userIds(result.current.list.data)).toHaveLength(10);
    expect(userIds(result.current.list.data)[9]).toBe(userId(15));
  });

  it('when a removal fails, the member is back in place and the counts are restored, with no GET', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderMembersPage(client);
    await settleAll();
    const shown = userIds(result.current.list.data);
    const before = client.requests.length;
    client.failNext('deleteMembership');
    await act(async () => {
      await result.current.remove.trigger({ userId: userId(20) }).catch(() => {});
    });
    await settleAll();
    expect(userIds(result.current.list.data)).toEqual(shown);
    expect(result.current.list.totalCount).toBe(25);
    expect(requestsSince(client, before)).toEqual({ deleteMembership: 1 });
  });

  it('when a member is promoted to admin and demoted again, each costs 1 PATCH and no GET, and the admin count follows', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderMembersPage(client);
    await settleAll();
    expect(result.current.permissions.adminCount).toBe(1);

    let before = client.requests.length;
    await act(async () => {
      await result.current.changeRole.trigger({ userId: userId(20), role: 'org:admin' });
    });
    await settleAll();
    expect(requestsSince(client, before)).toEqual({ updateMembership: 1 });
    expect(result.current.permissions.adminCount).toBe(2);

    before = client.requests.length;
    await act(async () => {
      await result.current.changeRole.trigger({ userId: userId(20), role: 'org:member' });
    });
    await settleAll();
    expect(requestsSince(client, before)).toEqual({ updateMembership: 1 });
    expect(result.current.permissions.adminCount).toBe(1);
  });
});
