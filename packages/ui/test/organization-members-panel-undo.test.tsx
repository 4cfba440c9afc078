import { DEMO_IDS, type MemoryClient } from '@roster/core/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OrganizationMembersPanel } from '../src/organization-members-panel';
import { renderWithRoster } from './render-member-list';

vi.setConfig({ testTimeout: 30_000 });

const ACME = DEMO_IDS.organizationId;

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

const deletes = (client: MemoryClient) =>
  client.requests.filter((request) => request.method === 'deleteMembership');

async function removeBob(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('table', { name: /Members of Acme/ });
  await user.click(screen.getByRole('searchbox', { name: 'Search members' }));
  await user.paste('bob jones');
  await user.click(await screen.findByRole('button', { name: 'Remove Bob Jones' }));
  const dialog = screen.getByRole('alertdialog', { name: 'Remove member' });
  await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
  expect(await screen.findByText('Bob Jones was removed')).toBeInTheDocument();
}

describe('given the drop-in panel with its defaults', () => {
  it('when Alice removes Bob, the announcement offers Undo for 5 seconds and the DELETE goes out when they end', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { client } = renderWithRoster(
      <OrganizationMembersPanel organizationId={ACME} searchDebounceMs={0} />,
    );
    await removeBob(user);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(deletes(client)).toHaveLength(0);

    // Move the pointer and focus away from the announcement: nothing pauses the window.
    await user.unhover(screen.getByRole('button', { name: 'Undo' }));
    await vi.advanceTimersByTimeAsync(5_100);
    expect(deletes(client)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('when the pointer rests on the announcement, the window waits; when it leaves, the DELETE goes out', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { client } = renderWithRoster(
      <OrganizationMembersPanel organizationId={ACME} searchDebounceMs={0} />,
    );
    await removeBob(user);
    const undo = screen.getByRole('button', { name: 'Undo' });
    await user.hover(undo);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(deletes(client)).toHaveLength(0);
    expect(undo).toBeInTheDocument();

    await user.unhover(undo);
    await vi.advanceTimersByTimeAsync(5_100);
    expect(deletes(client)).toHaveLength(1);
  });

  it('when the app sets undoWindowMs={0}, a removal is sent at once and offers no Undo', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { client } = renderWithRoster(
      <OrganizationMembersPanel organizationId={ACME} searchDebounceMs={0} undoWindowMs={0} />,
    );
    await removeBob(user);
    expect(deletes(client)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });
});
