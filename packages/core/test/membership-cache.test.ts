import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { membershipListKey, userMembershipListKey } from '../src/list-key';
import type { MembershipCache, MembershipCacheStorage } from '../src/membership-cache';
import { createMembershipCache } from '../src/membership-cache';
import { loadMoreListKey } from '../src/membership-cache-keys';
import {
  changeMembershipRole,
  createMembership,
  removeMembership,
  updateMembershipMetadata,
} from '../src/membership-commands';
import type { Metadata, OrganizationMemberships, Role } from '../src/models';
import { applyOptimisticOverlay } from '../src/optimistic-overlay';
import { pageAfterEmptyPage, pageCountOf } from '../src/page-math';
import { DEFAULT_ROLES } from '../src/roles';
import { createControllableClient, createMemoryClient } from '../src/testing';
import { createFixtureSeed, rejection } from './memory-client-fixture';

type Page = OrganizationMemberships<Metadata, Metadata>;

const ORG = 'org_test';
const ALL = membershipListKey({ organizationId: ORG, pageSize: 10 });
const MEMBERS_ONLY = membershipListKey({ organizationId: ORG, role: ['org:member'], pageSize: 10 });

/** A `Map` as the storage, recording what the cache does to it. */
function createMapStorage() {
  const entries = new Map<string, unknown>();
  const deleted: string[] = [];
  const storage: MembershipCacheStorage = {
    get: (key) => entries.get(key),
    set: (key, data) => void entries.set(key, data),
    delete: (key) => {
      deleted.push(key);
      entries.delete(key);
    },
    keys: () => entries.keys(),
  };
  return { storage, entries, deleted };
}

function setup() {
  const memory = createMemoryClient(createFixtureSeed());
  const controllable = createControllableClient(memory);
  const { storage, entries, deleted } = createMapStorage();
  const cache = createMembershipCache({ client: controllable.client, storage });
  return { memory, controllable, cache, entries, deleted };
}

/** Fetches a key into storage, as an adapter does when a view reads it. */
async function load(cache: MembershipCache, entries: Map<string, unknown>, key: string): Promise<Page> {
  const pending = cache.fetch(key);
  await vi.advanceTimersByTimeAsync(1);
  const page = (await pending) as Page;
  entries.set(key, page);
  return page;
}

