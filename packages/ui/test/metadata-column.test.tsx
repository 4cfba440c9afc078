// Metadata columns (issue 15, item 5): typed columns over publicMetadata, formatted for read-only
// viewers and edited inline by managers through the optimistic deep merge, checked per type.
import { createDemoSeed, createMemoryClient, DEMO_IDS, type MemoryClient } from '@roster/core/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MemberList } from '../src/member-list';
import { MemberListExportButton, type MemberListExportFile } from '../src/member-list-export-button';
import { metadataColumn } from '../src/metadata-column';
import { renderWithRoster, serverMembership } from './render-member-list';

vi.setConfig({ testTimeout: 20_000 });

const ACME = DEMO_IDS.organizationId;
const ALICE = DEMO_IDS.adminUserId;

// A type alias (an interface has no index signature, so it is not a `Metadata`).
type TeamMetadata = {
  department?: string;
  seats?: number;
  onCall?: boolean;
  team?: string;
  startDate?: string;
  address?: { city: string };
};

const columns = [
  'name',
  metadataColumn<TeamMetadata>({ key: 'department', label: 'Department', type: 'text', editable: true }),
  metadataColumn<TeamMetadata>({ key: 'seats', label: 'Seats', type: 'number', editable: true }),
  metadataColumn<TeamMetadata>({ key: 'onCall', label: 'On call', type: 'boolean', editable: true }),
  metadataColumn<TeamMetadata>({
    key: 'team',
    label: 'Team',
    type: 'select',
    editable: true,
    options: [
      { value: 'blue', label: 'Blue team' },
      { value: 'red', label: 'Red team' },
    ],
  }),
  metadataColumn<TeamMetadata>({ key: 'startDate', label: 'Start date', type: 'date', editable: true }),
] as const;

// Type checks (run by `tsc -b`): the key must be one of the metadata's, with a value of the type.
// @ts-expect-error: not a key of TeamMetadata
metadataColumn<TeamMetadata>({ key: 'nope', label: 'Nope', type: 'text' });
// @ts-expect-error: `seats` holds a number, not text
metadataColumn<TeamMetadata>({ key: 'seats', label: 'Seats', type: 'text' });
// @ts-expect-error: a select needs its options
metadataColumn<TeamMetadata>({ key: 'team', label: 'Team', type: 'select' });

const ALICE_METADATA = {
  department: 'Engineering',
  seats: 1234.5,
  onCall: true,
  team: 'blue',
  startDate: '2024-03-05',
  address: { city: 'Lyon' },
};

function seededClient(): MemoryClient {
  const seed = createDemoSeed({ members: 12 });
  for (const membership of seed.memberships) {
    if (membership.organizationId === ACME && membership.userId === ALICE) {
      membership.publicMetadata = structuredClone(ALICE_METADATA);
    }
  }
  return createMemoryClient(seed);
}

async function renderAliceRow(viewerId: string = ALICE) {
  const user = userEvent.setup();
  const client = seededClient();
  renderWithRoster(<MemberList organizationId={ACME} columns={columns} searchDebounceMs={0} />, {
    client,
    viewerId,
  });
  await user.click(await screen.findByRole('searchbox', { name: 'Search members' }));
  await user.paste('alice smith');
  const name = await screen.findByText('Alice Smith');
  await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
  const row = name.closest('tr') as HTMLElement;
  return { user, client, row };
}

const metadataCalls = (client: MemoryClient) =>
  client.requests.filter((request) => request.method === 'updateMembershipMetadata').length;

const aliceMetadata = (client: MemoryClient) => serverMembership(client, ACME, ALICE)?.publicMetadata;

