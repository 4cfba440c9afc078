import type { InviteMembersResult, Metadata } from '@roster/core';
import { inviteMembers } from '@roster/core';
import { useRosterContext } from './roster-context';
import type { InvitationMutationOptions, InvitationMutationResult } from './use-invitation-mutation';
import { useRosterMutation } from './use-roster-mutation';

export type { InviteMembersResult };

/** What `trigger` of {@link useInviteMembers} takes. */
export interface InviteMembersArgs<TPublic extends Metadata = Metadata> {
  /** The addresses to invite, one invitation each (at most 10 go in one request; more are split). */
  emailAddresses: string[];
  /** The role key every invitee gets on accepting, e.g. `org:member`. */
  role: string;
  /** Copied to each membership on acceptance. */
  publicMetadata?: TPublic | undefined;
  /** Where each invitee lands after accepting. */
  redirectUrl?: string | undefined;
  /** Days until the invitations expire, 1..365. Default 30. */
  expiresInDays?: number | undefined;
}

/** Options of {@link useInviteMembers}: `onSuccess` gets the per-address result. */
export type UseInviteMembersOptions<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = InvitationMutationOptions<InviteMembersResult<TPublic, TPrivate>>;

/** What {@link useInviteMembers} returns. */
export type UseInviteMembersResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = InvitationMutationResult<InviteMembersArgs<TPublic>, InviteMembersResult<TPublic, TPrivate>>;

/**
 * Invites one or many addresses, optimistically: a pending placeholder per address shows at the
 * top of pending views and `totalCount` goes up at once. `trigger` resolves with `{ invited, failed }`:
 * an address the server refuses (already a member, already invited, invalid) is listed in `failed`
 * with its error and the others are still sent. It rejects only when nothing could be sent for a
 * reason that is not one address's (network, permission, quota).
 */
export function useInviteMembers<TPublic extends Metadata = Metadata, TPrivate extends Metadata = Metadata>(
  organizationId: string,
  options: UseInviteMembersOptions<TPublic, TPrivate> = {},
): UseInviteMembersResult<TPublic, TPrivate> {
  const { invitationCache, roles } = useRosterContext('useInviteMembers');
  return useRosterMutation(
    (args: InviteMembersArgs<TPublic>) =>
      inviteMembers(invitationCache, { organizationId, ...args }, roles) as Promise<
        InviteMembersResult<TPublic, TPrivate>
      >,
    options,
  );
}
