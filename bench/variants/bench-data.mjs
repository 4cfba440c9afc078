// The data every variant shows: the demo organization with enough members for three pages, in the
// in-memory client (Roster reads it through the client) and as plain rows (the baselines hold them).
import { createDemoSeed, createMemoryClient, DEMO_IDS } from '@roster/core/testing';

export const ORGANIZATION_ID = DEMO_IDS.organizationId;
export const VIEWER_ID = DEMO_IDS.adminUserId;

/** The roles the baselines offer, as the seed defines them (key and label). */
export const BENCH_ROLES = [
  { key: 'org:admin', name: 'Admin' },
  { key: 'org:member', name: 'Member' },
  { key: 'org:billing_manager', name: 'Billing manager' },
];

function displayName(membership) {
  const user = membership.publicUserData ?? {};
  const full = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return full || user.identifier || membership.id;
}

/**
 * `{ client, members }` for pages of `pageSize`: a fresh memory client seeded with 3 pages and a bit
 * of members, and the same memberships as plain rows in the list's default order (newest first).
 */
export function createBenchData(pageSize, options = {}) {
  const client = createMemoryClient(createDemoSeed({ members: pageSize * 3 + 5 }), options);
  const members = client
    .snapshot()
    .memberships.filter((m) => m.organization.id === ORGANIZATION_ID)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    .map((m) => ({
      id: m.id,
      userId: m.publicUserData?.userId ?? '',
      name: displayName(m),
      identifier: m.publicUserData?.identifier ?? '',
      role: m.role,
    }));
  return { client, members };
}

/** Members on page `page` (1-based) that an admin viewer may change and remove: not admins, not the viewer. */
export function changeableMembers(members, page, pageSize) {
  return members
    .slice((page - 1) * pageSize, page * pageSize)
    .filter((m) => m.role !== 'org:admin' && m.userId !== VIEWER_ID);
}
