import { DEMO_IDS, type MemoryClient } from '@roster/core/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemberList } from '../src/member-list';
import { renderWithRoster, serverMembership } from './render-member-list';

vi.setConfig({ testTimeout: 30_000 });

const ACME = DEMO_IDS.organizationId;
const BOB = DEMO_IDS.memberUserId;
/** Long enough that the test's own run time (fake timers advance with it) never closes it. */
const WINDOW = 120_000;

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const rendered = renderWithRoster(
    <MemberList organizationId={ACME} searchDebounceMs={0} undoWindowMs={WINDOW} />,
  );
  return { user, ...rendered };
}

async function showBob(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('table', { name: /Members of Acme/ });
  await user.click(screen.getByRole('searchbox', { name: 'Search members' }));
  await user.paste('bob jones');
  return screen.findByRole('combobox', { name: 'Role for Bob Jones' });
}

async function removeBob(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Remove Bob Jones' }));
  const dialog = screen.getByRole('alertdialog', { name: 'Remove member' });
  await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
  expect(await screen.findByText('Bob Jones was removed')).toBeInTheDocument();
}

/** Presses Tab until `target` has focus (at most 80 times): how a keyboard user gets there. */
async function tabTo(user: ReturnType<typeof userEvent.setup>, target: HTMLElement) {
  for (let i = 0; i < 80 && document.activeElement !== target; i++) await user.tab();
  expect(target).toHaveFocus();
}

const deletes = (client: MemoryClient) =>
  client.requests.filter((request) => request.method === 'deleteMembership');

describe('given Alice, an admin, with undo on (undoWindowMs)', () => {
  it('when she removes Bob and presses Undo with the keyboard, Bob is back as he was and no DELETE was sent', async () => {
    const { user, client } = setup();
    await showBob(user);
    const before = serverMembership(client, ACME, BOB);
    const joined = screen.getByText((_, element) => element?.tagName === 'TIME').getAttribute('dateTime');
    await removeBob(user);
    expect(screen.queryByRole('combobox', { name: 'Role for Bob Jones' })).not.toBeInTheDocument();

    const undo = screen.getByRole('button', { name: 'Undo' });
    await tabTo(user, undo);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Undone')).toBeInTheDocument();
    const select = await screen.findByRole('combobox', { name: 'Role for Bob Jones' });
    expect(select).toHaveTextContent('Member');
    expect(screen.getByText((_, element) => element?.tagName === 'TIME')).toHaveAttribute('dateTime', joined);

    await vi.advanceTimersByTimeAsync(WINDOW * 2);
    expect(deletes(client)).toHaveLength(0);
    expect(serverMembership(client, ACME, BOB)).toEqual(before);
  });

  it('when the Undo button is focused, the window waits; once focus leaves, it ends and the DELETE is sent', async () => {
    const { user, client } = setup();
    await showBob(user);
    await removeBob(user);
    const undo = screen.getByRole('button', { name: 'Undo' });
    await tabTo(user, undo);

    await vi.advanceTimersByTimeAsync(WINDOW * 3);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(deletes(client)).toHaveLength(0);

    await user.click(screen.getByRole('searchbox', { name: 'Search members' }));
    await vi.advanceTimersByTimeAsync(WINDOW);
    await waitFor(() => expect(serverMembership(client, ACME, BOB)).toBeUndefined());
    expect(deletes(client)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('when she makes Bob an admin and presses Undo, he is a member again on the server', async () => {
    const { user, client } = setup();
    const select = await showBob(user);
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: 'Admin' }));
    expect(await screen.findByText('Bob Jones is now Admin')).toBeInTheDocument();
    await waitFor(() => expect(serverMembership(client, ACME, BOB)?.role).toBe('org:admin'));
    // The popover is removed a frame after the choice; until then the page takes no pointer.
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone')).toBeInTheDocument();
    await waitFor(() => expect(serverMembership(client, ACME, BOB)?.role).toBe('org:member'));
    expect(screen.getByRole('combobox', { name: 'Role for Bob Jones' })).toHaveTextContent('Member');
  });

  it('when she removes two selected members and presses Undo, both are back and the total is the same', async () => {
    const { user, client } = setup();
    const table = await screen.findByRole('table', { name: /Members of Acme/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(11));
    const status = screen.getByText(/^1–10 of \d+$/).textContent;
    const boxes = within(table)
      .getAllByRole('checkbox', { name: /^Select (?!all)/ })
      .filter((box) => !box.closest('tr')?.hasAttribute('data-viewer'));
    await user.click(boxes[0] as HTMLElement);
    await user.click(boxes[1] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Remove selected' }));
    await user.click(screen.getByRole('button', { name: 'Remove 2 members' }));
    expect(await screen.findByText('Removed 2 members')).toBeInTheDocument();
    expect(screen.queryByText(status ?? '')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone')).toBeInTheDocument();
    expect(await screen.findByText(status ?? '')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(WINDOW * 2);
    expect(deletes(client)).toHaveLength(0);
  });
});
