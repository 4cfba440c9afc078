import { createMemoryClient } from '@roster/core/testing';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCreateMembership } from '../src/use-create-membership';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useRemoveMembership } from '../src/use-remove-membership';
import { userIds } from './support/member-ids';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

const range = (from: number, to: number) => {
  const out: string[] = [];
  for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? 1 : -1) out.push(userId(n));
  return out;
};

describe('given the first page of 25 members', () => {
  it('when a member is removed, totalCount goes down at once, then the next member moves up from the prefetched page, with no list request', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderHook(
      () => ({ list: useOrganizationMemberships({ organizationId: ORG }), remove: useRemoveMembership(ORG) }),
      { wrapper: rosterWrapper(client) },
    );
    await advance(1);
    expect(userIds(result.current.list.data)).toEqual(range(25, 16));

    client.setLatency(100);
    act(() => {
      void result.current.remove.trigger({ userId: userId(20) });
    });
    expect(result.current.list.totalCount).toBe(24);
    expect(result.current.list.data).toHaveLength(9);
    const requestsBefore = client.requests.filter((r) => r.method === 'listMemberships').length;

    await settleAll();
    // The next page was prefetched: the next member is pulled up from it (before: a revalidation).
    expect(client.requests.filter((r) => r.method === 'listMemberships')).toHaveLength(requestsBefore);
    expect(userIds(result.current.list.data)).toEqual([...range(25, 21), ...range(19, 15)]);
    expect(result.current.list.totalCount).toBe(24);
  });

  it('when a member is added, totalCount goes up at once and the member appears where the sort puts it after revalidation', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderHook(
      () => ({ list: useOrganizationMemberships({ organizationId: ORG }), create: useCreateMembership(ORG) }),
      { wrapper: rosterWrapper(client) },
    );
    await advance(1);
    client.setLatency(100);
    act(() => {
      void result.current.create.trigger({ userId: 'user_90', role: 'org:member' });
    });
    expect(result.current.list.totalCount).toBe(26);
    expect(userIds(result.current.list.data)).toEqual(range(25, 16));

    await settleAll();
    // Newest first: the new member leads the first page.
    expect(userIds(result.current.list.data)).toEqual(['user_90', ...range(25, 17)]);
    expect(result.current.list.totalCount).toBe(26);
  });
});

describe('given the last page holding a single member', () => {
  it('when that member is removed, the view moves to the last page that has members', async () => {
    const client = createMemoryClient(createTestSeed({ members: 21 }));
    const { result } = renderHook(
      () => ({
        list: useOrganizationMemberships({ organizationId: ORG, orderBy: '+created_at', initialPage: 3 }),
        remove: useRemoveMembership(ORG),
      }),
      { wrapper: rosterWrapper(client) },
    );
    await advance(1);
    expect(result.current.list.page).toBe(3);
    expect(userIds(result.current.list.data)).toEqual([userId(21)]);

    client.setLatency(100);
    act(() => {
      void result.current.remove.trigger({ userId: userId(21) });
    });
    expect(result.current.list.page).toBe(2);
    expect(result.current.list.pageCount).toBe(2);

    await settleAll();
    expect(result.current.list.page).toBe(2);
    expect(userIds(result.current.list.data)).toEqual(range(11, 20));
    expect(result.current.list.hasNextPage).toBe(false);
  });
});

describe('given a page left for the next one, then dropped from the cache by a removal', () => {
  it('when the user goes back to it at once, it loads again (not stuck loading behind SWR deduping)', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderHook(
      () => ({ list: useOrganizationMemberships({ organizationId: ORG }), remove: useRemoveMembership(ORG) }),
      { wrapper: rosterWrapper(client) },
    );
    await advance(1);
    act(() => result.current.list.fetchNext());
    await advance(1);
    expect(result.current.list.page).toBe(2);
    // A removal makes every page of the list stale: page 1, not on screen, is dropped.
    await act(async () => {
      await result.current.remove.trigger({ userId: userId(12) });
    });
    await advance(1);
    act(() => result.current.list.fetchPrevious());
    await advance(1);
    expect(result.current.list.page).toBe(1);
    expect(result.current.list.isLoading).toBe(false);
    expect(userIds(result.current.list.data)).toEqual(range(25, 16));
  });
});
