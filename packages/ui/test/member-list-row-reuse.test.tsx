import { createDemoSeed, DEMO_IDS } from '@roster/core/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MemberList, type MemberListProps } from '../src/member-list';
import { renderWithRoster } from './render-member-list';

vi.setConfig({ testTimeout: 30_000 });

/** The body rows of the members table, once it shows `count` of them and `name` among them. */
async function bodyRows(count: number, name: string) {
  const table = await screen.findByRole('table', {}, { timeout: 10_000 });
  await within(table).findByText(name, {}, { timeout: 10_000 });
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(count + 1));
  return within(table).getAllByRole('row').slice(1);
}

/** A row's member name, role select and remove button agree with each other. */
function expectConsistent(row: HTMLElement) {
  const name = row.querySelector('[data-roster-slot="member-list-name"]')?.firstChild?.textContent ?? '';
  expect(name).not.toBe('');
  within(row).getByRole('combobox', { name: `Role for ${name}` });
  // The viewer's own row offers to leave; every other row to remove its member.
  const isViewer = row.hasAttribute('data-viewer');
  within(row).getByRole('button', { name: isViewer ? 'Leave organization' : `Remove ${name}` });
  expect(row).toHaveAttribute('data-user-id');
  return name;
}

/** A custom cell with state of its own: a "Pinned" toggle. */
function PinToggle() {
  const [pinned, setPinned] = useState(false);
  return (
    <button type="button" aria-pressed={pinned} onClick={() => setPinned((value) => !value)}>
      Pin
    </button>
  );
}

/** A member list of the demo organization with 25 members, 10 a page, oldest first. */
function renderList(renderCell?: MemberListProps['renderCell']) {
  return renderWithRoster(
    <MemberList
      organizationId={DEMO_IDS.organizationId}
      defaultPageSize={10}
      defaultOrderBy="+created_at"
      {...(renderCell && { renderCell })}
    />,
    { seed: createDemoSeed({ members: 25 }) },
  );
}

describe('given a member list of 25, 10 a page', () => {
  it('when the next page is shown, its members appear in the same row elements, each row consistent', async () => {
    const user = userEvent.setup();
    renderList();
    const before = await bodyRows(10, 'Alice Smith');
    const firstNames = before.map(expectConsistent);

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(screen.queryByText('Alice Smith')).not.toBeInTheDocument());
    const after = await bodyRows(10, expectConsistent(before[0] as HTMLElement));

    // No row was rebuilt: the same <tr> elements, now showing the second page's members.
    for (const [index, row] of after.entries()) expect(row).toBe(before[index]);
    const secondNames = after.map(expectConsistent);
    expect(secondNames.filter((name) => firstNames.includes(name))).toEqual([]);
    expect(new Set(secondNames).size).toBe(10);
  });

  it('when the page changes while focus is in a row, that row is not handed to another member', async () => {
    renderList();
    const before = await bodyRows(10, 'Bob Jones');
    const bobSelect = screen.getByRole('combobox', { name: 'Role for Bob Jones' });
    bobSelect.focus();
    // A click that does not take focus (as a script or a custom pager may change the page).
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(screen.queryByText('Bob Jones')).not.toBeInTheDocument());
    const after = await bodyRows(10, expectConsistent(before[0] as HTMLElement));

    // Focus did not stay on a control now naming someone else: Bob's row went, with its select.
    expect(bobSelect.isConnected).toBe(false);
    for (const select of screen.getAllByRole('combobox', { name: /^Role for / })) {
      expect(select).not.toHaveFocus();
    }
    expect(after).not.toContain(before[1]);
    // The other nine rows were reused.
    expect(after.filter((row) => before.includes(row))).toHaveLength(9);
  });

  it('when the page changes, state in a custom cell is the new member’s, not the last one’s', async () => {
    const user = userEvent.setup();
    renderList({ identifier: ({ defaultContent }) => [defaultContent, <PinToggle key="pin" />] });
    const [row] = await bodyRows(10, 'Alice Smith');
    await user.click(within(row as HTMLElement).getByRole('button', { name: 'Pin' }));
    expect(within(row as HTMLElement).getByRole('button', { name: 'Pin' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(screen.queryByText('Alice Smith')).not.toBeInTheDocument());
    for (const pin of screen.getAllByRole('button', { name: 'Pin' })) {
      expect(pin).toHaveAttribute('aria-pressed', 'false');
    }
  });
});

describe('given a member list of 25, 10 a page, with the next page fetched ahead', () => {
  it('when Bob is removed and the next member is pulled up, focus lands on the table, not on anyone’s Remove', async () => {
    const user = userEvent.setup();
    const { client } = renderList();
    const rows = await bodyRows(10, 'Bob Jones');
    // The second page is fetched ahead: the removal pulls its first member up without a request.
    await waitFor(() =>
      expect(client.requests.filter((r) => r.method === 'listMemberships').length).toBeGreaterThan(1),
    );
    const bobRow = rows.find((row) => within(row).queryByText('Bob Jones')) as HTMLElement;
    await user.click(within(bobRow).getByRole('button', { name: 'Remove Bob Jones' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove member' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());

    const after = await bodyRows(10, expectConsistent(rows[9] as HTMLElement));
    expect(screen.queryByText('Bob Jones')).not.toBeInTheDocument();
    for (const row of after) expectConsistent(row);
    expect(screen.getByRole('table')).toHaveFocus();
  });
});
