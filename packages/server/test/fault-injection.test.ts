import { DEMO_IDS } from '@roster/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BackendApi, type BackendApiOptions, createBackendApi, DEFAULT_SECRET_KEY } from '../src/index';

const open: BackendApi[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const api of open.splice(0)) api.close();
});

function start(options: BackendApiOptions): BackendApi {
  const api = createBackendApi({ seed: 'demo', ...options });
  open.push(api);
  return api;
}

function request(api: BackendApi, method: string, path: string, body?: unknown): Promise<Response> {
  const init: RequestInit = { method, headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` } };
  if (body !== undefined) init.body = JSON.stringify(body);
  return api.fetch(new Request(`http://local/v1${path}`, init));
}

const bob = `/organizations/${DEMO_IDS.organizationId}/memberships/${DEMO_IDS.memberUserId}`;
const bobList = `/organizations/${DEMO_IDS.organizationId}/memberships?user_id=${DEMO_IDS.memberUserId}`;

describe('given an injected failure rate', () => {
  it('when it is 1, every mutation answers 500 internal_clerk_error and changes nothing, reads still work', async () => {
    const api = start({ failureRate: 1 });
    const before = await (await request(api, 'GET', bobList)).json();
    const response = await request(api, 'PATCH', bob, { role: 'org:admin' });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ errors: [{ code: 'internal_clerk_error' }] });
    expect(await (await request(api, 'GET', bobList)).json()).toEqual(before);
  });

  it('when it is changed at run time, the next mutations follow the new rate', async () => {
    const api = start({ failureRate: 1 });
    api.setFailureRate(0);
    expect((await request(api, 'PATCH', bob, { role: 'org:admin' })).status).toBe(200);
  });

  it('when it is out of range, creating or changing it throws a RangeError', () => {
    expect(() => createBackendApi({ failureRate: 2 })).toThrow(RangeError);
    const api = start({});
    expect(() => api.setFailureRate(-0.1)).toThrow(RangeError);
  });

  it('when a random source is given, a rate of 0.5 fails exactly the draws below 0.5', async () => {
    const draws = [0.2, 0.8];
    const api = start({ failureRate: 0.5, random: () => draws.shift() ?? 0.99 });
    expect((await request(api, 'PATCH', bob, { role: 'org:admin' })).status).toBe(500);
    expect((await request(api, 'PATCH', bob, { role: 'org:admin' })).status).toBe(200);
  });
});

describe('given injected latency', () => {
  it('when a request arrives, the response waits for the latency (fake timers)', async () => {
    vi.useFakeTimers();
    const api = start({ latency: 300 });
    let settled = false;
    const pending = request(api, 'GET', bobList).then((response) => {
      settled = true;
      return response;
    });
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });

  it('when it is a range, each request waits a value inside it', async () => {
    vi.useFakeTimers();
    const api = start({ latency: { min: 100, max: 200 }, random: () => 0.5 });
    let settled = false;
    const pending = request(api, 'GET', bobList).then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(149);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(settled).toBe(true);
  });

  it('when it is invalid, it throws a RangeError', () => {
    expect(() => createBackendApi({ latency: { min: 5, max: 1 } })).toThrow(RangeError);
    expect(() => createBackendApi({ latency: -1 })).toThrow(RangeError);
  });
});

describe('given a rate limit', () => {
  it('when the window is full, it answers 429 with Retry-After until the window passes', async () => {
    let now = 1_000_000;
    const api = start({ rateLimit: { requests: 2, windowMs: 10_000 }, now: () => now });
    expect((await request(api, 'GET', bobList)).status).toBe(200);
    expect((await request(api, 'GET', bobList)).status).toBe(200);
    now += 2_500;
    const limited = await request(api, 'GET', bobList);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('8');
    expect(limited.headers.get('content-type')).toBe('application/json');
    expect(await limited.json()).toMatchObject({ errors: [{ code: 'too_many_requests' }] });
    now += 7_500;
    expect((await request(api, 'GET', bobList)).status).toBe(200);
  });

  it('when the limit is removed at run time, requests pass again', async () => {
    const api = start({ rateLimit: { requests: 1, windowMs: 60_000 }, now: () => 0 });
    await request(api, 'GET', bobList);
    expect((await request(api, 'GET', bobList)).status).toBe(429);
    api.setRateLimit(false);
    expect((await request(api, 'GET', bobList)).status).toBe(200);
  });
});
