// The code examples of the docs pages (stories/docs/*.mdx show these files' source): each story
// renders one example on a memory client, and its play function checks what the example promises.
import { createDemoSeed, createMemoryClient, DEMO_IDS } from '@roster/core/testing';
import { LiveAnnouncer } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { ComposedMembers } from './examples/composed-members';
import { HooksMembers } from './examples/hooks-members';
import { MembersApp } from './examples/members-app';
import { RenderPropsMembers } from './examples/render-props-members';
import { SlottedMembers } from './examples/slotted-members';
import { ThemedMembers } from './examples/themed-members';
import { RosterStoryProvider } from './roster-story-provider';

const organizationId = DEMO_IDS.organizationId;

/** The Vite app's component, given a memory client instead of its HTTP client. */
function MembersAppOnMemory() {
  const [client] = useState(() => createMemoryClient(createDemoSeed()));
  return <MembersApp userId={DEMO_IDS.adminUserId} organizationId={organizationId} client={client} />;
}

const EXAMPLES: Record<string, () => ReactNode> = {
  'members-app': () => <MembersAppOnMemory />,
  'css-variables': () => <ThemedMembers organizationId={organizationId} />,
  'class-names': () => <SlottedMembers organizationId={organizationId} />,
  parts: () => <ComposedMembers organizationId={organizationId} />,
  'render-props': () => <RenderPropsMembers organizationId={organizationId} />,
  hooks: () => <HooksMembers organizationId={organizationId} />,
};

/** One docs example, in a provider on a memory client as Alice (Acme's admin), but the Vite app (its own). */
function DocsExample({ example }: { example: keyof typeof EXAMPLES }) {
  const render = EXAMPLES[example] ?? (() => null);
  if (example === 'members-app') return render();
  return (
    <RosterStoryProvider>
      <LiveAnnouncer>{render()}</LiveAnnouncer>
    </RosterStoryProvider>
  );
}

const meta = {
  title: 'Docs/Examples',
  component: DocsExample,
  // Shown on the Getting started and Customization pages, not on a docs page of their own.
  tags: ['!autodocs'],
  parameters: { controls: { disable: true } },
  args: { example: 'members-app' },
} satisfies Meta<typeof DocsExample>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

const rolesReady = (canvas: Canvas, count: number) =>
  waitFor(() => expect(canvas.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(count), {
    timeout: 15_000,
  });

/** The Vite app: the panel on its provider, the first page of Acme's members. */
export const ViteApp: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Members of Acme' });
    await rolesReady(canvas, 10);
  },
};

/** `--roster-*` variables on an ancestor: the Add member button takes the accent colour. */
export const CssVariables: Story = {
  args: { example: 'css-variables' },
  play: async ({ canvasElement }) => {
    const add = await within(canvasElement).findByRole('button', { name: 'Add member' }, { timeout: 15_000 });
    await expect(getComputedStyle(add).backgroundColor).toBe('rgb(15, 118, 110)');
  },
};

/** `classNames` per part, and CSS on the `data-roster-slot` hooks. */
export const ClassNamesAndSlots: Story = {
  args: { example: 'class-names' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const search = canvas.getByRole('searchbox', { name: 'Search members' });
    await expect(search).toHaveClass('members-search');
    await expect(search).toHaveAttribute('data-roster-slot', 'member-list-search-input');
    await expect(getComputedStyle(search).borderTopWidth).toBe('2px');
    await rolesReady(canvas, 10);
    const remove = canvas.getAllByRole('button', { name: /^Remove / })[0] as HTMLElement;
    await expect(remove).toHaveClass('members-remove');
    await expect(remove).toHaveAttribute('data-roster-slot', 'member-list-remove');
    await expect(getComputedStyle(remove).textDecorationLine).toBe('underline');
  },
};

/** `MemberList.Root` with parts and a part of your own reading `useMemberListContext`. */
export const Parts: Story = {
  args: { example: 'parts' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^\d+ members$/, {}, { timeout: 15_000 })).toBeInTheDocument();
    await rolesReady(canvas, 5);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search members' }), 'bob jones');
    await expect(await canvas.findByText('1 member', {}, { timeout: 15_000 })).toBeInTheDocument();
    await expect(canvas.queryByRole('combobox', { name: 'Sort by' })).not.toBeInTheDocument();
  },
};

/** A column of your own, a wrapped cell and a custom empty state. */
export const RenderProps: Story = {
  args: { example: 'render-props' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Members of Acme' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    // The selection column (an admin's: its header is the `Select all on this page` checkbox) first.
    await expect(headers).toEqual(['', 'Name', 'Department', 'Role', 'Actions']);
    await waitFor(() => expect(within(table).getAllByRole('link')).toHaveLength(10), { timeout: 15_000 });
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search members' }), 'nobody-here');
    await expect(
      await canvas.findByText('Nobody matches “nobody-here”.', {}, { timeout: 15_000 }),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Show everyone' }));
    await waitFor(() => expect(within(table).getAllByRole('link')).toHaveLength(10), { timeout: 15_000 });
  },
};

/** The hooks alone: a list of five and an optimistic role toggle. */
export const Hooks: Story = {
  args: { example: 'hooks' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(5), { timeout: 15_000 });
    await expect(canvas.getByText(/^Page 1 of \d+ \(\d+ members\)$/)).toBeInTheDocument();
    const item = canvas.getAllByRole('listitem')[0] as HTMLElement;
    const wasAdmin = /: Admin/.test(item.textContent ?? '');
    await userEvent.click(within(item).getByRole('button', { name: /^Toggle admin for / }));
    await waitFor(() => expect(item).toHaveTextContent(wasAdmin ? ': Member' : ': Admin'), {
      timeout: 15_000,
    });
  },
};

// The docs pages (stories/docs/*.mdx) show files through `?raw` imports and render these stories;
// `pnpm test` does not build Storybook, so this checks here that every file they show exists and
// every story they render is exported. Hidden from the sidebar, run by the stories test project.
const DOCS_PAGES = import.meta.glob<string>('./docs/*.mdx', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const SHOWABLE_FILES = Object.keys(
  import.meta.glob([
    '../examples/nextjs/app/**/*.{ts,tsx}',
    '../examples/nextjs/lib/*.ts',
    '../packages/demo/src/*.tsx',
    './examples/*.tsx',
  ]),
).map((path) => new URL(path, 'file:///repo/stories/').pathname);

/** Every `?raw` file and every `Examples.*` story the docs pages name exists. */
export const DocsPagesShowRealFiles: Story = {
  tags: ['!dev'],
  play: async () => {
    const pages = Object.entries(DOCS_PAGES);
    await expect(pages.map(([path]) => path).sort()).toEqual([
      './docs/customization.mdx',
      './docs/getting-started.mdx',
    ]);
    const stories: Record<string, unknown> = await import('./docs-examples.stories');
    for (const [page, source] of pages) {
      const files = [...source.matchAll(/from '([^']+)\?raw'/g)].map((match) => match[1] as string);
      await expect(files.length, page).toBeGreaterThan(0);
      for (const file of files) {
        await expect(SHOWABLE_FILES, `${page} shows ${file}`).toContain(
          new URL(file, 'file:///repo/stories/docs/').pathname,
        );
      }
      for (const [, name] of source.matchAll(/of=\{Examples\.(\w+)\}/g)) {
        await expect(stories[name as string], `${page} renders Examples.${name}`).toBeDefined();
      }
    }
  },
};
