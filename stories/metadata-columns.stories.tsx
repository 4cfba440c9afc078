import { createDemoSeed, DEMO_IDS, type SeedData } from '@roster/core/testing';
import { MemberList, MemberListExportButton, metadataColumn } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';
import { type StoryKnobArgs, storyKnobArgTypes } from './story-knobs';

/** The app's public metadata, declared once: the columns' keys and types are checked against it. */
type TeamMetadata = {
  department?: string;
  seats?: number;
  onCall?: boolean;
  office?: string;
  startDate?: string;
};

// Declared outside the component: a new columns array would re-render every row.
const columns = [
  'avatar',
  'name',
  'role',
  metadataColumn<TeamMetadata>({ key: 'department', label: 'Department', type: 'text', editable: true }),
  metadataColumn<TeamMetadata>({ key: 'seats', label: 'Seats', type: 'number', editable: true }),
  metadataColumn<TeamMetadata>({ key: 'onCall', label: 'On call', type: 'boolean', editable: true }),
  metadataColumn<TeamMetadata>({
    key: 'office',
    label: 'Office',
    type: 'select',
    editable: true,
    options: [
      { value: 'lyon', label: 'Lyon' },
      { value: 'osaka', label: 'Osaka' },
      { value: 'remote', label: 'Remote' },
    ],
  }),
  metadataColumn<TeamMetadata>({ key: 'startDate', label: 'Start date', type: 'date', editable: true }),
  'actions',
] as const;

/** The same columns in the CSV export: a metadata column has the `key` and `label` it needs. */
const exportColumns = columns.filter((column) => typeof column === 'object');

/** The demo seed, with Alice's and Bob's metadata set. */
function teamSeed(): SeedData {
  const seed = createDemoSeed({ members: 40 });
  for (const membership of seed.memberships) {
    if (membership.organizationId !== DEMO_IDS.organizationId) continue;
    if (membership.userId === DEMO_IDS.adminUserId) {
      membership.publicMetadata = {
        department: 'Engineering',
        seats: 1250,
        onCall: true,
        office: 'lyon',
        startDate: '2024-03-05',
      };
    }
    if (membership.userId === DEMO_IDS.memberUserId) {
      membership.publicMetadata = { department: 'Sales', seats: 3, onCall: false, office: 'remote' };
    }
  }
  return seed;
}

interface MetadataColumnsStoryProps extends Omit<StoryKnobArgs, 'roles'> {
  /** Who is signed in: Alice may manage members (inline editing), Bob may not (read-only). */
  viewer: 'Alice (admin)' | 'Bob (member)';
}

function MetadataColumnsStory({ viewer, latency, failureRate }: MetadataColumnsStoryProps) {
  const [seed] = useState(teamSeed);
  const viewerId = viewer === 'Bob (member)' ? DEMO_IDS.memberUserId : DEMO_IDS.adminUserId;
  return (
    <RosterStoryProvider
      key={viewerId}
      seed={seed}
      viewerId={viewerId}
      latency={latency}
      failureRate={failureRate}
    >
      <MemberList.Root organizationId={DEMO_IDS.organizationId}>
        <MemberList.Toolbar
          debounceMs={0}
          actions={<MemberListExportButton metadataColumns={exportColumns} />}
        />
        <MemberList.Table columns={columns} />
        <MemberList.Pagination />
        <MemberList.RemoveDialog />
      </MemberList.Root>
    </RosterStoryProvider>
  );
}

const meta = {
  title: 'Components/Metadata columns',
  component: MetadataColumnsStory,
  render: (args) => <MetadataColumnsStory {...args} />,
  args: { viewer: 'Alice (admin)', latency: 0, failureRate: 0 },
  argTypes: {
    viewer: { control: 'radio', options: ['Alice (admin)', 'Bob (member)'] },
    latency: storyKnobArgTypes.latency,
    failureRate: storyKnobArgTypes.failureRate,
    theme: storyKnobArgTypes.theme,
  },
} satisfies Meta<MetadataColumnsStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

const WAIT = { timeout: 15_000 };

/** Searches for Alice Smith and waits for her row alone. */
async function findAlice(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByRole('searchbox', { name: 'Search members' }, WAIT), 'alice smith');
  await waitFor(() => expect(canvas.getAllByRole('row')).toHaveLength(2), WAIT);
  return canvas;
}

/** A manager edits inline with the keyboard: Enter saves (announced), Escape reverts. */
export const ManagerEdits: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await findAlice(canvasElement);
    const department = canvas.getByRole('textbox', { name: 'Department for Alice Smith' });
    await userEvent.clear(department);
    await userEvent.type(department, 'Platform{Enter}');
    await expect(await canvas.findByText('Department for Alice Smith saved', {}, WAIT)).toBeInTheDocument();
    await userEvent.type(department, ' team{Escape}');
    await expect(department).toHaveValue('Platform');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'On call for Alice Smith' }));
    await expect(canvas.getByRole('checkbox', { name: 'On call for Alice Smith' })).not.toBeChecked();
  },
};

/** A value that is not a number is refused inline (described by the error); nothing is sent. */
export const InvalidNumber: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await findAlice(canvasElement);
    const seats = canvas.getByRole('textbox', { name: 'Seats for Alice Smith' });
    await userEvent.clear(seats);
    await userEvent.type(seats, 'twelve{Enter}');
    await expect(seats).toHaveAttribute('aria-invalid', 'true');
    await expect(seats).toHaveAccessibleDescription('Enter a number.');
    await userEvent.keyboard('{Escape}');
    await expect(seats).toHaveValue('1250');
  },
};

/** Bob may not manage members: the values are formatted text, with no inputs. */
export const ReadOnly: Story = {
  args: { viewer: 'Bob (member)' },
  play: async ({ canvasElement }) => {
    const canvas = await findAlice(canvasElement);
    await expect(canvas.getByText('1,250')).toBeInTheDocument();
    await expect(canvas.getByText('Yes')).toBeInTheDocument();
    await expect(canvas.getByText('Lyon')).toBeInTheDocument();
    await expect(
      canvas.queryByRole('textbox', { name: 'Department for Alice Smith' }),
    ).not.toBeInTheDocument();
  },
};
