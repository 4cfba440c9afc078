/**
 * A selection of members by user ID: plain, immutable sets, so a framework can keep one in state
 * (controlled or not). Every function returns the set it was given when nothing changes, so a
 * selection stays the same object while its content is the same.
 */
export type MembershipSelection = ReadonlySet<string>;

/**
 * The header checkbox of a page: `none` (no member of the page selected), `some` (the mixed
 * state) or `all` (every selectable member of the page; an empty page is `none`).
 */
export type SelectionPageState = 'none' | 'some' | 'all';

/** The empty selection (one shared frozen set). */
export const EMPTY_SELECTION: MembershipSelection = Object.freeze(new Set<string>());

/** A selection of these user IDs (duplicates dropped). */
export function createSelection(userIds: Iterable<string> = []): MembershipSelection {
  const set = new Set(userIds);
  return set.size === 0 ? EMPTY_SELECTION : set;
}

/** `selection` with these user IDs added. */
export function selectUserIds(
  selection: MembershipSelection,
  userIds: Iterable<string>,
): MembershipSelection {
  let next: Set<string> | undefined;
  for (const id of userIds) {
    if (selection.has(id) || next?.has(id)) continue;
    next ??= new Set(selection);
    next.add(id);
  }
  return next ?? selection;
}

/** `selection` without these user IDs. */
export function deselectUserIds(
  selection: MembershipSelection,
  userIds: Iterable<string>,
): MembershipSelection {
  let next: Set<string> | undefined;
  for (const id of userIds) {
    if (!(next ?? selection).has(id)) continue;
    next ??= new Set(selection);
    next.delete(id);
  }
  if (next === undefined) return selection;
  return next.size === 0 ? EMPTY_SELECTION : next;
}

/** `selection` with `userId` added if it was not selected, removed if it was. */
export function toggleUserId(selection: MembershipSelection, userId: string): MembershipSelection {
  return selection.has(userId) ? deselectUserIds(selection, [userId]) : selectUserIds(selection, [userId]);
}

/** The header state of a page of selectable user IDs. */
export function selectionPageState(
  selection: MembershipSelection,
  pageUserIds: readonly string[],
): SelectionPageState {
  let selected = 0;
  for (const id of pageUserIds) if (selection.has(id)) selected += 1;
  if (selected === 0) return 'none';
  return selected === new Set(pageUserIds).size ? 'all' : 'some';
}

/**
 * What the header checkbox does: selects every member of the page, or, when all are selected
 * already, deselects them (members selected on other pages stay selected either way).
 */
export function togglePageSelection(
  selection: MembershipSelection,
  pageUserIds: readonly string[],
): MembershipSelection {
  return selectionPageState(selection, pageUserIds) === 'all'
    ? deselectUserIds(selection, pageUserIds)
    : selectUserIds(selection, pageUserIds);
}

/** Whether two selections hold the same user IDs. */
export function sameSelection(a: MembershipSelection, b: MembershipSelection): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
