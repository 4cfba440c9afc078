import { DEMO_IDS } from '@roster/core/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MemberList } from '../src/member-list';
import { useMemberListContext } from '../src/member-list-context';
import { renderWithRoster } from './render-member-list';

vi.setConfig({ testTimeout: 20_000 });

const ACME = DEMO_IDS.organizationId;

/** A part of one's own: reads and changes the Root's state through the context hook. */
function AdminsOnly() {
  const list = useMemberListContext();
  const pressed = list.roleFilter === 'org:admin';
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={() => list.setRoleFilter(pressed ? null : 'org:admin')}
    >
      Admins only ({list.totalCount})
    </button>
  );
}

function Rearranged() {
  return (
    <MemberList.Root organizationId={ACME} defaultPageSize={5}>
      <MemberList.Pagination />
      <AdminsOnly />
      <MemberList.Table columns={['name', 'role', 'actions']} />
      <MemberList.Toolbar sortOrders={[]} debounceMs={0} />
      <MemberList.RemoveDialog />
    </MemberList.Root>
  );
}

describe('given MemberList.Root composed with its parts in another order', () => {
  it('when it loads, the pagination comes before the table and pages it', async () => {
    const user = userEvent.setup();
    renderWithRoster(<Rearranged />);
    const table = await screen.findByRole('table', { name: /Members of Acme/ });
    await waitFor(() =>
      expect(within(table).getAllByRole('combobox', { name: /^Role for / })).toHaveLength(5),
    );
    const pagination = screen.getByRole('navigation', { name: 'Pagination' });
    expect(pagination.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Its three columns, after the selection column an admin gets.
    expect(within(table).getAllByRole('columnheader')).toHaveLength(4);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText(/^6–10 of \d+$/)).toBeInTheDocument();
  });

  it('when a custom part changes the filter, the table and the pagination follow', async () => {
    const user = userEvent.setup();
    renderWithRoster(<Rearranged />);
    await waitFor(() => expect(screen.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(5));
    await user.click(screen.getByRole('button', { name: /^Admins only/ }));
    await waitFor(() => {
      for (const select of screen.getAllByRole('combobox', { name: /^Role for / })) {
        expect(select).toHaveTextContent('Admin');
      }
    });
    expect(screen.getByRole('combobox', { name: 'Filter by role' })).toHaveTextContent('Admin');
    expect(screen.getByRole('button', { name: /^Admins only/ })).toHaveAttribute('aria-pressed', 'true');
  });

  it('when a member is removed through the Root’s dialog, the row goes and focus lands on the table', async () => {
    const user = userEvent.setup();
    renderWithRoster(<Rearranged />);
    const table = await screen.findByRole('table', { name: /Members of Acme/ });
    await user.click(screen.getByRole('searchbox', { name: 'Search members' }));
    await user.paste('bob jones');
    await user.click(await screen.findByRole('button', { name: 'Remove Bob Jones' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove member' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Remove Bob Jones' })).not.toBeInTheDocument();
    expect(table).toHaveFocus();
  });

  it('when a part given a handler is used, the handler runs and the Root still updates', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    renderWithRoster(
      <MemberList.Root organizationId={ACME}>
        <MemberList.Table />
        <MemberList.Pagination onPageChange={onPageChange} />
      </MemberList.Root>,
    );
    await waitFor(() => expect(screen.getByText(/^1–10 of \d+$/)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onPageChange).toHaveBeenCalledWith(2);
    expect(await screen.findByText(/^11–20 of \d+$/)).toBeInTheDocument();
  });

  it('when the context hook is used outside a Root, it says where it belongs', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<AdminsOnly />)).toThrow(/inside <MemberList.Root>/);
  });
});
