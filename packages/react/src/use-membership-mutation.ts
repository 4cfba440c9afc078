import type {
  MembershipCache,
  Metadata,
  OrganizationMembership,
  PendingMembershipOperation,
  RosterApiError,
} from '@roster/core';
import { useCallback, useRef, useState } from 'react';

/** What every mutation hook returns. */
export interface MembershipMutationResult<
  TArgs,
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  /**
   * Runs the mutation: the change shows in every view at once (except creations, which need the
   * server to place them), then resolves with the server's membership, or rejects with the
   * `RosterApiError` after undoing exactly this change.
   */
  trigger: (args: TArgs) => Promise<OrganizationMembership<TPublic, TPrivate>>;
  /** At least one `trigger` of this hook is waiting for the server. */
  isMutating: boolean;
  /** The error of the last failed `trigger` (cleared by the next `trigger` or `reset`). */
  error: RosterApiError | undefined;
  /** Clears `error`. */
  reset: () => void;
}

/** Options every mutation hook takes. */
export interface MembershipMutationOptions<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> {
  /** Called with the server's membership when a `trigger` succeeds (e.g. to announce the change). */
  onSuccess?: ((membership: OrganizationMembership<TPublic, TPrivate>) => void) | undefined;
  /** Called with the `RosterApiError` when a `trigger` fails, after the change was undone. */
  onError?: ((error: RosterApiError) => void) | undefined;
}

type AnyOperation = PendingMembershipOperation<Metadata, Metadata>;
type AnyMembership = OrganizationMembership<Metadata, Metadata>;

/** A mutation as the cache runs it: the optimistic operation and how to send it. */
export interface PreparedMutation {
  operation: AnyOperation;
  send: () => Promise<AnyMembership>;
}

/** The `{ trigger, isMutating, error, reset }` logic shared by the four mutation hooks. */
export function useMembershipMutation<TArgs>(
  cache: MembershipCache,
  prepare: (args: TArgs, operationId: string) => PreparedMutation,
  options: MembershipMutationOptions = {},
): MembershipMutationResult<TArgs> {
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<RosterApiError | undefined>(undefined);
  const prepareRef = useRef(prepare);
  prepareRef.current = prepare;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const trigger = useCallback(
    async (args: TArgs) => {
      const { operation, send } = prepareRef.current(args, cache.nextOperationId());
      setError(undefined);
      setPending((n) => n + 1);
      try {
        const membership = await cache.run(operation, send);
        optionsRef.current.onSuccess?.(membership);
        return membership;
      } catch (failure) {
        setError(failure as RosterApiError);
        optionsRef.current.onError?.(failure as RosterApiError);
        throw failure;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [cache],
  );
  const reset = useCallback(() => setError(undefined), []);
  return { trigger, isMutating: pending > 0, error, reset };
}
