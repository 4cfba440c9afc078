import { createRosterApiError, type MembershipsClient } from '@roster/core';
import { createDemoSeed, DEMO_IDS, type MemoryClient, type SeedData } from '@roster/core/testing';
import {
  type MemberListColumnInput,
  OrganizationMembersPanel,
  type OrganizationMembersPanelProps,
} from '@roster/ui';
import { germanLocalization } from '@roster/ui/locales/de';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';
import {
  columnsArgType,
  localizationArgType,
  pageSizeArgType,
  type StoryKnobArgs,
  storyKnobArgTypes,
} from './story-knobs';

/** The panel's props (every control reaches it), the memory client's knobs and the provider's. */
interface PanelStoryProps extends OrganizationMembersPanelProps, StoryKnobArgs {
  seed?: SeedData;
  viewerId?: string;
  configure?: (client: MemoryClient) => MemoryClient | undefined;
  locale?: string;
  style?: CSSProperties;
}

function PanelStory({
  seed,
  viewerId,
  configure,
  locale,
  roles,
  latency,
  failureRate,
  theme: _theme,
  ...panelProps
}: PanelStoryProps) {
  return (
    <RosterStoryProvider
      roles={roles}
      latency={latency}
      failureRate={failureRate}
      {...(seed && { seed })}
      {...(viewerId && { viewerId })}
      {...(configure && { configure })}
      {...(locale && { locale })}
    >
      {/* The initial page size is read once: a new one remounts the panel. */}
      <OrganizationMembersPanel key={panelProps.defaultPageSize} {...panelProps} />
    </RosterStoryProvider>
  );
}

const meta = {
  title: 'Panel/OrganizationMembersPanel',
  // The docs page's props table is the panel's (from its types and JSDoc); the stories render it in
  // a provider on a memory client, with the panel's props passed through.
  component: OrganizationMembersPanel,
  render: (args) => <PanelStory {...args} />,
  args: { organizationId: DEMO_IDS.organizationId, searchDebounceMs: 150 },
  argTypes: {
    ...storyKnobArgTypes,
    columns: columnsArgType,
    defaultPageSize: pageSizeArgType,
    localization: localizationArgType({ German: germanLocalization }),
    seed: { table: { disable: true } },
    configure: { table: { disable: true } },
  },
} satisfies Meta<PanelStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

// Generous: the machine running the story tests is shared, and some stories add latency.
const rolesReady = (canvas: ReturnType<typeof within>) =>
  waitFor(() => expect(canvas.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(10), {
    timeout: 15_000,
  });

/**
 * The row's role select once it can be used: a select stays disabled until the viewer's permissions
 * have loaded, which on a slow network comes after the list itself.
 */
async function enabledRoleSelect(canvas: ReturnType<typeof within>, index: number): Promise<HTMLElement> {
  const select = canvas.getAllByRole('combobox', { name: /^Role for / })[index] as HTMLElement;
  await waitFor(() => expect(select).toBeEnabled(), { timeout: 15_000 });
  return select;
}

/**
 * The role select named like `select`, found again: a row's select is a light trigger until it is
 * first used, and Radix's trigger takes its place then (`hidden`: also while a popover is open).
 */
function sameRoleSelect(canvas: ReturnType<typeof within>, select: HTMLElement): HTMLElement {
  return canvas.getByRole('combobox', { name: select.getAttribute('aria-label') ?? '', hidden: true });
}

/** The drop-in, as Alice (Acme's admin) sees it. Plays: change a member's role with the keyboard. */
export const Default: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Members of Acme' });
    await rolesReady(canvas);
    const select = await enabledRoleSelect(canvas, 1);
    const name = (select.getAttribute('aria-label') ?? '').replace('Role for ', '');
    const target = (select.textContent ?? '').includes('Admin') ? 'Member' : 'Admin';
    select.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.click(await canvas.findByRole('option', { name: target }, { timeout: 5000 }));
    await expect(sameRoleSelect(canvas, select)).toHaveTextContent(target);
    await waitFor(() => expect(canvas.getByText(`${name} is now ${target}`)).toBeInTheDocument());
  },
};

