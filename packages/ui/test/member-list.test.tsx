import { createRosterApiError } from '@roster/core';
import { DEMO_IDS } from '@roster/core/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MemberList } from '../src/member-list';
import { renderWithRoster, serverMembership } from './render-member-list';

// Each test renders the whole list (Radix selects in every row) in jsdom on a shared machine.
vi.setConfig({ testTimeout: 20_000 });

const ACME = DEMO_IDS.organizationId;

async function findTable() {
  return screen.findByRole('table', { name: /Members of Acme/ });
}

async function searchFor(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(screen.getByRole('searchbox', { name: 'Search members' }));
  await user.paste(text);
}

/** Bob's role select, found again each time (its light trigger is replaced on first use), even while a popover hides the page. */
const bobSelect = () => screen.getByRole('combobox', { name: 'Role for Bob Jones', hidden: true });

describe('given Alice, an admin, viewing Acme’s members', () => {
  it('when the list loads, it shows a captioned table of 10 members and "1–10 of {total}"', async () => {
    renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    const table = await findTable();
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(11));
    for (const header of ['Name', 'Email', 'Role', 'Joined']) {
      expect(within(table).getByRole('columnheader', { name: header })).toBeInTheDocument();
    }
    expect(screen.getByText(/^1–10 of \d+$/)).toBeInTheDocument();
  });

  it('when she searches for herself, her row carries the "You" badge', async () => {
    const user = userEvent.setup();
    renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    await findTable();
    await searchFor(user, 'alice');
    const row = (await screen.findByText('Alice Smith')).closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByText('You')).toBeInTheDocument();
    expect(row).toHaveAttribute('data-viewer');
  });

  it('when she changes Bob’s role, the server has it and "Bob Jones is now Admin" is announced', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    await findTable();
    await searchFor(user, 'bob jones');
    const select = await screen.findByRole('combobox', { name: 'Role for Bob Jones' });
    expect(select).toHaveTextContent('Member');
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: 'Admin' }));
    // The row's first use mounted Radix's select in place of its light trigger: query it again.
    expect(bobSelect()).toHaveTextContent('Admin');
    await waitFor(() => expect(screen.getByText('Bob Jones is now Admin')).toBeInTheDocument());
    expect(serverMembership(client, ACME, DEMO_IDS.memberUserId)?.role).toBe('org:admin');
  });

  it('when the role change fails, the role reverts and the failure is announced', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    await findTable();
    await searchFor(user, 'bob jones');
    const select = await screen.findByRole('combobox', { name: 'Role for Bob Jones' });
    client.failNext('updateMembership', createRosterApiError(500, 'internal_clerk_error', 'Server error'));
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: 'Admin' }));
    await waitFor(() =>
      expect(screen.getByText('Could not change role: Server error; reverted')).toBeInTheDocument(),
    );
    // The popover is removed (and the page un-hidden) a frame after the choice.
    expect(await screen.findByRole('combobox', { name: 'Role for Bob Jones' })).toHaveTextContent('Member');
    expect(serverMembership(client, ACME, DEMO_IDS.memberUserId)?.role).toBe('org:member');
  });

  it('when a change is waiting for the server, the row is marked data-pending', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    await findTable();
    await searchFor(user, 'bob jones');
    const select = await screen.findByRole('combobox', { name: 'Role for Bob Jones' });
    client.setLatency(200);
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: 'Admin' }));
    expect(bobSelect().closest('tr')).toHaveAttribute('data-pending');
    await waitFor(() => expect(bobSelect().closest('tr')).not.toHaveAttribute('data-pending'));
  });

  it('when she removes Bob through the dialog, his row goes, focus lands on the table and it is announced', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    const table = await findTable();
    await searchFor(user, 'bob jones');
    await user.click(await screen.findByRole('button', { name: 'Remove Bob Jones' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove member' });
    expect(dialog).toHaveAccessibleDescription(/Bob Jones.*Acme/);
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Remove Bob Jones' })).not.toBeInTheDocument();
    expect(table).toHaveFocus();
    expect(await screen.findByText('Bob Jones was removed')).toBeInTheDocument();
    expect(serverMembership(client, ACME, DEMO_IDS.memberUserId)).toBeUndefined();
  });

  it('when the removal fails, the error stays in the dialog and Cancel returns focus to Bob’s remove button', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    await findTable();
    await searchFor(user, 'bob jones');
    await user.click(await screen.findByRole('button', { name: 'Remove Bob Jones' }));
    client.failNext('deleteMembership', createRosterApiError(403, 'not_allowed', 'Not allowed to remove.'));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Not allowed to remove.')).toBeInTheDocument();
    expect(screen.getByRole('alertdialog', { name: 'Remove member' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Remove Bob Jones' })).toHaveFocus();
    expect(serverMembership(client, ACME, DEMO_IDS.memberUserId)).toBeDefined();
  });

  it('when she presses Escape in the remove dialog, it closes and focus returns to the remove button', async () => {
    const user = userEvent.setup();
    renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    await findTable();
    await searchFor(user, 'bob jones');
    const remove = await screen.findByRole('button', { name: 'Remove Bob Jones' });
    remove.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(remove).toHaveFocus();
  });

  it('when a search matches nobody, it says so and "Clear search" brings the members back', async () => {
    const user = userEvent.setup();
    renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    await findTable();
    await searchFor(user, 'zzzzqx');
    expect(await screen.findByText('No members match “zzzzqx”')).toBeInTheDocument();
    const clearButtons = screen.getAllByRole('button', { name: 'Clear search' });
    await user.click(clearButtons[clearButtons.length - 1] as HTMLElement);
    expect(screen.getByRole('searchbox', { name: 'Search members' })).toHaveValue('');
    await waitFor(() => expect(screen.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(10));
  });

  it('when she filters by the Billing manager role, only billing managers are listed', async () => {
    const user = userEvent.setup();
    renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    await findTable();
    await user.click(screen.getByRole('combobox', { name: 'Filter by role' }));
    await user.click(await screen.findByRole('option', { name: 'Billing manager' }));
    await waitFor(() => {
      const selects = screen.getAllByRole('combobox', { name: /^Role for / });
      expect(selects.length).toBeGreaterThan(0);
      for (const select of selects) expect(select).toHaveTextContent('Billing manager');
    });
  });

  it('when she goes to the next page, the status says "11–20 of {total}"', async () => {
    const user = userEvent.setup();
    renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    await findTable();
    await waitFor(() => expect(screen.getByText(/^1–10 of \d+$/)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText(/^11–20 of \d+$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();
  });

  it('when the list fails to load, it shows the error and "Try again" loads it', async () => {
    const user = userEvent.setup();
    const { createMemoryClient, createDemoSeed } = await import('@roster/core/testing');
    const client = createMemoryClient(createDemoSeed());
    client.failNext('listMemberships', createRosterApiError(503, 'service_unavailable', 'Try later'));
    renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />, { client });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load members');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(10));
  });
});

describe('given Bob, a member without the manage permission', () => {
  it('when he views the list, role selects are disabled with the reason and there are no remove buttons', async () => {
    renderWithRoster(<MemberList organizationId={ACME} />, { viewerId: DEMO_IDS.memberUserId });
    await findTable();
    await waitFor(() => expect(screen.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(10));
    await waitFor(() => {
      for (const select of screen.getAllByRole('combobox', { name: /^Role for / })) {
        expect(select).toBeDisabled();
        expect(select).toHaveAccessibleDescription('You do not have permission to manage members.');
      }
    });
    expect(screen.queryByRole('button', { name: /^Remove / })).not.toBeInTheDocument();
  });
});

describe('given Carol, the only admin of Solo Studio', () => {
  it('when she views her own row, she cannot change her role or leave, and is told why', async () => {
    renderWithRoster(<MemberList organizationId={DEMO_IDS.soloOrganizationId} />, {
      viewerId: DEMO_IDS.soloAdminUserId,
    });
    await screen.findByRole('table', { name: /Members of Solo Studio/ });
    const select = await screen.findByRole('combobox', { name: 'Role for Carol Diaz' });
    expect(select).toBeDisabled();
    expect(select).toHaveAccessibleDescription('You cannot change your own role.');
    const leave = await screen.findByRole('button', { name: 'Leave organization' });
    await waitFor(() => expect(leave).toHaveAttribute('aria-disabled', 'true'));
    expect(leave).toHaveAccessibleDescription('An organization needs at least one admin.');
  });
});

describe('given a list of an organization that does not exist', () => {
  it('when it fails with resource_not_found, it says so in list words (not the add-member wording)', async () => {
    renderWithRoster(<MemberList organizationId="org_missing" searchDebounceMs={0} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This organization does not exist, or you are not one of its members.');
    expect(alert).not.toHaveTextContent('No user with this ID.');
  });
});
