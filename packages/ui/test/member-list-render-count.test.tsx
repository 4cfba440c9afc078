import { createControllableClient, createDemoSeed, createMemoryClient, DEMO_IDS } from '@roster/core/testing';
import { RosterProvider } from '@roster/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MemberList } from '../src/member-list';
import type { MemberListRowRenderContext } from '../src/member-list-columns';
import { countMounted } from './count-mounted';

vi.setConfig({ testTimeout: 60_000 });

/** Renders since the last reset: each row by membership ID, the toolbar and the pagination. */
const renders = { rows: new Set<string>(), toolbar: 0, pagination: 0 };
function reset() {
  renders.rows.clear();
  renders.toolbar = 0;
  renders.pagination = 0;
}

/** Each row inside its own Profiler: a row that does not re-render does not report. */
function profiledRow({ member, cells, rowProps }: MemberListRowRenderContext): ReactNode {
  return (
    <Profiler id={member.id} onRender={(id) => renders.rows.add(id)}>
      <tr {...rowProps}>{cells}</tr>
    </Profiler>
  );
}

function renderList({
  organizationId = DEMO_IDS.organizationId,
  viewerId = DEMO_IDS.adminUserId,
}: {
  organizationId?: string;
  viewerId?: string;
} = {}) {
  const memory = createMemoryClient(createDemoSeed({ members: 60 }));
  const controllable = createControllableClient(memory);
  render(
    <RosterProvider client={controllable.client} viewer={{ userId: viewerId }} locale="en-US">
      <MemberList.Root
        organizationId={organizationId}
        defaultPageSize={50}
        pageSizeOptions={[10, 50]}
        defaultOrderBy="+created_at"
      >
        <Profiler id="toolbar" onRender={() => renders.toolbar++}>
          <MemberList.Toolbar />
        </Profiler>
        <MemberList.Table renderRow={profiledRow} />
        <Profiler id="pagination" onRender={() => renders.pagination++}>
          <MemberList.Pagination />
        </Profiler>
        <MemberList.RemoveDialog />
      </MemberList.Root>
    </RosterProvider>,
  );
  return { memory, controllable };
}

function membershipId(memory: ReturnType<typeof createMemoryClient>, organizationId: string, userId: string) {
  return memory
    .snapshot()
    .memberships.find((m) => m.organization.id === organizationId && m.publicUserData?.userId === userId)?.id;
}

/** Waits for the list to show `rows` rows and for its background work to settle. */
async function loaded(rows: number) {
  const table = await screen.findByRole('table', {}, { timeout: 20_000 });
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(rows + 1), { timeout: 20_000 });
  await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return table;
}

/** Bob's role select, found again each time (its light trigger is replaced on first use), even while a popover hides the page. */
const bobSelect = () => screen.getByRole('combobox', { name: 'Role for Bob Jones', hidden: true });

