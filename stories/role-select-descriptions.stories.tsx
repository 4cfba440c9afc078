import { DEMO_IDS } from '@roster/core/testing';
import { MemberList, RoleSelect, type RoleSelectOption, type RoleSelectProps } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';
import { type StoryKnobArgs, storyKnobArgTypes } from './story-knobs';

/** Roles as `useOrganizationRoles` gives them: Guest has no description. */
const roles: readonly RoleSelectOption[] = [
  { key: 'org:admin', name: 'Admin', description: 'Can manage the organization and its members.' },
  { key: 'org:member', name: 'Member', description: 'Can see the organization and its members.' },
  { key: 'org:guest', name: 'Guest', description: null },
];

interface DescriptionsStoryProps extends RoleSelectProps, Pick<StoryKnobArgs, 'theme'> {
  initial: string;
}

function ControlledRoleSelect({ initial, theme: _theme, ...props }: DescriptionsStoryProps) {
  const [value, setValue] = useState(initial);
  return <RoleSelect {...props} value={value} onValueChange={setValue} />;
}

const meta = {
  title: 'Components/RoleSelect descriptions',
  component: RoleSelect,
  render: (args) => <ControlledRoleSelect key={args.initial} {...args} />,
  args: { initial: 'org:member', roles, memberName: 'Bob Jones' },
  argTypes: {
    initial: {
      description: 'The story\u2019s initial role key (the select is controlled by the story\u2019s state).',
      control: 'select',
      options: roles.map((role) => role.key),
      table: { category: 'Story' },
    },
    value: { control: false },
    theme: storyKnobArgTypes.theme,
  },
} satisfies Meta<DescriptionsStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Each role's description under its name in the list, and as the option's accessible description;
 * a role without one (Guest) has none. The trigger shows the name alone.
 */
export const WithDescriptions: Story = {
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Role for Bob Jones' });
    select.focus();
    await userEvent.keyboard('{Enter}');
    const body = within(canvasElement.ownerDocument.body);
    const admin = await body.findByRole('option', { name: 'Admin' });
    await expect(admin).toHaveAccessibleDescription('Can manage the organization and its members.');
    await expect(body.getByRole('option', { name: 'Guest' })).not.toHaveAttribute('aria-describedby');
    await userEvent.keyboard('{ArrowUp}{Enter}');
    await expect(select).toHaveTextContent(/^Admin$/);
  },
};

/** In the member list, rows describe the server's roles (the demo roles all have descriptions). */
export const InTheMemberList: Story = {
  render: () => (
    <RosterStoryProvider>
      <MemberList organizationId={DEMO_IDS.organizationId} searchDebounceMs={0} />
    </RosterStoryProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('searchbox', { name: 'Search members' }), 'bob jones');
    const select = await canvas.findByRole('combobox', { name: 'Role for Bob Jones' }, { timeout: 15_000 });
    await waitFor(() => expect(canvas.getAllByRole('row')).toHaveLength(2), { timeout: 15_000 });
    await userEvent.click(select);
    const body = within(canvasElement.ownerDocument.body);
    await expect(await body.findByRole('option', { name: 'Billing manager' })).toHaveAccessibleDescription(
      'Can see the members and manage billing.',
    );
    await userEvent.keyboard('{Escape}');
    // The closed popover is removed after the next frame, and focus is back on the trigger.
    await waitFor(() => expect(body.queryByRole('listbox')).toBeNull());
    // The row's light trigger was replaced by Radix's on first use: find it again by its name.
    await expect(canvas.getByRole('combobox', { name: 'Role for Bob Jones' })).toHaveFocus();
  },
};
