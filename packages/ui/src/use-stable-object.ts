import { useMemo } from 'react';

/**
 * `value` as first seen while every field stays the same (`Object.is`): a stable context value
 * from an object literal. The literal must always have the same keys, in the same order.
 */
export function useStableObject<T extends object>(value: T): T {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the fields are the dependencies
  return useMemo(() => value, Object.values(value));
}
