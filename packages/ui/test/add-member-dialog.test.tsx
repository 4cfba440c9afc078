import { createRosterApiError, MAX_FILTER_VALUES, type MembershipsClient } from '@roster/core';
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

describe('given the add-member dialog of Acme, whose user search also finds its members', () => {
  const ACME = DEMO_IDS.organizationId;

  it('when the admin searches "smith", Alice (a member) is offered as "Already a member" and cannot be chosen', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<AddMemberDialog organizationId={ACME} />);
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const combobox = screen.getByRole('combobox', { name: 'User' });
    await user.type(combobox, 'smith');

    const alice = await screen.findByRole('option', { name: /^Alice Smith.*Already a member$/ });
    expect(alice).toHaveAttribute('aria-disabled', 'true');
    // Every other user found is marked exactly when the server has them as members of Acme.
    const found = (await client.listUsers({ query: 'smith', limit: 8 })).data;
    const members = new Set(
      client
        .snapshot()
        .memberships.filter((m) => m.organization.id === ACME)
        .map((m) => m.publicUserData?.userId),
    );
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(found.length);
    found.forEach((found, index) => {
      const option = options[index] as HTMLElement;
      if (members.has(found.id)) {
        expect(option).toHaveAttribute('aria-disabled', 'true');
        expect(option).toHaveAccessibleName(/Already a member$/);
      } else {
        expect(option).not.toHaveAttribute('aria-disabled');
        expect(option).not.toHaveAccessibleName(/Already a member/);
      }
    });

    // Neither a click nor Enter picks her: the field keeps the search and nothing is submitted.
    await user.click(alice);
    expect(combobox).toHaveValue('smith');
    // The arrows still reach her (so her mark is read); Enter on her picks nothing.
    for (let i = 0; i < options.length && combobox.getAttribute('aria-activedescendant') !== alice.id; i++) {
      await user.keyboard('{ArrowDown}');
    }
    expect(combobox).toHaveAttribute('aria-activedescendant', alice.id);
    await user.keyboard('{Enter}');
    expect(combobox).toHaveValue('smith');
    expect(screen.getByRole('dialog', { name: 'Add member' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Choose a user to add.')).toBeInTheDocument();
    expect(client.requests.filter((r) => r.method === 'createMembership')).toHaveLength(0);

    // The check asks for the whole result set at once (a revalidation may repeat it, never split it).
    const checks = () =>
      client.requests
        .filter(
          (r) =>
            r.method === 'listMemberships' && (r.params as { limit?: number }).limit === MAX_FILTER_VALUES,
        )
        .map((r) => [...((r.params as { userId?: string[] }).userId ?? [])].sort());
    expect(checks().length).toBeGreaterThan(0);
    for (const ids of checks()) expect(ids).toEqual(found.map((f) => f.id).sort());
  });

  it('when a search finds several users, one membership request checks them all', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(<AddMemberDialog organizationId={ACME} />);
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    await user.type(screen.getByRole('combobox', { name: 'User' }), 'acme.test');
    const found = (await client.listUsers({ query: 'acme.test', limit: 8 })).data;
    expect(found.length).toBeGreaterThan(1);
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(found.length));
    await waitFor(() =>
      expect(screen.getAllByRole('option', { name: /Already a member$/ }).length).toBeGreaterThan(0),
    );
    const checks = client.requests
      .filter(
        (r) => r.method === 'listMemberships' && (r.params as { limit?: number }).limit === MAX_FILTER_VALUES,
      )
      .map((r) => [...((r.params as { userId?: string[] }).userId ?? [])].sort());
    // (Typing may have sent a search per pause: each result set got one check, never one per user.)
    expect(checks).toContainEqual(found.map((f) => f.id).sort());
    expect(checks.every((ids) => ids.length > 1)).toBe(true);
  });
});
