import { createDemoSeed, createMemoryClient, DEMO_IDS, type MemoryClient } from '@roster/core/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LiveAnnouncer } from '../src/announcer';
import { InvitationList } from '../src/invitation-list';
import { InviteMembersDialog } from '../src/invite-members-dialog';
import { OrganizationMembersPanel } from '../src/organization-members-panel';
import { renderWithRoster } from './render-member-list';

vi.setConfig({ testTimeout: 30_000 });

const ACME = DEMO_IDS.organizationId;

/** A memory client with `count` pending invitations to Acme, sent by Alice (newest last). */
async function clientWithInvitations(count: number): Promise<MemoryClient> {
  const client = createMemoryClient(createDemoSeed());
  for (let index = 1; index <= count; index++) {
    await client.createInvitation({
      organizationId: ACME,
      emailAddress: `guest${index}@example.com`,
      role: 'org:member',
      inviterUserId: DEMO_IDS.adminUserId,
    });
  }
  return client;
}

function bobEmail(client: MemoryClient): string {
  const bob = client
    .snapshot()
    .memberships.find(
      (m) => m.organization.id === ACME && m.publicUserData?.userId === DEMO_IDS.memberUserId,
    );
  return bob?.publicUserData?.identifier ?? '';
}

const entries = () => within(screen.getByRole('list', { name: /address/ })).getAllByRole('listitem');

