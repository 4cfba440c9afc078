import { describe, expect, it } from 'vitest';
import { NO_ROW_KEYS, nextMemberListRowKeys } from '../src/member-list-row-keys';

describe('given the row keys of a shown page', () => {
  const first = nextMemberListRowKeys(NO_ROW_KEYS, ['a', 'b', 'c']);

  it('when the first page is shown, every member gets a key of its own', () => {
    expect(first.keys).toEqual(['r0', 'r1', 'r2']);
  });

  it('when members move, each keeps its key (its row follows it)', () => {
    expect(nextMemberListRowKeys(first.state, ['c', 'a', 'b']).keys).toEqual(['r2', 'r0', 'r1']);
  });

  it('when the next page replaces every member, the new ones take the old keys in order', () => {
    expect(nextMemberListRowKeys(first.state, ['d', 'e', 'f']).keys).toEqual(['r0', 'r1', 'r2']);
  });

  it('when one member leaves and the next is pulled up, only the newcomer takes the freed key', () => {
    expect(nextMemberListRowKeys(first.state, ['a', 'c', 'd']).keys).toEqual(['r0', 'r2', 'r1']);
  });

  it('when more members arrive than left, the extra ones get new keys', () => {
    const next = nextMemberListRowKeys(first.state, ['d', 'a', 'e', 'f']);
    expect(next.keys).toEqual(['r1', 'r0', 'r2', 'r3']);
    expect(nextMemberListRowKeys(next.state, ['g']).keys).toEqual(['r1']);
  });

  it('when the row focus is in leaves, its key is not handed to anyone', () => {
    const next = nextMemberListRowKeys(first.state, ['d', 'e', 'f'], 'r1');
    expect(next.keys).toEqual(['r0', 'r2', 'r3']);
  });

  it('when a member appears twice, the keys stay unique', () => {
    const next = nextMemberListRowKeys(first.state, ['a', 'a', 'x']);
    expect(new Set(next.keys).size).toBe(3);
    expect(next.keys[0]).toBe('r0');
  });
});
