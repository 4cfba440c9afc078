import type { Metadata, OrganizationInvitation, RosterApiError } from '@roster/core';
import type { RosterMutationState } from './use-roster-mutation';

/** What the invitation mutation hooks return. */
export interface InvitationMutationResult<TArgs, TResult> extends RosterMutationState<TArgs, TResult> {
  /**
   * Runs the mutation: the change shows in every invitation view at once, then resolves with the
   * server's answer, or rejects with the `RosterApiError` after undoing exactly this change.
   */
  trigger: (args: TArgs) => Promise<TResult>;
  /** At least one `trigger` of this hook is waiting for the server. */
  isMutating: boolean;
  /** The error of the last rejected `trigger` (cleared by the next `trigger` or `reset`). */
  error: RosterApiError | undefined;
  /** Clears `error`. */
  reset: () => void;
}

/** Options every invitation mutation hook takes. */
export interface InvitationMutationOptions<TResult> {
  /** Called with the server's answer when a `trigger` resolves (e.g. to announce it). */
  onSuccess?: ((result: TResult) => void) | undefined;
  /** Called with the `RosterApiError` when a `trigger` rejects, after the change was undone. */
  onError?: ((error: RosterApiError) => void) | undefined;
}

/** What `trigger` of `useRevokeInvitation` and `useResendInvitation` takes. */
export interface InvitationIdArgs {
  /** The invitation (`orginv_...`). */
  invitationId: string;
}

/** Options of `useRevokeInvitation` and `useResendInvitation`: callbacks for the outcome of each `trigger`. */
export type InvitationActionOptions<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = InvitationMutationOptions<OrganizationInvitation<TPublic, TPrivate>>;

/** What `useRevokeInvitation` and `useResendInvitation` return. */
export type InvitationActionResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = InvitationMutationResult<InvitationIdArgs, OrganizationInvitation<TPublic, TPrivate>>;
