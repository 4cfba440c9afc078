import { createRosterApiError } from '@roster/core';
import { DEMO_IDS } from '@roster/core/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MemberList } from '../src/member-list';
import { renderWithRoster, serverMembership } from './render-member-list';

// Each test renders the whole list (a role select per row) in jsdom on a shared machine.
vi.setConfig({ testTimeout: 30_000 });

const ACME = DEMO_IDS.organizationId;
const SOLO = DEMO_IDS.soloOrganizationId;
const ROW_CHECKBOX = /^Select (?!all on this page$)/;

async function loadedTable(name: RegExp = /Members of Acme/, rows = 10) {
  const table = await screen.findByRole('table', { name });
  await waitFor(() =>
    expect(within(table).getAllByRole('checkbox', { name: ROW_CHECKBOX })).toHaveLength(rows),
  );
  return table;
}

/** The live region the list announces in (the pagination's status is another). */
function announcer(): HTMLElement {
  const region = screen
    .getAllByRole('status')
    .find((element) => element.getAttribute('data-roster-slot') === 'live-announcer');
  if (!region) throw new Error('no announcer');
  return region;
}

/** The user ID of the row a control is in. */
function userIdOf(control: HTMLElement): string {
  return control.closest('tr')?.getAttribute('data-user-id') ?? '';
}

/** The first two rows' checkboxes that are not the viewer's. */
function twoOthers(table: HTMLElement) {
  const boxes = within(table)
    .getAllByRole('checkbox', { name: ROW_CHECKBOX })
    .filter((box) => !box.closest('tr')?.hasAttribute('data-viewer'));
  return [boxes[0], boxes[1]] as [HTMLElement, HTMLElement];
}

async function pickBulkRole(user: ReturnType<typeof userEvent.setup>, role: string) {
  const trigger = screen.getByRole('combobox', { name: 'Role for selected members' });
  trigger.focus();
  await user.keyboard('{Enter}');
  const option = await screen.findByRole('option', { name: role });
  for (let i = 0; i < 5 && document.activeElement !== option; i++) await user.keyboard('{ArrowDown}');
  expect(option).toHaveFocus();
  await user.keyboard('{Enter}');
}

