import { createDemoSeed, DEMO_IDS } from '@roster/core/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { MemberListRowRenderContext } from '../src/member-list-columns';
import { OrganizationMembersPanel } from '../src/organization-members-panel';
import { renderWithRoster, serverMembership } from './render-member-list';

vi.setConfig({ testTimeout: 120_000 });

/** Membership IDs of the rows that committed a render since the last reset. */
const renderedRows = new Set<string>();

/** Each row inside its own Profiler: a row that does not re-render does not report. */
function profiledRow({ member, cells, rowProps }: MemberListRowRenderContext): ReactNode {
  return (
    <Profiler id={member.id} onRender={(id) => renderedRows.add(id)}>
      <tr {...rowProps}>{cells}</tr>
    </Profiler>
  );
}

describe('given the panel showing 500 members on one page', () => {
  it('when one member’s role changes, only that member’s row re-renders', async () => {
    const user = userEvent.setup();
    const { client } = renderWithRoster(
      <OrganizationMembersPanel
        organizationId={DEMO_IDS.organizationId}
        defaultPageSize={500}
        pageSizeOptions={[10, 500]}
        defaultOrderBy="+created_at"
        renderRow={profiledRow}
      />,
      { seed: createDemoSeed({ members: 600 }) },
    );
    const select = await screen.findByRole('combobox', { name: 'Role for Bob Jones' }, { timeout: 30_000 });
    const table = screen.getByRole('table', { name: /Members of Acme/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(501));
    // Let background work (permissions, prefetch of page 2) settle before measuring.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add member' })).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 50));
    renderedRows.clear();

    await user.click(select);
    await user.click(await screen.findByRole('option', { name: 'Billing manager' }));
    // The row's first use mounted Radix's select in place of its light trigger: query it again.
    const used = screen.getByRole('combobox', { name: 'Role for Bob Jones', hidden: true });
    expect(used).toHaveTextContent('Billing manager');
    await waitFor(() => expect(screen.getByText('Bob Jones is now Billing manager')).toBeInTheDocument());
    expect(serverMembership(client, DEMO_IDS.organizationId, DEMO_IDS.memberUserId)?.role).toBe(
      'org:billing_manager',
    );

    const bobRow = used.closest('tr');
    expect(bobRow).not.toBeNull();
    const bobMembershipId = serverMembership(client, DEMO_IDS.organizationId, DEMO_IDS.memberUserId)?.id;
    expect([...renderedRows]).toEqual([bobMembershipId]);
  });
});
