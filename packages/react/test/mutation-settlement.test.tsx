import type { OrganizationMembership } from '@roster/core';
import { isRosterApiError } from '@roster/core';
import { createMemoryClient } from '@roster/core/testing';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { usePendingMembershipOperations } from '../src/use-pending-membership-operations';
import { useUpdateMembershipMetadata } from '../src/use-update-membership-metadata';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { useUserOrganizationMemberships } from '../src/use-user-organization-memberships';
import { memberOf } from './support/member-ids';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, ROLE_BILLING, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

const TARGET = userId(3);
const OTHER = userId(4);

type Client = ReturnType<typeof createMemoryClient>;

function serverMember(client: Client, user: string): OrganizationMembership | undefined {
  return client
    .snapshot()
    .memberships.find((m) => m.organization.id === ORG && m.publicUserData?.userId === user);
}

function listRequests(client: Client) {
  return client.requests.filter((r) => r.method === 'listMemberships' || r.method === 'listUserMemberships')
    .length;
}

function useUnfilteredViews() {
  return {
    page3: useOrganizationMemberships({ organizationId: ORG, initialPage: 3 }),
    all: useOrganizationMemberships({ organizationId: ORG, pageSize: 50 }),
    own: useUserOrganizationMemberships({ userId: TARGET }),
    changeRole: useUpdateMembershipRole(ORG),
    merge: useUpdateMembershipMetadata(ORG),
  };
}

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

describe('given a mutation that succeeds', () => {
  it('when the server answers, its membership replaces the optimistic one everywhere, with no list request', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderHook(useUnfilteredViews, { wrapper: rosterWrapper(client) });
    await advance(1);
    const before = listRequests(client);

    client.setLatency(100);
    let answer: Promise<OrganizationMembership> | undefined;
    act(() => {
      answer = result.current.changeRole.trigger({ userId: TARGET, role: ROLE_BILLING });
    });
    await settleAll();

    const server = serverMember(client, TARGET);
    expect(server?.role).toBe(ROLE_BILLING);
    await expect(answer).resolves.toEqual(server);
    expect(memberOf(result.current.page3.data, TARGET)).toEqual(server);
    expect(memberOf(result.current.all.data, TARGET)).toEqual(server);
    expect(result.current.own.data.find((m) => m.organization.id === ORG)).toEqual(server);
    expect(listRequests(client)).toBe(before);

    act(() => {
      void result.current.merge.trigger({ userId: TARGET, publicMetadata: { seat: null, team: 'red' } });
    });
    await settleAll();
    expect(memberOf(result.current.all.data, TARGET)?.publicMetadata).toEqual({ team: 'red' });
    expect(memberOf(result.current.all.data, TARGET)).toEqual(serverMember(client, TARGET));
    expect(listRequests(client)).toBe(before);
  });
});

describe('given a mutation that fails while another is pending', () => {
  it('when the server rejects it, only that change is undone, the other stays, and error holds the RosterApiError', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderHook(useUnfilteredViews, { wrapper: rosterWrapper(client) });
    await advance(1);

    client.failNext('updateMembership');
    client.setLatency(100);
    let failing: Promise<OrganizationMembership> | undefined;
    act(() => {
      failing = result.current.changeRole.trigger({ userId: TARGET, role: 'org:admin' });
      failing.catch(() => {});
    });
    // Let the first call reach the client before the latency changes for the second.
    await advance(0);
    client.setLatency(500);
    act(() => {
      void result.current.merge.trigger({ userId: OTHER, publicMetadata: { team: 'green' } });
    });
    expect(memberOf(result.current.all.data, TARGET)?.role).toBe('org:admin');
    expect(result.current.changeRole.isMutating).toBe(true);

    await advance(100);
    const error = await failing?.catch((e: unknown) => e);
    expect(isRosterApiError(error)).toBe(true);
    expect(result.current.changeRole.error).toBe(error);
    expect(result.current.changeRole.isMutating).toBe(false);
    expect(memberOf(result.current.all.data, TARGET)?.role).toBe('org:member');
    expect(memberOf(result.current.page3.data, TARGET)?.role).toBe('org:member');
    // The other change is still pending, and still shown.
    expect(result.current.merge.isMutating).toBe(true);
    expect(memberOf(result.current.all.data, OTHER)?.publicMetadata).toEqual({ seat: 4, team: 'green' });

    await settleAll();
    expect(memberOf(result.current.all.data, OTHER)?.publicMetadata).toEqual({ seat: 4, team: 'green' });
    act(() => result.current.changeRole.reset());
    expect(result.current.changeRole.error).toBeUndefined();
  });
});