/** Removing a member through the alert dialog; focus lands on the table once the row is gone. */
export const RemoveMember: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await rolesReady(canvas);
    const remove = canvas.getAllByRole('button', { name: /^Remove / })[0] as HTMLElement;
    const name = (remove.getAttribute('aria-label') ?? '').replace('Remove ', '');
    await userEvent.click(remove);
    const dialog = await canvas.findByRole('alertdialog', { name: 'Remove member' });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(canvas.queryByRole('button', { name: `Remove ${name}` })).not.toBeInTheDocument();
    await expect(canvas.getByRole('table', { name: 'Members of Acme' })).toHaveFocus();
    await waitFor(() => expect(canvas.getByText(`${name} was removed`)).toBeInTheDocument());
  },
};

/** The first page has not arrived: skeleton rows, the table marked busy. */
export const Loading: Story = {
  args: {
    configure: (client) => {
      client.setLatency(60 * 60 * 1000);
      return undefined;
    },
  },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table');
    await expect(table).toHaveAttribute('aria-busy', 'true');
    await expect(within(table).getByText(/Loading members/)).toBeInTheDocument();
  },
};

const emptySeed: SeedData = (() => {
  const seed = createDemoSeed();
  return {
    ...seed,
    organizations: [
      ...seed.organizations,
      { id: 'org_empty', name: 'Empty Co', slug: 'empty-co', createdAt: Date.UTC(2026, 0, 1) },
    ],
  };
})();

/** An organization with no members yet. */
export const Empty: Story = {
  args: { organizationId: 'org_empty', seed: emptySeed },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No members yet')).toBeInTheDocument();
  },
};

/** A search that matches nobody says so, and offers to clear it. */
export const NoSearchResults: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await rolesReady(canvas);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search members' }), 'nobody-here');
    await expect(await canvas.findByText('No members match “nobody-here”')).toBeInTheDocument();
    const clear = canvas.getAllByRole('button', { name: 'Clear search' });
    await userEvent.click(clear[clear.length - 1] as HTMLElement);
    await rolesReady(canvas);
  },
};

function failingLists(client: MemoryClient): MemoryClient {
  const failing: MembershipsClient['listMemberships'] = () =>
    Promise.reject(createRosterApiError(503, 'service_unavailable', 'The service is unavailable.'));
  return Object.assign(Object.create(client) as MemoryClient, { listMemberships: failing });
}

/** The list cannot be loaded (the "Error" scenario): the error, and a retry. */
export const LoadError: Story = {
  args: { configure: failingLists },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load members');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  },
};

/** Bob may read but not manage: role selects disabled with the reason, no remove, no add. */
export const PermissionDenied: Story = {
  args: { viewerId: DEMO_IDS.memberUserId },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rolesReady(canvas);
    await waitFor(() => {
      for (const select of canvas.getAllByRole('combobox', { name: /^Role for / })) {
        expect(select).toBeDisabled();
      }
    });
    await expect(canvas.queryByRole('button', { name: 'Add member' })).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: /^Remove / })).not.toBeInTheDocument();
  },
};

/** Carol is Solo Studio's only admin: she can neither demote herself nor leave, and is told why. */
export const LastAdmin: Story = {
  args: { organizationId: DEMO_IDS.soloOrganizationId, viewerId: DEMO_IDS.soloAdminUserId },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const leave = await canvas.findByRole('button', { name: 'Leave organization' });
    await waitFor(() => expect(leave).toHaveAttribute('aria-disabled', 'true'));
    await expect(leave).toHaveAccessibleDescription('An organization needs at least one admin.');
  },
};

