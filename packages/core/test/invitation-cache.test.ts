import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInvitationCache, type InvitationCache } from '../src/invitation-cache';
import { inviteMembers, resendInvitation, revokeInvitation } from '../src/invitation-commands';
import { invitationListKey } from '../src/invitation-list-key';
import { applyInvitationOverlay } from '../src/invitation-overlay';
import type { MembershipCacheStorage } from '../src/membership-cache';
import type { OrganizationInvitations } from '../src/models';
import { createControllableClient, createMemoryClient } from '../src/testing';
import { createFixtureSeed } from './memory-client-fixture';

type Page = OrganizationInvitations;

const ORG = 'org_test';
const PENDING = invitationListKey({ organizationId: ORG, status: ['pending'] });
const PENDING_VIEW = { organizationId: ORG, status: ['pending' as const] };
const EVERY = invitationListKey({ organizationId: ORG });

function setup() {
  const memory = createMemoryClient(createFixtureSeed());
  const controllable = createControllableClient(memory);
  const entries = new Map<string, unknown>();
  const storage: MembershipCacheStorage = {
    get: (key) => entries.get(key),
    set: (key, data) => void entries.set(key, data),
    delete: (key) => void entries.delete(key),
    keys: () => entries.keys(),
  };
  const cache = createInvitationCache({ client: controllable.client, storage });
  return { memory, controllable, cache, entries };
}

/** Fetches a key into storage and mounts a view of it (a settled write revalidates it). */
async function load(cache: InvitationCache, entries: Map<string, unknown>, key: string): Promise<Page> {
  cache.registerView(key, () => {
    void cache.fetch(key).then(
      (page) => entries.set(key, page),
      () => undefined,
    );
  });
  const pending = cache.fetch(key);
  await vi.advanceTimersByTimeAsync(1);
  const page = await pending;
  entries.set(key, page);
  return page;
}

/** What a view shows: the stored page with the pending operations applied. */
function shown(cache: InvitationCache, entries: Map<string, unknown>, key = PENDING, view = PENDING_VIEW) {
  return applyInvitationOverlay(entries.get(key) as Page, view, cache.getOperations(ORG));
}

