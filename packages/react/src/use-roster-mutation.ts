import type { RosterApiError } from '@roster/core';
import { useCallback, useRef, useState } from 'react';

/** `{ trigger, isMutating, error, reset }`, the shape every mutation hook returns. */
export interface RosterMutationState<TArgs, TResult> {
  trigger: (args: TArgs) => Promise<TResult>;
  isMutating: boolean;
  error: RosterApiError | undefined;
  reset: () => void;
}

/**
 * The one implementation of `{ trigger, isMutating, error, reset }` around a core command. The
 * latest `mutate` and callbacks are used, so `trigger` keeps its identity across renders. A command
 * that calls `onSettled` in the block in which the cache settles (core's `onSettled` command
 * option) gets `isMutating` and `error` into the same render as the cache's writes: one commit
 * when a mutation settles, not two.
 */
export function useRosterMutation<TArgs, TResult>(
  mutate: (args: TArgs, onSettled: (error?: unknown) => void) => Promise<TResult>,
  options: {
    onSuccess?: ((result: TResult) => void) | undefined;
    onError?: ((error: RosterApiError) => void) | undefined;
  },
): RosterMutationState<TArgs, TResult> {
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<RosterApiError | undefined>(undefined);
  const latest = useRef({ mutate, options });
  latest.current = { mutate, options };

  const trigger = useCallback(async (args: TArgs) => {
    setError(undefined);
    setPending((n) => n + 1);
    let settled = false;
    const settle = (failure?: unknown) => {
      if (settled) return;
      settled = true;
      if (failure !== undefined) setError(failure as RosterApiError);
      setPending((n) => n - 1);
    };
    try {
      const result = await latest.current.mutate(args, settle);
      settle();
      latest.current.options.onSuccess?.(result);
      return result;
    } catch (failure) {
      settle(failure);
      latest.current.options.onError?.(failure as RosterApiError);
      throw failure;
    }
  }, []);
  const reset = useCallback(() => setError(undefined), []);
  return { trigger, isMutating: pending > 0, error, reset };
}
