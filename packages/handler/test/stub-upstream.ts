import type { MembershipsHandlerOptions } from '../src/memberships-handler';
import { createMembershipsHandler } from '../src/memberships-handler';
import { ADMIN, ORG, SECRET, type StubUpstream } from './transports';

export { ORG, SECRET };

const membership = {
  object: 'organization_membership',
  id: 'orgmem_1',
  role: 'org:admin',
  permissions: [],
  public_metadata: {},
  created_at: 1,
  updated_at: 1,
  organization: { object: 'organization', id: ORG, name: 'Acme', slug: 'acme', created_at: 1, updated_at: 1 },
  public_user_data: { user_id: 'user_bob', identifier: 'bob@example.test' },
};

/** A canned Backend API answer: a page of one membership for a GET, the membership for a write. */
export const cannedUpstream: StubUpstream = ({ method }) => ({
  body: JSON.stringify(method === 'GET' ? { data: [membership], total_count: 1 } : membership),
});

/**
 * The handler (fetch path) in front of an upstream that answers every call with a canned Backend API body and
 * records the URLs it was asked for: for tests of what the handler itself decides.
 */
export function createStubHandler(options: Partial<MembershipsHandlerOptions> = {}) {
  const upstreamUrls: string[] = [];
  const handler = createMembershipsHandler({
    apiUrl: 'https://api.clerk.test/v1',
    secretKey: SECRET,
    authorize: () => ADMIN,
    basePath: '/api/roster',
    fetch: async (input, init) => {
      upstreamUrls.push(String(input));
      const body = init?.method === 'GET' ? { data: [membership], total_count: 1 } : membership;
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    },
    ...options,
  });
  return { handler, upstreamUrls };
}

/** A role change as a browser sends it: `url` is what the framework hands over, `headers` the browser's. */
export function roleChange(url: string, headers: Record<string, string>): Request {
  return new Request(`${url}/api/roster/organizations/${ORG}/memberships/user_bob`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ role: 'org:member' }),
  });
}
