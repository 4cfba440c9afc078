import { DEMO_IDS } from '@roster/core/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MemberListColumnInput } from '../src/member-list-columns';
import type { MemberListEmptyContext } from '../src/member-list-table';
import { OrganizationMembersPanel } from '../src/organization-members-panel';
import { renderWithRoster } from './render-member-list';

vi.setConfig({ testTimeout: 30_000 });

const ACME = DEMO_IDS.organizationId;

describe('given the drop-in panel', () => {
  it('when an admin opens it, it shows the members table and an "Add member" button', async () => {
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} />);
    expect(await screen.findByRole('table', { name: /Members of Acme/ })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Add member' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search members' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Filter by role' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toBeInTheDocument();
  });

  it('when a member without the manage permission opens it, there is no "Add member" button', async () => {
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} />, { viewerId: DEMO_IDS.memberUserId });
    await screen.findByRole('table', { name: /Members of Acme/ });
    await waitFor(() => expect(screen.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(10));
    expect(screen.queryByRole('button', { name: 'Add member' })).not.toBeInTheDocument();
  });

  it('when given a localization, every string and accessible name follows it', async () => {
    renderWithRoster(
      <OrganizationMembersPanel
        organizationId={ACME}
        localization={{
          searchLabel: 'Mitglieder suchen',
          roleFilterLabel: 'Nach Rolle filtern',
          roleFor: (name) => `Rolle für ${name}`,
          memberListCaption: (org) => `Mitglieder von ${org ?? ''}`,
          nextPage: 'Nächste Seite',
          pageStatus: (from, to, total) => `${from}–${to} von ${total}`,
        }}
      />,
      { locale: 'de-DE' },
    );
    expect(await screen.findByRole('table', { name: /Mitglieder von Acme/ })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Mitglieder suchen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nächste Seite' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('combobox', { name: /^Rolle für / })).toHaveLength(10));
    expect(screen.getByText(/^1–10 von \d+$/)).toBeInTheDocument();
    // Dates go through Intl in the provider's locale: German month abbreviations end with a dot.
    const firstDate = document.querySelector('time');
    expect(firstDate?.textContent).toBe(
      new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' }).format(new Date(firstDate?.dateTime ?? '')),
    );
  });
});

const teamColumn: MemberListColumnInput = {
  id: 'team',
  header: 'Team',
  render: ({ member }) => String(member.publicMetadata.department ?? '—'),
};
const columns: readonly MemberListColumnInput[] = ['name', 'role', teamColumn, 'actions'];

describe('given the panel with custom columns and render props', () => {
  it('when rendered, it uses the columns, the cell and actions renderers', async () => {
    renderWithRoster(
      <OrganizationMembersPanel
        organizationId={ACME}
        columns={columns}
        renderCell={{ name: ({ defaultContent, member }) => <a href={`#${member.id}`}>{defaultContent}</a> }}
        renderActions={({ name, requestRemove }) => (
          <button type="button" onClick={(event) => requestRemove(event.currentTarget)}>
            Kick {name}
          </button>
        )}
      />,
    );
    const table = await screen.findByRole('table', { name: /Members of Acme/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    // The selection column (an admin's; its header is the `Select all on this page` checkbox) first.
    expect(headers).toEqual(['', 'Name', 'Role', 'Team', 'Actions']);
    await waitFor(() => expect(within(table).getAllByRole('link')).toHaveLength(10));
    const kick = within(table).getAllByRole('button', { name: /^Kick / })[0] as HTMLElement;
    await userEvent.setup().click(kick);
    expect(screen.getByRole('alertdialog', { name: 'Remove member' })).toBeInTheDocument();
  });

  it('when nothing matches, renderEmpty explains it in the app’s words', async () => {
    const user = userEvent.setup();
    const renderEmpty = ({ reason, query, clearSearch }: MemberListEmptyContext) => (
      <p>
        {reason}: {query}{' '}
        <button type="button" onClick={clearSearch}>
          Reset
        </button>
      </p>
    );
    renderWithRoster(
      <OrganizationMembersPanel organizationId={ACME} searchDebounceMs={0} renderEmpty={renderEmpty} />,
    );
    await screen.findByRole('table', { name: /Members of Acme/ });
    await user.click(screen.getByRole('searchbox', { name: 'Search members' }));
    await user.paste('qqqzzz');
    expect(await screen.findByText('no-results: qqqzzz')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(screen.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(10));
  });
});
