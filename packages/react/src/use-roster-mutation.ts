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
 * latest `mutate` and callbacks are used, so `trigger` keeps its identity across renders.
 */
export function useRosterMutation<TArgs, TResult>(
  mutate: (args: TArgs) => Promise<TResult>,
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
    try {
      const result = await latest.current.mutate(args);
      latest.current.options.onSuccess?.(result);
      return result;
    } catch (failure) {
      setError(failure as RosterApiError);
      latest.current.options.onError?.(failure as RosterApiError);
      throw failure;
    } finally {
      setPending((n) => n - 1);
    }
  }, []);
  const reset = useCallback(() => setError(undefined), []);
  return { trigger, isMutating: pending > 0, error, reset };
}
