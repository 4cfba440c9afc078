import { createRosterApiError, type MembershipsClient } from '@roster/core';
import { createDemoSeed, createMemoryClient, DEMO_IDS } from '@roster/core/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AddMemberDialog } from '../src/add-member-dialog';
import { LiveAnnouncer } from '../src/announcer';
import { renderWithRoster, serverMembership } from './render-member-list';

vi.setConfig({ testTimeout: 20_000 });

const SOLO = DEMO_IDS.soloOrganizationId;

/** A client without `listUsers`: the dialog falls back to a user-ID field. */
function clientWithoutUserSearch() {
  const client = createMemoryClient(createDemoSeed());
  const { listUsers: _omitted, ...rest } = client;
  const bound = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      typeof value === 'function' ? value.bind(client) : value,
    ]),
  );
  return { client, withoutSearch: bound as unknown as MembershipsClient };
}

describe('given the add-member dialog and a client that cannot search users', () => {
  it('when a user ID and a role are submitted, the member is added and announced', async () => {
    const user = userEvent.setup();
    const { client, withoutSearch } = clientWithoutUserSearch();
    const { RosterProvider } = await import('@roster/react');
    const { render } = await import('@testing-library/react');
    render(
      <RosterProvider client={withoutSearch} viewer={{ userId: DEMO_IDS.soloAdminUserId }}>
        <LiveAnnouncer>
          <AddMemberDialog organizationId={SOLO} organizationName="Solo Studio" />
        </LiveAnnouncer>
      </RosterProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const dialog = screen.getByRole('dialog', { name: 'Add member' });
    expect(dialog).toHaveAccessibleDescription(/Solo Studio/);
    await user.type(within(dialog).getByRole('textbox', { name: 'User ID' }), DEMO_IDS.adminUserId);
    await user.click(within(dialog).getByRole('combobox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Admin' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(serverMembership(client, SOLO, DEMO_IDS.adminUserId)?.role).toBe('org:admin');
    expect(await screen.findByText('Alice Smith was added')).toBeInTheDocument();
  });

  it('when the user is already a member, the error is shown on the field and the dialog stays open', async () => {
    const user = userEvent.setup();
    const { withoutSearch } = clientWithoutUserSearch();
    const { RosterProvider } = await import('@roster/react');
    const { render } = await import('@testing-library/react');
    render(
      <RosterProvider client={withoutSearch} viewer={{ userId: DEMO_IDS.soloAdminUserId }}>
        <AddMemberDialog organizationId={SOLO} />
      </RosterProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const field = screen.getByRole('textbox', { name: 'User ID' });
    await user.type(field, DEMO_IDS.soloAdminUserId);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription('This user is already a member of the organization.');
    expect(screen.getByRole('dialog', { name: 'Add member' })).toBeInTheDocument();
  });
});

describe('given the add-member dialog and a client that can search users', () => {
  it('when the viewer types a name, picks with the arrows and Enter, and adds, the user becomes a member', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<AddMemberDialog organizationId={SOLO} />, {
      viewerId: DEMO_IDS.soloAdminUserId,
    });
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const combobox = screen.getByRole('combobox', { name: 'User' });
    await user.type(combobox, 'alice smith');
    const option = await screen.findByRole('option', { name: /Alice Smith/ });
    await waitFor(() => expect(combobox).toHaveAttribute('aria-activedescendant', option.id));
    await user.keyboard('{Enter}');
    expect(combobox).toHaveValue('Alice Smith');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(serverMembership(client, SOLO, DEMO_IDS.adminUserId)?.role).toBe('org:member');
  });

  it('when the user search fails (no permission), the dialog says so instead of showing an empty list', async () => {
    const user = userEvent.setup();
    const client = createMemoryClient(createDemoSeed());
    client.failNext(
      'listUsers',
      createRosterApiError(403, 'missing_organization_permission', 'Missing permission', {
        longMessage: 'Current user is missing an organization permission: org:sys_memberships:manage.',
      }),
    );
    renderWithRoster(<AddMemberDialog organizationId={SOLO} />, {
      viewerId: DEMO_IDS.soloAdminUserId,
      client,
    });
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    await user.type(screen.getByRole('combobox', { name: 'User' }), 'ali');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Could not search users: /);
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });

  it('when Escape is pressed with suggestions open, it closes them first, then the dialog', async () => {
    const user = userEvent.setup();
    renderWithRoster(<AddMemberDialog organizationId={SOLO} />, { viewerId: DEMO_IDS.soloAdminUserId });
    const trigger = screen.getByRole('button', { name: 'Add member' });
    await user.click(trigger);
    await user.type(screen.getByRole('combobox', { name: 'User' }), 'bob');
    await screen.findByRole('option', { name: /Bob Jones/ });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Add member' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });
});
