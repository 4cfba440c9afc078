import type { Metadata } from '@roster/core';
import { removeMembership } from '@roster/core';
import { useRosterContext } from './roster-context';
import type { MembershipMutationOptions, MembershipMutationResult } from './use-membership-mutation';
import { useMembershipMutation } from './use-membership-mutation';

/** What `trigger` of {@link useRemoveMembership} takes. */
export interface RemoveMembershipArgs {
  /** The member to remove. */
  userId: string;
}

/** Options of {@link useRemoveMembership}: callbacks for the outcome of each `trigger`. */
export type UseRemoveMembershipOptions<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipMutationOptions<TPublic, TPrivate>;

/** What {@link useRemoveMembership} returns; `trigger` resolves with the removed membership. */
export type UseRemoveMembershipResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = MembershipMutationResult<RemoveMembershipArgs, TPublic, TPrivate>;

/**
 * Removes a member, optimistically: the member leaves every cached view and `totalCount` goes down
 * at once; after the server confirms, the views revalidate to pull the next member onto the page.
 */
export function useRemoveMembership<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
>(
  organizationId: string,
  options: UseRemoveMembershipOptions<TPublic, TPrivate> = {},
): UseRemoveMembershipResult<TPublic, TPrivate> {
  const { cache } = useRosterContext('useRemoveMembership');
  return useMembershipMutation(
    (args: RemoveMembershipArgs, onSettled) =>
      removeMembership(cache, { organizationId, ...args }, { onSettled }),
    options,
  );
}
