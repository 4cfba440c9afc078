import { useRef } from 'react';

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
 * Structural sharing across renders: a membership equal to the one returned last time keeps that
 * object, and an unchanged list keeps its array, so rows memoized on the membership re-render only
 * when their member changed.
 */
export function useStableMemberships<T extends { id: string }>(next: readonly T[]): T[] {
  const previous = useRef<T[]>([]);
  const before = previous.current;
  const byId = new Map(before.map((m) => [m.id, m]));
  let same = before.length === next.length;
  const result = next.map((m, i) => {
    const old = byId.get(m.id);
    const kept = old !== undefined && (old === m || deepEqual(old, m)) ? old : m;
    if (kept !== before[i]) same = false;
    return kept;
  });
  const value = same ? before : result;
  previous.current = value;
  return value;
}
