import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bulkChangeMembershipRole, bulkRemoveMemberships } from '../src/bulk-membership-commands';
import { flushDeferredRemovals, pendingDeferredRemovals } from '../src/deferred-removal';
import { createHttpClient } from '../src/http-client';
import type { MembershipCacheStorage } from '../src/membership-cache';
import { createMembershipCache } from '../src/membership-cache';
import { changeMembershipRole } from '../src/membership-commands';
import type { Metadata, OrganizationMembership } from '../src/models';
import type { PolicyViewer } from '../src/permission-policy';
import { DEFAULT_ROLES, PERMISSION_MANAGE_MEMBERSHIPS, PERMISSION_READ_MEMBERSHIPS } from '../src/roles';
import { createControllableClient, createMemoryClient } from '../src/testing';
import { createFixtureSeed } from './memory-client-fixture';
import { membershipJSON } from './wire-fixtures';

type Membership = OrganizationMembership<Metadata, Metadata>;
const ORG = 'org_test';
const ADA: PolicyViewer = {
  userId: 'user_ada',
  permissions: [PERMISSION_MANAGE_MEMBERSHIPS, PERMISSION_READ_MEMBERSHIPS],
};

function mapStorage(): MembershipCacheStorage {
  const entries = new Map<string, unknown>();
  return {
    get: (key) => entries.get(key),
    set: (key, data) => void entries.set(key, data),
    delete: (key) => void entries.delete(key),
    keys: () => entries.keys(),
  };
}

function setup() {
  const memory = createMemoryClient(createFixtureSeed());
  const controllable = createControllableClient(memory);
  const cache = createMembershipCache({ client: controllable.client, storage: mapStorage() });
  return { memory, controllable, cache };
}

async function serverMembers(
  memory: ReturnType<typeof createMemoryClient>,
): Promise<Map<string, Membership>> {
  const pending = memory.listMemberships({ organizationId: ORG, limit: 100 });
  await vi.runAllTimersAsync();
  const page = await pending;
  return new Map(page.data.map((m) => [m.publicUserData?.userId ?? '', m]));
}

async function members(memory: ReturnType<typeof createMemoryClient>, ...userIds: string[]) {
  const all = await serverMembers(memory);
  return userIds.map((id) => all.get(id) as Membership);
}