describe('given a list of 50 members on one page', () => {
  it('when one member’s role changes, optimistically and when it settles, only that row re-renders', async () => {
    const user = userEvent.setup();
    const { memory, controllable } = renderList();
    await loaded(50);
    const select = screen.getByRole('combobox', { name: 'Role for Bob Jones' });
    await user.click(select);
    await screen.findByRole('listbox');
    reset();

    controllable.hold('updateMembership');
    await user.click(screen.getByRole('option', { name: 'Billing manager' }));
    // Optimistic: shown and pending before the server answers.
    expect(bobSelect()).toHaveTextContent('Billing manager');
    expect(bobSelect().closest('tr')).toHaveAttribute('data-pending');
    const bob = membershipId(memory, DEMO_IDS.organizationId, DEMO_IDS.memberUserId);
    expect([...renders.rows]).toEqual([bob]);
    expect(renders.toolbar).toBe(0);
    expect(renders.pagination).toBe(0);

    reset();
    controllable.release();
    expect(await screen.findByText('Bob Jones is now Billing manager')).toBeInTheDocument();
    await waitFor(() => expect(bobSelect().closest('tr')).not.toHaveAttribute('data-pending'));
    expect([...renders.rows]).toEqual([bob]);
    expect(renders.toolbar).toBe(0);
    expect(renders.pagination).toBe(0);
  });

  it('when a member is made an admin and others stay admins, no other admin row re-renders', async () => {
    const user = userEvent.setup();
    const { memory } = renderList();
    const table = await loaded(50);
    // Acme has several admins: one more changes no admin's last-admin state.
    expect(
      within(table)
        .getAllByRole('combobox')
        .filter((c) => c.textContent === 'Admin').length,
    ).toBeGreaterThan(1);
    const select = screen.getByRole('combobox', { name: 'Role for Bob Jones' });
    await user.click(select);
    await screen.findByRole('listbox');
    reset();
    await user.click(screen.getByRole('option', { name: 'Admin' }));
    expect(await screen.findByText('Bob Jones is now Admin')).toBeInTheDocument();
    await waitFor(() => expect(bobSelect().closest('tr')).not.toHaveAttribute('data-pending'));
    await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
    expect([...renders.rows]).toEqual([membershipId(memory, DEMO_IDS.organizationId, DEMO_IDS.memberUserId)]);
    expect(renders.toolbar).toBe(0);
  });

  it('when the only admin gets a second one, the first admin’s row re-renders too (its last-admin state changed)', async () => {
    const user = userEvent.setup();
    const { memory } = renderList({
      organizationId: DEMO_IDS.soloOrganizationId,
      viewerId: DEMO_IDS.soloAdminUserId,
    });
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    const carolLeave = await within(table).findByRole('button', { name: 'Leave organization' });
    await waitFor(() => expect(carolLeave).toHaveAttribute('aria-disabled', 'true'));
    const select = screen.getByRole('combobox', { name: 'Role for Bob Jones' });
    await user.click(select);
    await screen.findByRole('listbox');
    reset();
    await user.click(screen.getByRole('option', { name: 'Admin' }));
    await waitFor(() => expect(carolLeave).not.toHaveAttribute('aria-disabled'));
    const solo = DEMO_IDS.soloOrganizationId;
    expect([...renders.rows].sort()).toEqual(
      [
        membershipId(memory, solo, DEMO_IDS.memberUserId),
        membershipId(memory, solo, DEMO_IDS.soloAdminUserId),
      ].sort(),
    );
  });

  it('when it has loaded, a row is at most 18 elements and no Radix Select is mounted until one is used', async () => {
    const user = userEvent.setup();
    renderList();
    const table = await loaded(50);
    const rows = within(table).getAllByRole('row').slice(1);
    const bobRow = screen.getByRole('combobox', { name: 'Role for Bob Jones' }).closest('tr') as HTMLElement;
    // tr, the selection cell and its checkbox (an admin's), 6 cells, avatar, name, identifier, the
    // role trigger (button, value, chevron svg and path), date, remove.
    expect(bobRow.querySelectorAll('*').length + 1).toBeLessThanOrEqual(18);
    // The viewer's own row adds the You badge and why its role is locked (for screen readers).
    for (const row of rows) expect(row.querySelectorAll('*').length + 1).toBeLessThanOrEqual(20);
    // Each row's role select is its light trigger alone: no Radix Select (nor its hidden native
    // select) until the user reaches for one.
    expect(countMounted(table, 'Select')).toBe(0);
    expect(countMounted(table, 'SelectTrigger')).toBe(0);
    expect(countMounted(table, 'SelectContent')).toBe(0);
    expect(table.querySelectorAll('select')).toHaveLength(0);

    await user.click(screen.getByRole('combobox', { name: 'Role for Bob Jones' }));
    await screen.findByRole('listbox');
    expect(countMounted(table, 'SelectTrigger')).toBe(1);
    expect(countMounted(table, 'SelectContent')).toBe(1);
  });
});