function roleOf(page: unknown, userId: string): string | undefined {
  return (page as Page).data.find((m) => m.publicUserData?.userId === userId)?.role;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('given two writes to the same member', () => {
  it('when the second is made before the first answers, it is sent only after the first settled, and the last one wins', async () => {
    const { cache, controllable } = setup();
    controllable.hold('updateMembership');
    const first = changeMembershipRole(cache, {
      organizationId: ORG,
      userId: 'user_grace',
      role: 'org:admin',
    });
    const second = changeMembershipRole(cache, {
      organizationId: ORG,
      userId: 'user_grace',
      role: 'org:member',
    });
    await vi.advanceTimersByTimeAsync(1);
    expect(controllable.callsOf('updateMembership')).toHaveLength(1);
    controllable.release();
    await vi.advanceTimersByTimeAsync(1);
    await first;
    expect(controllable.callsOf('updateMembership')).toHaveLength(2);
    expect((await second).role).toBe('org:member');
  });

  it('when writes go to different members, they are sent at once', async () => {
    const { cache, controllable } = setup();
    controllable.hold('updateMembership');
    void changeMembershipRole(cache, { organizationId: ORG, userId: 'user_grace', role: 'org:admin' });
    void changeMembershipRole(cache, { organizationId: ORG, userId: 'user_alan', role: 'org:admin' });
    await vi.advanceTimersByTimeAsync(1);
    expect(controllable.callsOf('updateMembership')).toHaveLength(2);
    controllable.release();
    await vi.advanceTimersByTimeAsync(1);
  });
});

describe('given pending operations', () => {
  it('when the older one fails, only its own operation is removed and the newer one stays applied', async () => {
    const { cache, memory, controllable } = setup();
    memory.failNext('updateMembership');
    controllable.hold('updateMembershipMetadata');
    const failing = changeMembershipRole(cache, {
      organizationId: ORG,
      userId: 'user_grace',
      role: 'org:admin',
    });
    void updateMembershipMetadata(cache, {
      organizationId: ORG,
      userId: 'user_alan',
      publicMetadata: { seat: 1 },
    });
    expect(cache.getOperations(ORG).map((op) => op.kind)).toEqual(['role-change', 'metadata-update']);
    const metadata = cache.getOperations(ORG)[1];
    const notified = vi.fn();
    cache.subscribe(notified);
    const failure = rejection(failing);
    await vi.advanceTimersByTimeAsync(1);
    expect((await failure).status).toBe(500);
    expect(cache.getOperations(ORG)).toEqual([metadata]);
    expect(notified).toHaveBeenCalled();
    controllable.release();
    await vi.advanceTimersByTimeAsync(1);
    expect(cache.getOperations(ORG)).toEqual([]);
  });

  it('when nothing changes, getOperations returns the same array (a stable snapshot for subscribers)', () => {
    const { cache, controllable } = setup();
    controllable.hold('updateMembership');
    void changeMembershipRole(cache, { organizationId: ORG, userId: 'user_grace', role: 'org:admin' });
    expect(cache.getOperations(ORG)).toBe(cache.getOperations(ORG));
    expect(cache.getUserOperations('user_grace')).toHaveLength(1);
    expect(cache.getOperations('org_other')).toEqual([]);
  });
});

describe('given stored views of the organization', () => {
  it('when a role change settles, the server value lands in every view holding the member, in the same notification as the operation leaves', async () => {
    const { cache, entries } = setup();
    await load(cache, entries, ALL);
    await load(cache, entries, userMembershipListKey({ userId: 'user_grace' }));
    const seen: (string | undefined)[] = [];
    cache.subscribe(() => {
      // What a view shows at each notification: the stored page with the pending operations on it.
      const shown = applyOptimisticOverlay(
        entries.get(ALL) as Page,
        { organizationId: ORG },
        cache.getOperations(ORG),
      );
      seen.push(roleOf(shown, 'user_grace'));
    });
    const settled = changeMembershipRole(cache, {
      organizationId: ORG,
      userId: 'user_grace',
      role: 'org:admin',
    });
    await vi.advanceTimersByTimeAsync(1);
    await settled;
    expect(seen).toEqual(['org:admin', 'org:admin']);
    expect(roleOf(entries.get(ALL), 'user_grace')).toBe('org:admin');
    expect(roleOf(entries.get(userMembershipListKey({ userId: 'user_grace' })), 'user_grace')).toBe(
      'org:admin',
    );
  });

  it('when a member leaves a role filter, the filtered view drops them and lowers its count, with no request when it holds the whole list', async () => {
    const { cache, entries, controllable } = setup();
    await load(cache, entries, MEMBERS_ONLY);
    expect((entries.get(MEMBERS_ONLY) as Page).totalCount).toBe(3);
    const revalidate = vi.fn();
    cache.registerView(MEMBERS_ONLY, revalidate);
    const lists = controllable.callsOf('listMemberships').length;
    await Promise.all([
      changeMembershipRole(cache, { organizationId: ORG, userId: 'user_grace', role: 'org:admin' }),
      vi.advanceTimersByTimeAsync(1),
    ]);
    const page = entries.get(MEMBERS_ONLY) as Page;
    expect(roleOf(page, 'user_grace')).toBeUndefined();
    expect(page.totalCount).toBe(2);
    expect(revalidate).not.toHaveBeenCalled();
    expect(controllable.callsOf('listMemberships')).toHaveLength(lists);
  });

  it('when a member leaves a role filter and the next member is on a page not stored, the view on screen revalidates', async () => {
    const { cache, entries } = setup();
    const firstOfTwo = membershipListKey({ organizationId: ORG, role: ['org:member'], pageSize: 2 });
    await load(cache, entries, firstOfTwo);
    const revalidate = vi.fn();
    cache.registerView(firstOfTwo, revalidate);
    const [first] = (entries.get(firstOfTwo) as Page).data;
    await Promise.all([
      changeMembershipRole(cache, {
        organizationId: ORG,
        userId: first?.publicUserData?.userId as string,
        role: 'org:admin',
      }),
      vi.advanceTimersByTimeAsync(1),
    ]);
    expect((entries.get(firstOfTwo) as Page).totalCount).toBe(2);
    expect(revalidate).toHaveBeenCalledTimes(1);
  });

  it('when a removal settles, every view drops the member and its count; views holding their whole list need no request', async () => {
    const { cache, entries, deleted, controllable } = setup();
    await load(cache, entries, ALL);
    await load(cache, entries, MEMBERS_ONLY);
    const revalidate = vi.fn();
    cache.registerView(ALL, revalidate);
    const lists = controllable.callsOf('listMemberships').length;
    await Promise.all([
      removeMembership(cache, { organizationId: ORG, userId: 'user_alan' }),
      vi.advanceTimersByTimeAsync(1),
    ]);
    expect(roleOf(entries.get(ALL), 'user_alan')).toBeUndefined();
    expect((entries.get(ALL) as Page).totalCount).toBe(3);
    expect((entries.get(MEMBERS_ONLY) as Page).totalCount).toBe(2);
    expect(revalidate).not.toHaveBeenCalled();
    expect(deleted).toEqual([]);
    expect(controllable.callsOf('listMemberships')).toHaveLength(lists);
  });

  it('when a mutation fails, no stored view changes', async () => {
    const { cache, entries, memory } = setup();
    const before = await load(cache, entries, ALL);
    memory.failNext('updateMembership');
    const failure = rejection(
      changeMembershipRole(cache, { organizationId: ORG, userId: 'user_grace', role: 'org:admin' }),
    );
    await vi.advanceTimersByTimeAsync(1);
    await failure;
    expect(entries.get(ALL)).toBe(before);
  });
});

describe('given a list request in flight when a mutation settles', () => {
  it('when its answer (computed before the mutation) arrives, the cache brings it up to date: the old role never comes back', async () => {
    const { cache, controllable } = setup();
    controllable.hold('listMemberships');
    const late = cache.fetch(ALL);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([
      changeMembershipRole(cache, { organizationId: ORG, userId: 'user_grace', role: 'org:admin' }),
      vi.advanceTimersByTimeAsync(1),
    ]);
    controllable.release();
    await vi.advanceTimersByTimeAsync(1);
    expect(roleOf(await late, 'user_grace')).toBe('org:admin');
  });

  it('when the same view is fetched again after the mutation settled, the old request is aborted and a new one sent', async () => {
    const { cache, controllable } = setup();
    controllable.hold('listMemberships');
    void cache.fetch(ALL).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([
      changeMembershipRole(cache, { organizationId: ORG, userId: 'user_grace', role: 'org:admin' }),
      vi.advanceTimersByTimeAsync(1),
    ]);
    void cache.fetch(ALL).catch(() => undefined);
    const [first, second] = controllable.callsOf('listMemberships');
    expect(first?.signal?.aborted).toBe(true);
    expect(second?.signal?.aborted).toBe(false);
    controllable.release();
    await vi.advanceTimersByTimeAsync(1);
  });
});

describe('given two readers of one view', () => {
  it('when both fetch it at once, one request is shared', async () => {
    const { cache, controllable } = setup();
    const [a, b] = [cache.fetch(ALL), cache.fetch(ALL)];
    await vi.advanceTimersByTimeAsync(1);
    expect(await a).toBe(await b);
    expect(controllable.callsOf('listMemberships')).toHaveLength(1);
  });

  it('when the last holder lets go before it answers, the request is aborted; a holder that comes straight back keeps it', async () => {
    const { cache, controllable } = setup();
    controllable.hold('listMemberships');
    const release = cache.retain(ALL);
    void cache.fetch(ALL).catch(() => undefined);
    release();
    const again = cache.retain(ALL);
    await vi.advanceTimersByTimeAsync(0);
    expect(controllable.callsOf('listMemberships')[0]?.signal?.aborted).toBe(false);
    again();
    await vi.advanceTimersByTimeAsync(0);
    expect(controllable.callsOf('listMemberships')[0]?.signal?.aborted).toBe(true);
  });
});

describe('given a prefetched page', () => {
  it('when it is read next, it is taken from storage with no request', async () => {
    const { cache, entries, controllable } = setup();
    const second = membershipListKey({ organizationId: ORG, pageSize: 2, page: 2 });
    cache.prefetch(second);
    await vi.advanceTimersByTimeAsync(1);
    expect(entries.has(second)).toBe(true);
    const page = await cache.fetch(second);
    expect(page).toBe(entries.get(second));
    expect(controllable.callsOf('listMemberships')).toHaveLength(1);
  });
});

describe('given a load-more list', () => {
  it('when a mutation settles after its first page answered but before its last did, the list shows the mutation', async () => {
    const memory = createMemoryClient(createFixtureSeed());
    // The second page's answer waits for the test: its first page is in, reconciled, meanwhile.
    let releaseSecond = () => {};
    const secondPageHeld = new Promise<void>((resolve) => {
      releaseSecond = resolve;
    });
    const client: typeof memory = {
      ...memory,
      listMemberships: async (params, options) => {
        const page = await memory.listMemberships(params, options);
        if ((params.offset ?? 0) > 0) await secondPageHeld;
        return page;
      },
    };
    const { storage } = createMapStorage();
    const cache = createMembershipCache({ client, storage });
    const key = loadMoreListKey(membershipListKey({ organizationId: ORG, pageSize: 2 }), 2);
    const pending = cache.fetch(key);
    await vi.advanceTimersByTimeAsync(1);
    const first = (await memory.listMemberships({ organizationId: ORG, limit: 2 })).data[0];
    const userId = first?.publicUserData?.userId as string;
    const role = first?.role === 'org:admin' ? 'org:member' : 'org:admin';
    await Promise.all([
      changeMembershipRole(cache, { organizationId: ORG, userId, role }),
      vi.advanceTimersByTimeAsync(1),
    ]);
    releaseSecond();
    const pages = (await pending) as Page[];
    expect(pages.flatMap((p) => p.data).find((m) => m.publicUserData?.userId === userId)?.role).toBe(role);
  });

  it('when it grows by a page, the loaded pages are kept and only the new page is requested', async () => {
    const { cache, entries, controllable } = setup();
    const firstPage = membershipListKey({ organizationId: ORG, pageSize: 2 });
    const one = loadMoreListKey(firstPage, 1);
    const pending = cache.fetch(one);
    await vi.advanceTimersByTimeAsync(1);
    entries.set(one, await pending);
    const grown = cache.fetch(loadMoreListKey(firstPage, 2));
    await vi.advanceTimersByTimeAsync(1);
    const pages = (await grown) as Page[];
    expect(pages.flatMap((p) => p.data)).toHaveLength(4);
    expect(pages[0]).toBe((entries.get(one) as Page[])[0]);
    expect(
      controllable.callsOf('listMemberships').map((c) => (c.params as { offset: number }).offset),
    ).toEqual([0, 2]);
  });

  it('when a role change settles, every loaded page of it is written', async () => {
    const { cache, entries } = setup();
    const key = loadMoreListKey(membershipListKey({ organizationId: ORG, pageSize: 2 }), 2);
    const pending = cache.fetch(key);
    await vi.advanceTimersByTimeAsync(1);
    entries.set(key, await pending);
    await Promise.all([
      changeMembershipRole(cache, { organizationId: ORG, userId: 'user_grace', role: 'org:admin' }),
      vi.advanceTimersByTimeAsync(1),
    ]);
    const pages = entries.get(key) as Page[];
    expect(pages.flatMap((p) => p.data).find((m) => m.publicUserData?.userId === 'user_grace')?.role).toBe(
      'org:admin',
    );
  });
});

describe('given a stored key that is not a Roster list key', () => {
  it('when a mutation settles, the entry is left alone', async () => {
    const { cache, entries } = setup();
    entries.set('app:something', { mine: true });
    await Promise.all([
      changeMembershipRole(cache, { organizationId: ORG, userId: 'user_grace', role: 'org:admin' }),
      vi.advanceTimersByTimeAsync(1),
    ]);
    expect(entries.get('app:something')).toEqual({ mine: true });
    await expect(cache.fetch('app:something')).rejects.toThrow(TypeError);
  });
});

describe('page arithmetic', () => {
  it('counts pages, 0 for an empty list', () => {
    expect([pageCountOf(0, 10), pageCountOf(10, 10), pageCountOf(11, 10)]).toEqual([0, 1, 2]);
  });

  it('moves an emptied page to the last page that has members, never below 1', () => {
    expect(pageAfterEmptyPage(3, 20, 10)).toBe(2);
    expect(pageAfterEmptyPage(3, 0, 10)).toBe(1);
    expect(pageAfterEmptyPage(1, 0, 10)).toBe(1);
    expect(pageAfterEmptyPage(2, 25, 10)).toBe(2);
  });
});

describe('given the membership commands', () => {
  it('when a role change is made with the roles known, the pending operation carries the role name and permissions', () => {
    const { cache, controllable } = setup();
    controllable.hold('updateMembership');
    const roles = [{ ...DEFAULT_ROLES[0], key: 'org:admin', name: 'Administrator' }] as unknown as Role[];
    void changeMembershipRole(cache, { organizationId: ORG, userId: 'user_grace', role: 'org:admin' }, roles);
    expect(cache.getOperations(ORG)[0]).toMatchObject({
      kind: 'role-change',
      role: 'org:admin',
      roleName: 'Administrator',
    });
  });

  it('when a member is created, the server has them and every stored view of the organization is refreshed', async () => {
    const { cache, entries, deleted } = setup();
    await load(cache, entries, ALL);
    const created = createMembership(cache, { organizationId: ORG, userId: 'user_free', role: 'org:member' });
    expect(cache.getOperations(ORG)[0]).toMatchObject({ kind: 'creation', userId: 'user_free' });
    await vi.advanceTimersByTimeAsync(1);
    expect((await created).publicUserData?.userId).toBe('user_free');
    expect(deleted).toEqual([ALL]);
    expect(cache.getOperations(ORG)).toEqual([]);
  });
});

describe('given entries a server rendered (hydrated)', () => {
  it('when a view first reads one, it is taken as is with no request; the next read asks the server', async () => {
    const { cache, entries, controllable } = setup();
    const page = { data: [], totalCount: 0 };
    entries.set(ALL, page);
    cache.hydrate([ALL, MEMBERS_ONLY]);
    expect(await cache.fetch(ALL)).toBe(page);
    expect(controllable.callsOf('listMemberships')).toHaveLength(0);
    const next = cache.fetch(ALL);
    await vi.advanceTimersByTimeAsync(1);
    expect(((await next) as Page).totalCount).toBe(4);
  });
});
