import type { ListMembershipsParams } from '@roster/core';
import { createControllableClient, createMemoryClient } from '@roster/core/testing';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UseOrganizationMembershipsOptions } from '../src/use-organization-memberships';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useUserOrganizationMemberships } from '../src/use-user-organization-memberships';
import { userIds } from './support/member-ids';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

type Client = ReturnType<typeof createMemoryClient>;

function listCalls(client: Client, match: Partial<ListMembershipsParams> = {}) {
  return client.requests.filter(
    (r) =>
      r.method === 'listMemberships' &&
      Object.entries(match).every(
        ([k, v]) => JSON.stringify((r.params as Record<string, unknown>)[k]) === JSON.stringify(v),
      ),
  );
}

describe('given two components showing the same view', () => {
  it('when their options are spelled differently but mean the same, one request serves both', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderHook(
      () => ({
        a: useOrganizationMemberships({ organizationId: ORG, role: ['org:member', 'org:admin'], query: '' }),
        b: useOrganizationMemberships({
          role: ['org:admin', 'org:member'],
          orderBy: '-created_at',
          pageSize: 10,
          organizationId: ORG,
        }),
      }),
      { wrapper: rosterWrapper(client) },
    );
    await advance(1);
    expect(result.current.a.data).toHaveLength(10);
    expect(result.current.b.data).toEqual(result.current.a.data);
    expect(result.current.b.data[0]).toBe(result.current.a.data[0]);
    expect(listCalls(client, { offset: 0 })).toHaveLength(1);
  });
});

describe('given a paged list', () => {
  function setup(options: Partial<UseOrganizationMembershipsOptions> = {}) {
    const client = createMemoryClient(createTestSeed());
    const rendered = renderHook(
      (props: Partial<UseOrganizationMembershipsOptions>) =>
        useOrganizationMemberships({ organizationId: ORG, ...options, ...props }),
      { wrapper: rosterWrapper(client), initialProps: {} },
    );
    return { client, ...rendered };
  }

  it('when the first page is shown, the next one is prefetched and shows at once, with no second request', async () => {
    const { client, result } = setup();
    await advance(1);
    expect(result.current).toMatchObject({ page: 1, pageCount: 3, totalCount: 25, hasNextPage: true });
    await advance(1);
    expect(listCalls(client, { offset: 10 })).toHaveLength(1);

    act(() => result.current.fetchNext());
    expect(result.current.page).toBe(2);
    expect(result.current.isLoading).toBe(false);
    expect(result.current.isPreviousData).toBe(false);
    expect(result.current.data).toHaveLength(10);
    expect(userIds(result.current.data)[0]).toBe(userId(15));
    await advance(1);
    expect(listCalls(client, { offset: 10 })).toHaveLength(1);
    expect(result.current.hasPreviousPage).toBe(true);
  });

  it('when the next page loads, keepPreviousData keeps the current page on screen until it arrives', async () => {
    const { client, result } = setup({ prefetchNextPage: false });
    await advance(1);
    const firstPage = result.current.data;
    client.setLatency(100);
    act(() => result.current.fetchNext());
    expect(result.current).toMatchObject({
      page: 2,
      isPreviousData: true,
      isLoading: false,
      isFetching: true,
    });
    expect(result.current.data).toBe(firstPage);
    await advance(100);
    expect(result.current.isPreviousData).toBe(false);
    expect(userIds(result.current.data)[0]).toBe(userId(15));
  });

  it('when keepPreviousData is false, the list is empty and loading while the next page loads', async () => {
    const { client, result } = setup({ prefetchNextPage: false, keepPreviousData: false });
    await advance(1);
    client.setLatency(100);
    act(() => result.current.fetchNext());
    expect(result.current).toMatchObject({ page: 2, data: [], isLoading: true });
    await advance(100);
    expect(result.current.data).toHaveLength(10);
  });

  it('when a page is left before its request answers, that request is aborted and no error shows', async () => {
    const memory = createMemoryClient(createTestSeed());
    const controllable = createControllableClient(memory);
    const { result } = renderHook(
      () => useOrganizationMemberships({ organizationId: ORG, prefetchNextPage: false }),
      {
        wrapper: rosterWrapper(controllable.client),
      },
    );
    await advance(1);
    memory.setLatency(100);
    act(() => result.current.fetchPage(2));
    await advance(10);
    act(() => result.current.fetchPage(3));
    await advance(100);
    const pageTwo = controllable
      .callsOf('listMemberships')
      .find((c) => (c.params as { offset: number }).offset === 10);
    const pageThree = controllable
      .callsOf('listMemberships')
      .find((c) => (c.params as { offset: number }).offset === 20);
    expect(pageTwo?.signal?.aborted).toBe(true);
    expect(pageThree?.signal?.aborted).toBe(false);
    expect(result.current.error).toBeUndefined();
    expect(userIds(result.current.data)).toEqual([userId(5), userId(4), userId(3), userId(2), userId(1)]);
  });

  it('when the user comes straight back to a page whose request was aborted, it loads', async () => {
    const { client, result } = setup({ prefetchNextPage: false });
    await advance(1);
    client.setLatency(100);
    act(() => result.current.fetchPage(2));
    act(() => result.current.fetchPage(3));
    act(() => result.current.fetchPage(2));
    await advance(100);
    await advance(100);
    expect(result.current.error).toBeUndefined();
    expect(result.current.isPreviousData).toBe(false);
    expect(userIds(result.current.data)[0]).toBe(userId(15));
  });

  it('when a filter, the order or the page size changes, it goes back to page 1', async () => {
    const { result, rerender } = setup({ initialPage: 2 });
    await advance(1);
    expect(result.current.page).toBe(2);
    rerender({ query: 'First1' });
    expect(result.current.page).toBe(1);
    act(() => result.current.fetchPage(2));
    rerender({ query: 'First1', orderBy: '+created_at' });
    expect(result.current.page).toBe(1);
    await settleAll();
    expect(result.current.data.every((m) => m.publicUserData?.firstName?.startsWith('First1'))).toBe(true);
  });

  it('when enabled is false, it fetches nothing', async () => {
    const { client, result } = setup({ enabled: false });
    await settleAll();
    expect(result.current).toMatchObject({ data: [], isLoading: false, isFetching: false, totalCount: 0 });
    expect(listCalls(client)).toHaveLength(0);
  });

  it('when a disabled list is enabled, it starts at initialPage', async () => {
    const { result, rerender } = setup({ enabled: false, initialPage: 2 });
    rerender({ enabled: true });
    expect(result.current.page).toBe(2);
    await advance(1);
    expect(userIds(result.current.data)[0]).toBe(userId(15));
  });

  it('when the request fails, error holds the RosterApiError', async () => {
    const { result } = setup({ pageSize: 1000 });
    await advance(1);
    expect(result.current.error?.status).toBe(422);
    expect(result.current.isLoading).toBe(false);
  });
});

