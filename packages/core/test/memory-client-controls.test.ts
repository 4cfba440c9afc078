import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRosterApiError, isRosterApiError } from '../src/errors';
import { createMemoryClient, type MemoryClient, type MemoryClientOptions } from '../src/memory-client';
import { createFixtureSeed } from './memory-client-fixture';

function setup(options: MemoryClientOptions = {}): MemoryClient {
  return createMemoryClient(createFixtureSeed(), options);
}

/** A promise's state without waiting for it. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

function roleOf(client: MemoryClient, userId: string): string | undefined {
  return client
    .snapshot()
    .memberships.find((m) => m.organization.id === 'org_test' && m.publicUserData?.userId === userId)?.role;
}

const promoteGrace = { organizationId: 'org_test', userId: 'user_grace', role: 'org:admin' };

describe('given a latency', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when a call is made, it answers only once the latency has elapsed', async () => {
    const client = setup({ latency: 100 });
    const call = track(client.listMemberships({ organizationId: 'org_test' }));
    await vi.advanceTimersByTimeAsync(99);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.settled).toBe(true);
    expect(call.value?.totalCount).toBe(4);
  });

  it('when the latency is a range, it draws the delay from the injected random source', async () => {
    const client = setup({ latency: { min: 100, max: 200 }, random: () => 0.5 });
    const call = track(client.listRoles());
    await vi.advanceTimersByTimeAsync(149);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.settled).toBe(true);
  });

  it('when a mutation is in flight, the change is applied only when it answers', async () => {
    const client = setup({ latency: 50 });
    const call = track(client.updateMembership(promoteGrace));
    expect(roleOf(client, 'user_grace')).toBe('org:member');
    await vi.advanceTimersByTimeAsync(50);
    expect(call.settled).toBe(true);
    expect(roleOf(client, 'user_grace')).toBe('org:admin');
  });

  it('when the latency is changed, later calls use the new one', async () => {
    const client = setup({ latency: 1000 });
    client.setLatency(10);
    const call = track(client.listRoles());
    await vi.advanceTimersByTimeAsync(10);
    expect(call.settled).toBe(true);
  });

  it('when the signal aborts before the latency elapsed, it rejects with the reason and changes nothing', async () => {
    const client = setup({ latency: 100 });
    const controller = new AbortController();
    const call = track(client.updateMembership(promoteGrace, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(50);
    const reason = new Error('superseded');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toMatchObject({ settled: true, error: reason });
    await vi.advanceTimersByTimeAsync(1000);
    expect(roleOf(client, 'user_grace')).toBe('org:member');
  });
});

describe('given no latency', () => {
  it('when the signal is already aborted, it rejects with its reason and changes nothing', async () => {
    const client = setup();
    const controller = new AbortController();
    controller.abort('gone');
    await expect(client.updateMembership(promoteGrace, { signal: controller.signal })).rejects.toBe('gone');
    expect(roleOf(client, 'user_grace')).toBe('org:member');
  });

  it('when the signal aborts right after the call, it still rejects and changes nothing', async () => {
    const client = setup();
    const controller = new AbortController();
    const promise = client.deleteMembership(
      { organizationId: 'org_test', userId: 'user_grace' },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(roleOf(client, 'user_grace')).toBe('org:member');
  });

  it('when the signal aborts after the answer, nothing happens to the answer', async () => {
    const client = setup();
    const controller = new AbortController();
    const updated = await client.updateMembership(promoteGrace, { signal: controller.signal });
    controller.abort();
    expect(updated.role).toBe('org:admin');
    expect(roleOf(client, 'user_grace')).toBe('org:admin');
  });
});

describe('given failNext', () => {
  it('when the method is next called, it fails with a 500 and applies nothing; the call after succeeds', async () => {
    const client = setup();
    client.failNext('updateMembership');
    const error = await client.updateMembership(promoteGrace).catch((e: unknown) => e);
    expect(isRosterApiError(error) && [error.status, error.code]).toEqual([500, 'internal_clerk_error']);
    expect(roleOf(client, 'user_grace')).toBe('org:member');
    await client.updateMembership(promoteGrace);
    expect(roleOf(client, 'user_grace')).toBe('org:admin');
  });

  it('when an error is given, the call rejects with that very error', async () => {
    const client = setup();
    const conflict = createRosterApiError(429, 'too_many_requests', 'Too many requests');
    client.failNext('listMemberships', conflict);
    await expect(client.listMemberships({ organizationId: 'org_test' })).rejects.toBe(conflict);
    await expect(client.listMemberships({ organizationId: 'org_test' })).resolves.toMatchObject({
      totalCount: 4,
    });
  });

  it('when called twice, the next two calls fail, and other methods are not affected', async () => {
    const client = setup();
    client.failNext('deleteMembership');
    client.failNext('deleteMembership');
    const params = { organizationId: 'org_test', userId: 'user_grace' };
    await expect(client.listRoles()).resolves.toBeDefined();
    await expect(client.deleteMembership(params)).rejects.toMatchObject({ status: 500 });
    await expect(client.deleteMembership(params)).rejects.toMatchObject({ status: 500 });
    await expect(client.deleteMembership(params)).resolves.toMatchObject({ role: 'org:member' });
  });

  it('when the method name is unknown, it throws a TypeError', () => {
    expect(() => setup().failNext('dropDatabase' as never)).toThrow(TypeError);
  });
});

describe('given a failure rate', () => {
  it('when it is 1, every mutation fails and changes nothing, while reads still succeed', async () => {
    const client = setup({ failureRate: 1 });
    await expect(client.updateMembership(promoteGrace)).rejects.toMatchObject({ status: 500 });
    await expect(
      client.createMembership({ organizationId: 'org_test', userId: 'user_free', role: 'org:member' }),
    ).rejects.toMatchObject({ status: 500 });
    await expect(client.listMemberships({ organizationId: 'org_test' })).resolves.toMatchObject({
      totalCount: 4,
    });
    expect(roleOf(client, 'user_grace')).toBe('org:member');
  });

  it('when the random source is below the rate the mutation fails, otherwise it succeeds', async () => {
    const draws = [0.2, 0.8];
    const client = setup({ failureRate: 0.5, random: () => draws.shift() ?? 1 });
    await expect(client.updateMembership(promoteGrace)).rejects.toMatchObject({ status: 500 });
    await expect(client.updateMembership(promoteGrace)).resolves.toMatchObject({ role: 'org:admin' });
  });

  it('when set back to 0, mutations succeed again', async () => {
    const client = setup({ failureRate: 1 });
    client.setFailureRate(0);
    await expect(client.updateMembership(promoteGrace)).resolves.toMatchObject({ role: 'org:admin' });
  });

  it('when a rate or latency is out of range, it throws a RangeError', () => {
    const client = setup();
    expect(() => client.setFailureRate(1.5)).toThrow(RangeError);
    expect(() => client.setLatency(-1)).toThrow(RangeError);
    expect(() => client.setLatency({ min: 10, max: 5 })).toThrow(RangeError);
    expect(() => setup({ failureRate: Number.NaN })).toThrow(RangeError);
  });
});

describe('given the request log', () => {
  it('when calls are made, each is logged once with a copy of its parameters, failed ones included', async () => {
    const client = setup();
    const params = { organizationId: 'org_test', role: ['org:admin'] };
    await client.listMemberships(params);
    params.role.push('org:member');
    await client.listMemberships({ organizationId: 'org_nope' }).catch(() => undefined);
    client.failNext('listRoles');
    await client.listRoles().catch(() => undefined);
    expect(client.requests).toEqual([
      { method: 'listMemberships', params: { organizationId: 'org_test', role: ['org:admin'] } },
      { method: 'listMemberships', params: { organizationId: 'org_nope' } },
      { method: 'listRoles', params: undefined },
    ]);
    client.clearRequests();
    expect(client.requests).toEqual([]);
  });

  it('when the methods are destructured, they still work', async () => {
    const { listMemberships } = setup();
    await expect(listMemberships({ organizationId: 'org_test' })).resolves.toMatchObject({ totalCount: 4 });
  });
});
