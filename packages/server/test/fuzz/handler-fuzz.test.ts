// Property-based requests against the memberships handler in front of the local Backend API: it
// never answers 5xx, every 4xx is a Clerk error body, an error answer changes nothing upstream, and
// no answer carries private metadata or the secret key.

import type { MembershipsHandlerCaller } from '@roster/handler';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { databaseDigest } from '../database-digest';
import { ADMIN, APP_ORIGIN, createTestHandler, MEMBER, SECRET_KEY } from '../memberships-handler-fixture';
import { FRESH_DATABASE_EVERY, fuzzSettings, reportFuzzRun } from './fuzz-config';
import { fuzzRequest, isClerkErrorBody, toFetchRequest } from './request-arbitraries';

/** Who calls: an admin, a read-only member, someone of no organization, nobody. */
const CALLERS: (MembershipsHandlerCaller | null)[] = [
  ADMIN,
  ADMIN,
  ADMIN,
  ADMIN,
  ADMIN,
  MEMBER,
  MEMBER,
  { userId: 'user_dana', organizationId: null, permissions: [] },
  null,
];

/** Every private value of the fixture seed, and the secret key: none may reach a browser. */
const PRIVATE_VALUES = ['cus_secret', 'secret_band', SECRET_KEY];

/** Whether a JSON value has a backend-only key at any depth (walked without recursion). */
function hasPrivateKey(value: unknown): boolean {
  const stack = [value];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next === null || typeof next !== 'object') continue;
    for (const [key, item] of Object.entries(next)) {
      if (key === 'private_metadata' || key === 'privateMetadata') return true;
      stack.push(item);
    }
  }
  return false;
}

describe('given random requests to the memberships handler', () => {
  it('when any of them arrives, it never answers 5xx, every 4xx is a Clerk error, no error answer changes upstream, nothing private leaks', async () => {
    let caller: MembershipsHandlerCaller | null = ADMIN;
    const start = () => createTestHandler(null, { authorize: () => caller });
    let { handler, upstream } = start();
    let requests = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fuzzRequest(APP_ORIGIN, 'handler'),
        fc.constantFrom(...CALLERS),
        async (generated, who) => {
          if (requests > 0 && requests % FRESH_DATABASE_EVERY === 0) {
            upstream.backend.close();
            ({ handler, upstream } = start());
          }
          requests++;
          caller = who;
          upstream.requests.length = 0;
          const before = databaseDigest(upstream.database);
          const response = await handler(toFetchRequest(`${APP_ORIGIN}/api`, generated));
          const text = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, text).toBeLessThan(500);
          for (const value of PRIVATE_VALUES) expect(text).not.toContain(value);
          const body: unknown = JSON.parse(text);
          expect(hasPrivateKey(body), text).toBe(false);
          if (response.status >= 400) {
            expect(isClerkErrorBody(body), text).toBe(true);
            expect(databaseDigest(upstream.database)).toBe(before);
          }
        },
      ),
      fuzzSettings('handler', undefined),
    );
    upstream.backend.close();
    reportFuzzRun('handler', requests, statuses);
    expect(requests).toBeGreaterThanOrEqual(2_000);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
