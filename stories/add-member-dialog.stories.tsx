import { DEMO_IDS } from '@roster/core/testing';
import { AddMemberDialog, LiveAnnouncer } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';

function AddMemberStory() {
  return (
    <RosterStoryProvider viewerId={DEMO_IDS.soloAdminUserId}>
      <LiveAnnouncer>
        <AddMemberDialog organizationId={DEMO_IDS.soloOrganizationId} organizationName="Solo Studio" />
      </LiveAnnouncer>
    </RosterStoryProvider>
  );
}

const meta = {
  title: 'Components/AddMemberDialog',
  component: AddMemberStory,
} satisfies Meta<typeof AddMemberStory>;

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

/** Adding someone who is already a member: the error is shown on the field. */
export const AlreadyAMember: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add member' }));
    const user = await body.findByRole('combobox', { name: 'User' });
    await userEvent.type(user, 'bob jones');
    await body.findByRole('option', { name: /Bob Jones/ });
    await userEvent.keyboard('{Enter}');
    await userEvent.click(body.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(user).toHaveAttribute('aria-invalid', 'true'));
    await expect(user).toHaveAccessibleDescription('This user is already a member of the organization.');
    await userEvent.click(body.getByRole('button', { name: 'Cancel' }));
  },
};
