import { createMemoryClient } from '@roster/core/testing';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useMembershipSelection } from '../src/use-membership-selection';
import { useRemoveMembership } from '../src/use-remove-membership';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

const PAGE_ONE = [userId(2), userId(3), userId(4)];
const PAGE_TWO = [userId(5), userId(6)];

function renderSelection(initialPage = PAGE_ONE, client = createMemoryClient(createTestSeed())) {
  return renderHook(
    ({ page }: { page: readonly string[] }) => ({
      selection: useMembershipSelection({ organizationId: ORG, pageUserIds: page }),
      remove: useRemoveMembership(ORG),
    }),
    { wrapper: rosterWrapper(client), initialProps: { page: initialPage } },
  );
}

describe('useMembershipSelection', () => {
  it('gives the header state none, some (mixed) and all, and select-all selects the page', () => {
    const { result } = renderSelection();
    expect(result.current.selection.pageState).toBe('none');
    act(() => result.current.selection.toggle(userId(3)));
    expect(result.current.selection.pageState).toBe('some');
    expect(result.current.selection.isSelected(userId(3))).toBe(true);
    act(() => result.current.selection.selectAllOnPage());
    expect(result.current.selection.pageState).toBe('all');
    expect([...result.current.selection.selected]).toEqual([userId(3), userId(2), userId(4)]);
    act(() => result.current.selection.togglePage());
    expect(result.current.selection.count).toBe(0);
  });

  it('keeps the selection across page changes; the header looks at the page on screen', () => {
    const { result, rerender } = renderSelection();
    act(() => result.current.selection.selectAllOnPage());
    const before = result.current.selection.selected;
    rerender({ page: PAGE_TWO });
    expect(result.current.selection.pageState).toBe('none');
    expect(result.current.selection.selected).toBe(before);
    act(() => result.current.selection.select(userId(5)));
    expect(result.current.selection.pageState).toBe('some');
    expect(result.current.selection.count).toBe(4);
    act(() => result.current.selection.clear());
    expect(result.current.selection.count).toBe(0);
  });

  it('controlled: reports changes and shows what it is given', () => {
    const client = createMemoryClient(createTestSeed());
    const onChange = vi.fn();
    const { result, rerender } = renderHook(
      ({ selected }: { selected: ReadonlySet<string> }) =>
        useMembershipSelection({
          organizationId: ORG,
          pageUserIds: PAGE_ONE,
          selectedUserIds: selected,
          onSelectedUserIdsChange: onChange,
        }),
      { wrapper: rosterWrapper(client), initialProps: { selected: new Set([userId(2)]) } },
    );
    act(() => result.current.toggle(userId(3)));
    expect([...(onChange.mock.calls[0]?.[0] ?? [])]).toEqual([userId(2), userId(3)]);
    expect([...result.current.selected]).toEqual([userId(2)]);
    rerender({ selected: new Set(PAGE_ONE) });
    expect(result.current.pageState).toBe('all');
  });

  it('a member being removed leaves the selection; a failed removal brings them back selected', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderSelection(PAGE_ONE, client);
    await advance(1);
    act(() => result.current.selection.selectAllOnPage());
    client.setLatency(100);
    client.failNext('deleteMembership');
    act(() => {
      void result.current.remove.trigger({ userId: userId(2) }).catch(() => {});
      void result.current.remove.trigger({ userId: userId(3) });
    });
    expect([...result.current.selection.selected]).toEqual([userId(4)]);
    await settleAll();
    expect([...result.current.selection.selected]).toEqual([userId(2), userId(4)]);
  });
});
