import { createControllableClient, createMemoryClient } from '@roster/core/testing';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useRemoveMembership } from '../src/use-remove-membership';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { memberOf } from './support/member-ids';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

const TARGET = userId(24);

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

function setup(enabledFromStart = true) {
  const memory = createMemoryClient(createTestSeed());
  const controllable = createControllableClient(memory);
  const shown: (string | undefined)[] = [];
  const rendered = renderHook(
    ({ enabled }: { enabled: boolean }) => {
      const list = useOrganizationMemberships({ organizationId: ORG, enabled });
      shown.push(memberOf(list.data, TARGET)?.role);
      return { list, changeRole: useUpdateMembershipRole(ORG), remove: useRemoveMembership(ORG) };
    },
    { wrapper: rosterWrapper(controllable.client), initialProps: { enabled: enabledFromStart } },
  );
  return { memory, controllable, shown, ...rendered };
}

describe('given a list response computed before a mutation settled', () => {
  it('when it arrives after the mutation settled, it does not bring the old role back', async () => {
    const { controllable, result, shown } = setup();
    await advance(1);
    expect(memberOf(result.current.list.data, TARGET)?.role).toBe('org:member');

    // A background revalidation reads the list (old role) but its answer is delayed.
    controllable.hold('listMemberships');
    act(() => {
      void result.current.list.revalidate();
    });
    await advance(1);
    // The role change goes through and settles meanwhile.
    await act(async () => {
      await result.current.changeRole.trigger({ userId: TARGET, role: 'org:admin' });
    });
    expect(memberOf(result.current.list.data, TARGET)?.role).toBe('org:admin');
    const settledAt = shown.length;

    // Now the old answer arrives.
    act(() => controllable.release());
    await settleAll();
    expect(shown.slice(settledAt).every((role) => role === 'org:admin')).toBe(true);
    expect(memberOf(result.current.list.data, TARGET)?.role).toBe('org:admin');
  });

  it('when it is the first load of a view and arrives after the mutation settled, it shows the new role', async () => {
    const { controllable, result, rerender } = setup(false);
    await advance(1);
    controllable.hold('listMemberships');
    rerender({ enabled: true });
    await advance(1);
    expect(result.current.list.isLoading).toBe(true);
    await act(async () => {
      await result.current.changeRole.trigger({ userId: TARGET, role: 'org:admin' });
    });
    act(() => controllable.release());
    await advance(1);
    expect(memberOf(result.current.list.data, TARGET)?.role).toBe('org:admin');
    await settleAll();
    expect(memberOf(result.current.list.data, TARGET)?.role).toBe('org:admin');
  });

  it('when it arrives while a removal is pending, the removed member stays hidden', async () => {
    const { memory, controllable, result, shown } = setup();
    await advance(1);
    memory.setLatency(1000);
    act(() => {
      void result.current.remove.trigger({ userId: TARGET });
    });
    const removedAt = shown.length;
    memory.setLatency(0);
    controllable.hold('listMemberships');
    act(() => {
      void result.current.list.revalidate();
    });
    await advance(1);
    act(() => controllable.release());
    await advance(1);
    expect(memberOf(result.current.list.data, TARGET)).toBeUndefined();
    await settleAll();
    expect(shown.slice(removedAt).every((role) => role === undefined)).toBe(true);
    expect(result.current.list.totalCount).toBe(24);
  });
});
