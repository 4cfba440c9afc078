import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RoleSelect, type RoleSelectProps } from '../src/role-select';

const roles = [
  { key: 'org:admin', name: 'Admin' },
  { key: 'org:member', name: 'Member' },
  { key: 'org:billing', name: 'Billing' },
];

function Controlled({ onValueChange }: { onValueChange?: (key: string) => void }) {
  const [value, setValue] = useState('org:member');
  return (
    <RoleSelect
      roles={roles}
      memberName="Bob Jones"
      value={value}
      onValueChange={(next) => {
        setValue(next);
        onValueChange?.(next);
      }}
    />
  );
}

describe('given a role select for a member', () => {
  it('when rendered, it is named "Role for {name}" and shows the role name, not the key', () => {
    render(<RoleSelect roles={roles} memberName="Bob Jones" defaultValue="org:member" />);
    const select = screen.getByRole('combobox', { name: 'Role for Bob Jones' });
    expect(select).toHaveTextContent('Member');
    expect(select).not.toHaveTextContent('org:member');
  });

  it('when a role is picked with the mouse, it reports the key and shows the new name', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<Controlled onValueChange={onValueChange} />);
    await user.click(screen.getByRole('combobox', { name: 'Role for Bob Jones' }));
    await user.click(await screen.findByRole('option', { name: 'Admin' }));
    expect(onValueChange).toHaveBeenCalledWith('org:admin');
    expect(screen.getByRole('combobox', { name: 'Role for Bob Jones' })).toHaveTextContent('Admin');
  });

  it('when driven by keyboard only (open, arrows, Enter), it chooses the role', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<Controlled onValueChange={onValueChange} />);
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Role for Bob Jones' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const listbox = await screen.findByRole('listbox');
    expect(listbox).toBeInTheDocument();
    // Focus starts on the selected option (Member); one down is Billing.
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Enter}');
    expect(onValueChange).toHaveBeenCalledWith('org:billing');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Role for Bob Jones' })).toHaveTextContent('Billing');
  });

  it('when disabled with a reason, it cannot be opened and describes the reason', async () => {
    const user = userEvent.setup();
    render(
      <RoleSelect
        roles={roles}
        memberName="Alice Smith"
        defaultValue="org:admin"
        disabled
        disabledReason="An organization needs at least one admin."
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Role for Alice Smith' });
    expect(select).toBeDisabled();
    expect(select).toHaveAccessibleDescription('An organization needs at least one admin.');
    await user.click(select);
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('when the current role is not among the roles, it shows the role by its name', () => {
    render(
      <RoleSelect
        roles={roles.slice(0, 2)}
        memberName="Dana"
        defaultValue="org:auditor"
        valueName="Auditor"
      />,
    );
    expect(screen.getByRole('combobox', { name: 'Role for Dana' })).toHaveTextContent('Auditor');
  });

  it('when given className, classNames and pending, it stamps them on the trigger', () => {
    render(
      <RoleSelect
        roles={roles}
        memberName="Bob"
        defaultValue="org:member"
        pending
        className="mine"
        classNames={{ trigger: 'slot' }}
        localization={{ roleFor: (name) => `Rolle für ${name}` }}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Rolle für Bob' });
    expect(select).toHaveClass('mine', 'slot');
    expect(select).toHaveAttribute('data-pending');
    expect(select).toHaveAttribute('data-roster-slot', 'role-select-trigger');
  });
});

/** Renders Bob's role select with `parts` for its Radix parts and opens it. */
async function openWithParts(parts: Partial<RoleSelectProps>) {
  const user = userEvent.setup();
  render(<RoleSelect roles={roles} memberName="Bob Jones" defaultValue="org:member" {...parts} />);
  await user.click(screen.getByRole('combobox', { name: 'Role for Bob Jones' }));
  return { user, listbox: await screen.findByRole('listbox') };
}

describe('given a role select with props for its Radix parts', () => {
  it('when opened, the content, viewport and items get them, with classes added to ours', async () => {
    const onCloseAutoFocus = vi.fn();
    const { user, listbox } = await openWithParts({
      classNames: { content: 'slot-content', item: 'slot-item' },
      contentProps: { className: 'my-content', 'aria-label': 'Roles', onCloseAutoFocus },
      viewportProps: { className: 'my-viewport' },
      itemProps: { className: 'my-item', 'data-testid': 'role-option' } as Record<string, string>,
    });
    expect(listbox).toHaveAccessibleName('Roles');
    expect(listbox).toHaveClass('my-content', 'slot-content');
    expect(listbox).toHaveAttribute('data-side', 'bottom');
    expect(listbox).toHaveAttribute('data-roster-slot', 'role-select-content');
    expect(listbox.querySelector('[data-roster-slot="role-select-viewport"]')).toHaveClass('my-viewport');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(3);
    for (const option of options) {
      expect(option).toHaveClass('my-item', 'slot-item');
      expect(option).toHaveAttribute('data-testid', 'role-option');
    }
    await user.click(screen.getByRole('option', { name: 'Admin' }));
    expect(onCloseAutoFocus).toHaveBeenCalled();
  });

  it('when given contentProps for placement, they replace the defaults', async () => {
    const { listbox } = await openWithParts({ contentProps: { position: 'item-aligned' } });
    // Radix marks popper content with its side; item-aligned content has none.
    expect(listbox).not.toHaveAttribute('data-side');
  });
});