describe('given two changes to the same member made back to back', () => {
  it('when the first is still on its way, the second is sent only after it answered (server order = call order)', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderHook(useUnfilteredViews, { wrapper: rosterWrapper(client) });
    await advance(1);
    client.setLatency(300);
    act(() => {
      void result.current.changeRole.trigger({ userId: TARGET, role: 'org:admin' });
      void result.current.merge.trigger({ userId: TARGET, publicMetadata: { team: 'x' } });
      void result.current.merge.trigger({ userId: OTHER, publicMetadata: { team: 'y' } });
    });
    await advance(10);
    const sent = () => client.requests.filter((r) => !r.method.startsWith('list'));
    // The other member's change goes out at once; the target's second change waits for the first.
    expect(sent().map((r) => r.method)).toEqual(['updateMembership', 'updateMembershipMetadata']);
    expect(sent()[1]?.params).toMatchObject({ userId: OTHER });
    await advance(300);
    expect(sent().map((r) => (r.params as { userId: string }).userId)).toEqual([TARGET, OTHER, TARGET]);
    await settleAll();
    expect(memberOf(result.current.all.data, TARGET)).toMatchObject({
      role: 'org:admin',
      publicMetadata: { team: 'x' },
    });
  });
});

describe('given two overlapping role changes to the same member', () => {
  const cases = [
    { name: 'both succeed', failFirst: false, failSecond: false, final: ROLE_BILLING },
    { name: 'the first fails', failFirst: true, failSecond: false, final: ROLE_BILLING },
    { name: 'the second fails', failFirst: false, failSecond: true, final: 'org:admin' },
    { name: 'both fail', failFirst: true, failSecond: true, final: 'org:member' },
  ];

  for (const { name, failFirst, failSecond, final } of cases) {
    it(`when ${name} (the first is the slower call), it ends on the server's value and never shows one nobody holds`, async () => {
      const client = createMemoryClient(createTestSeed());
      const seen: { shown: string | undefined; allowed: Set<string | undefined> }[] = [];
      const { result } = renderHook(
        () => {
          const views = useUnfilteredViews();
          const pending = usePendingMembershipOperations(ORG);
          const allowed = new Set<string | undefined>([serverMember(client, TARGET)?.role]);
          for (const op of pending)
            if (op.userId === TARGET && op.kind === 'role-change') allowed.add(op.role);
          seen.push({ shown: memberOf(views.all.data, TARGET)?.role, allowed });
          return views;
        },
        { wrapper: rosterWrapper(client) },
      );
      await advance(1);
      seen.length = 0;

      if (failFirst) client.failNext('updateMembership');
      client.setLatency(300);
      act(() => {
        result.current.changeRole.trigger({ userId: TARGET, role: 'org:admin' }).catch(() => {});
      });
      // Let the first call reach the client, so `failNext` below is taken by the second one.
      await advance(0);
      if (failSecond) client.failNext('updateMembership');
      client.setLatency(20);
      act(() => {
        result.current.changeRole.trigger({ userId: TARGET, role: ROLE_BILLING }).catch(() => {});
      });
      await settleAll();

      expect(serverMember(client, TARGET)?.role).toBe(final);
      expect(memberOf(result.current.all.data, TARGET)?.role).toBe(final);
      expect(memberOf(result.current.page3.data, TARGET)?.role).toBe(final);
      for (const render of seen) expect(render.allowed).toContain(render.shown);
    });
  }
});
