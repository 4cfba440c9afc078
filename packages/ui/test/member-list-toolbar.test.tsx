import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { MemberListToolbar } from '../src/member-list-toolbar';

const roles = [
  { key: 'org:admin', name: 'Admin' },
  { key: 'org:member', name: 'Member' },
];

describe('given the member list toolbar', () => {
  it('when typing in "Search members", it reports the query once, after the typing pauses', async () => {
    // Testing Library drains its async wrapper with a timer; it advances fake timers only through a
    // `jest` global, so give it one that drives Vitest's clock.
    vi.useFakeTimers();
    vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
    onTestFinished(() => {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    });
    const user = userEvent.setup({ delay: null });
    const onQueryChange = vi.fn();
    render(<MemberListToolbar onQueryChange={onQueryChange} debounceMs={300} />);
    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'ali');
    expect(onQueryChange).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(299);
    });
    expect(onQueryChange).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(onQueryChange).toHaveBeenCalledTimes(1);
    expect(onQueryChange).toHaveBeenCalledWith('ali');
  });

  it('when Escape is pressed in the search, it clears it and reports the empty query at once', async () => {
    const user = userEvent.setup();
    const onQueryChange = vi.fn();
    render(<MemberListToolbar defaultQuery="bob" onQueryChange={onQueryChange} />);
    const search = screen.getByRole('searchbox', { name: 'Search members' });
    expect(search).toHaveValue('bob');
    search.focus();
    await user.keyboard('{Escape}');
    expect(search).toHaveValue('');
    expect(onQueryChange).toHaveBeenLastCalledWith('');
  });

  it('when "Clear search" is clicked, it empties the box and hides itself', async () => {
    const user = userEvent.setup();
    const onQueryChange = vi.fn();
    render(<MemberListToolbar defaultQuery="bob" onQueryChange={onQueryChange} />);
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(screen.getByRole('searchbox', { name: 'Search members' })).toHaveValue('');
    expect(onQueryChange).toHaveBeenCalledWith('');
    expect(screen.queryByRole('button', { name: 'Clear search' })).not.toBeInTheDocument();
  });

  it('when a role is chosen in "Filter by role", it reports the key, and "All roles" reports null', async () => {
    const user = userEvent.setup();
    const onRoleFilterChange = vi.fn();
    render(<MemberListToolbar roles={roles} onRoleFilterChange={onRoleFilterChange} />);
    const filter = screen.getByRole('combobox', { name: 'Filter by role' });
    expect(filter).toHaveTextContent('All roles');
    await user.click(filter);
    await user.click(screen.getByRole('option', { name: 'Admin' }));
    expect(onRoleFilterChange).toHaveBeenLastCalledWith('org:admin');
    expect(filter).toHaveTextContent('Admin');
    await user.click(filter);
    await user.click(screen.getByRole('option', { name: 'All roles' }));
    expect(onRoleFilterChange).toHaveBeenLastCalledWith(null);
  });

  it('when a sort order is chosen, it reports the order_by value', async () => {
    const user = userEvent.setup();
    const onOrderByChange = vi.fn();
    render(<MemberListToolbar onOrderByChange={onOrderByChange} />);
    const sort = screen.getByRole('combobox', { name: 'Sort by' });
    expect(sort).toHaveTextContent('Newest first');
    await user.click(sort);
    await user.click(screen.getByRole('option', { name: 'First name A–Z' }));
    expect(onOrderByChange).toHaveBeenCalledWith('+first_name');
  });

  it('when the controlled query changes from outside, the box shows it', () => {
    const { rerender } = render(<MemberListToolbar query="ali" onQueryChange={() => {}} />);
    expect(screen.getByRole('searchbox', { name: 'Search members' })).toHaveValue('ali');
    rerender(<MemberListToolbar query="" onQueryChange={() => {}} />);
    expect(screen.getByRole('searchbox', { name: 'Search members' })).toHaveValue('');
  });

  it('when given props for the role filter’s parts, its trigger, content and items get them', async () => {
    const user = userEvent.setup();
    render(
      <MemberListToolbar
        roles={roles}
        roleFilterProps={{
          triggerProps: { className: 'my-trigger' },
          contentProps: { className: 'my-content' },
          itemProps: { className: 'my-item' },
        }}
        classNames={{ 'role-filter-trigger': 'slot-trigger', 'role-filter-item': 'slot-item' }}
      />,
    );
    const filter = screen.getByRole('combobox', { name: 'Filter by role' });
    expect(filter).toHaveClass('my-trigger', 'slot-trigger');
    await user.click(filter);
    expect(await screen.findByRole('listbox')).toHaveClass('my-content');
    for (const option of screen.getAllByRole('option')) expect(option).toHaveClass('my-item', 'slot-item');
  });
});