const roles = DEFAULT_ROLES;
const base = { organizationId: ORG, viewer: ADA, adminCount: 1, roles };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('bulk role change', () => {
  it('shows every change at once and persists each one', async () => {
    const { memory, cache } = setup();
    const memberships = await members(memory, 'user_grace', 'user_alan');
    const action = bulkChangeMembershipRole(cache, { ...base, memberships, role: 'org:admin' });
    expect(cache.getOperations(ORG).map((op) => [op.kind, op.userId])).toEqual([
      ['role-change', 'user_grace'],
      ['role-change', 'user_alan'],
    ]);
    await vi.runAllTimersAsync();
    const result = await action.settled;
    expect(result.succeeded.map((m) => m.publicUserData?.userId)).toEqual(['user_grace', 'user_alan']);
    expect(result.failed).toEqual([]);
    const after = await serverMembers(memory);
    expect([after.get('user_grace')?.role, after.get('user_alan')?.role]).toEqual(['org:admin', 'org:admin']);
  });

  it('a single change made after it on the same member is sent after it, and wins', async () => {
    const { memory, controllable, cache } = setup();
    const memberships = await members(memory, 'user_grace');
    controllable.hold('updateMembership');
    const bulk = bulkChangeMembershipRole(cache, { ...base, memberships, role: 'org:admin' });
    const single = changeMembershipRole(cache, {
      organizationId: ORG,
      userId: 'user_grace',
      role: 'org:member',
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(controllable.callsOf('updateMembership')).toHaveLength(1);
    controllable.release();
    await vi.runAllTimersAsync();
    await Promise.all([bulk.settled, single]);
    expect(controllable.callsOf('updateMembership').map((c) => (c.params as { role: string }).role)).toEqual([
      'org:admin',
      'org:member',
    ]);
    expect((await serverMembers(memory)).get('user_grace')?.role).toBe('org:member');
  });

  it('skips the viewer, the last admin and members who have the role, with the reason', async () => {
    const { memory, controllable, cache } = setup();
    const memberships = await members(memory, 'user_ada', 'user_grace');
    const toMember = bulkChangeMembershipRole(cache, { ...base, memberships, role: 'org:member' });
    expect(toMember.skipped).toEqual([
      { userId: 'user_ada', reason: 'self' },
      { userId: 'user_grace', reason: 'unchanged' },
    ]);
    const alan: PolicyViewer = { ...ADA, userId: 'user_alan' };
    const demote = bulkChangeMembershipRole(cache, {
      ...base,
      viewer: alan,
      memberships,
      role: 'org:member',
    });
    expect(demote.skipped).toEqual([
      { userId: 'user_ada', reason: 'last-admin' },
      { userId: 'user_grace', reason: 'unchanged' },
    ]);
    await vi.runAllTimersAsync();
    expect((await demote.settled).succeeded).toEqual([]);
    expect(controllable.callsOf('updateMembership')).toHaveLength(0);
  });

  it('reverts only the member whose write failed, and reports it', async () => {
    const { memory, cache } = setup();
    const memberships = await members(memory, 'user_grace', 'user_alan');
    memory.failNext('updateMembership');
    const action = bulkChangeMembershipRole(cache, { ...base, memberships, role: 'org:admin' });
    await vi.runAllTimersAsync();
    const result = await action.settled;
    expect(result.failed.map((f) => f.userId)).toEqual(['user_grace']);
    expect(result.succeeded.map((m) => m.publicUserData?.userId)).toEqual(['user_alan']);
    expect(cache.getOperations(ORG)).toHaveLength(0);
    const after = await serverMembers(memory);
    expect([after.get('user_grace')?.role, after.get('user_alan')?.role]).toEqual([
      'org:member',
      'org:admin',
    ]);
  });

  it('sends at most `concurrency` requests at a time', async () => {
    const { memory, controllable, cache } = setup();
    const memberships = await members(memory, 'user_grace', 'user_alan', 'user_zed');
    controllable.hold('updateMembership');
    const action = bulkChangeMembershipRole(cache, {
      ...base,
      memberships,
      role: 'org:admin',
      concurrency: 2,
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(controllable.callsOf('updateMembership')).toHaveLength(2);
    controllable.release();
    await vi.runAllTimersAsync();
    expect(controllable.callsOf('updateMembership')).toHaveLength(3);
    expect((await action.settled).succeeded).toHaveLength(3);
  });

  it('undo changes every member back to the role they had, in one step', async () => {
    const { memory, cache } = setup();
    const memberships = await members(memory, 'user_grace', 'user_alan');
    const action = bulkChangeMembershipRole(cache, {
      ...base,
      memberships,
      role: 'org:admin',
      undoWindowMs: 5000,
    });
    await vi.advanceTimersByTimeAsync(100);
    const reverted = await action.undo?.undo();
    expect(reverted?.succeeded.map((m) => m.role)).toEqual(['org:member', 'org:member']);
    const after = await serverMembers(memory);
    expect([after.get('user_grace')?.role, after.get('user_alan')?.role]).toEqual([
      'org:member',
      'org:member',
    ]);
    expect(action.undo?.state).toBe('undone');
  });
});

describe('bulk removal', () => {
  it('skips the viewer; counts the admins down so the last one is kept', async () => {
    const { memory, cache } = setup();
    await memory.updateMembership({ organizationId: ORG, userId: 'user_grace', role: 'org:admin' });
    const memberships = await members(memory, 'user_alan', 'user_ada', 'user_grace');
    const alan: PolicyViewer = { ...ADA, userId: 'user_alan' };
    const action = bulkRemoveMemberships(cache, { ...base, viewer: alan, adminCount: 2, memberships });
    expect(action.skipped).toEqual([
      { userId: 'user_alan', reason: 'self' },
      { userId: 'user_grace', reason: 'last-admin' },
    ]);
    await vi.runAllTimersAsync();
    expect((await action.settled).succeeded.map((m) => m.publicUserData?.userId)).toEqual(['user_ada']);
  });
});

describe('deferred removal (undoWindowMs)', () => {
  it('removes at once in the views, sends nothing, and undo brings the members back exactly as they were', async () => {
    const { memory, controllable, cache } = setup();
    const before = await serverMembers(memory);
    const memberships = await members(memory, 'user_grace', 'user_ada');
    const action = bulkRemoveMemberships(cache, {
      ...base,
      viewer: { ...ADA, userId: 'user_alan' },
      adminCount: 2,
      memberships,
      undoWindowMs: 5000,
    });
    expect(cache.getOperations(ORG).map((op) => [op.kind, op.userId])).toEqual([
      ['removal', 'user_grace'],
      ['removal', 'user_ada'],
    ]);
    await vi.advanceTimersByTimeAsync(4000);
    const restored = await action.undo?.undo();
    expect(restored?.succeeded).toHaveLength(2);
    expect(cache.getOperations(ORG)).toHaveLength(0);
    await vi.runAllTimersAsync();
    expect(controllable.callsOf('deleteMembership')).toHaveLength(0);
    expect(await serverMembers(memory)).toEqual(before);
    expect((await action.settled).undone).toEqual(['user_grace', 'user_ada']);
  });

  it('the window’s end sends exactly one DELETE through the normal path', async () => {
    const { memory, controllable, cache } = setup();
    const memberships = await members(memory, 'user_grace');
    const action = bulkRemoveMemberships(cache, { ...base, memberships, undoWindowMs: 5000 });
    await vi.advanceTimersByTimeAsync(4999);
    expect(controllable.callsOf('deleteMembership')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();
    expect(controllable.callsOf('deleteMembership')).toHaveLength(1);
    expect((await action.settled).succeeded).toHaveLength(1);
    expect((await serverMembers(memory)).has('user_grace')).toBe(false);
    expect(await action.undo?.undo()).toBeNull();
  });

  it('pause holds the countdown; resume continues with the time that was left', async () => {
    const { memory, controllable, cache } = setup();
    const memberships = await members(memory, 'user_grace');
    const { undo } = bulkRemoveMemberships(cache, { ...base, memberships, undoWindowMs: 5000 });
    await vi.advanceTimersByTimeAsync(3000);
    undo?.pause();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(undo?.state).toBe('paused');
    expect(undo?.remaining()).toBe(2000);
    expect(controllable.callsOf('deleteMembership')).toHaveLength(0);
    undo?.resume();
    await vi.advanceTimersByTimeAsync(1999);
    expect(controllable.callsOf('deleteMembership')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(controllable.callsOf('deleteMembership')).toHaveLength(1);
  });

  it('a refused DELETE at the window’s end brings the member back and is reported', async () => {
    const { memory, cache } = setup();
    const memberships = await members(memory, 'user_grace');
    memory.failNext('deleteMembership');
    const action = bulkRemoveMemberships(cache, { ...base, memberships, undoWindowMs: 5000 });
    await vi.runAllTimersAsync();
    const result = await action.settled;
    expect(result.failed.map((f) => f.userId)).toEqual(['user_grace']);
    expect(cache.getOperations(ORG)).toHaveLength(0);
    expect((await serverMembers(memory)).has('user_grace')).toBe(true);
  });

  it('a flush (pagehide) sends the pending DELETEs at once with keepalive', async () => {
    const inits: RequestInit[] = [];
    const fakeFetch: typeof fetch = async (_url, init) => {
      inits.push(init ?? {});
      return new Response(JSON.stringify(membershipJSON()), { status: 200 });
    };
    const client = createHttpClient({ baseUrl: 'http://roster.test', fetch: fakeFetch });
    const cache = createMembershipCache({ client, storage: mapStorage() });
    const memory = createMemoryClient(createFixtureSeed());
    const memberships = await members(memory, 'user_grace', 'user_alan');
    const action = bulkRemoveMemberships(cache, { ...base, memberships, undoWindowMs: 5000 });
    expect(pendingDeferredRemovals(cache)).toBe(1);
    expect(flushDeferredRemovals(cache)).toBe(1);
    expect(action.undo?.state).toBe('committed');
    await vi.advanceTimersByTimeAsync(0);
    expect(inits.map((init) => [init.method, init.keepalive])).toEqual([
      ['DELETE', true],
      ['DELETE', true],
    ]);
    expect((await action.settled).succeeded).toHaveLength(2);
    expect(pendingDeferredRemovals(cache)).toBe(0);
  });
});
