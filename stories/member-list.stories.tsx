import { DEMO_IDS } from '@roster/core/testing';
import {
  LiveAnnouncer,
  MemberList,
  type MemberListProps,
  useLocalization,
  useMemberListContext,
} from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type FormEvent, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';
import {
  columnsArgType,
  localizationArgType,
  pageSizeArgType,
  type StoryKnobArgs,
  storyKnobArgTypes,
} from './story-knobs';

/** The parts laid out by hand: pagination above the table, no sort, a compact toolbar. */
function ComposedMemberList() {
  return (
    <MemberList.Root organizationId={DEMO_IDS.organizationId} defaultPageSize={5}>
      <MemberList.Pagination />
      <MemberList.Toolbar sortOrders={[]} debounceMs={150} />
      <MemberList.Table columns={['name', 'role', 'actions']} />
      <MemberList.RemoveDialog />
    </MemberList.Root>
  );
}

/**
 * A toolbar of your own, written with `useMemberListContext`: a search applied on submit, an
 * "Admins only" toggle and a count. No props plumbing: it reads and changes the Root's state.
 */
function CustomToolbar() {
  const list = useMemberListContext();
  const text = useLocalization();
  const [typed, setTyped] = useState(list.query);
  const adminsOnly = list.roleFilter === 'org:admin';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    list.setQuery(typed.trim());
  };
  return (
    <form aria-label="Find members" onSubmit={submit} style={{ display: 'flex', gap: 8 }}>
      <input
        type="search"
        aria-label={text.searchLabel}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      <button type="submit">Search</button>
      <button
        type="button"
        aria-pressed={adminsOnly}
        onClick={() => list.setRoleFilter(adminsOnly ? null : 'org:admin')}
      >
        Admins only
      </button>
      <output aria-live="off">{list.isLoading ? '' : `${list.totalCount} members`}</output>
    </form>
  );
}

/** The Root with parts in another order and a custom toolbar, from public exports alone. */
function CustomMemberList() {
  return (
    <MemberList.Root organizationId={DEMO_IDS.organizationId} defaultPageSize={5}>
      <CustomToolbar />
      <MemberList.Pagination />
      <MemberList.Table columns={['avatar', 'name', 'role', 'actions']} />
      <MemberList.RemoveDialog />
    </MemberList.Root>
  );
}

const LAYOUTS = {
  // The props of the controls; a new initial page size remounts the list.
  default: (props: MemberListProps) => <MemberList key={props.defaultPageSize} {...props} />,
  composed: ComposedMemberList,
  custom: CustomMemberList,
};

/** `MemberList`'s props (the default layout passes them on), the layout and the memory client's knobs. */
interface MemberListStoryProps extends MemberListProps, StoryKnobArgs {
  layout: keyof typeof LAYOUTS;
}

function MemberListStory({
  layout,
  roles,
  latency,
  failureRate,
  theme: _theme,
  ...props
}: MemberListStoryProps) {
  const Layout = LAYOUTS[layout];
  return (
    <RosterStoryProvider roles={roles} latency={latency} failureRate={failureRate}>
      <LiveAnnouncer>
        <Layout {...props} />
      </LiveAnnouncer>
    </RosterStoryProvider>
  );
}

/** The controls of the composed stories (their parts' props are fixed in the code above). */
const COMPOSED_CONTROLS = ['roles', 'latency', 'failureRate', 'theme'];

const meta = {
  title: 'Components/MemberList',
  // The docs page documents `MemberList` and, as tabs, the Root and the parts it is composed of.
  component: MemberList,
  subcomponents: {
    'MemberList.Root': MemberList.Root,
    'MemberList.Toolbar': MemberList.Toolbar,
    'MemberList.Table': MemberList.Table,
    'MemberList.Row': MemberList.Row,
    'MemberList.Pagination': MemberList.Pagination,
    'MemberList.RemoveDialog': MemberList.RemoveDialog,
  },
  render: (args) => <MemberListStory {...args} />,
  parameters: {
    docs: {
      description: {
        component:
          'An organization\u2019s members: toolbar (search, role filter, sort), the table (role select and remove per row, "You" badge, pending rows), pagination, the remove dialog and announcements. Needs `RosterProvider`. It is `MemberList.Root` with the parts in this order; compose the Root with `MemberList.Toolbar`, `.Table`, `.Row`, `.Pagination`, `.RemoveDialog` (and your own parts, through `useMemberListContext`) for another layout. The tabs below hold the props of the Root and of each part.',
      },
    },
  },
  args: { layout: 'default', organizationId: DEMO_IDS.organizationId },
  argTypes: {
    ...storyKnobArgTypes,
    layout: {
      description:
        'The story\u2019s layout: `MemberList`, or the Root composed from parts (see the stories).',
      control: 'inline-radio',
      options: Object.keys(LAYOUTS),
      table: { category: 'Story' },
    },
    columns: columnsArgType,
    defaultPageSize: pageSizeArgType,
    localization: localizationArgType(),
  },
} satisfies Meta<MemberListStoryProps>;

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

