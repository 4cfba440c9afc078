import type { OrganizationMembership, PublicUserData } from '@roster/core';
import { createMemoryClient, type MemoryClient } from '@roster/core/testing';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useBulkMembershipActions } from '../src/use-bulk-membership-actions';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { memberOf } from './support/member-ids';
import { rosterWrapper } from './support/render-roster';
import { ADMIN, createTestSeed, ORG, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

/** The client's own data for a member (not the cache's). */
async function stored(client: MemoryClient, id: string): Promise<OrganizationMembership | undefined> {
  let page: Awaited<ReturnType<MemoryClient['listMemberships']>> | undefined;
  await act(async () => {
    const pending = client.listMemberships({ organizationId: ORG, limit: 100 });
    await vi.advanceTimersByTimeAsync(1000);
    page = await pending;
  });
  return memberOf(page?.data ?? [], id);
}

async function setup(options: Parameters<typeof useBulkMembershipActions>[1] = {}) {
  const client = createMemoryClient(createTestSeed());
  const rendered = renderHook(
    () => ({
      list: useOrganizationMemberships({ organizationId: ORG }),
      bulk: useBulkMembershipActions(ORG, options),
    }),
    { wrapper: rosterWrapper(client) },
  );
  await advance(1);
  const pick = (...ids: string[]) =>
    ids.map((id) => memberOf(rendered.result.current.list.data, id) as OrganizationMembership);
  return { client, ...rendered, pick };
}

const deletes = (client: MemoryClient) => client.requests.filter((r) => r.method === 'deleteMembership');

describe('useBulkMembershipActions', () => {
  it('a bulk role change of two shows at once and persists in the client', async () => {
    const { client, result, pick } = await setup();
    act(() => {
      result.current.bulk.changeRole(pick(userId(20), userId(21)), 'org:admin');
    });
    expect(memberOf(result.current.list.data, userId(20))?.role).toBe('org:admin');
    expect(result.current.bulk.isMutating).toBe(true);
    await settleAll();
    expect(result.current.bulk.isMutating).toBe(false);
    expect((await stored(client, userId(20)))?.role).toBe('org:admin');
    expect((await stored(client, userId(21)))?.role).toBe('org:admin');
  });

  it('a bulk removal of two lowers the total by two; the viewer is skipped with the reason', async () => {
    const onSettled = vi.fn();
    const { client, result, pick } = await setup({ onSettled });
    client.setLatency(100);
    let skipped: unknown;
    act(() => {
      skipped = result.current.bulk.remove(pick(userId(24), userId(25))).skipped;
    });
    expect(skipped).toEqual([]);
    expect(result.current.list.totalCount).toBe(23);
    await settleAll();
    expect(result.current.list.totalCount).toBe(23);
    expect(await stored(client, userId(24))).toBeUndefined();
    expect(onSettled.mock.calls[0]?.[0].succeeded).toHaveLength(2);
    // The viewer's own membership, as a row would hold it.
    const shown = pick(userId(16))[0] as OrganizationMembership;
    const self = { ...shown, publicUserData: { ...(shown.publicUserData as PublicUserData), userId: ADMIN } };
    let result2: unknown;
    act(() => {
      result2 = result.current.bulk.remove([self]).skipped;
    });
    expect(result2).toEqual([{ userId: ADMIN, reason: 'self' }]);
  });

  it('reports a refused member as failed and reverts only that one', async () => {
    const { client, result, pick } = await setup();
    client.failNext('updateMembership');
    let settled: Promise<{ failed: { userId: string }[] }> | undefined;
    act(() => {
      settled = result.current.bulk.changeRole(pick(userId(20), userId(21)), 'org:admin').settled;
    });
    await settleAll();
    expect((await settled)?.failed.map((f) => f.userId)).toEqual([userId(20)]);
    expect(memberOf(result.current.list.data, userId(20))?.role).toBe('org:member');
    expect(memberOf(result.current.list.data, userId(21))?.role).toBe('org:admin');
  });

  it('undo of a removal leaves the member exactly as before in the client, with no DELETE sent', async () => {
    const { client, result, pick } = await setup({ undoWindowMs: 5000 });
    const before = await stored(client, userId(22));
    act(() => {
      result.current.bulk.remove(pick(userId(22)));
    });
    expect(memberOf(result.current.list.data, userId(22))).toBeUndefined();
    expect(result.current.list.totalCount).toBe(24);
    await advance(3000);
    expect(result.current.bulk.undo?.state).toBe('open');
    await act(async () => {
      await result.current.bulk.undo?.undo();
    });
    expect(result.current.bulk.undo).toBeNull();
    await settleAll();
    expect(deletes(client)).toHaveLength(0);
    expect(await stored(client, userId(22))).toEqual(before);
    expect(memberOf(result.current.list.data, userId(22))).toEqual(pick(userId(22))[0]);
    expect(result.current.list.totalCount).toBe(25);
  });

  it('the window’s end sends the deferred DELETE once; pause holds it', async () => {
    const { client, result, pick } = await setup({ undoWindowMs: 5000 });
    act(() => {
      result.current.bulk.remove(pick(userId(22)));
    });
    act(() => result.current.bulk.undo?.pause());
    await advance(30_000);
    expect(deletes(client)).toHaveLength(0);
    act(() => result.current.bulk.undo?.resume());
    await advance(5000);
    await settleAll();
    expect(deletes(client)).toHaveLength(1);
    expect(await stored(client, userId(22))).toBeUndefined();
  });

  it('undo of a bulk role change restores both roles', async () => {
    const { client, result, pick } = await setup({ undoWindowMs: 5000 });
    act(() => {
      result.current.bulk.changeRole(pick(userId(20), userId(21)), 'org:admin');
    });
    await advance(100);
    await act(async () => {
      await result.current.bulk.undo?.undo();
    });
    await settleAll();
    expect((await stored(client, userId(20)))?.role).toBe('org:member');
    expect((await stored(client, userId(21)))?.role).toBe('org:member');
    expect(memberOf(result.current.list.data, userId(21))?.role).toBe('org:member');
  });

  it('pagehide sends pending deferred removals at once; so does unmounting the provider', async () => {
    const { client, result, pick, unmount } = await setup({ undoWindowMs: 5000 });
    act(() => {
      result.current.bulk.remove(pick(userId(22)));
    });
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await advance(1000);
    expect(deletes(client)).toHaveLength(1);
    act(() => {
      result.current.bulk.remove(pick(userId(23)));
    });
    unmount();
    await advance(1000);
    expect(deletes(client)).toHaveLength(2);
  });
});
