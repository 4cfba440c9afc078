import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { membershipListKey } from '../src/list-key';
import { createMembershipCache } from '../src/membership-cache';
import { createMemoryClient } from '../src/testing';
import { createFixtureSeed } from './memory-client-fixture';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const ORG = 'org_test';
const page = (n: number) => membershipListKey({ organizationId: ORG, pageSize: 1, page: n });

function setup(cacheLimit: number) {
  const entries = new Map<string, unknown>();
  const cache = createMembershipCache({
    client: createMemoryClient(createFixtureSeed()),
    storage: {
      get: (key) => entries.get(key),
      set: (key, data) => void entries.set(key, data),
      delete: (key) => void entries.delete(key),
      keys: () => entries.keys(),
    },
    cacheLimit,
  });
  /** Reads a key and stores the answer as soon as it arrives, as an adapter does. */
  const read = async (key: string) => {
    const stored = cache.fetch(key).then((data) => void entries.set(key, data));
    await vi.advanceTimersByTimeAsync(1);
    await stored;
    await vi.advanceTimersByTimeAsync(1);
  };
  return { cache, entries, read };
}

describe('given a cache with cacheLimit 2', () => {
  it('when four pages are read, the two least recently used are evicted', async () => {
    const { entries, read } = setup(2);
    for (const n of [1, 2, 3, 4]) await read(page(n));
    expect([...entries.keys()]).toEqual([page(3), page(4)]);
  });

  it('when a page is retained or on screen, it is never evicted, even past the limit', async () => {
    const { cache, entries, read } = setup(2);
    await read(page(1));
    const release = cache.retain(page(1));
    const unregister = cache.registerView(page(2), () => {});
    await read(page(2));
    await read(page(3));
    await read(page(4));
    expect([...entries.keys()].sort()).toEqual([page(1), page(2)].sort());
    release();
    unregister();
    await read(page(3));
    expect(entries.size).toBe(2);
    expect(entries.has(page(3))).toBe(true);
    expect(cache.stats()).toMatchObject({ entries: 2, views: 0, retained: 0, requests: 0 });
  });

  it('when the limit is not a number >= 0, creating the cache throws', () => {
    expect(() => setup(-1)).toThrow(RangeError);
  });
});
