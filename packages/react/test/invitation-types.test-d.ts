import type { OrganizationInvitation, RosterApiError } from '@roster/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { InviteMembersResult } from '../src/index';
import { useInviteMembers } from '../src/use-invite-members';
import { useOrganizationInvitations } from '../src/use-organization-invitations';
import { useResendInvitation } from '../src/use-resend-invitation';
import { useRevokeInvitation } from '../src/use-revoke-invitation';

interface TeamMetadata extends Record<string, unknown> {
  team: 'ops' | 'sales';
}

describe('given metadata types on the invitation hooks', () => {
  it('when the list is read, data carries the typed public metadata and the list shape', () => {
    const list = useOrganizationInvitations<TeamMetadata>({
      organizationId: 'org_a',
      status: ['pending', 'expired'],
    });
    expectTypeOf(list.data).toEqualTypeOf<OrganizationInvitation<TeamMetadata>[]>();
    expectTypeOf(list.data[0]?.publicMetadata.team).toEqualTypeOf<'ops' | 'sales' | undefined>();
    expectTypeOf(list.fetchNext).toEqualTypeOf<() => void>();
    expectTypeOf(list.error).toEqualTypeOf<RosterApiError | undefined>();
  });

  it('when members are invited, trigger takes typed metadata and resolves to invited and failed', () => {
    const invite = useInviteMembers<TeamMetadata>('org_a');
    expectTypeOf(
      invite.trigger({
        emailAddresses: ['a@example.com'],
        role: 'org:member',
        publicMetadata: { team: 'ops' },
      }),
    ).toEqualTypeOf<Promise<InviteMembersResult<TeamMetadata>>>();
    expectTypeOf<InviteMembersResult['failed'][number]>().toEqualTypeOf<{
      emailAddress: string;
      error: RosterApiError;
    }>();
  });

  it('when an invitation is revoked or resent, trigger resolves to the typed invitation', () => {
    expectTypeOf(useRevokeInvitation<TeamMetadata>('org_a').trigger({ invitationId: 'i' })).toEqualTypeOf<
      Promise<OrganizationInvitation<TeamMetadata>>
    >();
    expectTypeOf(useResendInvitation('org_a').trigger({ invitationId: 'i' })).toEqualTypeOf<
      Promise<OrganizationInvitation>
    >();
  });
});
