import { createMemoryClient } from '@roster/core/testing';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InviteMembersResult } from '../src/use-invite-members';
import { useInviteMembers } from '../src/use-invite-members';
import { useOrganizationInvitations } from '../src/use-organization-invitations';
import { useResendInvitation } from '../src/use-resend-invitation';
import { useRevokeInvitation } from '../src/use-revoke-invitation';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

/** `org_a` with two pending invitations: `old@` (sent first) and `newer@`. */
async function setup() {
  const client = createMemoryClient(createTestSeed());
  await client.createInvitation({
    organizationId: ORG,
    emailAddress: 'old@example.test',
    role: 'org:member',
  });
  vi.advanceTimersByTime(10);
  await client.createInvitation({
    organizationId: ORG,
    emailAddress: 'newer@example.test',
    role: 'org:admin',
    publicMetadata: { team: 'ops' },
  });
  const rendered = renderHook(
    () => ({
      pending: useOrganizationInvitations({ organizationId: ORG }),
      every: useOrganizationInvitations({ organizationId: ORG, status: [] }),
      invite: useInviteMembers(ORG),
      revoke: useRevokeInvitation(ORG),
      resend: useResendInvitation(ORG),
    }),
    { wrapper: rosterWrapper(client) },
  );
  await advance(1);
  return { client, result: rendered.result };
}

const emails = (list: { data: { emailAddress: string }[] }) => list.data.map((i) => i.emailAddress);

describe('given an organization with two pending invitations', () => {
  it('when two addresses are invited, placeholders show at the top and totalCount goes up at once, then the server invitations replace them', async () => {
    const { client, result } = await setup();
    expect(emails(result.current.pending)).toEqual(['newer@example.test', 'old@example.test']);
    client.setLatency(100);
    let outcome: Promise<InviteMembersResult> | undefined;
    act(() => {
      outcome = result.current.invite.trigger({
        emailAddresses: ['a@example.test', 'B@example.test'],
        role: 'org:member',
      });
    });
    expect(result.current.invite.isMutating).toBe(true);
    expect(emails(result.current.pending)).toEqual([
      'b@example.test',
      'a@example.test',
      'newer@example.test',
      'old@example.test',
    ]);
    expect(result.current.pending.totalCount).toBe(4);
    expect(result.current.every.totalCount).toBe(4);
    await settleAll();
    const { invited, failed } = (await outcome) as InviteMembersResult;
    expect(failed).toEqual([]);
    expect(invited.map((i) => i.emailAddress)).toEqual(['a@example.test', 'b@example.test']);
    expect(result.current.pending.totalCount).toBe(4);
    expect(result.current.pending.data.every((i) => !i.id.includes('optimistic'))).toBe(true);
    expect(result.current.invite.isMutating).toBe(false);
  });

  it('when some addresses are refused, trigger reports each with its error, the others are sent, and counts say so', async () => {
    const { client, result } = await setup();
    let outcome: InviteMembersResult | undefined;
    await act(async () => {
      outcome = await result.current.invite.trigger({
        emailAddresses: [
          'fresh@example.test',
          `${userId(3)}@example.test`,
          'old@example.test',
          'bad address',
        ],
        role: 'org:member',
      });
    });
    await settleAll();
    expect(outcome?.invited.map((i) => i.emailAddress)).toEqual(['fresh@example.test']);
    // Reported in the order the server refused them (it checks every address's format first).
    expect(outcome?.failed.map((f) => [f.emailAddress, f.error.errors[0]?.code])).toEqual([
      ['bad address', 'form_param_format_invalid'],
      [`${userId(3)}@example.test`, 'already_a_member_in_organization'],
      ['old@example.test', 'organization_invitation_not_unique'],
    ]);
    expect(result.current.invite.error).toBeUndefined();
    expect(result.current.pending.totalCount).toBe(3);
    expect(emails(result.current.pending)[0]).toBe('fresh@example.test');
    const sent = client.requests.filter((r) => r.method === 'createInvitations');
    expect(sent.length).toBe(4);
  });

  it('when the invite fails for every address at once, trigger rejects, error is set and the placeholders leave', async () => {
    const { client, result } = await setup();
    client.setLatency(100);
    client.failNext('createInvitations');
    let failure: unknown;
    act(() => {
      result.current.invite.trigger({ emailAddresses: ['a@example.test'], role: 'org:member' }).catch((e) => {
        failure = e;
      });
    });
    expect(result.current.pending.totalCount).toBe(3);
    await settleAll();
    expect(failure).toMatchObject({ status: 500 });
    expect(result.current.invite.error).toMatchObject({ status: 500 });
    expect(emails(result.current.pending)).toEqual(['newer@example.test', 'old@example.test']);
    expect(result.current.pending.totalCount).toBe(2);
  });

  it('when an invitation is revoked, it leaves the pending view at once and shows revoked in the every-status view; a failure rolls it back', async () => {
    const { client, result } = await setup();
    const target = result.current.pending.data[1]?.id as string;
    client.setLatency(100);
    client.failNext('revokeInvitation');
    act(() => {
      void result.current.revoke.trigger({ invitationId: target }).catch(() => undefined);
    });
    expect(emails(result.current.pending)).toEqual(['newer@example.test']);
    expect(result.current.pending.totalCount).toBe(1);
    expect(result.current.every.data.find((i) => i.id === target)?.status).toBe('revoked');
    await settleAll();
    expect(result.current.revoke.error).toMatchObject({ status: 500 });
    expect(emails(result.current.pending)).toEqual(['newer@example.test', 'old@example.test']);

    act(() => {
      void result.current.revoke.trigger({ invitationId: target });
    });
    expect(result.current.pending.totalCount).toBe(1);
    await settleAll();
    expect(emails(result.current.pending)).toEqual(['newer@example.test']);
    expect(result.current.pending.totalCount).toBe(1);
    expect(result.current.every.totalCount).toBe(2);
  });

  it('when an invitation is resent, a new invitation with the same address, role and metadata replaces it, counts unchanged', async () => {
    const { client, result } = await setup();
    const old = result.current.pending.data[0];
    client.setLatency(100);
    let resent: Promise<unknown> | undefined;
    act(() => {
      resent = result.current.resend.trigger({ invitationId: old?.id as string });
    });
    expect(emails(result.current.pending)).toEqual(['newer@example.test', 'old@example.test']);
    expect(result.current.pending.data[0]?.id).not.toBe(old?.id);
    expect(result.current.pending.totalCount).toBe(2);
    await settleAll();
    const fresh = await resent;
    expect(fresh).toMatchObject({
      emailAddress: 'newer@example.test',
      role: 'org:admin',
      publicMetadata: { team: 'ops' },
      status: 'pending',
    });
    expect(result.current.pending.data[0]).toEqual(fresh);
    expect(result.current.pending.totalCount).toBe(2);
    expect(result.current.every.data.find((i) => i.id === old?.id)?.status).toBe('revoked');
  });

  it('when a resend fails at the revocation, the old invitation is shown again and nothing was created', async () => {
    const { client, result } = await setup();
    const old = result.current.pending.data[0];
    const createsBefore = client.requests.filter((r) => r.method === 'createInvitation').length;
    client.failNext('revokeInvitation');
    await act(async () => {
      await result.current.resend.trigger({ invitationId: old?.id as string }).catch(() => undefined);
    });
    await settleAll();
    expect(result.current.pending.data[0]?.id).toBe(old?.id);
    expect(result.current.resend.error).toMatchObject({ status: 500 });
    expect(client.requests.filter((r) => r.method === 'createInvitation')).toHaveLength(createsBefore);
  });

  it('when a resend is refused after the revocation went through, the old one stays revoked, the placeholder leaves and trigger rejects', async () => {
    const { client, result } = await setup();
    const old = result.current.pending.data[0];
    client.failNext('createInvitation');
    let failure: unknown;
    await act(async () => {
      await result.current.resend.trigger({ invitationId: old?.id as string }).catch((e: unknown) => {
        failure = e;
      });
    });
    await settleAll();
    expect(failure).toMatchObject({ status: 500 });
    expect(emails(result.current.pending)).toEqual(['old@example.test']);
    expect(result.current.pending.totalCount).toBe(1);
    expect(result.current.every.data.find((i) => i.id === old?.id)?.status).toBe('revoked');
  });

  it('when an invitation is accepted elsewhere, it leaves the pending view on revalidation', async () => {
    const { client, result } = await setup();
    client.acceptInvitation(result.current.pending.data[0]?.id as string);
    await act(async () => {
      await result.current.pending.revalidate();
    });
    expect(emails(result.current.pending)).toEqual(['old@example.test']);
    expect(result.current.pending.totalCount).toBe(1);
  });
});

