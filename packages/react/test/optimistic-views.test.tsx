import { createMemoryClient } from '@roster/core/testing';
import { act, render, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useRemoveMembership } from '../src/use-remove-membership';
import { useUpdateMembershipMetadata } from '../src/use-update-membership-metadata';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { useUserOrganizationMemberships } from '../src/use-user-organization-memberships';
import { memberOf, userIds } from './support/member-ids';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

const TARGET = userId(3);

/** Several views of `org_a` at once, and `user_03`'s own memberships list. */
function useViews() {
  return {
    // Default order, page 3 of 10: user_05 .. user_01.
    page3: useOrganizationMemberships({ organizationId: ORG, initialPage: 3 }),
    // Only members, all on one page.
    members: useOrganizationMemberships({ organizationId: ORG, role: ['org:member'], pageSize: 50 }),
    // Only admins.
    admins: useOrganizationMemberships({ organizationId: ORG, role: ['org:admin'] }),
    // Another order and page size.
    byName: useOrganizationMemberships({ organizationId: ORG, orderBy: '+first_name', pageSize: 30 }),
    own: useUserOrganizationMemberships({ userId: TARGET }),
    changeRole: useUpdateMembershipRole(ORG),
    remove: useRemoveMembership(ORG),
    merge: useUpdateMembershipMetadata(ORG),
  };
}

function setup() {
  const client = createMemoryClient(createTestSeed());
  const wrapper = rosterWrapper(client);
  const rendered = renderHook(useViews, { wrapper });
  return { client, ...rendered };
}

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

/** What a page-3 list component showed for TARGET, render by render. */
const shown: { role: string | undefined; isLoading: boolean }[] = [];
let changeRole: ((args: { userId: string; role: string }) => Promise<unknown>) | undefined;

function Page3() {
  const list = useOrganizationMemberships({ organizationId: ORG, initialPage: 3 });
  shown.push({ role: memberOf(list.data, TARGET)?.role, isLoading: list.isLoading });
  return null;
}

function Screen({ showList }: { showList: boolean }) {
  changeRole = useUpdateMembershipRole(ORG).trigger;
  return showList ? <Page3 /> : null;
}

describe('given several views of an organization and a user memberships list', () => {
  it('when a role change is triggered, every view shows it before the server answers', async () => {
    const { client, result } = setup();
    await advance(1);
    expect(memberOf(result.current.page3.data, TARGET)?.role).toBe('org:member');
    expect(result.current.members.totalCount).toBe(24);

    client.setLatency(1000);
    act(() => {
      void result.current.changeRole.trigger({ userId: TARGET, role: 'org:admin' });
    });

    const views = result.current;
    expect(memberOf(views.page3.data, TARGET)).toMatchObject({ role: 'org:admin', roleName: 'Admin' });
    expect(memberOf(views.byName.data, TARGET)?.role).toBe('org:admin');
    expect(views.own.data.find((m) => m.organization.id === ORG)?.role).toBe('org:admin');
    // The members-only view drops the member, and its count goes down.
    expect(memberOf(views.members.data, TARGET)).toBeUndefined();
    expect(views.members.totalCount).toBe(23);
    // The server has not answered yet.
    expect(
      client
        .snapshot()
        .memberships.find((m) => m.publicUserData?.userId === TARGET && m.organization.id === ORG)?.role,
    ).toBe('org:member');
    await settleAll();
  });

  it('when a removal is triggered, every view drops the member and lowers its count at once', async () => {
    const { client, result } = setup();
    await advance(1);
    client.setLatency(1000);
    act(() => {
      void result.current.remove.trigger({ userId: TARGET });
    });
    const views = result.current;
    expect(userIds(views.page3.data)).toEqual([userId(5), userId(4), userId(2), userId(1)]);
    expect(views.page3.totalCount).toBe(24);
    expect(memberOf(views.members.data, TARGET)).toBeUndefined();
    expect(views.members.totalCount).toBe(23);
    expect(memberOf(views.byName.data, TARGET)).toBeUndefined();
    expect(views.own.data.map((m) => m.organization.id)).toEqual(['org_b']);
    expect(views.own.totalCount).toBe(1);
    await settleAll();
  });

  it('when a metadata update is triggered, every view shows the merged metadata at once', async () => {
    const { client, result } = setup();
    await advance(1);
    client.setLatency(1000);
    act(() => {
      void result.current.merge.trigger({ userId: TARGET, publicMetadata: { team: 'blue' } });
    });
    const views = result.current;
    for (const data of [views.page3.data, views.members.data, views.byName.data]) {
      expect(memberOf(data, TARGET)?.publicMetadata).toEqual({ seat: 3, team: 'blue' });
    }
    expect(views.own.data.find((m) => m.organization.id === ORG)?.publicMetadata).toEqual({
      seat: 3,
      team: 'blue',
    });
    await settleAll();
  });

  it('when a view was cached and unmounted, it shows pending changes as soon as it mounts again', async () => {
    const client = createMemoryClient(createTestSeed());
    const Wrapper = rosterWrapper(client);
    shown.length = 0;
    const { rerender } = render(
      <Wrapper>
        <Screen showList />
      </Wrapper>,
    );
    await advance(1);
    expect(shown.at(-1)).toEqual({ role: 'org:member', isLoading: false });
    rerender(
      <Wrapper>
        <Screen showList={false} />
      </Wrapper>,
    );
    client.setLatency(1000);
    act(() => {
      void changeRole?.({ userId: TARGET, role: 'org:admin' });
    });
    shown.length = 0;
    rerender(
      <Wrapper>
        <Screen showList />
      </Wrapper>,
    );
    // The first render of the new component already shows the pending role, from the cache.
    expect(shown[0]).toEqual({ role: 'org:admin', isLoading: false });
    await settleAll();
  });
});

describe('given views filtered by role', () => {
  it('when a member gets a role outside a filter, that view drops them at once; a view whose filter includes it gains them after revalidation', async () => {
    const { client, result } = setup();
    await advance(1);
    expect(userIds(result.current.admins.data)).toEqual([userId(1)]);

    client.setLatency(100);
    act(() => {
      void result.current.changeRole.trigger({ userId: TARGET, role: 'org:admin' });
    });
    expect(memberOf(result.current.members.data, TARGET)).toBeUndefined();
    // Its place among the admins depends on the sort: it appears once the server has it.
    expect(userIds(result.current.admins.data)).toEqual([userId(1)]);

    await settleAll();
    expect(userIds(result.current.admins.data)).toEqual([TARGET, userId(1)]);
    expect(result.current.admins.totalCount).toBe(2);
    expect(memberOf(result.current.members.data, TARGET)).toBeUndefined();
    expect(result.current.members.totalCount).toBe(23);
  });
});
