import type { MembershipSelection, SelectionPageState } from '@roster/core';
import {
  createSelection,
  deselectUserIds,
  EMPTY_SELECTION,
  sameSelection,
  selectionPageState,
  selectUserIds,
  togglePageSelection,
  toggleUserId,
} from '@roster/core';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useRosterContext } from './roster-context';

/** Options of {@link useMembershipSelection}. */
export interface UseMembershipSelectionOptions {
  /** The organization whose members are selected (removals there leave the selection). */
  organizationId: string;
  /**
   * The selectable user IDs of the page on screen (leave out the rows the viewer may not act on):
   * what `pageState` and the page actions work on. Default: none.
   */
  pageUserIds?: readonly string[] | undefined;
  /** Controlled: the selected user IDs. Pass with `onSelectedUserIdsChange`. */
  selectedUserIds?: ReadonlySet<string> | undefined;
  /** Uncontrolled: the user IDs selected at first (read once). */
  defaultSelectedUserIds?: Iterable<string> | undefined;
  /** Called with the next selection on every change (by the caller, or a removal that went through). */
  onSelectedUserIdsChange?: ((selected: ReadonlySet<string>) => void) | undefined;
}

/** What {@link useMembershipSelection} returns. */
export interface UseMembershipSelectionResult {
  /**
   * The selected user IDs, without members whose removal is pending (they are off screen; they come
   * back selected if it fails or is undone). The same set while its content is the same.
   */
  selected: ReadonlySet<string>;
  /** `selected.size`. */
  count: number;
  /** Whether this member is in `selected`. */
  isSelected: (userId: string) => boolean;
  /** Adds a member. */
  select: (userId: string) => void;
  /** Takes a member out. */
  deselect: (userId: string) => void;
  /** Adds the member if not selected, takes them out if selected (a row checkbox). */
  toggle: (userId: string) => void;
  /** Selects every member of `pageUserIds` (others stay selected). */
  selectAllOnPage: () => void;
  /** Deselects every member of `pageUserIds` (others stay selected). */
  deselectAllOnPage: () => void;
  /** The header checkbox: selects the page, or deselects it when it is all selected. */
  togglePage: () => void;
  /** The header checkbox's state for `pageUserIds`: `none`, `some` (mixed) or `all`. */
  pageState: SelectionPageState;
  /** Deselects everyone, on every page. */
  clear: () => void;
}

const NO_IDS: readonly string[] = [];

/**
 * Row selection by user ID, over core's selection model. The selection survives page changes,
 * searches and filters (members selected elsewhere stay selected; `pageState` only looks at the
 * page); a member whose removal the server confirmed leaves it.
 */
export function useMembershipSelection(options: UseMembershipSelectionOptions): UseMembershipSelectionResult {
  const { organizationId, selectedUserIds, onSelectedUserIdsChange } = options;
  const pageUserIds = options.pageUserIds ?? NO_IDS;
  const { cache } = useRosterContext('useMembershipSelection');
  const [own, setOwn] = useState(() => createSelection(options.defaultSelectedUserIds));
  const current = selectedUserIds ?? own;
  const latest = useRef({ current, selectedUserIds, onSelectedUserIdsChange });
  latest.current = { current, selectedUserIds, onSelectedUserIdsChange };

  const update = useCallback((change: (selection: MembershipSelection) => MembershipSelection) => {
    const {
      current: before,
      selectedUserIds: controlled,
      onSelectedUserIdsChange: onChange,
    } = latest.current;
    const next = change(before);
    if (next === before) return;
    latest.current.current = next;
    if (controlled === undefined) setOwn(next);
    onChange?.(next);
  }, []);

  // A removal the server confirmed takes the member out of the selection.
  useEffect(
    () =>
      cache.onSettlement((event) => {
        if (event.kind === 'removal' && event.organizationId === organizationId)
          update((selection) => deselectUserIds(selection, [event.userId]));
      }),
    [cache, organizationId, update],
  );

  const operations = useSyncExternalStore(
    cache.subscribe,
    () => cache.getOperations(organizationId),
    () => cache.getOperations(organizationId),
  );
  const shown = useRef<MembershipSelection>(EMPTY_SELECTION);
  const selected = useMemo(() => {
    const removing = operations.filter((op) => op.kind === 'removal').map((op) => op.userId);
    const next = deselectUserIds(current, removing);
    if (!sameSelection(next, shown.current)) shown.current = next;
    return shown.current;
  }, [current, operations]);

  const page = useRef(pageUserIds);
  page.current = pageUserIds;
  const actions = useMemo(
    () => ({
      select: (userId: string) => update((s) => selectUserIds(s, [userId])),
      deselect: (userId: string) => update((s) => deselectUserIds(s, [userId])),
      toggle: (userId: string) => update((s) => toggleUserId(s, userId)),
      selectAllOnPage: () => update((s) => selectUserIds(s, page.current)),
      deselectAllOnPage: () => update((s) => deselectUserIds(s, page.current)),
      togglePage: () => update((s) => togglePageSelection(s, page.current)),
      clear: () => update(() => EMPTY_SELECTION),
    }),
    [update],
  );
  const isSelected = useCallback((userId: string) => selected.has(userId), [selected]);
  return {
    ...actions,
    selected,
    count: selected.size,
    isSelected,
    pageState: selectionPageState(selected, pageUserIds),
  };
}