describe('given StrictMode (effects mount, unmount and mount again)', () => {
  it('when a list loads and pages, no request is aborted by the double mount and one request serves the page', async () => {
    const memory = createMemoryClient(createTestSeed());
    const controllable = createControllableClient(memory);
    const Roster = rosterWrapper(controllable.client);
    // StrictMode at the root: nested inside a wrapper, React 19 does not replay the effects.
    const { result } = renderHook(() => useOrganizationMemberships({ organizationId: ORG }), {
      wrapper: Roster,
      reactStrictMode: true,
    });
    await advance(1);
    expect(result.current.data).toHaveLength(10);
    act(() => result.current.fetchNext());
    await advance(1);
    expect(result.current.page).toBe(2);
    expect(controllable.callsOf('listMemberships').some((c) => c.signal?.aborted)).toBe(false);
    expect(
      controllable.callsOf('listMemberships').filter((c) => (c.params as { offset: number }).offset === 0),
    ).toHaveLength(1);
  });
});

describe('given a load-more list', () => {
  it('when fetchNext is called, the next page is appended until the list is complete', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderHook(() => useOrganizationMemberships({ organizationId: ORG, infinite: true }), {
      wrapper: rosterWrapper(client),
    });
    await advance(1);
    expect(result.current).toMatchObject({
      page: 1,
      totalCount: 25,
      hasNextPage: true,
      hasPreviousPage: false,
    });
    act(() => result.current.fetchNext());
    await advance(1);
    act(() => result.current.fetchNext());
    await advance(1);
    expect(result.current.data).toHaveLength(25);
    expect(userIds(result.current.data)[24]).toBe(userId(1));
    expect(result.current.hasNextPage).toBe(false);
  });
});

describe("given a user's memberships list", () => {
  it('when it loads, it pages like an organization list', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderHook(() => useUserOrganizationMemberships({ userId: userId(3), pageSize: 1 }), {
      wrapper: rosterWrapper(client),
    });
    await advance(1);
    expect(result.current).toMatchObject({ totalCount: 2, pageCount: 2, hasNextPage: true });
    act(() => result.current.fetchNext());
    await advance(1);
    expect(result.current.data).toHaveLength(1);
    expect(result.current.page).toBe(2);
  });
});
