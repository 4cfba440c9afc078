import type { MembershipsClient, OrganizationInvitation } from '@roster/core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createFixtureSeed, rejection, T } from './contract-seed';
import type { StartContractClient } from './memberships-client-contract';

const NOW = T + 1_000_000;
const DAY = 86_400_000;

type InvitationClient = MembershipsClient &
  Required<Pick<MembershipsClient, 'listInvitations'>> &
  Required<
    Pick<MembershipsClient, 'createInvitation' | 'createInvitations' | 'getInvitation' | 'revokeInvitation'>
  >;

interface Opened {
  client: InvitationClient;
  accept(invitationId: string): Promise<unknown>;
  setNow(time: number): void;
}

/** Every invitation of the organization, oldest first, and its members: what "changes nothing" compares. */
async function state(client: InvitationClient, organizationId: string): Promise<unknown> {
  const invitations = await client.listInvitations({ organizationId, limit: 500, orderBy: '+created_at' });
  const members = await client.listMemberships({ organizationId, limit: 500, orderBy: '+created_at' });
  return { invitations, members };
}

/**
 * Organization invitations: list (status filter, email filter, orders, paging, total), create with
 * its validation and rules, bulk (all or nothing, at most 10), get, revoke, expiry, and acceptance
 * (through the runner's `acceptInvitation`, the invitee acting outside the Backend API).
 */
