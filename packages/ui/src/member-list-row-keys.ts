import { useRef } from 'react';

/** Which React key each shown member's row has (internal: the table's memory between renders). */
export interface MemberListRowKeys {
  /** Membership ID to row key, for the members of the last render. */
  byMember: ReadonlyMap<string, string>;
  /** Row keys handed out so far: the next new key is `r{created}`. */
  created: number;
}

export const NO_ROW_KEYS: MemberListRowKeys = { byMember: new Map(), created: 0 };

/**
 * The row keys for `memberIds`, in order. A member shown before keeps its key, so its row (and
 * focus in it) follows it wherever it moves. A member new to the list takes the key of a member who
 * left, in order, so React updates that row's elements in place instead of removing them and
 * creating new ones: a page change rewrites 100 rows' text and attributes rather than building
 * 1,800 elements and styling them. `keep` (the row focus is in) is never handed to another member.
 */
export function nextMemberListRowKeys(
  previous: MemberListRowKeys,
  memberIds: readonly string[],
  keep?: string | undefined,
): { keys: string[]; state: MemberListRowKeys } {
  const shown = new Set(memberIds);
  const freed: string[] = [];
  for (const [id, key] of previous.byMember) {
    if (!shown.has(id) && key !== keep) freed.push(key);
  }
  let created = previous.created;
  let nextFreed = 0;
  const byMember = new Map<string, string>();
  const keys = memberIds.map((id) => {
    // A duplicate ID (two rows for one member) gets a key of its own rather than a clash.
    const key =
      (!byMember.has(id) && previous.byMember.get(id)) ||
      (nextFreed < freed.length ? freed[nextFreed++] : undefined) ||
      `r${created++}`;
    if (!byMember.has(id)) byMember.set(id, key);
    return key;
  });
  return { keys, state: { byMember, created } };
}

/**
 * {@link nextMemberListRowKeys} across renders. `body` is the rows' `<tbody>`: when focus is in one
 * of its rows, that row's key stays with its member's departure (the row is removed, as before, and
 * focus does not silently land on another member's control).
 */
export function useMemberListRowKeys(
  memberIds: readonly string[],
  body: { readonly current: HTMLTableSectionElement | null },
): string[] {
  const memory = useRef<{ ids: readonly string[]; keys: string[]; state: MemberListRowKeys }>({
    ids: [],
    keys: [],
    state: NO_ROW_KEYS,
  });
  const last = memory.current;
  if (sameIds(last.ids, memberIds)) return last.keys;
  const { keys, state } = nextMemberListRowKeys(
    last.state,
    memberIds,
    focusedRowKey(body.current, last.keys),
  );
  // Written during render on purpose: it is a cache of a pure function of the previous keys, and a
  // render React throws away only leaves keys that are still unique (at worst a row is rebuilt).
  memory.current = { ids: memberIds, keys, state };
  return keys;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** The key of the row focus is in, when the body's rows are the last render's member rows. */
function focusedRowKey(body: HTMLTableSectionElement | null, keys: readonly string[]): string | undefined {
  const active = body?.ownerDocument.activeElement;
  if (!body || !active || !body.contains(active) || body.rows.length !== keys.length) return undefined;
  const row = active.closest('tr');
  return row ? keys[Array.prototype.indexOf.call(body.rows, row)] : undefined;
}
