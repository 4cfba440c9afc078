import type { OrganizationMembership } from '@roster/core';
import { createMemoryClient } from '@roster/core/testing';
import { act, render } from '@testing-library/react';
import { memo, Profiler, type ProfilerOnRenderCallback } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIsMembershipPending } from '../src/use-is-membership-pending';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

const renders: string[] = [];
const onRender: ProfilerOnRenderCallback = (id) => {
  renders.push(id);
};

/** A row memoized on its membership, as a list of 500 rows would be. */
const Row = memo(function Row({ membership }: { membership: OrganizationMembership }) {
  const userId = membership.publicUserData?.userId ?? '';
  const pending = useIsMembershipPending(ORG, userId);
  return (
    <Profiler id={userId} onRender={onRender}>
      <li data-pending={pending || undefined}>
        {userId}: {membership.role}
      </li>
    </Profiler>
  );
});

let changeRole: ReturnType<typeof useUpdateMembershipRole>['trigger'] | undefined;
let revalidate: (() => Promise<void>) | undefined;

function MemberRows({ pageSize = 50 }: { pageSize?: number }) {
  const list = useOrganizationMemberships({ organizationId: ORG, pageSize });
  changeRole = useUpdateMembershipRole(ORG).trigger;
  revalidate = list.revalidate;
  return (
    <ul>
      {list.data.map((m) => (
        <Row key={m.id} membership={m} />
      ))}
    </ul>
  );
}

/** Another consumer whose data a change in `org_a` does not touch. */
function OtherOrganization() {
  const list = useOrganizationMemberships({ organizationId: 'org_b' });
  return (
    <Profiler id="org_b list" onRender={onRender}>
      <p>{list.data.length}</p>
    </Profiler>
  );
}

describe('given a list whose rows are memoized on their membership', () => {
  for (const size of [25, 500]) {
    it(`when one role changes in a page of ${size}, exactly that row re-renders (optimistically and on settling), and no other consumer`, async () => {
      const client = createMemoryClient(createTestSeed({ members: size, outsiders: 0 }));
      const Wrapper = rosterWrapper(client);
      const { container } = render(
        <Wrapper>
          <MemberRows pageSize={size} />
          <OtherOrganization />
        </Wrapper>,
      );
      await settleAll();
      expect(container.querySelectorAll('li')).toHaveLength(size);
      renders.length = 0;

      client.setLatency(100);
      act(() => {
        void changeRole?.({ userId: userId(7), role: 'org:admin' });
      });
      // Same frame: the row shows the new role and is marked pending.
      const row = [...container.querySelectorAll('li')].find((li) => li.textContent?.startsWith(userId(7)));
      expect(row?.textContent).toBe(`${userId(7)}: org:admin`);
      expect(row?.getAttribute('data-pending')).toBe('true');
      expect(new Set(renders)).toEqual(new Set([userId(7)]));

      await advance(100);
      await settleAll();
      expect(row?.hasAttribute('data-pending')).toBe(false);
      expect(new Set(renders)).toEqual(new Set([userId(7)]));
    });
  }

  it('when a revalidation brings fresh objects in which one member changed, exactly that row re-renders', async () => {
    const client = createMemoryClient(createTestSeed());
    const Wrapper = rosterWrapper(client);
    render(
      <Wrapper>
        <MemberRows />
      </Wrapper>,
    );
    await settleAll();
    // Someone else changes a member on the server.
    await client.updateMembershipMetadata({
      organizationId: ORG,
      userId: userId(9),
      publicMetadata: { team: 'x' },
    });
    renders.length = 0;
    await act(async () => {
      await revalidate?.();
    });
    await settleAll();
    expect(new Set(renders)).toEqual(new Set([userId(9)]));
  });
});