export function describeInvitationContract(start: StartContractClient): void {
  async function open(): Promise<Opened> {
    let now = NOW;
    const running = await start(createFixtureSeed(), { now: () => now });
    onTestFinished(() => running.close());
    const accept = running.acceptInvitation;
    if (!accept) throw new Error('the runner must give acceptInvitation');
    return {
      client: running.client as InvitationClient,
      accept,
      setNow: (time) => {
        now = time;
      },
    };
  }

  async function expectRefused(
    client: InvitationClient,
    call: () => Promise<unknown>,
    expected: { status: number; code: string; paramName?: string; index?: number },
    organizationId = 'org_test',
  ): Promise<void> {
    const before = await state(client, organizationId);
    const error = await rejection(call());
    const seen: Record<string, unknown> = { status: error.status, code: error.code };
    if (expected.paramName !== undefined) seen.paramName = error.errors[0]?.meta?.paramName;
    if (expected.index !== undefined) seen.index = error.errors[0]?.meta?.index;
    expect(seen).toEqual(expected);
    expect(await state(client, organizationId)).toEqual(before);
  }

  describe('invitations', () => {
    describe('given a new invitation', () => {
      it('when it is created, it is pending, expires in 30 days, carries the inviter and both metadata', async () => {
        const { client } = await open();
        const invitation = await client.createInvitation({
          organizationId: 'org_test',
          emailAddress: 'New.Person@Example.test',
          role: 'org:member',
          inviterUserId: 'user_ada',
          publicMetadata: { team: 'core' },
          privateMetadata: { ref: 1 },
          redirectUrl: 'https://app.example/welcome',
        });
        expect(invitation).toMatchObject({
          object: 'organization_invitation',
          emailAddress: 'new.person@example.test',
          role: 'org:member',
          roleName: 'Member',
          organizationId: 'org_test',
          status: 'pending',
          publicMetadata: { team: 'core' },
          privateMetadata: { ref: 1 },
          url: null,
          expiresAt: NOW + 30 * DAY,
          inviterId: 'user_ada',
          publicInviterData: { userId: 'user_ada', identifier: 'ada@example.test' },
          createdAt: NOW,
          updatedAt: NOW,
        });
        expect(invitation.id).toMatch(/^orginv_/);
        expect(
          await client.getInvitation({ organizationId: 'org_test', invitationId: invitation.id }),
        ).toEqual(invitation);
      });

      it('when expires_in_days is given and no inviter, it expires then and has no inviter data', async () => {
        const { client } = await open();
        const invitation = await client.createInvitation({
          organizationId: 'org_test',
          emailAddress: 'a@x.test',
          role: 'org:admin',
          expiresInDays: 7,
        });
        expect(invitation).toMatchObject({
          expiresAt: NOW + 7 * DAY,
          inviterId: null,
          publicInviterData: null,
        });
      });
    });

    describe('given a create that breaks a rule', () => {
      const base = { organizationId: 'org_test', emailAddress: 'new@x.test', role: 'org:member' };
      it.each([
        [
          'an invalid email',
          { emailAddress: 'not an email' },
          422,
          'form_param_format_invalid',
          'email_address',
        ],
        ['no email', { emailAddress: '' }, 422, 'form_param_missing', 'email_address'],
        ['no role', { role: '' }, 422, 'form_param_missing', 'role'],
        ['an unknown role', { role: 'org:nope' }, 404, 'resource_not_found', 'role'],
        ['expires_in_days 0', { expiresInDays: 0 }, 422, 'form_param_value_invalid', 'expires_in_days'],
        ['expires_in_days 366', { expiresInDays: 366 }, 422, 'form_param_value_invalid', 'expires_in_days'],
        [
          'a relative redirect_url',
          { redirectUrl: '/welcome' },
          422,
          'form_param_value_invalid',
          'redirect_url',
        ],
        [
          'public_metadata not an object',
          { publicMetadata: [1] },
          422,
          'form_param_value_invalid',
          'public_metadata',
        ],
        [
          'an unknown inviter',
          { inviterUserId: 'user_nobody' },
          404,
          'resource_not_found',
          'inviter_user_id',
        ],
        [
          'an inviter who is not a member',
          { inviterUserId: 'user_free' },
          403,
          'not_a_member_in_organization',
          'inviter_user_id',
        ],
        [
          'an inviter who is not an admin',
          { inviterUserId: 'user_grace' },
          403,
          'not_an_admin_in_organization',
          'inviter_user_id',
        ],
        [
          "a member's address, in another case",
          { emailAddress: 'zed@example.TEST' },
          400,
          'already_a_member_in_organization',
          undefined,
        ],
        ['an unknown field', { favouriteColour: 'blue' }, 422, 'form_param_unknown', 'favourite_colour'],
      ])(
        'when it has %s, it is refused with the Clerk status and code and changes nothing',
        async (_label, override, status, code, paramName) => {
          const { client } = await open();
          await expectRefused(client, () => client.createInvitation({ ...base, ...override } as never), {
            status,
            code,
            ...(paramName !== undefined && { paramName }),
          });
        },
      );

      it('when the organization is unknown, it is 404 resource_not_found', async () => {
        const { client } = await open();
        const error = await rejection(client.createInvitation({ ...base, organizationId: 'org_nope' }));
        expect([error.status, error.code]).toEqual([404, 'resource_not_found']);
      });

      it('when a pending invitation for the address exists, it is 400 organization_invitation_not_unique', async () => {
        const { client } = await open();
        await client.createInvitation(base);
        await expectRefused(client, () => client.createInvitation({ ...base, emailAddress: 'NEW@x.test' }), {
          status: 400,
          code: 'organization_invitation_not_unique',
        });
      });

      it('when the earlier invitation was revoked, the address can be invited again', async () => {
        const { client } = await open();
        const first = await client.createInvitation(base);
        await client.revokeInvitation({ organizationId: 'org_test', invitationId: first.id });
        await expect(client.createInvitation(base)).resolves.toMatchObject({ status: 'pending' });
      });

      it('when members plus pending invitations reach the quota, it is 403 and a direct add is refused too', async () => {
        const { client } = await open();
        await client.createInvitation({ ...base, organizationId: 'org_quota' });
        await expectRefused(
          client,
          () => client.createInvitation({ ...base, organizationId: 'org_quota', emailAddress: 'two@x.test' }),
          { status: 403, code: 'organization_membership_quota_exceeded' },
          'org_quota',
        );
        const error = await rejection(
          client.createMembership({ organizationId: 'org_quota', userId: 'user_free', role: 'org:member' }),
        );
        expect([error.status, error.code]).toEqual([403, 'organization_membership_quota_exceeded']);
      });
    });

    describe('given a bulk create', () => {
      it('when every item is valid, it creates them all in order and answers them as a list', async () => {
        const { client } = await open();
        const created = await client.createInvitations({
          organizationId: 'org_test',
          invitations: [
            { emailAddress: 'one@x.test', role: 'org:member' },
            { emailAddress: 'two@x.test', role: 'org:admin', inviterUserId: 'user_ada' },
          ],
        });
        expect(created.totalCount).toBe(2);
        expect(created.data.map((i) => [i.emailAddress, i.role, i.inviterId])).toEqual([
          ['one@x.test', 'org:member', null],
          ['two@x.test', 'org:admin', 'user_ada'],
        ]);
      });

      it.each([
        [
          'an invalid email second',
          [{ emailAddress: 'ok@x.test' }, { emailAddress: 'bad' }],
          422,
          'form_param_format_invalid',
          1,
        ],
        [
          'the same address twice',
          [{ emailAddress: 'a@x.test' }, { emailAddress: 'A@x.test' }],
          400,
          'organization_invitation_not_unique',
          1,
        ],
        [
          "a member's address first",
          [{ emailAddress: 'grace@example.test' }, { emailAddress: 'b@x.test' }],
          400,
          'already_a_member_in_organization',
          0,
        ],
      ])(
        'when it has %s, nothing is created and the error names the item',
        async (_label, items, status, code, index) => {
          const { client } = await open();
          await expectRefused(
            client,
            () =>
              client.createInvitations({
                organizationId: 'org_test',
                invitations: items.map((item) => ({ role: 'org:member', ...item })),
              }),
            { status, code, index },
          );
        },
      );

      it('when it has 11 items, it is 400 bulk_size_exceeded; when it has none, 422', async () => {
        const { client } = await open();
        const eleven = Array.from({ length: 11 }, (_, i) => ({
          emailAddress: `p${i}@x.test`,
          role: 'org:member',
        }));
        await expectRefused(
          client,
          () => client.createInvitations({ organizationId: 'org_test', invitations: eleven }),
          {
            status: 400,
            code: 'bulk_size_exceeded',
          },
        );
        const error = await rejection(
          client.createInvitations({ organizationId: 'org_test', invitations: [] }),
        );
        expect([error.status, error.code]).toEqual([422, 'form_param_value_invalid']);
      });
    });

    describe('given several invitations', () => {
      async function three(opened: Opened): Promise<OrganizationInvitation[]> {
        const made: OrganizationInvitation[] = [];
        for (const [i, email] of ['carol@x.test', 'alice@x.test', 'bob@x.test'].entries()) {
          opened.setNow(NOW + i * 1000);
          made.push(
            await opened.client.createInvitation({
              organizationId: 'org_test',
              emailAddress: email,
              role: 'org:member',
            }),
          );
        }
        opened.setNow(NOW + 10_000);
        return made;
      }

      it('when they are listed, the newest come first with the total; paging and orders work', async () => {
        const opened = await open();
        await three(opened);
        const { client } = opened;
        const emails = (page: { data: OrganizationInvitation[] }) => page.data.map((i) => i.emailAddress);
        const all = await client.listInvitations({ organizationId: 'org_test' });
        expect([emails(all), all.totalCount]).toEqual([['bob@x.test', 'alice@x.test', 'carol@x.test'], 3]);
        const page = await client.listInvitations({ organizationId: 'org_test', limit: 1, offset: 1 });
        expect([emails(page), page.totalCount]).toEqual([['alice@x.test'], 3]);
        expect(
          emails(await client.listInvitations({ organizationId: 'org_test', orderBy: 'email_address' })),
        ).toEqual(['alice@x.test', 'bob@x.test', 'carol@x.test']);
        expect(
          emails(await client.listInvitations({ organizationId: 'org_test', orderBy: '-email_address' })),
        ).toEqual(['carol@x.test', 'bob@x.test', 'alice@x.test']);
        expect(
          emails(await client.listInvitations({ organizationId: 'org_test', orderBy: '+created_at' })),
        ).toEqual(['carol@x.test', 'alice@x.test', 'bob@x.test']);
        const past = await client.listInvitations({ organizationId: 'org_test', offset: 10 });
        expect([past.data, past.totalCount]).toEqual([[], 3]);
      });

      it('when one is revoked and one expires, the status filter and the email filter select them', async () => {
        const opened = await open();
        const [carol, alice] = (await three(opened)) as OrganizationInvitation[];
        const { client } = opened;
        const revoked = await client.revokeInvitation({
          organizationId: 'org_test',
          invitationId: alice?.id ?? '',
          requestingUserId: 'user_ada',
        });
        expect(revoked.status).toBe('revoked');
        expect(revoked.updatedAt).toBeGreaterThan(alice?.updatedAt ?? 0);
        opened.setNow(NOW + 31 * DAY);
        const by = async (status: ('pending' | 'accepted' | 'revoked' | 'expired')[]) =>
          (await client.listInvitations({ organizationId: 'org_test', status })).data.map(
            (i) => i.emailAddress,
          );
        expect(await by(['revoked'])).toEqual(['alice@x.test']);
        expect(await by(['expired'])).toEqual(['bob@x.test', 'carol@x.test']);
        expect(await by(['pending'])).toEqual([]);
        expect(await by(['pending', 'revoked'])).toEqual(['alice@x.test']);
        const byEmail = await client.listInvitations({
          organizationId: 'org_test',
          emailAddress: 'CAROL@x.test',
        });
        expect(byEmail.data.map((i) => [i.id, i.status])).toEqual([[carol?.id, 'expired']]);
        await expectRefused(
          client,
          () => client.revokeInvitation({ organizationId: 'org_test', invitationId: carol?.id ?? '' }),
          { status: 404, code: 'organization_invitation_not_pending' },
        );
      });

      it.each([
        ['an unknown status', { status: ['nope'] }, 'status'],
        ['an unknown order', { orderBy: 'role' }, 'order_by'],
        ['limit 0', { limit: 0 }, 'limit'],
        ['limit 501', { limit: 501 }, 'limit'],
      ])('when the list has %s, it is 422 form_param_value_invalid', async (_label, override, paramName) => {
        const { client } = await open();
        const error = await rejection(
          client.listInvitations({ organizationId: 'org_test', ...override } as never),
        );
        expect([error.status, error.code, error.errors[0]?.meta?.paramName]).toEqual([
          422,
          'form_param_value_invalid',
          paramName,
        ]);
      });
    });

    describe('given revoke and get', () => {
      it('when an invitation is revoked twice, the second is 404 organization_invitation_not_pending', async () => {
        const { client } = await open();
        const invitation = await client.createInvitation({
          organizationId: 'org_test',
          emailAddress: 'a@x.test',
          role: 'org:member',
        });
        await client.revokeInvitation({ organizationId: 'org_test', invitationId: invitation.id });
        await expectRefused(
          client,
          () => client.revokeInvitation({ organizationId: 'org_test', invitationId: invitation.id }),
          {
            status: 404,
            code: 'organization_invitation_not_pending',
          },
        );
      });

      it('when the revoker is not an admin, it is 403 and the invitation stays pending', async () => {
        const { client } = await open();
        const invitation = await client.createInvitation({
          organizationId: 'org_test',
          emailAddress: 'a@x.test',
          role: 'org:member',
        });
        await expectRefused(
          client,
          () =>
            client.revokeInvitation({
              organizationId: 'org_test',
              invitationId: invitation.id,
              requestingUserId: 'user_grace',
            }),
          { status: 403, code: 'not_an_admin_in_organization' },
        );
      });

      it('when the invitation is unknown or of another organization, get and revoke are 404 resource_not_found', async () => {
        const { client } = await open();
        const invitation = await client.createInvitation({
          organizationId: 'org_test',
          emailAddress: 'a@x.test',
          role: 'org:member',
        });
        for (const call of [
          () => client.getInvitation({ organizationId: 'org_test', invitationId: 'orginv_nope' }),
          () => client.getInvitation({ organizationId: 'org_other', invitationId: invitation.id }),
          () => client.revokeInvitation({ organizationId: 'org_other', invitationId: invitation.id }),
          () => client.listInvitations({ organizationId: 'org_nope' }),
        ]) {
          const error = await rejection(call());
          expect([error.status, error.code]).toEqual([404, 'resource_not_found']);
        }
      });
    });

    describe('given an invitation is accepted', () => {
      it('when the address is new, a user is created and joins with the invited role and metadata', async () => {
        const opened = await open();
        const { client } = opened;
        const invitation = await client.createInvitation({
          organizationId: 'org_test',
          emailAddress: 'newcomer@x.test',
          role: 'org:admin',
          publicMetadata: { team: 'core' },
          privateMetadata: { ref: 9 },
        });
        opened.setNow(NOW + 5_000);
        await opened.accept(invitation.id);
        const got = await client.getInvitation({ organizationId: 'org_test', invitationId: invitation.id });
        expect(got).toMatchObject({ status: 'accepted', updatedAt: NOW + 5_000 });
        const members = await client.listMemberships({
          organizationId: 'org_test',
          emailAddress: ['newcomer@x.test'],
        });
        expect(members.data).toHaveLength(1);
        expect(members.data[0]).toMatchObject({
          role: 'org:admin',
          publicMetadata: { team: 'core' },
          privateMetadata: { ref: 9 },
          createdAt: NOW + 5_000,
        });
        const accepted = await client.listInvitations({ organizationId: 'org_test', status: ['accepted'] });
        expect(accepted.data.map((i) => i.id)).toEqual([invitation.id]);
        await expect(opened.accept(invitation.id)).rejects.toMatchObject({ status: 404 });
      });

      it('when the address belongs to an existing user, that user joins', async () => {
        const opened = await open();
        const invitation = await opened.client.createInvitation({
          organizationId: 'org_test',
          emailAddress: 'free@example.test',
          role: 'org:member',
        });
        await opened.accept(invitation.id);
        const members = await opened.client.listMemberships({
          organizationId: 'org_test',
          userId: ['user_free'],
        });
        expect(members.data.map((m) => m.role)).toEqual(['org:member']);
      });
    });
  });
}