/**
 * A row's role select is a light trigger until it is used (no Radix Select, popover or items per
 * row): opened with the pointer (Radix's select takes its place, open), closed with Escape (focus
 * back on it), opened with ArrowDown (focus on the chosen role), and a letter on another row's
 * closed trigger picks the next role by name without opening anything.
 */
export const RowRoleSelectOnDemand: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: /Members of Acme/ });
    const selects = await canvas.findAllByRole('combobox', { name: /^Role for / });
    const light = selects.find((candidate) => !candidate.hasAttribute('disabled')) as HTMLElement;
    await waitFor(() => expect(light).toBeEnabled());
    await expect(light).toHaveAttribute('aria-expanded', 'false');
    const label = light.getAttribute('aria-label') ?? '';
    const select = () => canvas.getByRole('combobox', { name: label, hidden: true });

    await userEvent.click(light);
    await canvas.findByRole('listbox');
    await expect(select()).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('listbox')).not.toBeInTheDocument());
    await expect(select()).toHaveFocus();

    await userEvent.keyboard('{ArrowDown}');
    const chosen = select().textContent ?? '';
    await waitFor(() => expect(canvas.getByRole('option', { name: chosen })).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(select()).toHaveFocus());

    // A second row, never opened: type-ahead on its closed trigger.
    const other = selects.find((candidate) => candidate !== light && !candidate.hasAttribute('disabled'));
    if (!other) return;
    other.focus();
    const before = other.textContent ?? '';
    await userEvent.keyboard(before.startsWith('M') ? 'a' : 'm');
    await waitFor(() => expect(other).not.toHaveTextContent(before));
    await expect(canvas.queryByRole('listbox')).not.toBeInTheDocument();
  },
};

/** Rebuilt from `MemberList.Root` and its parts: pagination above the toolbar and the table. */
export const ComposedFromParts: Story = {
  args: { layout: 'composed' },
  parameters: { controls: { include: COMPOSED_CONTROLS } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(5));
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await expect(await canvas.findByText(/^6–10 of \d+$/)).toBeInTheDocument();
  },
};

/**
 * `MemberList.Root` with a toolbar of your own (written with `useMemberListContext`) and the
 * pagination above the table: search, filter to admins, page, and remove through the Root's dialog.
 */
export const CustomToolbarFromContext: Story = {
  args: { layout: 'custom' },
  parameters: { controls: { include: COMPOSED_CONTROLS } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: /Members of Acme/ });
    const pagination = canvas.getByRole('navigation', { name: 'Pagination' });
    expect(pagination.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await waitFor(() => expect(canvas.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(5));

    await userEvent.click(canvas.getByRole('button', { name: 'Admins only' }));
    await waitFor(() => {
      const selects = canvas.getAllByRole('combobox', { name: /^Role for / });
      expect(selects.length).toBeGreaterThan(0);
      for (const select of selects) expect(select).toHaveTextContent('Admin');
    });
    expect(canvas.getByRole('button', { name: 'Admins only' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Admins only' }));

    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search members' }), 'bob jones');
    await userEvent.click(canvas.getByRole('button', { name: 'Search' }));
    await expect(await canvas.findByText(/^1–1 of 1$/)).toBeInTheDocument();
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove Bob Jones' }));
    const dialog = within(canvasElement.ownerDocument.body).getByRole('alertdialog', {
      name: 'Remove member',
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await expect(await canvas.findByText('No members match “bob jones”')).toBeInTheDocument();
  },
};
