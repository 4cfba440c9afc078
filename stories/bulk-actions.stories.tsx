import { DEMO_IDS } from '@roster/core/testing';
import { LiveAnnouncer, MemberList, type MemberListProps } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';
import { type StoryKnobArgs, storyKnobArgTypes } from './story-knobs';

/** `MemberList`'s props and the memory client's knobs. */
interface BulkStoryProps extends MemberListProps, StoryKnobArgs {}

function BulkStory({ roles, latency, failureRate, theme: _theme, ...props }: BulkStoryProps) {
  return (
    <RosterStoryProvider roles={roles} latency={latency} failureRate={failureRate}>
      <LiveAnnouncer>
        <MemberList {...props} />
      </LiveAnnouncer>
    </RosterStoryProvider>
  );
}

const meta = {
  title: 'Components/MemberList/Bulk actions and undo',
  component: MemberList,
  subcomponents: { 'MemberList.BulkBar': MemberList.BulkBar },
  render: (args) => <BulkStory {...args} />,
  parameters: {
    docs: {
      description: {
        component:
          'Row selection (`Select {name}`, `Select all on this page`), the bulk bar shown above the table while rows are selected (`Role for selected members`, `Remove selected`, `Clear selection`), and, with `undoWindowMs`, an `Undo` button in the announcement for every role change and removal (paused while focused or hovered).',
      },
    },
  },
  args: { organizationId: DEMO_IDS.organizationId, undoWindowMs: 8000 },
  argTypes: {
    ...storyKnobArgTypes,
    undoWindowMs: {
      description: 'How long each change can be undone, in ms (0: no undo, sent at once).',
      control: { type: 'range', min: 0, max: 20_000, step: 1000 },
      table: { category: 'MemberList' },
    },
  },
} satisfies Meta<BulkStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

const ROW_CHECKBOX = /^Select (?!all on this page$)/;

/** The first two rows' checkboxes that are not the viewer's own. */
async function twoOthers(canvas: ReturnType<typeof within>) {
  const table = await canvas.findByRole('table', { name: /Members of Acme/ });
  await waitFor(
    () => expect(within(table).getAllByRole('checkbox', { name: ROW_CHECKBOX })).toHaveLength(10),
    {
      timeout: 15_000,
    },
  );
  const boxes = within(table)
    .getAllByRole('checkbox', { name: ROW_CHECKBOX })
    .filter((box) => !box.closest('tr')?.hasAttribute('data-viewer'));
  return [boxes[0], boxes[1]] as [HTMLElement, HTMLElement];
}

/** Keyboard only: two rows selected with Space, the bulk role select opened with Enter, Admin picked. */
export const BulkRoleChange: Story = {
  args: { undoWindowMs: 0 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const [first, second] = await twoOthers(canvas);
    first.focus();
    await userEvent.keyboard(' ');
    second.focus();
    await userEvent.keyboard(' ');
    await expect(canvas.getByText('2 selected')).toBeInTheDocument();
    canvas.getByRole('combobox', { name: 'Role for selected members' }).focus();
    await userEvent.keyboard('{Enter}');
    const admin = await canvas.findByRole('option', { name: 'Admin' });
    await userEvent.click(admin);
    await expect(
      await canvas.findByText(/Changed the role of 2 members to Admin/, {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
  },
};

/** Two rows removed through the `Remove members` dialog: the total goes down by two. */
export const BulkRemoval: Story = {
  args: { undoWindowMs: 0 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const [first, second] = await twoOthers(canvas);
    const total = Number((canvas.getByText(/^1–10 of \d+$/).textContent ?? '').split(' of ')[1]);
    await userEvent.click(first);
    await userEvent.click(second);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove selected' }));
    const dialog = await canvas.findByRole('alertdialog', { name: 'Remove members' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove 2 members' }));
    await expect(
      await canvas.findByText(`1–10 of ${total - 2}`, {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    await expect(await canvas.findByText('Removed 2 members', {}, { timeout: 15_000 })).toBeInTheDocument();
  },
};

/** A member removed, then `Undo` pressed with the keyboard while its window is open: the row is back. */
export const Undo: Story = {
  args: { undoWindowMs: 15_000 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const [first] = await twoOthers(canvas);
    const name = first.getAttribute('aria-label')?.slice('Select '.length) ?? '';
    const total = canvas.getByText(/^1–10 of \d+$/).textContent ?? '';
    await userEvent.click(canvas.getByRole('button', { name: `Remove ${name}` }));
    const dialog = await canvas.findByRole('alertdialog', { name: 'Remove member' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await expect(await canvas.findByText(`${name} was removed`)).toBeInTheDocument();
    const undo = canvas.getByRole('button', { name: 'Undo' });
    undo.focus();
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByText('Undone')).toBeInTheDocument();
    await expect(await canvas.findByRole('checkbox', { name: `Select ${name}` })).toBeInTheDocument();
    await expect(canvas.getByText(total)).toBeInTheDocument();
  },
};
