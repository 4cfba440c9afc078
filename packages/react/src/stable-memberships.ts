import { shareUnchangedItems } from '@roster/core';
import { useRef } from 'react';

/** Members equal to those returned last render keep their objects (see core's `shareUnchangedItems`). */
export function useStableMemberships<T extends { id: string }>(next: readonly T[]): T[] {
  const previous = useRef<T[]>([]);
  previous.current = shareUnchangedItems(previous.current, next);
  return previous.current;
}
