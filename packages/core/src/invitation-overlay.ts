/**
 * The optimistic overlay of invitation views: pure functions that show pending invitation
 * operations (sent, not yet answered) on a server page, and write a confirmed answer into a cached
 * page. Same principles as the membership overlay: operations apply in order, act only on what the
 * page can decide, change nothing twice when the response already reflects them, and keep the
 * same page object when nothing changes.
 */
import { canonicalizeInvitationListView, type InvitationListView } from './invitation-list-key';
import type { Metadata, OrganizationInvitation, OrganizationInvitations } from './models';

interface InvitationOperationBase {
  /** Unique per operation (the rollback removes exactly this one). */
  id: string;
  organizationId: string;
}

/**
 * An invitation being created: `invitation` is what the client shows until the server answers
 * (a temporary ID, `status: 'pending'`, the email address as the server will store it: lowercased).
 */
export interface PendingInvitationCreation<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> extends InvitationOperationBase {
  kind: 'invitation-creation';
  invitation: OrganizationInvitation<TPublic, TPrivate>;
}

/** An invitation being revoked. */
export interface PendingInvitationRevocation extends InvitationOperationBase {
  kind: 'invitation-revocation';
  invitationId: string;
}

export type PendingInvitationOperation<
  TPublic extends Metadata = Metadata,
  TPrivate extends Metadata = Metadata,
> = PendingInvitationCreation<TPublic, TPrivate> | PendingInvitationRevocation;

/** Whether an invitation belongs in a view: its status is in the view's filter (none: every status) and its address matches. */
export function invitationMatchesView(invitation: OrganizationInvitation, view: InvitationListView): boolean {
  const c = canonicalizeInvitationListView(view);
  if (invitation.organizationId !== undefined && invitation.organizationId !== c.organizationId) return false;
  if (c.status.length > 0 && (invitation.status === undefined || !c.status.includes(invitation.status)))
    return false;
  return c.emailAddress === null || invitation.emailAddress.toLowerCase() === c.emailAddress;
}

function isPendingFor(invitation: OrganizationInvitation, email: string): boolean {
  return invitation.status === 'pending' && invitation.emailAddress.toLowerCase() === email.toLowerCase();
}

/**
 * The page as it should be shown with `operations` applied (in order):
 *
 * - a creation raises `totalCount` in every view it belongs in; on the first page of a newest-first
 *   view (`-created_at`, the default) it is also shown at the top (the page keeps its size). A page
 *   that already holds a pending invitation to that address holds the created one (an organization
 *   has at most one pending invitation per address), so nothing is added twice.
 * - a revocation marks the invitation `revoked` where the view still shows revoked ones, and drops
 *   it (lowering `totalCount`) where the view's status filter leaves revoked ones out.
 */
export function applyInvitationOverlay<TPublic extends Metadata, TPrivate extends Metadata>(
  page: OrganizationInvitations<TPublic, TPrivate>,
  view: InvitationListView,
  operations: readonly PendingInvitationOperation<TPublic, TPrivate>[],
): OrganizationInvitations<TPublic, TPrivate> {
  const c = canonicalizeInvitationListView(view);
  let data = page.data;
  let totalCount = page.totalCount;
  for (const operation of operations) {
    if (operation.organizationId !== c.organizationId) continue;
    if (operation.kind === 'invitation-creation') {
      const created = operation.invitation;
      if (!invitationMatchesView(created, view)) continue;
      if (data.some((i) => i.id === created.id || isPendingFor(i, created.emailAddress))) continue;
      totalCount += 1;
      if (c.orderBy === '-created_at' && c.page === 1) data = [created, ...data].slice(0, c.pageSize);
      continue;
    }
    const index = data.findIndex((i) => i.id === operation.invitationId);
    const target = data[index];
    if (target?.status !== 'pending') continue;
    const revoked = { ...target, status: 'revoked' as const };
    if (invitationMatchesView(revoked, view)) {
      data = data.map((i, at) => (at === index ? revoked : i));
    } else {
      data = data.filter((_, at) => at !== index);
      totalCount -= 1;
    }
  }
  if (data === page.data && totalCount === page.totalCount) return page;
  return { data, totalCount: Math.max(totalCount, data.length) };
}

/** A confirmed write's effect on one cached page. */
export interface ConfirmedInvitationWrite<TPublic extends Metadata, TPrivate extends Metadata> {
  /** The page to cache (the same object when nothing changed). */
  page: OrganizationInvitations<TPublic, TPrivate>;
  /** Whether the page may now miss or wrongly hold an invitation: the view should revalidate. */
  stale: boolean;
}

/**
 * Writes the server's answer (a created or revoked invitation) into a cached page: replaced where
 * the page holds it and the view still wants it, dropped (count lowered) where it no longer does.
 * A page that does not hold it but whose view it belongs in is reported `stale` (it may now belong
 * on that page), as is one it left.
 */
export function writeConfirmedInvitation<TPublic extends Metadata, TPrivate extends Metadata>(
  page: OrganizationInvitations<TPublic, TPrivate>,
  view: InvitationListView,
  invitation: OrganizationInvitation<TPublic, TPrivate>,
): ConfirmedInvitationWrite<TPublic, TPrivate> {
  const index = page.data.findIndex((i) => i.id === invitation.id);
  const belongs = invitationMatchesView(invitation, view);
  if (index === -1) return { page, stale: belongs };
  if (belongs) {
    return {
      page: { ...page, data: page.data.map((i, at) => (at === index ? invitation : i)) },
      stale: false,
    };
  }
  return {
    page: { data: page.data.filter((_, at) => at !== index), totalCount: Math.max(0, page.totalCount - 1) },
    stale: true,
  };
}
