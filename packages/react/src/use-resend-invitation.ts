import type { Metadata, OrganizationInvitation } from '@roster/core';
import { resendInvitation } from '@roster/core';
import { useRosterContext } from './roster-context';
import type {
  InvitationActionOptions,
  InvitationActionResult,
  InvitationIdArgs,
} from './use-invitation-mutation';
import { useRosterMutation } from './use-roster-mutation';

/** Options of {@link useResendInvitation}: callbacks for the outcome of each `trigger`. */
export type UseResendInvitationOptions<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = InvitationActionOptions<TPublic, TPrivate>;

/** What {@link useResendInvitation} returns; `trigger` resolves with the new invitation. */
export type UseResendInvitationResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = InvitationActionResult<TPublic, TPrivate>;

/**
 * Resends an invitation: revokes it and invites the same address again with the same role and
 * public metadata, as one optimistic action (the new invitation takes the old one's place in pending
 * views at once; counts stay). A failed revocation undoes everything; a refused re-invite after the
 * revocation went through rejects, and the old invitation stays revoked (that happened).
 */
export function useResendInvitation<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(
  organizationId: string,
  options: UseResendInvitationOptions<TPublic, TPrivate> = {},
): UseResendInvitationResult<TPublic, TPrivate> {
  const { invitationCache, roles } = useRosterContext('useResendInvitation');
  return useRosterMutation(
    (args: InvitationIdArgs) =>
      resendInvitation(invitationCache, { organizationId, ...args }, roles) as Promise<
        OrganizationInvitation<TPublic, TPrivate>
      >,
    options,
  );
}
