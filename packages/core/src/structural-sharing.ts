function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.hasOwn(b, key)) return false;
    if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * Structural sharing between two renders of a list: an item deep-equal to the one shown before
 * (same `id`) keeps that object, and a list whose items all kept theirs, in order, is `previous`
 * itself. Rows memoized on the item then re-render only when their item changed.
 */
export function shareUnchangedItems<T extends { id: string }>(previous: T[], next: readonly T[]): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  let same = previous.length === next.length;
  const result = next.map((item, i) => {
    const old = byId.get(item.id);
    const kept = old !== undefined && (old === item || deepEqual(old, item)) ? old : item;
    if (kept !== previous[i]) same = false;
    return kept;
  });
  return same ? previous : result;
}