const emails = (page: Page) => page.data.map((i) => i.emailAddress);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('given a stored pending view with one invitation', () => {
  async function withOne() {
    const context = setup();
    await context.memory.createInvitation({
      organizationId: ORG,
      emailAddress: 'one@example.test',
      role: 'org:member',
    });
    await load(context.cache, context.entries, PENDING);
    return context;
  }

  it('when two addresses are invited, placeholders show at once and the server answers replace them in storage', async () => {
    const { cache, entries, controllable } = await withOne();
    controllable.hold('createInvitations');
    const done = inviteMembers(cache, {
      organizationId: ORG,
      emailAddresses: ['New@Example.test', 'two@example.test'],
      role: 'org:member',
    });
    expect(emails(shown(cache, entries))).toEqual([
      'two@example.test',
      'new@example.test',
      'one@example.test',
    ]);
    expect(shown(cache, entries).totalCount).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    controllable.release();
    const result = await done;
    expect(result.failed).toEqual([]);
    expect(result.invited.map((i) => i.emailAddress)).toEqual(['new@example.test', 'two@example.test']);
    expect(cache.getOperations(ORG)).toHaveLength(0);
    const stored = entries.get(PENDING) as Page;
    expect(stored.totalCount).toBe(3);
    expect(stored.data.every((i) => i.id.startsWith('orginv_') && !i.id.includes('optimistic'))).toBe(true);
  });

  it('when one address of a bulk call is refused, it is reported with its error and the rest is sent again', async () => {
    const { cache, entries, controllable } = await withOne();
    const result = await inviteMembers(cache, {
      organizationId: ORG,
      emailAddresses: ['a@example.test', 'grace@example.test', 'one@example.test', 'b@example.test'],
      role: 'org:member',
    });
    expect(result.invited.map((i) => i.emailAddress)).toEqual(['a@example.test', 'b@example.test']);
    expect(result.failed.map((f) => [f.emailAddress, f.error.errors[0]?.code])).toEqual([
      ['grace@example.test', 'already_a_member_in_organization'],
      ['one@example.test', 'organization_invitation_not_unique'],
    ]);
    expect(controllable.callsOf('createInvitations')).toHaveLength(3);
    expect(cache.getOperations(ORG)).toHaveLength(0);
    expect((entries.get(PENDING) as Page).totalCount).toBe(3);
  });

  it('when the whole call fails for a reason that is not one address, it rejects and every placeholder leaves', async () => {
    const { cache, entries, memory } = await withOne();
    memory.failNext('createInvitations');
    await expect(
      inviteMembers(cache, { organizationId: ORG, emailAddresses: ['a@example.test'], role: 'org:member' }),
    ).rejects.toMatchObject({ status: 500 });
    expect(cache.getOperations(ORG)).toHaveLength(0);
    expect(shown(cache, entries).totalCount).toBe(1);
  });

  it('when more than ten addresses are invited, they go out in calls of at most ten', async () => {
    const { cache, controllable } = await withOne();
    const many = Array.from({ length: 12 }, (_, n) => `p${n}@example.test`);
    const result = await inviteMembers(cache, {
      organizationId: ORG,
      emailAddresses: many,
      role: 'org:member',
    });
    expect(result.invited).toHaveLength(12);
    expect(
      controllable
        .callsOf('createInvitations')
        .map((c) => (c.params as { invitations: unknown[] }).invitations.length),
    ).toEqual([10, 2]);
  });

  it('when the invitation is revoked, it leaves the pending view at once, and a failure brings it back', async () => {
    const { cache, entries, memory } = await withOne();
    const id = (entries.get(PENDING) as Page).data[0]?.id as string;
    memory.setLatency(50);
    memory.failNext('revokeInvitation');
    const failing = revokeInvitation(cache, { organizationId: ORG, invitationId: id });
    expect(shown(cache, entries).totalCount).toBe(0);
    const outcome = failing.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(60);
    expect(await outcome).toMatchObject({ status: 500 });
    expect(emails(shown(cache, entries))).toEqual(['one@example.test']);

    const revoking = revokeInvitation(cache, { organizationId: ORG, invitationId: id });
    await vi.advanceTimersByTimeAsync(60);
    expect((await revoking).status).toBe('revoked');
    expect((entries.get(PENDING) as Page).data).toEqual([]);
    expect((entries.get(PENDING) as Page).totalCount).toBe(0);
  });

  it('when a revocation fails while a newer one is pending, the rollback removes only its own operation', async () => {
    const { cache, entries, memory, controllable } = await withOne();
    const id = (entries.get(PENDING) as Page).data[0]?.id as string;
    controllable.hold('revokeInvitation');
    memory.failNext('revokeInvitation');
    const first = revokeInvitation(cache, { organizationId: ORG, invitationId: id }).catch((e: unknown) => e);
    const second = revokeInvitation(cache, { organizationId: ORG, invitationId: id }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(1);
    controllable.release();
    await first;
    expect(cache.getOperations(ORG).length).toBeLessThanOrEqual(1);
    await second;
    expect(shown(cache, entries).totalCount).toBe(0);
  });

  it('when it is resent, the new invitation takes its place with the same address, role and metadata', async () => {
    const { cache, entries, memory } = await withOne();
    const old = (entries.get(PENDING) as Page).data[0];
    memory.setLatency(50);
    const resending = resendInvitation(cache, { organizationId: ORG, invitationId: old?.id as string });
    expect(emails(shown(cache, entries))).toEqual(['one@example.test']);
    expect(shown(cache, entries).data[0]?.id).not.toBe(old?.id);
    await vi.advanceTimersByTimeAsync(200);
    const fresh = await resending;
    expect(fresh).toMatchObject({ emailAddress: 'one@example.test', role: old?.role, status: 'pending' });
    expect((entries.get(PENDING) as Page).data.map((i) => i.id)).toEqual([fresh.id]);
    expect((entries.get(PENDING) as Page).totalCount).toBe(1);
  });

  it('when resending fails at the revocation, nothing changes', async () => {
    const { cache, entries, memory } = await withOne();
    const old = (entries.get(PENDING) as Page).data[0];
    memory.failNext('revokeInvitation');
    await expect(
      resendInvitation(cache, { organizationId: ORG, invitationId: old?.id as string }),
    ).rejects.toMatchObject({
      status: 500,
    });
    expect(shown(cache, entries).data.map((i) => i.id)).toEqual([old?.id]);
  });
});

describe('given a list response that started before an invitation settled', () => {
  it('when it arrives after, it is brought up to date (no stale overwrite)', async () => {
    const { cache, entries, controllable, memory } = setup();
    await memory.createInvitation({
      organizationId: ORG,
      emailAddress: 'one@example.test',
      role: 'org:member',
    });
    await load(cache, entries, EVERY);
    const id = (entries.get(EVERY) as Page).data[0]?.id as string;
    controllable.hold('listInvitations');
    const late = cache.fetch(EVERY);
    await vi.advanceTimersByTimeAsync(1);
    await revokeInvitation(cache, { organizationId: ORG, invitationId: id });
    controllable.release();
    await expect(late).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(1);
    expect((entries.get(EVERY) as Page).data[0]?.status).toBe('revoked');
  });
});

describe('given a list request that is on its way while an invite settles', () => {
  it('when its answer arrives after, the created invitation is in it (brought up to date, counted once)', async () => {
    const { cache, controllable } = setup();
    controllable.hold('listInvitations');
    const late = cache.fetch(PENDING);
    await vi.advanceTimersByTimeAsync(1);
    const { invited } = await inviteMembers(cache, {
      organizationId: ORG,
      emailAddresses: ['late@example.test'],
      role: 'org:member',
    });
    controllable.release();
    const page = await late;
    expect(page.data.map((i) => i.id)).toEqual([invited[0]?.id]);
    expect(page.totalCount).toBe(1);
  });
});

describe('given an invite and a revocation pending together', () => {
  it('when the invite fails, the revocation still shows, and only the invite is rolled back', async () => {
    const { cache, entries, memory, controllable } = setup();
    await memory.createInvitation({
      organizationId: ORG,
      emailAddress: 'one@example.test',
      role: 'org:member',
    });
    await load(cache, entries, PENDING);
    const id = (entries.get(PENDING) as Page).data[0]?.id as string;
    controllable.hold('revokeInvitation');
    memory.failNext('createInvitations');
    const revoking = revokeInvitation(cache, { organizationId: ORG, invitationId: id });
    await expect(
      inviteMembers(cache, { organizationId: ORG, emailAddresses: ['two@example.test'], role: 'org:member' }),
    ).rejects.toMatchObject({ status: 500 });
    expect(cache.getOperations(ORG).map((op) => op.kind)).toEqual(['invitation-revocation']);
    expect(shown(cache, entries).totalCount).toBe(0);
    controllable.release();
    await revoking;
    expect(cache.getOperations(ORG)).toHaveLength(0);
  });
});

describe('given a client without the invitation methods', () => {
  it('when an invite is sent, it rejects with a TypeError naming the method and shows nothing', async () => {
    const { memory } = setup();
    const { createInvitations: _omitted, ...rest } = memory;
    const cache = createInvitationCache({
      client: rest,
      storage: { get: () => undefined, set: () => {}, delete: () => {}, keys: () => [] },
    });
    await expect(
      inviteMembers(cache, { organizationId: ORG, emailAddresses: ['a@example.test'], role: 'org:member' }),
    ).rejects.toThrow(/createInvitations/);
    expect(cache.getOperations(ORG)).toHaveLength(0);
  });
});
