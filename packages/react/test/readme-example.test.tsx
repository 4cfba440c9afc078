// The README's quick start (with a smaller seed and no latency), rendered and used.
import { createDemoSeed, createMemoryClient, DEMO_IDS } from '@roster/core/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RosterProvider } from '../src/roster-provider';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';

const client = createMemoryClient(createDemoSeed({ members: 30 }));

function Members() {
  const list = useOrganizationMemberships({ organizationId: DEMO_IDS.organizationId });
  const changeRole = useUpdateMembershipRole(DEMO_IDS.organizationId);
  if (list.isLoading) return <p>Loading…</p>;
  return (
    <>
      <ul>
        {list.data.map((m) => (
          <li key={m.id}>
            {m.publicUserData?.firstName} {m.publicUserData?.lastName}: {m.roleName ?? m.role}{' '}
            <button
              type="button"
              onClick={() =>
                changeRole
                  .trigger({
                    userId: m.publicUserData?.userId ?? '',
                    role: m.role === 'org:admin' ? 'org:member' : 'org:admin',
                  })
                  .catch(() => {})
              }
            >
              Toggle admin
            </button>
          </li>
        ))}
      </ul>
      <button type="button" disabled={!list.hasPreviousPage} onClick={list.fetchPrevious}>
        Previous page
      </button>
      <button type="button" disabled={!list.hasNextPage} onClick={list.fetchNext}>
        Next page
      </button>
      <p>
        Page {list.page} of {list.pageCount} ({list.totalCount} members)
      </p>
    </>
  );
}

function App() {
  return (
    <RosterProvider client={client} viewer={{ userId: DEMO_IDS.adminUserId }}>
      <Members />
    </RosterProvider>
  );
}

describe('given the README quick start', () => {
  it('when it renders and a role is toggled and the page changes, it behaves as described', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByText(/Page 1 of 3 \(30 members\)/)).toBeTruthy();
    const first = screen.getAllByRole('listitem')[0] as HTMLElement;
    const before = first.textContent ?? '';
    await user.click(within(first).getByRole('button', { name: 'Toggle admin' }));
    expect(first.textContent).not.toBe(before);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(screen.getByText(/Page 2 of 3/)).toBeTruthy());
  });
});
