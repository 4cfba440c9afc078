import { DEMO_IDS } from '@roster/core';
import { LiveAnnouncer, MemberList, useMemberList } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';

/** The parts laid out by hand: pagination above the table, no sort, a compact toolbar. */
function ComposedMemberList() {
  const list = useMemberList({ organizationId: DEMO_IDS.organizationId, defaultPageSize: 5 });
  return (
    <div data-roster-slot="member-list-root">
      <MemberList.Pagination {...list.paginationProps} />
      <MemberList.Toolbar {...list.toolbarProps} sortOrders={[]} debounceMs={150} />
      <MemberList.Table {...list.tableProps} columns={['name', 'role', 'actions']} />
      {list.removeDialog}
    </div>
  );
}

function MemberListStory({ composed }: { composed: boolean }) {
  return (
    <RosterStoryProvider>
      <LiveAnnouncer>
        {composed ? <ComposedMemberList /> : <MemberList organizationId={DEMO_IDS.organizationId} />}
      </LiveAnnouncer>
    </RosterStoryProvider>
  );
}

const meta = {
  title: 'Components/MemberList',
  component: MemberListStory,
  args: { composed: false },
} satisfies Meta<typeof MemberListStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The list alone (no Add member button): search it, then page through the results. */
export const Default: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search members' }), 'smith');
    await waitFor(() => expect(canvas.getByText(/^1–\d+ of \d+$/)).toBeInTheDocument());
    await waitFor(() => {
      for (const cell of canvas.getAllByRole('combobox', { name: /^Role for / })) {
        expect(cell.getAttribute('aria-label')?.toLowerCase()).toContain('smith');
      }
    });
  },
};

/** Rebuilt from its parts with `useMemberList`. */
export const ComposedFromParts: Story = {
  args: { composed: true },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(5));
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await expect(await canvas.findByText(/^6–10 of \d+$/)).toBeInTheDocument();
  },
};