/** The server refuses a role change: the role reverts and the failure is announced. */
export const FailedRoleChange: Story = {
  args: {
    configure: (client) => {
      client.setLatency(300);
      client.failNext('updateMembership', createRosterApiError(500, 'internal_clerk_error', 'Server error'));
      return undefined;
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await rolesReady(canvas);
    const select = await enabledRoleSelect(canvas, 2);
    const before = select.textContent ?? '';
    const target = before.includes('Admin') ? 'Member' : 'Admin';
    await userEvent.click(select);
    await userEvent.click(await canvas.findByRole('option', { name: target }, { timeout: 5000 }));
    await expect(sameRoleSelect(canvas, select)).toHaveTextContent(target);
    await waitFor(() =>
      expect(canvas.getByText('Could not change role: Server error; reverted')).toBeInTheDocument(),
    );
    await expect(sameRoleSelect(canvas, select)).toHaveTextContent(before);
  },
};

/** A slow server: the new role shows at once and the row is marked pending until it answers. */
export const SlowNetwork: Story = {
  args: {
    configure: (client) => {
      client.setLatency({ min: 400, max: 900 });
      return undefined;
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await rolesReady(canvas);
    const select = await enabledRoleSelect(canvas, 3);
    const target = (select.textContent ?? '').includes('Admin') ? 'Member' : 'Admin';
    await userEvent.click(select);
    await userEvent.click(await canvas.findByRole('option', { name: target }, { timeout: 5000 }));
    const row = sameRoleSelect(canvas, select).closest('tr');
    await expect(sameRoleSelect(canvas, select)).toHaveTextContent(target);
    await expect(row).toHaveAttribute('data-pending');
    await waitFor(() => expect(row).not.toHaveAttribute('data-pending'), { timeout: 10_000 });
    await expect(sameRoleSelect(canvas, select)).toHaveTextContent(target);
  },
};

/** 5 000 members: paging stays instant (the next page is prefetched). */
export const ThousandsOfMembers: Story = {
  args: { seed: createDemoSeed({ members: 5000 }) },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await rolesReady(canvas);
    await expect(canvas.getByText('1–10 of 5000')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await expect(await canvas.findByText('11–20 of 5000')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Previous page' }));
    await expect(await canvas.findByText('1–10 of 5000')).toBeInTheDocument();
  },
};

const departmentColumn: MemberListColumnInput = {
  id: 'department',
  header: 'Department',
  render: ({ member }) => String(member.publicMetadata.department ?? '—'),
};

/** Columns reordered and one added, a cell wrapped, the actions replaced. */
export const CustomRenderProps: Story = {
  args: {
    columns: ['name', departmentColumn, 'role', 'actions'],
    renderCell: {
      name: ({ defaultContent, member }) => <a href={`#/members/${member.id}`}>{defaultContent}</a>,
    },
    renderActions: ({ name, permissions, requestRemove }) =>
      permissions.canRemove ? (
        <button type="button" onClick={(event) => requestRemove(event.currentTarget)}>
          Revoke access for {name}
        </button>
      ) : null,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Members of Acme' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    // The selection column (an admin's: its header is the `Select all on this page` checkbox) first.
    await expect(headers).toEqual(['', 'Name', 'Department', 'Role', 'Actions']);
    await waitFor(() => expect(within(table).getAllByRole('link')).toHaveLength(10));
  },
};

/** Re-themed with CSS variables only. */
export const Themed: Story = {
  args: {
    style: {
      '--roster-color-accent': '#0f766e',
      '--roster-color-focus': '#0f766e',
      '--roster-color-badge': '#ccfbf1',
      '--roster-color-badge-text': '#115e59',
      '--roster-radius': '1rem',
      '--roster-radius-small': '0.75rem',
      '--roster-density': '0.8',
      '--roster-font-family': 'Georgia, serif',
    } as CSSProperties,
  },
  play: async ({ canvasElement }) => {
    await rolesReady(within(canvasElement));
  },
};

/** The dark theme (`data-theme="dark"`; `prefers-color-scheme: dark` does the same). */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await rolesReady(within(canvasElement));
  },
};

/** Every string from the shipped German locale, dates from Intl in the provider's locale. */
export const Localized: Story = {
  args: { localization: germanLocalization, locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Mitglieder von Acme' });
    await expect(canvas.getByRole('searchbox', { name: 'Mitglieder suchen' })).toBeInTheDocument();
    await waitFor(() => expect(canvas.getAllByRole('combobox', { name: /^Rolle für / })).toHaveLength(10));
    await expect(canvas.getByText(/^1–10 von \d+$/)).toBeInTheDocument();
  },
};

/** No stylesheet: the bare markup, ready for your own CSS on the `data-roster-slot` hooks. */
export const Unstyled: Story = {
  parameters: { roster: { unstyled: true } },
  play: async ({ canvasElement }) => {
    await rolesReady(within(canvasElement));
  },
};