describe('given Alice, an admin, selecting Acme’s members', () => {
  it('when she checks one row, the header checkbox is mixed; checking it selects the page, again clears it', async () => {
    const user = userEvent.setup();
    renderWithRoster(<MemberList organizationId={ACME} />);
    const table = await loadedTable();
    const all = within(table).getByRole('checkbox', { name: 'Select all on this page' });
    expect(all).not.toBeChecked();
    expect(screen.queryByText(/selected$/)).not.toBeInTheDocument();

    await user.click(twoOthers(table)[0]);
    expect(all).toBePartiallyChecked();
    expect(all).toHaveAttribute('aria-checked', 'mixed');
    expect(screen.getByText('1 selected')).toBeInTheDocument();

    await user.click(all);
    for (const box of within(table).getAllByRole('checkbox', { name: ROW_CHECKBOX }))
      expect(box).toBeChecked();
    expect(all).toBeChecked();
    expect(screen.getByText('10 selected')).toBeInTheDocument();

    await user.click(all);
    expect(within(table).queryAllByRole('checkbox', { checked: true })).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Remove selected' })).not.toBeInTheDocument();
  });

  it('when she selects two rows with Space and picks Admin in the bulk role select with the keyboard, both are admins on the server', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<MemberList organizationId={ACME} />);
    const table = await loadedTable();
    const [first, second] = twoOthers(table);
    const ids = [userIdOf(first), userIdOf(second)];
    expect(ids.map((id) => serverMembership(client, ACME, id)?.role)).not.toContain('org:admin');
    first.focus();
    await user.keyboard(' ');
    second.focus();
    await user.keyboard(' ');
    expect(first).toBeChecked();
    expect(second).toBeChecked();
    expect(screen.getByText('2 selected')).toBeInTheDocument();

    await pickBulkRole(user, 'Admin');
    await waitFor(() =>
      expect(ids.map((id) => serverMembership(client, ACME, id)?.role)).toEqual(['org:admin', 'org:admin']),
    );
    expect(await screen.findByText(/Changed the role of 2 members to Admin/)).toBeInTheDocument();
    // The changed members leave the selection.
    await waitFor(() => expect(screen.queryByText(/selected$/)).not.toBeInTheDocument());
  });

  it('when she removes two selected members through the confirm dialog, the total goes down by two', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<MemberList organizationId={ACME} />);
    const table = await loadedTable();
    const status = screen.getByText(/^1–10 of \d+$/).textContent ?? '';
    const total = Number(status.split(' of ')[1]);
    const [first, second] = twoOthers(table);
    const ids = [userIdOf(first), userIdOf(second)];
    await user.click(first);
    await user.click(second);
    await user.click(screen.getByRole('button', { name: 'Remove selected' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove members' });
    expect(dialog).toHaveAccessibleDescription(/2 members.*Acme/);
    await user.click(within(dialog).getByRole('button', { name: 'Remove 2 members' }));
    expect(await screen.findByText(`1–10 of ${total - 2}`)).toBeInTheDocument();
    expect(await screen.findByText('Removed 2 members')).toBeInTheDocument();
    await waitFor(() =>
      expect(ids.map((id) => serverMembership(client, ACME, id))).toEqual([undefined, undefined]),
    );
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('when one of two role changes fails, that member reverts, stays selected and the failure is announced', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<MemberList organizationId={ACME} />);
    const table = await loadedTable();
    const [first, second] = twoOthers(table);
    const ids = [userIdOf(first), userIdOf(second)];
    await user.click(first);
    await user.click(second);
    client.failNext('updateMembership', createRosterApiError(500, 'internal_clerk_error', 'Server error'));
    await pickBulkRole(user, 'Admin');
    expect(await screen.findByText(/Changed the role of 1 member to Admin/)).toBeInTheDocument();
    const roles = ids.map((id) => serverMembership(client, ACME, id)?.role);
    expect(roles.filter((role) => role === 'org:admin')).toHaveLength(1);
    const failedId = ids[roles.indexOf('org:admin') === 0 ? 1 : 0] as string;
    const failedRow = table.querySelector(`tr[data-user-id="${failedId}"]`) as HTMLElement;
    const failedName = within(failedRow)
      .getByRole('checkbox')
      .getAttribute('aria-label')
      ?.slice('Select '.length);
    expect(announcer()).toHaveTextContent(
      `Could not change the role of ${failedName}: Server error; reverted`,
    );
    expect(within(failedRow).getByRole('checkbox')).toBeChecked();
    expect(within(failedRow).getByRole('combobox', { name: /^Role for / })).toHaveTextContent('Member');
    expect(screen.getByText('1 selected')).toBeInTheDocument();
  });

  it('when she removes herself and Bob in bulk, she is skipped with the reason and Bob is removed', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<MemberList organizationId={ACME} searchDebounceMs={0} />);
    await loadedTable();
    await user.click(screen.getByRole('searchbox', { name: 'Search members' }));
    await user.paste('smith');
    await user.click(await screen.findByRole('checkbox', { name: 'Select Alice Smith' }));
    await user.clear(screen.getByRole('searchbox', { name: 'Search members' }));
    await user.paste('bob jones');
    await user.click(await screen.findByRole('checkbox', { name: 'Select Bob Jones' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove selected' }));
    await user.click(screen.getByRole('button', { name: 'Remove 2 members' }));
    expect(await screen.findByText(/Skipped Alice Smith: you cannot remove yourself/)).toBeInTheDocument();
    expect(announcer()).toHaveTextContent('Removed 1 member');
    expect(serverMembership(client, ACME, DEMO_IDS.adminUserId)).toBeDefined();
    await waitFor(() => expect(serverMembership(client, ACME, DEMO_IDS.memberUserId)).toBeUndefined());
  });
});

describe('given Carol, the only admin of Solo Studio', () => {
  it('when she selects the page and makes everyone Admin, she is skipped (her own role) and Bob is changed', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<MemberList organizationId={SOLO} />, {
      viewerId: DEMO_IDS.soloAdminUserId,
    });
    const table = await screen.findByRole('table', { name: /Members of Solo/ });
    await within(table).findByRole('checkbox', { name: 'Select Carol Diaz' });
    await user.click(within(table).getByRole('checkbox', { name: 'Select all on this page' }));
    const count = within(table).getAllByRole('checkbox', { name: ROW_CHECKBOX }).length;
    expect(screen.getByText(`${count} selected`)).toBeInTheDocument();
    await pickBulkRole(user, 'Admin');
    expect(
      await screen.findByText(/Skipped Carol Diaz: you cannot change your own role/),
    ).toBeInTheDocument();
    expect(announcer()).toHaveTextContent(/Changed the role of \d+ members? to Admin/);
    expect(serverMembership(client, SOLO, DEMO_IDS.memberUserId)?.role).toBe('org:admin');
    expect(serverMembership(client, SOLO, DEMO_IDS.soloAdminUserId)?.role).toBe('org:admin');
  });
});

describe('given Bob, a member who may not manage members', () => {
  it('when the list loads, there are no selection checkboxes and no bulk bar', async () => {
    renderWithRoster(<MemberList organizationId={ACME} />, { viewerId: DEMO_IDS.memberUserId });
    const table = await screen.findByRole('table', { name: /Members of Acme/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(11));
    expect(within(table).queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('combobox', { name: 'Role for selected members' })).not.toBeInTheDocument();
  });
});
