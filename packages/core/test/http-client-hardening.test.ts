// createHttpClient's bounded waits and safe DELETE retries (issue 14, defects 2 and 6), against an
// injected fetch so the clock can be faked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient, type HttpClientOptions, RosterApiError } from '../src/index';
import { rejection } from './memory-client-fixture';
import { membershipJSON } from './wire-fixtures';

afterEach(() => {
  vi.useRealTimers();
});

type Answer = Response | Error | 'hang';

/** A fetch that answers from a script, one entry per call; `'hang'` never answers until aborted. */
function scriptedFetch(script: Answer[]) {
  const calls: { method: string; url: string }[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    calls.push({ method: init?.method ?? 'GET', url: String(input) });
    const next = script[calls.length - 1] ?? script[script.length - 1] ?? 'hang';
    if (next === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      });
    }
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next.clone());
  };
  return { fetch, calls };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const NOT_FOUND = json(404, { errors: [{ code: 'resource_not_found', message: 'not found' }] });
const CONNECTION_RESET = new TypeError('fetch failed', { cause: new Error('read ECONNRESET') });

function client(fetch: typeof globalThis.fetch, options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ baseUrl: 'http://api.test/v1', fetch, retry: { random: () => 0 }, ...options });
}

const REMOVE = { organizationId: 'org_acme', userId: 'user_bob' };

describe('given a DELETE whose first answer is lost', () => {
  it('when the retry answers 404 after a connection reset, the call resolves: the member is gone', async () => {
    const { fetch, calls } = scriptedFetch([CONNECTION_RESET, NOT_FOUND]);
    const removed = await client(fetch).deleteMembership(REMOVE);
    expect(calls.map((call) => call.method)).toEqual(['DELETE', 'DELETE']);
    expect(removed).toMatchObject({
      object: 'organization_membership',
      id: '',
      organization: { id: 'org_acme' },
      publicUserData: { userId: 'user_bob' },
    });
  });

  it('when the retry answers 404 after a 502, the call resolves too', async () => {
    const { fetch } = scriptedFetch([
      json(502, { errors: [{ code: 'bad_gateway', message: 'x' }] }),
      NOT_FOUND,
    ]);
    await expect(client(fetch).deleteMembership(REMOVE)).resolves.toMatchObject({ id: '' });
  });

  it('when the first attempt answers 404, the call rejects with it: nothing was removed', async () => {
    const { fetch, calls } = scriptedFetch([NOT_FOUND]);
    const error = await rejection(client(fetch).deleteMembership(REMOVE));
    expect(error).toBeInstanceOf(RosterApiError);
    expect(error.status).toBe(404);
    expect(calls).toHaveLength(1);
  });

  it('when only a 429 came before the 404, the call rejects: a 429 is never applied', async () => {
    const tooMany = new Response('{"errors":[{"code":"too_many_requests","message":"x"}]}', {
      status: 429,
      headers: { 'retry-after': '0' },
    });
    const { fetch } = scriptedFetch([tooMany, NOT_FOUND]);
    expect((await rejection(client(fetch).deleteMembership(REMOVE))).status).toBe(404);
  });

  it('when the retry succeeds, the call resolves with the removed membership as the server sent it', async () => {
    const { fetch } = scriptedFetch([CONNECTION_RESET, json(200, membershipJSON())]);
    await expect(client(fetch).deleteMembership(REMOVE)).resolves.toMatchObject({ id: 'orgmem_bob' });
  });

  it('when a PATCH retry answers 404, it still rejects: only a removal is done by the member being gone', async () => {
    const { fetch } = scriptedFetch([CONNECTION_RESET, NOT_FOUND]);
    const error = await rejection(client(fetch).updateMembership({ ...REMOVE, role: 'org:admin' }));
    expect(error.status).toBe(404);
  });
});

describe('given a server that never answers', () => {
  it('when no timeout is given, each attempt gives up after 10 s and the call after 30 s in all', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fetch, calls } = scriptedFetch(['hang']);
    const pending = rejection(client(fetch).listRoles());
    await vi.advanceTimersByTimeAsync(9_999);
    expect(calls).toHaveLength(1);
    // The attempt times out at 10 s; the retry (no backoff here) goes out on the next tick.
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(19_999);
    const error = await pending;
    expect(error).toBeInstanceOf(RosterApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe('request_timeout');
    expect(error.message).toMatch(/total timeout/);
    expect(calls).toHaveLength(3);
  });

  it('when an attempt times out and retries are off, the call rejects with the attempt timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fetch } = scriptedFetch(['hang']);
    const pending = rejection(client(fetch, { retry: false, timeout: { attempt: 500 } }).listRoles());
    await vi.advanceTimersByTimeAsync(500);
    const error = await pending;
    expect(error.code).toBe('request_timeout');
    expect(error.message).toMatch(/per-attempt timeout/);
  });

  it('when a POST times out, it is not retried (it may have been applied)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fetch, calls } = scriptedFetch(['hang']);
    const pending = rejection(
      client(fetch, { timeout: { attempt: 1_000 } }).createMembership({ ...REMOVE, role: 'org:member' }),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await pending).code).toBe('request_timeout');
    expect(calls).toHaveLength(1);
  });

  it('when the total timeout passes during a retry wait, the call rejects at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const unavailable = new Response('{"errors":[{"code":"unavailable","message":"x"}]}', {
      status: 503,
      headers: { 'retry-after': '20' },
    });
    const { fetch, calls } = scriptedFetch([unavailable]);
    const pending = rejection(client(fetch, { timeout: { total: 5_000 } }).listRoles());
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await pending).message).toMatch(/total timeout/);
    expect(calls).toHaveLength(1);
  });

  it('when the caller aborts first, the call rejects with the caller reason, not a timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fetch } = scriptedFetch(['hang']);
    const controller = new AbortController();
    const pending = expect(client(fetch).listRoles(undefined, { signal: controller.signal })).rejects.toBe(
      'left the page',
    );
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort('left the page');
    await pending;
  });

  it('when timeout is false, it keeps waiting past both defaults', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fetch, calls } = scriptedFetch(['hang']);
    let settled = false;
    void client(fetch, { timeout: false })
      .listRoles()
      .finally(() => {
        settled = true;
      })
      .catch(() => undefined);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(settled).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('when the fetch ignores its signal, the timeout still ends the call', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const deaf: typeof globalThis.fetch = () => new Promise<Response>(() => undefined);
    const pending = rejection(client(deaf, { retry: false, timeout: { attempt: 100 } }).listRoles());
    await vi.advanceTimersByTimeAsync(100);
    expect((await pending).code).toBe('request_timeout');
  });
});
