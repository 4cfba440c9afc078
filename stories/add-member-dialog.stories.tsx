import { DEMO_IDS } from '@roster/core/testing';
import { AddMemberDialog, type AddMemberDialogProps, LiveAnnouncer } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';
import { localizationArgType, type StoryKnobArgs, storyKnobArgTypes } from './story-knobs';

/** The dialog's props (every control reaches it) and the memory client's knobs. */
interface AddMemberStoryProps extends AddMemberDialogProps, StoryKnobArgs {}

/** As Carol, Solo Studio's admin, on a memory client. */
function AddMemberStory({ roles, latency, failureRate, theme: _theme, ...props }: AddMemberStoryProps) {
  return (
    <RosterStoryProvider
      viewerId={DEMO_IDS.soloAdminUserId}
      roles={roles}
      latency={latency}
      failureRate={failureRate}
    >
      <LiveAnnouncer>
        <AddMemberDialog {...props} />
      </LiveAnnouncer>
    </RosterStoryProvider>
  );
}

const meta = {
  title: 'Components/AddMemberDialog',
  component: AddMemberDialog,
  render: (args) => <AddMemberStory {...args} />,
  args: { organizationId: DEMO_IDS.soloOrganizationId, organizationName: 'Solo Studio' },
  argTypes: { ...storyKnobArgTypes, localization: localizationArgType() },
} satisfies Meta<AddMemberStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Search a user, pick with the arrows and Enter, add: the result is announced. */
export const Default: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add member' }));
    const user = await body.findByRole('combobox', { name: 'User' });
    await userEvent.type(user, 'alice smith');
    await body.findByRole('option', { name: /Alice Smith/ });
    await userEvent.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    await expect(user).toHaveValue('Alice Smith');
    await userEvent.click(body.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(body.queryByRole('dialog')).not.toBeInTheDocument());
    await expect(await body.findByText('Alice Smith was added')).toBeInTheDocument();
  },
};

/** Someone who is already a member is offered as such and cannot be picked, with a click or Enter. */
export const AlreadyAMember: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add member' }));
    const user = await body.findByRole('combobox', { name: 'User' });
    await userEvent.type(user, 'bob jones');
    const bob = await body.findByRole('option', { name: /^Bob Jones.*Already a member$/ });
    await expect(bob).toHaveAttribute('aria-disabled', 'true');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await userEvent.click(bob);
    await expect(user).toHaveValue('bob jones');
    await userEvent.click(body.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(body.queryByRole('dialog')).not.toBeInTheDocument());
  },
};
