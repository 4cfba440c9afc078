import { describe, expect, it } from 'vitest';
import {
  createSelection,
  deselectUserIds,
  EMPTY_SELECTION,
  sameSelection,
  selectionPageState,
  selectUserIds,
  togglePageSelection,
  toggleUserId,
} from '../src/membership-selection';
import { createUndoWindow } from '../src/undo-window';

const PAGE = ['user_a', 'user_b', 'user_c'];

describe('membership selection', () => {
  it('gives the header state of a page: none, some (mixed), all', () => {
    expect(selectionPageState(EMPTY_SELECTION, PAGE)).toBe('none');
    expect(selectionPageState(createSelection(['user_b', 'user_x']), PAGE)).toBe('some');
    expect(selectionPageState(createSelection(PAGE), PAGE)).toBe('all');
    expect(selectionPageState(createSelection(['user_x']), [])).toBe('none');
  });

  it('the header toggle selects the whole page, then deselects it, keeping other pages’ members', () => {
    const other = createSelection(['user_x', 'user_a']);
    const all = togglePageSelection(other, PAGE);
    expect([...all].sort()).toEqual(['user_a', 'user_b', 'user_c', 'user_x']);
    expect([...togglePageSelection(all, PAGE)]).toEqual(['user_x']);
  });

  it('returns the same set when nothing changes', () => {
    const selection = createSelection(['user_a']);
    expect(selectUserIds(selection, ['user_a'])).toBe(selection);
    expect(deselectUserIds(selection, ['user_b'])).toBe(selection);
    expect(deselectUserIds(selection, ['user_a'])).toBe(EMPTY_SELECTION);
    expect(toggleUserId(toggleUserId(selection, 'user_b'), 'user_b')).toEqual(selection);
    expect(sameSelection(createSelection(['user_a', 'user_b']), createSelection(['user_b', 'user_a']))).toBe(
      true,
    );
  });
});

describe('undo window', () => {
  it('runs exactly one of undo and commit, once', async () => {
    let commits = 0;
    const window = createUndoWindow({
      windowMs: 1000,
      onUndo: async () => 'undone',
      onCommit: () => commits++,
    });
    expect(await window.undo()).toBe('undone');
    window.commit();
    expect(await window.undo()).toBeNull();
    expect([window.state, commits]).toEqual(['undone', 0]);
  });
});
