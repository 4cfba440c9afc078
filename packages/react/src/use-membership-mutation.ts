import type { Metadata, OrganizationMembership, RosterApiError } from '@roster/core';
import { useRosterMutation } from './use-roster-mutation';

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

/**
 * `{ trigger, isMutating, error, reset }` around one of core's membership commands. The latest
 * `mutate` and callbacks are used, so `trigger` keeps its identity across renders.
 */
export function useMembershipMutation<TArgs, TPublic extends Metadata, TPrivate extends Metadata>(
  mutate: (
    args: TArgs,
    onSettled: (error?: unknown) => void,
  ) => Promise<OrganizationMembership<Metadata, Metadata>>,
  options: MembershipMutationOptions<TPublic, TPrivate>,
): MembershipMutationResult<TArgs, TPublic, TPrivate> {
  return useRosterMutation(
    mutate as (
      args: TArgs,
      onSettled: (error?: unknown) => void,
    ) => Promise<OrganizationMembership<TPublic, TPrivate>>,
    options,
  );
}
