import { DEMO_IDS } from '@roster/core/testing';
import { MemberList, OrganizationMembersPanel } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';

/**
 * The members page on a phone: the components in a 360 or 390 px wide box. The layout follows the
 * list's own width (container queries), so no viewport change is needed: below 40rem the rows are
 * cards, the toolbar and the pagination wrap, and every control stays on screen and big enough to
 * tap (24 px at least, WCAG 2.2 target size).
 */
function PhoneFrame({ width, children }: { width: number; children: ReactNode }) {
  return (
    <RosterStoryProvider>
      <div data-testid="phone" style={{ width, maxWidth: '100%' }}>
        {children}
      </div>
    </RosterStoryProvider>
  );
}

interface PhoneStoryProps {
  /** The box's width in px. */
  width: number;
  /** What is in it. */
  content: 'panel' | 'member-list';
}

function PhoneStory({ width, content }: PhoneStoryProps) {
  return (
    <PhoneFrame width={width}>
      {content === 'panel' ? (
        <OrganizationMembersPanel organizationId={DEMO_IDS.organizationId} />
      ) : (
        <MemberList organizationId={DEMO_IDS.organizationId} />
      )}
    </PhoneFrame>
  );
}

const meta = {
  title: 'Panel/On a phone',
  component: PhoneStory,
  parameters: {
    docs: {
      description: {
        component:
          'The panel and the member list at phone width. Rows become cards below 40rem of the list\u2019s own width (a container query, not the viewport); the header row is hidden visually and kept for screen readers.',
      },
    },
  },
  args: { width: 360, content: 'panel' },
  argTypes: {
    width: { control: { type: 'range', min: 320, max: 720, step: 10 } },
    content: { control: 'inline-radio', options: ['panel', 'member-list'] },
  },
} satisfies Meta<PhoneStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Half a pixel of slack for sub-pixel layout. */
const SLACK = 0.5;

/** `inner` lies within `outer` horizontally. */
function expectWithin(inner: Element, outer: Element) {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  const what = `${inner.tagName.toLowerCase()} ${inner.getAttribute('data-roster-slot') ?? ''} ${inner.getAttribute('aria-label') ?? inner.textContent?.slice(0, 40)}`;
  expect(a.left, what).toBeGreaterThanOrEqual(b.left - SLACK);
  expect(a.right, what).toBeLessThanOrEqual(b.right + SLACK);
}

/** Nothing in the frame scrolls sideways: the frame, the list and every row fit their width. */
function expectNoOverflow(frame: HTMLElement) {
  const boxes = [
    frame,
    ...frame.querySelectorAll<HTMLElement>(
      '[data-roster-slot="organization-members-panel-root"], [data-roster-slot="member-list-root"], [data-roster-slot="member-list-table"], table, tbody tr',
    ),
  ].filter((box) => box.getClientRects().length > 0); // a hidden tab's contents have no box
  for (const box of boxes) {
    expect(box.scrollWidth, `${box.tagName} ${box.dataset.rosterSlot ?? ''}`).toBeLessThanOrEqual(
      box.clientWidth,
    );
    if (box !== frame) expectWithin(box, frame);
  }
}

/** Every control a finger can reach is at least 24 by 24 px. */
function expectTouchTargets(frame: HTMLElement) {
  const canvas = within(frame);
  const controls = [
    ...canvas.queryAllByRole('button'),
    ...canvas.queryAllByRole('combobox'),
    ...canvas.queryAllByRole('tab'),
    ...canvas.queryAllByRole('searchbox'),
    ...canvas.queryAllByRole('checkbox'),
  ];
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    const { width, height } = control.getBoundingClientRect();
    const name = control.getAttribute('aria-label') ?? control.textContent ?? control.tagName;
    expect(width, `width of ${name}`).toBeGreaterThanOrEqual(24);
    expect(height, `height of ${name}`).toBeGreaterThanOrEqual(24);
  }
}

/** The member rows of the table, once the first page is there. */
async function memberRows(frame: HTMLElement): Promise<HTMLElement[]> {
  const table = await within(frame).findByRole('table', { name: /Members of Acme/ });
  await waitFor(() =>
    expect(within(table).getAllByRole('combobox', { name: /^Role for / })).toHaveLength(10),
  );
  return [...table.querySelectorAll<HTMLElement>('tbody tr')];
}

/** Every row's role select and Remove (or Leave) button are inside the frame. */
function expectRowControlsInside(rows: HTMLElement[], frame: HTMLElement) {
  for (const row of rows) {
    const inRow = within(row);
    expectWithin(inRow.getByRole('combobox', { name: /^Role for / }), frame);
    expectWithin(inRow.getByRole('button', { name: /^(Remove |Leave organization)/ }), frame);
  }
}

/** Opens a row's role select: its popover is on screen; picks Admin. */
async function changeRoleOnPhone(
  frame: HTMLElement,
  userEvent: { click: (element: Element) => Promise<void> },
): Promise<void> {
  const canvas = within(frame);
  const select = canvas
    .getAllByRole('combobox', { name: /^Role for / })
    .find((candidate) => !candidate.hasAttribute('disabled') && candidate.textContent?.includes('Member'));
  if (!select) throw new Error('no row whose role can be changed');
  await userEvent.click(select);
  const listbox = await canvas.findByRole('listbox');
  const popover = listbox.getBoundingClientRect();
  const view = frame.ownerDocument.documentElement;
  expect(popover.left).toBeGreaterThanOrEqual(-SLACK);
  expect(popover.right).toBeLessThanOrEqual(view.clientWidth + SLACK);
  expect(popover.top).toBeGreaterThanOrEqual(-SLACK);
  expect(popover.width).toBeGreaterThan(0);
  await userEvent.click(within(listbox).getByRole('option', { name: /^Admin/ }));
  // The row's light trigger was replaced by Radix's on first use: find it again by its name.
  const label = select.getAttribute('aria-label') ?? '';
  await waitFor(() =>
    expect(canvas.getByRole('combobox', { name: label, hidden: true })).toHaveTextContent('Admin'),
  );
}

/** The panel in 360 px: cards, nothing sideways, every control tappable, a role changed. */
export const PanelAt360: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const frame = within(canvasElement).getByTestId('phone');
    const rows = await memberRows(frame);
    expectNoOverflow(frame);
    expectRowControlsInside(rows, frame);
    expectTouchTargets(frame);
    await changeRoleOnPhone(frame, userEvent);
    expectNoOverflow(frame);
  },
};

/** The member list alone in 390 px (an iPhone's width). */
export const MemberListAt390: Story = {
  args: { width: 390, content: 'member-list' },
  play: async ({ canvasElement, userEvent }) => {
    const frame = within(canvasElement).getByTestId('phone');
    const rows = await memberRows(frame);
    expectNoOverflow(frame);
    expectRowControlsInside(rows, frame);
    expectTouchTargets(frame);
    await changeRoleOnPhone(frame, userEvent);
  },
};

/** The panel's Invitations tab in 360 px: its rows are cards too. */
export const InvitationsAt360: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const frame = within(canvasElement).getByTestId('phone');
    await memberRows(frame);
    await userEvent.click(within(frame).getByRole('tab', { name: /^Invitations/ }));
    await within(frame).findByRole('table', { name: /invitations/i });
    expectNoOverflow(frame);
    expectTouchTargets(frame);
  },
};