describe('given the invite dialog', () => {
  it('when addresses are typed with commas, spaces and Enter, each becomes a line with a remove button', async () => {
    const user = userEvent.setup();
    renderWithRoster(
      <LiveAnnouncer>
        <InviteMembersDialog organizationId={ACME} />
      </LiveAnnouncer>,
    );
    await user.click(screen.getByRole('button', { name: 'Invite members' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite members' });
    const field = within(dialog).getByRole('textbox', { name: 'Email addresses' });
    await user.type(field, 'a@example.com, b@example.com c@example.com{Enter}');
    expect(field).toHaveValue('');
    expect(entries().map((item) => item.textContent)).toEqual([
      expect.stringContaining('a@example.com'),
      expect.stringContaining('b@example.com'),
      expect.stringContaining('c@example.com'),
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Remove b@example.com' }));
    expect(entries()).toHaveLength(2);
    expect(within(dialog).queryByText('b@example.com')).not.toBeInTheDocument();
  });

  it('when a CSV is pasted, its email column is taken; invalid, repeated and member addresses are flagged', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(
      <LiveAnnouncer>
        <InviteMembersDialog organizationId={ACME} />
      </LiveAnnouncer>,
    );
    const bob = bobEmail(client);
    await user.click(screen.getByRole('button', { name: 'Invite members' }));
    const field = await screen.findByRole('textbox', { name: 'Email addresses' });
    await user.click(field);
    await user.paste(
      `Name,Email\nAnn,ann@example.com\nBroken,broken@\nAnn again,ANN@example.com\nBob,${bob}`,
    );
    await waitFor(() => expect(entries()).toHaveLength(4));
    const [ann, broken, again, member] = entries();
    expect(ann).not.toHaveAttribute('data-issue');
    expect(broken).toHaveTextContent('Not a valid email address');
    expect(again).toHaveTextContent('Listed twice');
    await waitFor(() => expect(member).toHaveTextContent('Already a member'));
  });

  it('when one address is sent, the dialog closes, "Invitation sent to …" is announced and focus returns', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(
      <LiveAnnouncer>
        <InviteMembersDialog organizationId={ACME} />
      </LiveAnnouncer>,
    );
    const trigger = screen.getByRole('button', { name: 'Invite members' });
    await user.click(trigger);
    await user.type(await screen.findByRole('textbox', { name: 'Email addresses' }), 'new@example.com');
    await user.click(screen.getByRole('button', { name: 'Send invitations' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent('Invitation sent to new@example.com');
    expect(trigger).toHaveFocus();
    const list = await client.listInvitations({ organizationId: ACME, status: ['pending'] });
    expect(list.data.map((invitation) => invitation.emailAddress)).toEqual(['new@example.com']);
  });

  it('when the server refuses one address, the others are sent and the refused one stays with its reason', async () => {
    const user = userEvent.setup();
    const client = await clientWithInvitations(1); // guest1@example.com is already invited
    renderWithRoster(
      <LiveAnnouncer>
        <InviteMembersDialog organizationId={ACME} defaultOpen />
      </LiveAnnouncer>,
      { client },
    );
    const field = await screen.findByRole('textbox', { name: 'Email addresses' });
    await user.click(field);
    await user.paste('one@example.com\nguest1@example.com\ntwo@example.com');
    await user.click(screen.getByRole('button', { name: 'Send invitations' }));
    const dialog = screen.getByRole('dialog', { name: 'Invite members' });
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent('2 sent; 1 could not be invited'),
    );
    expect(entries()).toHaveLength(1);
    expect(entries()[0]).toHaveTextContent('guest1@example.com');
    expect(entries()[0]).toHaveTextContent(/duplicate pending invitations/);
    // The same address again is flagged as a repeat, not given the server's reason twice.
    await user.type(field, 'guest1@example.com{Enter}');
    expect(entries()[1]).toHaveTextContent('Listed twice');
    expect(screen.getByRole('status')).toHaveTextContent('2 invitations sent');
  });

  it('when submitted with nothing to send, it says so on the field', async () => {
    const user = userEvent.setup();
    renderWithRoster(<InviteMembersDialog organizationId={ACME} defaultOpen />);
    await user.click(await screen.findByRole('button', { name: 'Send invitations' }));
    const field = screen.getByRole('textbox', { name: 'Email addresses' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Add at least one email address/);
  });

  it('keyboard only: open, type, pick a role, send', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(
      <LiveAnnouncer>
        <InviteMembersDialog organizationId={ACME} />
      </LiveAnnouncer>,
    );
    await user.tab();
    expect(screen.getByRole('button', { name: 'Invite members' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const field = await screen.findByRole('textbox', { name: 'Email addresses' });
    await waitFor(() => expect(field).toHaveFocus());
    await user.keyboard('k1@example.com k2@example.com{Enter}');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove k1@example.com' })).toHaveFocus();
    await user.keyboard('{Enter}'); // removes k1; focus stays in the list
    expect(screen.getByRole('button', { name: 'Remove k2@example.com' })).toHaveFocus();
    await user.click(screen.getByRole('textbox', { name: 'Email addresses' }));
    await user.keyboard('k1@example.com{Enter}');
    await user.tab({ shift: false }); // remove k2
    await user.tab(); // remove k1
    await user.tab(); // role
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect(role).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('option', { name: 'Admin' }));
    expect(role).toHaveTextContent('Admin');
    await user.tab(); // Cancel
    await user.tab(); // Send invitations
    expect(screen.getByRole('button', { name: 'Send invitations' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent('2 invitations sent');
    const list = await client.listInvitations({ organizationId: ACME, status: ['pending'] });
    expect(list.data.map((invitation) => [invitation.emailAddress, invitation.role]).sort()).toEqual([
      ['k1@example.com', 'org:admin'],
      ['k2@example.com', 'org:admin'],
    ]);
  });
});

describe('given the invitation list', () => {
  it('when it loads, it shows the pending invitations, pages through them, with resend and revoke per row', async () => {
    const user = userEvent.setup();
    const client = await clientWithInvitations(12);
    renderWithRoster(<InvitationList organizationId={ACME} />, { client });
    const table = await screen.findByRole('table', { name: 'Invitations to Acme' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(11));
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Email', 'Role', 'Status', 'Invited', 'Expires', 'Invited by', 'Actions']);
    expect(screen.getByText('1–10 of 12')).toBeInTheDocument();
    const row = within(table).getByRole('row', { name: /guest12@example.com/ });
    expect(row).toHaveTextContent('Pending');
    expect(row).toHaveTextContent('Alice Smith');
    expect(
      within(row).getByRole('button', { name: 'Resend invitation to guest12@example.com' }),
    ).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(screen.getByText('11–12 of 12')).toBeInTheDocument());
    expect(
      within(table).getByRole('button', { name: 'Revoke invitation for guest1@example.com' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(screen.getByText('1–10 of 12')).toBeInTheDocument());
  });

  it('when she revokes through the dialog, the row goes, it is announced and focus lands on the table', async () => {
    const user = userEvent.setup();
    const client = await clientWithInvitations(2);
    renderWithRoster(<InvitationList organizationId={ACME} />, { client });
    const revoke = await screen.findByRole('button', { name: 'Revoke invitation for guest2@example.com' });
    await user.click(revoke);
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke invitation' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(revoke).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Revoke invitation' })).getByRole('button', {
        name: 'Revoke',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(
      screen.queryByRole('button', { name: 'Revoke invitation for guest2@example.com' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Invitations to Acme' })).toHaveFocus();
    await waitFor(() =>
      expect(screen.getByText('Invitation for guest2@example.com revoked')).toBeInTheDocument(),
    );
    const pending = await client.listInvitations({ organizationId: ACME, status: ['pending'] });
    expect(pending.data.map((invitation) => invitation.emailAddress)).toEqual(['guest1@example.com']);
  });

  it('when she resends, a new invitation replaces the old and it is announced', async () => {
    const user = userEvent.setup();
    const client = await clientWithInvitations(1);
    const before = (await client.listInvitations({ organizationId: ACME, status: ['pending'] })).data[0];
    renderWithRoster(<InvitationList organizationId={ACME} />, { client });
    await user.click(await screen.findByRole('button', { name: 'Resend invitation to guest1@example.com' }));
    await waitFor(() =>
      expect(screen.getByText('Invitation sent to guest1@example.com')).toBeInTheDocument(),
    );
    const after = (await client.listInvitations({ organizationId: ACME, status: ['pending'] })).data;
    expect(after).toHaveLength(1);
    expect(after[0]?.id).not.toBe(before?.id);
    expect(screen.getAllByRole('button', { name: 'Resend invitation to guest1@example.com' })).toHaveLength(
      1,
    );
  });

  it('when there are none, it says so; when loading fails, it says why and retries', async () => {
    const user = userEvent.setup();
    const client = createMemoryClient(createDemoSeed());
    const { unmount } = renderWithRoster(<InvitationList organizationId={ACME} />, { client });
    expect(await screen.findByText('No pending invitations')).toBeInTheDocument();
    unmount();
    const failing = createMemoryClient(createDemoSeed());
    failing.failNext('listInvitations');
    renderWithRoster(<InvitationList organizationId={ACME} />, { client: failing });
    expect(await screen.findByText('Could not load invitations')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No pending invitations')).toBeInTheDocument();
  });

  it('when a member without the manage permission views it, there are no resend or revoke buttons', async () => {
    const client = await clientWithInvitations(1);
    renderWithRoster(<InvitationList organizationId={ACME} />, { client, viewerId: DEMO_IDS.memberUserId });
    await screen.findByRole('cell', { name: 'guest1@example.com' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: /invitation/ })).not.toBeInTheDocument();
  });
});

describe('given the panel and invitations', () => {
  it('when an admin opens it, Members is the selected tab and Invitations carries the pending count', async () => {
    const user = userEvent.setup();
    const client = await clientWithInvitations(3);
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} />, { client });
    const members = await screen.findByRole('tab', { name: 'Members' });
    expect(members).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('table', { name: /Members of Acme/ })).toBeInTheDocument();
    const invitations = await screen.findByRole('tab', { name: 'Invitations 3' });
    members.focus();
    await user.keyboard('{ArrowRight}');
    expect(invitations).toHaveFocus();
    expect(invitations).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Invitations 3' });
    expect(await within(panel).findByRole('table', { name: 'Invitations to Acme' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /Members of Acme/ })).not.toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(members).toHaveFocus();
    expect(screen.getByRole('table', { name: /Members of Acme/ })).toBeInTheDocument();
  });

  it('when invitations are sent from the panel, the Invitations tab shows them and its count goes up', async () => {
    const user = userEvent.setup();
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} />);
    await user.click(await screen.findByRole('button', { name: 'Invite members' }));
    await user.click(await screen.findByRole('textbox', { name: 'Email addresses' }));
    await user.paste('p1@example.com, p2@example.com');
    await user.click(screen.getByRole('button', { name: 'Send invitations' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const tab = await screen.findByRole('tab', { name: 'Invitations 2' });
    expect(tab).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('cell', { name: 'p1@example.com' })).toBeInTheDocument();
  });

  it('when a member without the manage permission opens it, there are no tabs and no invite button', async () => {
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} />, { viewerId: DEMO_IDS.memberUserId });
    await screen.findByRole('table', { name: /Members of Acme/ });
    await waitFor(() => expect(screen.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(10));
    expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Invite members' })).not.toBeInTheDocument();
  });
});
