import { RoleSelect } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';

const roles = [
  { key: 'org:admin', name: 'Admin' },
  { key: 'org:member', name: 'Member' },
  { key: 'org:billing', name: 'Billing manager' },
];

function ControlledRoleSelect(props: { initial: string; disabledReason?: string; valueName?: string }) {
  const [value, setValue] = useState(props.initial);
  return (
    <RoleSelect
      roles={roles}
      memberName="Bob Jones"
      value={value}
      onValueChange={setValue}
      {...(props.disabledReason !== undefined && { disabled: true, disabledReason: props.disabledReason })}
      {...(props.valueName !== undefined && { valueName: props.valueName })}
    />
  );
}

const meta = {
  title: 'Components/RoleSelect',
  component: ControlledRoleSelect,
  args: { initial: 'org:member' },
} satisfies Meta<typeof ControlledRoleSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Keyboard only: Enter opens, ArrowDown moves, Enter picks; the name is shown, never the key. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = canvas.getByRole('combobox', { name: 'Role for Bob Jones' });
    await expect(select).toHaveTextContent('Member');
    select.focus();
    await userEvent.keyboard('{Enter}');
    const body = within(canvasElement.ownerDocument.body);
    await expect(await body.findByRole('option', { name: 'Member' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(body.getByRole('option', { name: 'Billing manager' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(select).toHaveTextContent('Billing manager');
    await expect(body.queryByRole('listbox')).not.toBeInTheDocument();
    await expect(select).toHaveFocus();
  },
};

/** The last admin cannot be demoted: disabled, and the reason is its description. */
export const LastAdmin: Story = {
  args: { initial: 'org:admin', disabledReason: 'An organization needs at least one admin.' },
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Role for Bob Jones' });
    await expect(select).toBeDisabled();
    await expect(select).toHaveAccessibleDescription('An organization needs at least one admin.');
  },
};

/** A role the organization no longer lists still shows by its name. */
export const UnknownRole: Story = {
  args: { initial: 'org:auditor', valueName: 'Auditor' },
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Role for Bob Jones' });
    await expect(select).toHaveTextContent('Auditor');
  },
};
