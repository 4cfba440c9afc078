import { createDemoSeed, DEMO_IDS } from '@roster/core/testing';
import {
  MemberList,
  MemberListExportButton,
  type MemberListExportButtonProps,
  type MemberListExportFile,
  OrganizationMembersPanel,
} from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';
import { type StoryKnobArgs, storyKnobArgTypes } from './story-knobs';

/** The button's props (every control reaches it) and the memory client's latency and failure knobs. */
interface ExportStoryProps extends MemberListExportButtonProps, Omit<StoryKnobArgs, 'roles'> {
  /** Members of Acme in the seed. */
  members?: number;
}

/**
 * The button in a composed member list's toolbar. The story hands the file to the page instead of
 * the browser's download (`download`), and says what it got, so a reader (and the play) can see it.
 */
function ExportStory({ latency, failureRate, theme: _theme, members, ...props }: ExportStoryProps) {
  const [file, setFile] = useState<MemberListExportFile | null>(null);
  const [seed] = useState(() => createDemoSeed({ members: members ?? 250 }));
  return (
    <RosterStoryProvider seed={seed} latency={latency} failureRate={failureRate}>
      <MemberList.Root organizationId={DEMO_IDS.organizationId}>
        <MemberList.Toolbar actions={<MemberListExportButton download={setFile} {...props} />} />
        <MemberList.Table />
        <MemberList.Pagination />
      </MemberList.Root>
      <p>
        Last file:{' '}
        <output aria-label="Last file">
          {file ? `${file.fileName}, ${file.result.count} members` : 'none'}
        </output>
      </p>
    </RosterStoryProvider>
  );
}

const meta = {
  title: 'Components/MemberListExportButton',
  component: MemberListExportButton,
  render: (args) => <ExportStory {...args} />,
  args: { members: 250 },
  argTypes: {
    latency: storyKnobArgTypes.latency,
    failureRate: storyKnobArgTypes.failureRate,
    theme: storyKnobArgTypes.theme,
    roles: { table: { disable: true } },
    members: { description: 'Members of Acme in the memory client (remount to apply).', control: 'number' },
    download: { table: { disable: true } },
  },
} satisfies Meta<ExportStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

const WAIT = { timeout: 15_000 };

/** Filter by role, then Export CSV: the file holds exactly the filtered members (all pages). */
export const FilteredView: Story = {
  args: { members: 1240 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await canvas.findByRole('table', { name: 'Members of Acme' }, WAIT);
    await userEvent.click(canvas.getByRole('combobox', { name: 'Filter by role' }));
    await userEvent.click(await body.findByRole('option', { name: 'Member' }));
    const status = await waitFor(() => {
      const text = canvas.getByText(/^1–10 of \d+$/).textContent ?? '';
      expect(text).not.toBe('1–10 of 1240');
      return text;
    }, WAIT);
    const total = status.replace(/^.* of /, '');
    await userEvent.click(canvas.getByRole('button', { name: 'Export CSV' }));
    const output = canvas.getByRole('status', { name: 'Last file' });
    await waitFor(
      () => expect(output).toHaveTextContent(/^members-acme-\d{4}-\d{2}-\d{2}\.csv, \d+ members$/),
      WAIT,
    );
    await expect(output).toHaveTextContent(`, ${total} members`);
    await expect(
      canvas.getByText(`Exported ${Number(total).toLocaleString('en-US')} members`),
    ).toBeInTheDocument();
  },
};

/** On a slow network: the progress is shown while the pages arrive, and Cancel export stops it. */
export const ProgressAndCancel: Story = {
  args: { members: 1240, latency: 800 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Members of Acme' }, WAIT);
    await waitFor(() => expect(canvas.getByText(/^1–10 of 1240$/)).toBeInTheDocument(), WAIT);
    const exportButton = canvas.getByRole('button', { name: 'Export CSV' });
    await userEvent.click(exportButton);
    await canvas.findByText('Exporting… 500 of 1,240', undefined, WAIT);
    await expect(exportButton).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel export' }));
    await canvas.findByText('Export cancelled', undefined, WAIT);
    await expect(exportButton).toHaveFocus();
    await expect(canvas.getByRole('status', { name: 'Last file' })).toHaveTextContent('none');
  },
};

/** The drop-in panel has the button in its toolbar for viewers who may read members. */
export const InThePanel: StoryObj<typeof meta> = {
  render: () => (
    <RosterStoryProvider>
      <OrganizationMembersPanel organizationId={DEMO_IDS.organizationId} />
    </RosterStoryProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Members of Acme' }, WAIT);
    await expect(await canvas.findByRole('button', { name: 'Export CSV' }, WAIT)).toBeInTheDocument();
  },
};