describe('given Bob, a member who may not manage members, viewing metadata columns', () => {
  it('when Alice’s row shows, each type is formatted for the locale and nothing is editable', async () => {
    const { row } = await renderAliceRow(DEMO_IDS.memberUserId);
    for (const header of ['Department', 'Seats', 'On call', 'Team', 'Start date']) {
      expect(screen.getByRole('columnheader', { name: header })).toBeInTheDocument();
    }
    const cell = (id: string) => row.querySelector(`[data-column="${id}"]`);
    expect(cell('metadata-department')).toHaveTextContent(/^Engineering$/);
    expect(cell('metadata-seats')).toHaveTextContent(/^1,234\.5$/);
    expect(cell('metadata-onCall')).toHaveTextContent(/^Yes$/);
    expect(cell('metadata-team')).toHaveTextContent(/^Blue team$/);
    expect(cell('metadata-startDate')).toHaveTextContent(/^Mar 5, 2024$/);
    expect(within(row).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(row).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(within(row).queryByRole('combobox', { name: 'Team for Alice Smith' })).not.toBeInTheDocument();
  });
});

describe('given Alice, an admin, editing metadata inline', () => {
  it('when she renames her department and presses Enter, the server has it merged with the other keys', async () => {
    const { user, client } = await renderAliceRow();
    const input = screen.getByRole('textbox', { name: 'Department for Alice Smith' });
    expect(input).toHaveValue('Engineering');
    await user.clear(input);
    await user.type(input, 'Platform{Enter}');
    expect(input).toHaveValue('Platform');
    await waitFor(() => expect(aliceMetadata(client)).toEqual({ ...ALICE_METADATA, department: 'Platform' }));
    expect(await screen.findByText('Department for Alice Smith saved')).toBeInTheDocument();
    // The blur that follows sends nothing more.
    await user.tab();
    expect(metadataCalls(client)).toBe(1);
  });

  it('when she edits a value and leaves the field, it is saved', async () => {
    const { user, client } = await renderAliceRow();
    const input = screen.getByRole('textbox', { name: 'Seats for Alice Smith' });
    await user.clear(input);
    await user.type(input, '42');
    await user.tab();
    await waitFor(() => expect(aliceMetadata(client)?.seats).toBe(42));
    expect(aliceMetadata(client)?.department).toBe('Engineering');
  });

  it('when she presses Escape, the edit is reverted and nothing is sent', async () => {
    const { user, client } = await renderAliceRow();
    const input = screen.getByRole('textbox', { name: 'Department for Alice Smith' });
    await user.clear(input);
    await user.type(input, 'Oops{Escape}');
    expect(input).toHaveValue('Engineering');
    await user.tab();
    expect(metadataCalls(client)).toBe(0);
  });

  it('when she types something that is not a number, an inline error shows and nothing is sent', async () => {
    const { user, client } = await renderAliceRow();
    const input = screen.getByRole('textbox', { name: 'Seats for Alice Smith' });
    await user.clear(input);
    await user.type(input, '12abc{Enter}');
    const error = screen.getByRole('alert');
    expect(error).toHaveTextContent('Enter a number.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Enter a number.');
    expect(metadataCalls(client)).toBe(0);
    // Escape drops the draft and the error.
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('1234.5');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when the save fails on the server, the value reverts and the failure is announced', async () => {
    const { user, client } = await renderAliceRow();
    client.failNext('updateMembershipMetadata');
    const input = screen.getByRole('textbox', { name: 'Department for Alice Smith' });
    await user.clear(input);
    await user.type(input, 'Platform{Enter}');
    expect(
      await screen.findByText(/^Could not save Department for Alice Smith: .+; reverted$/),
    ).toBeInTheDocument();
    expect(input).toHaveValue('Engineering');
    expect(aliceMetadata(client)).toEqual(ALICE_METADATA);
  });

  it('when she toggles the checkbox and picks another option, both are saved', async () => {
    const { user, client } = await renderAliceRow();
    const onCall = screen.getByRole('checkbox', { name: 'On call for Alice Smith' });
    expect(onCall).toBeChecked();
    await user.click(onCall);
    await waitFor(() => expect(aliceMetadata(client)?.onCall).toBe(false));
    const team = screen.getByRole('combobox', { name: 'Team for Alice Smith' });
    await user.selectOptions(team, 'Red team');
    await waitFor(() => expect(aliceMetadata(client)?.team).toBe('red'));
    expect(aliceMetadata(client)?.address).toEqual({ city: 'Lyon' });
  });

  it('when she types another start date and presses Enter, it is saved as YYYY-MM-DD', async () => {
    const { user, client } = await renderAliceRow();
    const input = screen.getByLabelText('Start date for Alice Smith');
    expect(input).toHaveValue('2024-03-05');
    await user.clear(input);
    await user.type(input, '2024-05-06{Enter}');
    await waitFor(() => expect(aliceMetadata(client)?.startDate).toBe('2024-05-06'));
    expect(metadataCalls(client)).toBe(1);
  });
});

describe('given metadata columns reused as the CSV export’s metadata columns', () => {
  it('when Alice exports her search, the file has each column’s label and her raw values', async () => {
    const user = userEvent.setup();
    const files: MemberListExportFile[] = [];
    const metadata = columns.filter((column) => typeof column === 'object');
    renderWithRoster(
      <MemberList.Root organizationId={ACME}>
        <MemberList.Toolbar
          debounceMs={0}
          actions={
            <MemberListExportButton metadataColumns={metadata} download={(file) => files.push(file)} />
          }
        />
        <MemberList.Table columns={columns} />
      </MemberList.Root>,
      { client: seededClient() },
    );
    await user.click(await screen.findByRole('searchbox', { name: 'Search members' }));
    await user.paste('alice smith');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const [header, alice] = (files[0]?.csv ?? '').split('\r\n');
    expect(header?.endsWith(',Department,Seats,On call,Team,Start date')).toBe(true);
    expect(alice?.endsWith(',Engineering,1234.5,true,blue,2024-03-05')).toBe(true);
  });
});
