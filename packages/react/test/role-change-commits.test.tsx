import type { OrganizationMembership } from '@roster/core';
import { createMemoryClient } from '@roster/core/testing';
import { act, render } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RosterProvider } from '../src/roster-provider';
import { useMembershipPermissions } from '../src/use-membership-permissions';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { usePendingMembershipOperations } from '../src/use-pending-membership-operations';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { ADMIN, createTestSeed, ORG, userId } from './support/test-seed';
import { settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

const commits = { list: 0, other: 0 };
let changeRole: (userId: string, role: string) => Promise<OrganizationMembership> = async () => {
  throw new Error('not rendered');
};

/** What a member list runs (as `@roster/ui`'s `MemberList` does). */
function MemberTable() {
  const list = useOrganizationMemberships({ organizationId: ORG });
  const permissions = useMembershipPermissions(ORG);
  const pending = usePendingMembershipOperations(ORG);
  const update = useUpdateMembershipRole(ORG);
  changeRole = (user, role) => update.trigger({ userId: user, role });
  return (
    <table>
      <tbody>
        {list.data.map((m) => (
          <tr key={m.id}>
            <td>{m.publicUserData?.userId}</td>
            <td>{m.role}</td>
            <td>{pending.some((op) => op.userId === m.publicUserData?.userId) ? 'saving' : ''}</td>
            <td>{permissions.permissionsFor(m).canChangeRole ? 'editable' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A list of another view (members only), cached but not what changes. */
function OtherOrganization() {
  useOrganizationMemberships({ organizationId: 'org_b' });
  return null;
}

function countList() {
  commits.list += 1;
}

function countOther() {
  commits.other += 1;
}

function renderLists(client: ReturnType<typeof createMemoryClient>) {
  return render(
    <RosterProvider client={client} viewer={{ userId: ADMIN }} swr={{ provider: () => new Map() }}>
      <Profiler id="list" onRender={countList}>
        <MemberTable />
      </Profiler>
      <Profiler id="other" onRender={countOther}>
        <OtherOrganization />
      </Profiler>
    </RosterProvider>,
  );
}

/** Starts a role change; returns the commits of the optimistic change, and a way to settle it. */
function startRoleChange(role: string) {
  commits.list = 0;
  commits.other = 0;
  let settled: Promise<unknown> = Promise.resolve();
  act(() => {
    settled = changeRole(userId(20), role).catch(() => {});
  });
  const optimistic = commits.list;
  return {
    optimistic,
    settle: async () => {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(100);
        await settled;
      });
      await settleAll();
    },
  };
}

describe('given a member list and a list of another organization', () => {
  it('when a role changes, the list commits once for the optimistic change and once when it settles; the other list never', async () => {
    const client = createMemoryClient(createTestSeed());
    const { container } = renderLists(client);
    await settleAll();
    client.setLatency(100);
    const change = startRoleChange('org:admin');
    expect(container.textContent).toContain('saving');
    expect(change.optimistic).toBe(1);
    await change.settle();
    // Before: 1 + 3 (the settled write, `isMutating`, the admin count refetched).
    expect(commits.list).toBe(2);
    expect(commits.other).toBe(0);
  });

  it('when a role change fails, the rollback and the error are one commit', async () => {
    const client = createMemoryClient(createTestSeed());
    const { container } = renderLists(client);
    await settleAll();
    client.setLatency(100);
    client.failNext('updateMembership');
    const change = startRoleChange('org:admin');
    expect(change.optimistic).toBe(1);
    await change.settle();
    expect(container.textContent).not.toContain('saving');
    expect(commits.list).toBe(2);
    expect(commits.other).toBe(0);
  });
});
