import type { Metadata, OrganizationInvitation } from '@roster/core';
import { revokeInvitation } from '@roster/core';
import { useRosterContext } from './roster-context';
import type {
  InvitationActionOptions,
  InvitationActionResult,
  InvitationIdArgs,
} from './use-invitation-mutation';
import { useRosterMutation } from './use-roster-mutation';

/** Options of {@link useRevokeInvitation}: callbacks for the outcome of each `trigger`. */
export type UseRevokeInvitationOptions<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = InvitationActionOptions<TPublic, TPrivate>;

/** What {@link useRevokeInvitation} returns; `trigger` resolves with the revoked invitation. */
export type UseRevokeInvitationResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = InvitationActionResult<TPublic, TPrivate>;

/**
 * Revokes an invitation, optimistically: it leaves pending views and their counts go down at once
 * (a view that shows revoked ones shows it revoked); a failure undoes exactly this revocation.
 */
export function useRevokeInvitation<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(
  organizationId: string,
  options: UseRevokeInvitationOptions<TPublic, TPrivate> = {},
): UseRevokeInvitationResult<TPublic, TPrivate> {
  const { invitationCache } = useRosterContext('useRevokeInvitation');
  return useRosterMutation(
    (args: InvitationIdArgs) =>
      revokeInvitation(invitationCache, { organizationId, ...args }) as Promise<
        OrganizationInvitation<TPublic, TPrivate>
      >,
    options,
  );
}
