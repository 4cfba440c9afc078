import type { Metadata, OrganizationInvitation, OrganizationInvitationStatus } from '@roster/core';
import type { MembershipListResult } from './membership-list-result';

/** Options of `useOrganizationInvitations`. */
export interface UseOrganizationInvitationsOptions {
  /** The organization whose invitations to list. `null`/`undefined` fetches nothing. */
  organizationId: string | null | undefined;
  /** Only invitations with this status (or one of these). Default `'pending'`; `[]`: every status. */
  status?: OrganizationInvitationStatus | OrganizationInvitationStatus[] | undefined;
  /** Invitations per page (the Backend API's `limit`, 1..500). Default 10. */
  pageSize?: number | undefined;
  /** The page shown first. Default 1. */
  initialPage?: number | undefined;
  /** `false` fetches nothing (and returns an empty, not-loading result). Default `true`. */
  enabled?: boolean | undefined;
}

/** The result of an invitation list: the shape of `MembershipListResult`, with invitations as `data`. */
export interface InvitationListResult<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> extends Omit<MembershipListResult, 'data'> {
  /** The invitations to show (newest first): the server's page with pending invites and revocations applied. */
  data: OrganizationInvitation<TPublic, TPrivate>[];
}
