import type { OrganizationMembership } from '@roster/core';
import { isRosterApiError } from '@roster/core';
import { createMemoryClient } from '@roster/core/testing';
import { act, render, renderHook } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { memberOf } from './support/member-ids';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, ROLE_BILLING, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

/** On page 1 (the default order lists the newest member first), so it is cached when the answer lands. */
const TARGET = userId(20);

function useMembersPage() {
  return {
    list: useOrganizationMemberships({ organizationId: ORG }),
    changeRole: useUpdateMembershipRole(ORG),
  };
}

type MembersPageResult = ReturnType<typeof useMembersPage>;

/** Renders the hooks as a component (for a root-level StrictMode) and hands each render's result out. */
function MembersPage({ onRender }: { onRender: (page: MembersPageResult) => void }) {
  const page = useMembersPage();
  onRender(page);
  return null;
}

/**
 * Collects the unhandled rejections and uncaught exceptions raised while a test runs. Node reports
 * an unhandled rejection only after the microtask queue drains, so `drain` waits on real
 * `setImmediate` turns (not faked here) before the test reads them.
 */
function watchUnhandledErrors() {
  const errors: unknown[] = [];
  const record = (error: unknown) => errors.push(error);
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
  return {
    errors,
    async drain() {
      for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    },
    stop() {
      process.off('unhandledRejection', record);
      process.off('uncaughtException', record);
    },
  };
}

let watcher: ReturnType<typeof watchUnhandledErrors>;

beforeEach(() => {
  useFakeClock();
  watcher = watchUnhandledErrors();
});
afterEach(() => {
  watcher.stop();
  vi.useRealTimers();
});

describe('given a pending role change', () => {
  describe('when the provider unmounts before the server answers', () => {
    it('it settles without an error and trigger still resolves with the server membership', async () => {
      const client = createMemoryClient(createTestSeed());
      const { result, unmount } = renderHook(useMembersPage, { wrapper: rosterWrapper(client) });
      await advance(1);
      expect(result.current.list.data.length).toBeGreaterThan(0);

      client.setLatency(100);
      let answer: Promise<OrganizationMembership> | undefined;
      act(() => {
        answer = result.current.changeRole.trigger({ userId: TARGET, role: ROLE_BILLING });
      });
      unmount();
      await settleAll();
      await watcher.drain();

      expect(watcher.errors).toEqual([]);
      const server = client
        .snapshot()
        .memberships.find((m) => m.organization.id === ORG && m.publicUserData?.userId === TARGET);
      expect(server?.role).toBe(ROLE_BILLING);
      await expect(answer).resolves.toEqual(server);
    });
  });

  describe('when the provider unmounts and then the server rejects the change', () => {
    it('it settles without an unhandled error and trigger rejects with the RosterApiError', async () => {
      const client = createMemoryClient(createTestSeed());
      const { result, unmount } = renderHook(useMembersPage, { wrapper: rosterWrapper(client) });
      await advance(1);

      client.failNext('updateMembership');
      client.setLatency(100);
      let failure: Promise<unknown> | undefined;
      act(() => {
        failure = result.current.changeRole
          .trigger({ userId: TARGET, role: ROLE_BILLING })
          .catch((error: unknown) => error);
      });
      unmount();
      await settleAll();
      await watcher.drain();

      expect(watcher.errors).toEqual([]);
      expect(isRosterApiError(await failure)).toBe(true);
      const server = client
        .snapshot()
        .memberships.find((m) => m.organization.id === ORG && m.publicUserData?.userId === TARGET);
      expect(server?.role).toBe('org:member');
    });
  });
});

describe('given a next page loading in the background', () => {
  describe('when the provider unmounts before it arrives', () => {
    it('it is dropped without an error', async () => {
      const client = createMemoryClient(createTestSeed());
      client.setLatency(100);
      const { result, unmount } = renderHook(useMembersPage, { wrapper: rosterWrapper(client) });
      await advance(100);
      expect(result.current.list.hasNextPage).toBe(true);
      // Page 1 is shown; the prefetch of page 2 is on its way.
      await advance(1);
      const pageRequests = () =>
        client.requests.filter(
          (r) => r.method === 'listMemberships' && (r.params as { offset?: number }).offset === 10,
        ).length;
      expect(pageRequests()).toBe(1);

      unmount();
      await settleAll();
      await watcher.drain();

      expect(watcher.errors).toEqual([]);
    });
  });
});

describe('given StrictMode (the provider mounts, unmounts and mounts again)', () => {
  describe('when a role change is answered', () => {
    it('it writes the server membership into the list, with no list request', async () => {
      const client = createMemoryClient(createTestSeed());
      const Roster = rosterWrapper(client);
      const result: { current: MembersPageResult | undefined } = { current: undefined };
      // StrictMode at the root: this React double-mounts effects there, not when a wrapper renders it.
      render(
        <StrictMode>
          <Roster>
            <MembersPage
              onRender={(page) => {
                result.current = page;
              }}
            />
          </Roster>
        </StrictMode>,
      );
      await advance(1);
      client.clearRequests();

      client.setLatency(100);
      let answer: Promise<OrganizationMembership> | undefined;
      act(() => {
        answer = result.current?.changeRole.trigger({ userId: TARGET, role: ROLE_BILLING });
      });
      await settleAll();

      const server = await answer;
      expect(server?.role).toBe(ROLE_BILLING);
      expect(memberOf(result.current?.list.data ?? [], TARGET)).toEqual(server);
      expect(client.requests.filter((r) => r.method === 'listMemberships')).toEqual([]);
      expect(watcher.errors).toEqual([]);
    });
  });
});
