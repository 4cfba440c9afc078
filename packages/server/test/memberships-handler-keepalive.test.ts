// The handler in front of the real Backend API over HTTP, as deployed: upstream connections are kept
// alive and reused by the global fetch (issue 13, item 6). Reuse must not mix up two callers.
import { createMembershipsHandler } from '@roster/handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendApi, createBackendApi, type ListeningBackendApi } from '../src/backend-api';
import { HANDLER_TEST_SEED, OTHER_ORGANIZATION, SECRET_KEY } from './memberships-handler-fixture';

let api: BackendApi;
let listening: ListeningBackendApi;
beforeAll(async () => {
  api = createBackendApi({ seed: HANDLER_TEST_SEED, secretKey: SECRET_KEY });
  listening = await api.listen();
});
afterAll(async () => {
  await listening.close();
  api.close();
});

const CALLERS: Record<string, { userId: string; organizationId: string }> = {
  org_acme: { userId: 'user_alice', organizationId: 'org_acme' },
  [OTHER_ORGANIZATION]: { userId: 'user_omar', organizationId: OTHER_ORGANIZATION },
};

describe('given the handler calling the Backend API over kept-alive connections', () => {
  it("when callers of two organizations ask at once, many times, each gets only its organization's members, without private fields", async () => {
    const handler = createMembershipsHandler({
      apiUrl: `${listening.url}/v1`,
      secretKey: SECRET_KEY,
      authorize: (request) => {
        const caller = CALLERS[request.headers.get('x-test-org') ?? ''];
        return caller
          ? { ...caller, permissions: ['org:sys_memberships:read', 'org:sys_memberships:manage'] }
          : null;
      },
    });
    const orgs = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? OTHER_ORGANIZATION : 'org_acme'));
    const answers = await Promise.all(
      orgs.map(async (org) => {
        const response = await handler(
          new Request(`https://app.example.test/api/organizations/${org}/memberships?limit=10`, {
            headers: { 'x-test-org': org },
          }),
        );
        return { org, status: response.status, text: await response.text() };
      }),
    );
    for (const { org, status, text } of answers) {
      expect(status).toBe(200);
      const body = JSON.parse(text) as { data: { organization: { id: string } }[]; total_count: number };
      expect(body.data.map((m) => m.organization.id)).toEqual(Array(org === 'org_acme' ? 3 : 1).fill(org));
      expect(body.total_count).toBe(org === 'org_acme' ? 3 : 1);
      expect(text).not.toContain('private_metadata');
      expect(text).not.toContain('secret_band');
      expect(text).not.toContain(SECRET_KEY);
    }
  });
});
