// Property-based requests against the local Backend API (in process, :memory: database): whatever
// arrives, it never answers 5xx, every 4xx is a Clerk error body, an error answer changes nothing in
// the database, and no answer carries the secret key.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackendApiWithDatabase } from '../../src/backend-api';
import { databaseDigest } from '../database-digest';
import { HANDLER_TEST_SEED, SECRET_KEY } from '../memberships-handler-fixture';
import { FRESH_DATABASE_EVERY, fuzzSettings, reportFuzzRun } from './fuzz-config';
import { fuzzRequest, isClerkErrorBody, toFetchRequest } from './request-arbitraries';

const startBackend = () => createBackendApiWithDatabase({ secretKey: SECRET_KEY, seed: HANDLER_TEST_SEED });
let { api, database } = startBackend();
afterAll(() => api.close());

const ORIGIN = 'http://127.0.0.1:4319';
/** Nine in ten requests carry the secret key, so most get past authentication. */
const withKeyMostly = fc.oneof(
  { weight: 9, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);

describe('given random requests to the local Backend API', () => {
  it('when any of them arrives, it never answers 5xx, every 4xx is a Clerk error, and no error answer changes the database', async () => {
    let requests = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequest(ORIGIN, 'backend'), withKeyMostly, async (generated, withKey) => {
        if (requests > 0 && requests % FRESH_DATABASE_EVERY === 0) {
          api.close();
          ({ api, database } = startBackend());
        }
        requests++;
        const auth: Record<string, string> = withKey ? { authorization: `Bearer ${SECRET_KEY}` } : {};
        const request = toFetchRequest(`${ORIGIN}/v1`, generated, auth);
        const before = databaseDigest(database);
        const response = await api.fetch(request);
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, text).toBeLessThan(500);
        expect(text).not.toContain(SECRET_KEY);
        if (response.status >= 400) {
          expect(isClerkErrorBody(JSON.parse(text)), text).toBe(true);
          expect(databaseDigest(database)).toBe(before);
        }
      }),
      fuzzSettings('backend-api', undefined),
    );
    reportFuzzRun('backend-api', requests, statuses);
    expect(requests).toBeGreaterThanOrEqual(2_000);
    // Not only refusals: the generators reach the routes' success paths too.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