describe('given two components showing the same invitation view', () => {
  it('when they mount, one request is sent for both', async () => {
    const client = createMemoryClient(createTestSeed());
    renderHook(
      () => [
        useOrganizationInvitations({ organizationId: ORG }),
        useOrganizationInvitations({ organizationId: ORG, status: ['pending'] }),
      ],
      { wrapper: rosterWrapper(client) },
    );
    await settleAll();
    expect(client.requests.filter((r) => r.method === 'listInvitations')).toHaveLength(1);
  });
});

describe('given an invitation list that is not enabled', () => {
  it('when organizationId is missing or enabled is false, nothing is fetched and nothing is loading', async () => {
    const client = createMemoryClient(createTestSeed());
    const { result } = renderHook(
      () => ({
        none: useOrganizationInvitations({ organizationId: null }),
        off: useOrganizationInvitations({ organizationId: ORG, enabled: false }),
      }),
      { wrapper: rosterWrapper(client) },
    );
    await advance(1);
    expect(result.current.none).toMatchObject({ data: [], totalCount: 0, isLoading: false });
    expect(result.current.off).toMatchObject({ data: [], totalCount: 0, isLoading: false });
    expect(client.requests.filter((r) => r.method === 'listInvitations')).toHaveLength(0);
  });
});

describe('given fifteen pending invitations and pages of ten', () => {
  it('when the next page is asked for, it shows the rest, and revoking its last one moves back to page 1', async () => {
    const client = createMemoryClient(createTestSeed());
    for (let n = 0; n < 15; n++) {
      await client.createInvitation({
        organizationId: ORG,
        emailAddress: `p${n}@example.test`,
        role: 'org:member',
      });
      vi.advanceTimersByTime(1);
    }
    const { result } = renderHook(
      () => ({
        list: useOrganizationInvitations({ organizationId: ORG, status: 'pending' }),
        revoke: useRevokeInvitation(ORG),
      }),
      { wrapper: rosterWrapper(client) },
    );
    await advance(1);
    expect(result.current.list).toMatchObject({ totalCount: 15, pageCount: 2, hasNextPage: true });
    act(() => result.current.list.fetchNext());
    await advance(1);
    expect(result.current.list.page).toBe(2);
    expect(result.current.list.data).toHaveLength(5);
    for (const invitation of [...result.current.list.data]) {
      await act(async () => {
        await result.current.revoke.trigger({ invitationId: invitation.id });
      });
    }
    await settleAll();
    expect(result.current.list.page).toBe(1);
    expect(result.current.list.totalCount).toBe(10);
  });
});
