import { describe, expect, it } from 'vitest';
import {
  applyInvitationOverlay,
  invitationMatchesView,
  type OrganizationInvitation,
  type OrganizationInvitations,
  type PendingInvitationOperation,
  writeConfirmedInvitation,
} from '../src/index';

function invitation(
  id: string,
  email: string,
  status: OrganizationInvitation['status'] = 'pending',
): OrganizationInvitation {
  return {
    object: 'organization_invitation',
    id,
    emailAddress: email,
    role: 'org:member',
    roleName: 'Member',
    organizationId: 'org_a',
    status,
    publicMetadata: {},
    url: null,
    expiresAt: 2_000,
    inviterId: null,
    publicInviterData: null,
    createdAt: 1_000,
    updatedAt: 1_000,
  };
}

const page = (...data: OrganizationInvitation[]): OrganizationInvitations => ({
  data,
  totalCount: data.length + 5,
});
const create = (email: string): PendingInvitationOperation => ({
  kind: 'invitation-creation',
  id: `op_${email}`,
  organizationId: 'org_a',
  invitation: invitation(`tmp_${email}`, email),
});
const revoke = (invitationId: string): PendingInvitationOperation => ({
  kind: 'invitation-revocation',
  id: `op_revoke_${invitationId}`,
  organizationId: 'org_a',
  invitationId,
});

describe('given a pending creation', () => {
  it('when the view is the first page newest first, the invitation shows at the top and the count rises', () => {
    const server = page(invitation('i1', 'a@x.io'), invitation('i2', 'b@x.io'));
    const shown = applyInvitationOverlay(
      server,
      { organizationId: 'org_a', status: ['pending'], pageSize: 2 },
      [create('new@x.io')],
    );
    expect(shown.data.map((i) => i.emailAddress)).toEqual(['new@x.io', 'a@x.io']);
    expect(shown.totalCount).toBe(server.totalCount + 1);
  });

  it('when the view is a later page or another order, only the count rises', () => {
    const server = page(invitation('i1', 'a@x.io'));
    for (const view of [
      { organizationId: 'org_a', page: 2 },
      { organizationId: 'org_a', orderBy: '+email_address' as const },
    ]) {
      const shown = applyInvitationOverlay(server, view, [create('new@x.io')]);
      expect([shown.data, shown.totalCount]).toEqual([server.data, server.totalCount + 1]);
    }
  });

  it('when the view filters it out (revoked only, another address, another organization), nothing changes', () => {
    const server = page(invitation('i1', 'a@x.io', 'revoked'));
    expect(
      applyInvitationOverlay(server, { organizationId: 'org_a', status: ['revoked'] }, [create('n@x.io')]),
    ).toBe(server);
    expect(
      applyInvitationOverlay(server, { organizationId: 'org_a', emailAddress: 'a@x.io' }, [create('n@x.io')]),
    ).toBe(server);
    expect(applyInvitationOverlay(server, { organizationId: 'org_b' }, [create('n@x.io')])).toBe(server);
  });

  it('when the response already holds the pending invitation to that address, it is not added twice', () => {
    const server = page(invitation('orginv_real', 'New@x.io'));
    expect(applyInvitationOverlay(server, { organizationId: 'org_a' }, [create('new@x.io')])).toBe(server);
  });
});

describe('given a pending revocation', () => {
  it('when the view shows pending ones only, the invitation leaves it and the count drops', () => {
    const server = page(invitation('i1', 'a@x.io'), invitation('i2', 'b@x.io'));
    const shown = applyInvitationOverlay(server, { organizationId: 'org_a', status: ['pending'] }, [
      revoke('i1'),
    ]);
    expect([shown.data.map((i) => i.id), shown.totalCount]).toEqual([['i2'], server.totalCount - 1]);
  });

  it('when the view shows every status, the invitation stays, marked revoked; untouched rows keep their identity', () => {
    const server = page(invitation('i1', 'a@x.io'), invitation('i2', 'b@x.io'));
    const shown = applyInvitationOverlay(server, { organizationId: 'org_a' }, [revoke('i1')]);
    expect(shown.data.map((i) => i.status)).toEqual(['revoked', 'pending']);
    expect(shown.data[1]).toBe(server.data[1]);
    expect(shown.totalCount).toBe(server.totalCount);
  });

  it('when the response already shows it revoked, or the page does not hold it, nothing changes', () => {
    const server = page(invitation('i1', 'a@x.io', 'revoked'));
    expect(applyInvitationOverlay(server, { organizationId: 'org_a' }, [revoke('i1'), revoke('i9')])).toBe(
      server,
    );
  });

  it('when a creation and a revocation of another invitation are pending, both apply in order', () => {
    const server = page(invitation('i1', 'a@x.io'));
    const shown = applyInvitationOverlay(server, { organizationId: 'org_a', status: ['pending'] }, [
      create('new@x.io'),
      revoke('i1'),
    ]);
    expect([shown.data.map((i) => i.emailAddress), shown.totalCount]).toEqual([
      ['new@x.io'],
      server.totalCount,
    ]);
  });
});

describe('given a confirmed invitation', () => {
  it('when the page holds it and the view still wants it, it is replaced', () => {
    const server = page(invitation('i1', 'a@x.io'));
    const confirmed = { ...invitation('i1', 'a@x.io', 'revoked'), updatedAt: 5 };
    const result = writeConfirmedInvitation(server, { organizationId: 'org_a' }, confirmed);
    expect([result.page.data[0], result.stale]).toEqual([confirmed, false]);
  });

  it('when it left the view, it is dropped and the page is stale; a page it may join is stale too', () => {
    const server = page(invitation('i1', 'a@x.io'));
    const left = writeConfirmedInvitation(
      server,
      { organizationId: 'org_a', status: ['pending'] },
      invitation('i1', 'a@x.io', 'revoked'),
    );
    expect([left.page.data, left.page.totalCount, left.stale]).toEqual([[], server.totalCount - 1, true]);
    const joins = writeConfirmedInvitation(server, { organizationId: 'org_a' }, invitation('i7', 'z@x.io'));
    expect([joins.page, joins.stale]).toEqual([server, true]);
    const elsewhere = writeConfirmedInvitation(
      server,
      { organizationId: 'org_a', status: ['revoked'] },
      invitation('i7', 'z@x.io'),
    );
    expect([elsewhere.page, elsewhere.stale]).toEqual([server, false]);
  });

  it('when a view is asked about an invitation, status and address decide', () => {
    expect(
      invitationMatchesView(invitation('i1', 'A@x.io'), { organizationId: 'org_a', emailAddress: 'a@X.io' }),
    ).toBe(true);
    expect(
      invitationMatchesView(invitation('i1', 'a@x.io', 'expired'), {
        organizationId: 'org_a',
        status: ['pending'],
      }),
    ).toBe(false);
  });
});
