import { DEMO_IDS } from '@roster/core/testing';
import { AddMemberDialog, type AddMemberDialogProps, LiveAnnouncer } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';
import { type StoryKnobArgs, storyKnobArgTypes } from './story-knobs';

/** The dialog's props and the memory client's knobs. */
interface AlreadyMemberStoryProps extends AddMemberDialogProps, StoryKnobArgs {}

/** As Alice, Acme's admin: Acme's user search also finds people who are members already. */
function AlreadyMemberStory({
  roles,
  latency,
  failureRate,
  theme: _theme,
  ...props
}: AlreadyMemberStoryProps) {
  return (
    <RosterStoryProvider roles={roles} latency={latency} failureRate={failureRate}>
      <LiveAnnouncer>
        <AddMemberDialog {...props} />
      </LiveAnnouncer>
    </RosterStoryProvider>
  );
}

const meta = {
  title: 'Panel/Add member: existing members marked',
  component: AddMemberDialog,
  render: (args) => <AlreadyMemberStory {...args} />,
  args: { organizationId: DEMO_IDS.organizationId, organizationName: 'Acme' },
  argTypes: storyKnobArgTypes,
} satisfies Meta<AlreadyMemberStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Searching "smith" finds Alice, who is a member: her option says "Already a member" and is
 * disabled (reachable with the arrows, so the reason is read, but neither Enter nor a click picks her).
 */
export const AlreadyAMember: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add member' }));
    const combobox = await body.findByRole('combobox', { name: 'User' });
    await userEvent.type(combobox, 'smith');
    const alice = await body.findByRole(
      'option',
      { name: /^Alice Smith.*Already a member$/ },
      { timeout: 15_000 },
    );
    await expect(alice).toHaveAttribute('aria-disabled', 'true');
    await waitFor(() => expect(combobox).toHaveAttribute('aria-activedescendant', alice.id));
    await userEvent.keyboard('{Enter}');
    await expect(combobox).toHaveValue('smith');
    await userEvent.click(alice);
    await expect(combobox).toHaveValue('smith');
  },
};
