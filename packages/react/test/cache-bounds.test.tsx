import type { MembershipCache } from '@roster/core';
import { createMemoryClient } from '@roster/core/testing';
import { act, render } from '@testing-library/react';
import { type ReactNode, useContext, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RosterContext } from '../src/roster-context';
import { RosterProvider } from '../src/roster-provider';
import { useMembershipPermissions } from '../src/use-membership-permissions';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { usePendingMembershipOperations } from '../src/use-pending-membership-operations';
import { useRemoveMembership } from '../src/use-remove-membership';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { ADMIN, createTestSeed, ORG } from './support/test-seed';
import { settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

type Client = ReturnType<typeof createMemoryClient>;

const listCalls = (client: Client) => client.requests.filter((r) => r.method === 'listMemberships').length;

/** What a members page runs, showing page `page`. */
function MembersPage({ page = 1 }: { page?: number }) {
  const list = useOrganizationMemberships({ organizationId: ORG, pageSize: 5, initialPage: page });
  useMembershipPermissions(ORG);
  usePendingMembershipOperations(ORG);
  useUpdateMembershipRole(ORG);
  useRemoveMembership(ORG);
  return (
    <ul>
      {list.data.map((m) => (
        <li key={m.id}>{m.publicUserData?.userId}</li>
      ))}
      <li>
        <button type="button" onClick={list.fetchNext}>
          next
        </button>
      </li>
    </ul>
  );
}

/** The engine of the provider rendered last, and the switch below it. */
const current: { engine: MembershipCache | null; show: (shown: boolean) => void } = {
  engine: null,
  show: () => {},
};

function Probe() {
  current.engine = useContext(RosterContext)?.cache ?? null;
  return null;
}

function Switch({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(true);
  current.show = setShown;
  return shown ? children : null;
}

/** A provider whose engine the test can read, and a switch that mounts or unmounts the page. */
function setup(props: { cacheLimit?: number } = {}) {
  const client = createMemoryClient(createTestSeed({ members: 60 }));
  const rendered = render(
    <RosterProvider client={client} viewer={{ userId: ADMIN }} swr={{ provider: () => new Map() }} {...props}>
      <Probe />
      <Switch>
        <MembersPage />
      </Switch>
    </RosterProvider>,
  );
  const cache = () => current.engine as MembershipCache;
  return { client, cache, rendered, show: (shown: boolean) => act(() => current.show(shown)) };
}

describe('given a members page (list, permissions, mutations) in a provider', () => {
  it('when the window regains focus, only the list on screen is refetched, and only once it is stale', async () => {
    const { client } = setup();
    await settleAll();
    const before = listCalls(client);
    act(() => void window.dispatchEvent(new Event('focus')));
    await settleAll();
    // Fresh (read less than `staleTime` ago): nothing.
    expect(listCalls(client)).toBe(before);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(31_000);
    });
    act(() => void window.dispatchEvent(new Event('focus')));
    await settleAll();
    // The page on screen only: not the viewer's membership, the admin count or the prefetched page
    // (before: 3 list requests).
    expect(listCalls(client)).toBe(before + 1);
    expect(client.requests.filter((r) => r.method === 'listRoles')).toHaveLength(1);
  });

  it('when the list is mounted and unmounted 20 times, nothing is left behind', async () => {
    const { cache, show } = setup();
    await settleAll();
    const listeners = { window: 0, document: 0 };
    const spies = (['window', 'document'] as const).flatMap((name) => {
      const target: EventTarget = name === 'window' ? window : document;
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      return [
        vi.spyOn(target, 'addEventListener').mockImplementation((...args) => {
          listeners[name] += 1;
          add(...args);
        }),
        vi.spyOn(target, 'removeEventListener').mockImplementation((...args) => {
          listeners[name] -= 1;
          remove(...args);
        }),
      ];
    });
    try {
      for (let cycle = 0; cycle < 20; cycle++) {
        show(false);
        await settleAll();
        show(true);
        await settleAll();
      }
      show(false);
      await settleAll();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const stats = cache().stats();
    expect(stats).toMatchObject({ views: 0, retained: 0, requests: 0, listeners: 0 });
    // The page, the next page, the viewer's membership and the admin count: the same 4 entries.
    expect(stats.entries).toBe(4);
    expect(stats.marks).toBeLessThanOrEqual(4 * stats.entries);
    expect(listeners).toEqual({ window: 0, document: 0 });
  });

  it('when pages are visited past cacheLimit, the least recently used pages not on screen are evicted', async () => {
    const { cache, rendered } = setup({ cacheLimit: 4 });
    await settleAll();
    for (let page = 2; page <= 8; page++) {
      act(() => rendered.getByRole('button', { name: 'next' }).click());
      await settleAll();
    }
    const stats = cache().stats();
    // On screen: page 8 (and its prefetched page 9, retained), the viewer's membership, the admin count.
    expect(stats.entries).toBeLessThanOrEqual(4);
    expect(rendered.getAllByRole('listitem')).toHaveLength(6);
  });
});
