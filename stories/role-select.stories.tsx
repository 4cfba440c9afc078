import { RoleSelect, type RoleSelectOption, type RoleSelectProps } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { type StoryKnobArgs, storyKnobArgTypes } from './story-knobs';

const roles = [
  { key: 'org:admin', name: 'Admin' },
  { key: 'org:member', name: 'Member' },
  { key: 'org:billing', name: 'Billing manager' },
];

/** The role lists of the Roles control. */
const ROLE_LISTS: Record<string, readonly RoleSelectOption[]> = {
  'Admin, Member, Billing manager': roles,
  'Admin and Member': roles.slice(0, 2),
  'With an Auditor role': [...roles, { key: 'org:auditor', name: 'Auditor' }],
};

/** `RoleSelect`'s props (every control reaches it) and the initial value of the story's state. */
interface RoleSelectStoryProps extends RoleSelectProps, Pick<StoryKnobArgs, 'theme'> {
  initial: string;
}

function ControlledRoleSelect({ initial, theme: _theme, ...props }: RoleSelectStoryProps) {
  const [value, setValue] = useState(initial);
  return <RoleSelect {...props} value={value} onValueChange={setValue} />;
}

const meta = {
  title: 'Components/RoleSelect',
  component: RoleSelect,
  // A new initial value starts the story's state over.
  render: (args) => <ControlledRoleSelect key={args.initial} {...args} />,
  args: { initial: 'org:member', roles, memberName: 'Bob Jones' },
  argTypes: {
    initial: {
      description: 'The story\u2019s initial role key (the select is controlled by the story\u2019s state).',
      control: 'select',
      options: ['org:admin', 'org:member', 'org:billing', 'org:auditor'],
      table: { category: 'Story' },
    },
    roles: { control: 'select', options: Object.keys(ROLE_LISTS), mapping: ROLE_LISTS },
    value: { control: false },
    theme: storyKnobArgTypes.theme,
  },
} satisfies Meta<RoleSelectStoryProps>;

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
  args: { initial: 'org:admin', disabled: true, disabledReason: 'An organization needs at least one admin.' },
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
