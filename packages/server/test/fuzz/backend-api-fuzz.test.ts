// Property-based requests against the local Backend API (in process, :memory: database): whatever
// arrives, it never answers 5xx, every 4xx is a Clerk error body, an error answer changes nothing in
// the database, and no answer carries the secret key.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackendApiWithDatabase } from '../../src/backend-api';
import { databaseDigest } from '../database-digest';
import { HANDLER_TEST_SEED, SECRET_KEY } from '../memberships-handler-fixture';
import { fuzzSettings } from './fuzz-config';
import { fuzzRequest, isClerkErrorBody, toFetchRequest } from './request-arbitraries';

const { api, database } = createBackendApiWithDatabase({ secretKey: SECRET_KEY, seed: HANDLER_TEST_SEED });
afterAll(() => api.close());

const ORIGIN = 'http://127.0.0.1:4319';

describe('given random requests to the local Backend API', () => {
  it('when any of them arrives, it never answers 5xx, every 4xx is a Clerk error, and no error answer changes the database', async () => {
    let requests = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequest(ORIGIN), fc.boolean(), async (generated, withKey) => {
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
    expect(requests).toBeGreaterThanOrEqual(2_000);
    // Not only refusals: the generators reach the routes' success paths too.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
