// What the handler's fast paths keep (issue 13, item 6): the response body is checked for the
// secret key as the text built for it (no clone of the stream) and its headers too; private fields
// are removed in place from the parsed upstream body (no copy) on every route; nothing is shared
// between two requests in flight. Each holds on the fetch path and on the Node path (with the
// user's fetch, and with its own node:http upstream).
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  ORG,
  SECRET,
  type StubAnswer,
  type StubUpstream,
  TRANSPORTS,
  type Transport,
} from './transports';

const APP = 'https://app.example.test';

/** The handler in front of an upstream whose every answer the test writes; `x-test-org` picks the caller's organization. */
async function handlerAnswering(transport: Transport, answer: StubUpstream) {
  const mounted = await transport.mount(answer, {
    authorize: (request) => ({ ...ADMIN, organizationId: request.headers.get('x-test-org') ?? ORG }),
  });
  return mounted.send;
}

/** One request of each route the handler forwards, as the browser of the app sends it. */
const ROUTES: { name: string; request: () => Request }[] = [
  { name: 'GET memberships', request: () => new Request(`${APP}/api/organizations/${ORG}/memberships`) },
  {
    name: 'POST memberships',
    request: () =>
      write('POST', `/organizations/${ORG}/memberships`, { user_id: 'user_bob', role: 'org:member' }),
  },
  {
    name: 'PATCH membership',
    request: () => write('PATCH', `/organizations/${ORG}/memberships/user_bob`, { role: 'org:member' }),
  },
  {
    name: 'PATCH metadata',
    request: () =>
      write('PATCH', `/organizations/${ORG}/memberships/user_bob/metadata`, { public_metadata: {} }),
  },
  { name: 'DELETE membership', request: () => write('DELETE', `/organizations/${ORG}/memberships/user_bob`) },
  {
    name: 'GET own memberships',
    request: () => new Request(`${APP}/api/users/user_alice/organization_memberships`),
  },
  { name: 'GET roles', request: () => new Request(`${APP}/api/organization_roles`) },
  { name: 'GET invitations', request: () => new Request(`${APP}/api/organizations/${ORG}/invitations`) },
  {
    name: 'POST invitation',
    request: () =>
      write('POST', `/organizations/${ORG}/invitations`, {
        email_address: 'new@acme.test',
        role: 'org:member',
      }),
  },
  {
    name: 'POST revoke',
    request: () => write('POST', `/organizations/${ORG}/invitations/orginv_1/revoke`, {}),
  },
];

function write(method: string, path: string, body?: unknown): Request {
  return new Request(`${APP}/api${path}`, {
    method,
    headers: { origin: APP, host: 'app.example.test', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** An upstream body with private fields at several depths, and a `__proto__` key as plain data. */
function privateBody(): string {
  const item = {
    object: 'organization_membership',
    id: 'orgmem_1',
    role: 'org:admin',
    public_metadata: { nested: { private_metadata: 'deep', kept: 1 } },
    private_metadata: { salary: 'secret_band' },
    unsafe_metadata: { x: 1 },
    organization: { id: ORG, private_metadata: { billing: 'cus_secret' }, privateMetadata: 'x' },
  };
  return `{"data":[${JSON.stringify(item)},${JSON.stringify(item)}],"total_count":2,"extra":{"__proto__":{"private_metadata":"p"}}}`;
}

for (const transport of TRANSPORTS) {
  describe(`given ${transport.name}`, () => {
    describe('and an upstream whose answers carry private fields', () => {
      it('when each forwarded route answers, no private field reaches the browser and the rest is kept', async () => {
        const handler = await handlerAnswering(transport, () => ({ body: privateBody() }));
        for (const route of ROUTES) {
          const response = await handler(route.request());
          const text = await response.text();
          expect(response.status, route.name).toBe(200);
          for (const key of [
            'private_metadata',
            'privateMetadata',
            'unsafe_metadata',
            'secret_band',
            'cus_secret',
          ]) {
            expect(text, `${route.name}: ${key}`).not.toContain(key);
          }
          expect(text, route.name).toContain('"kept":1');
          expect(text, route.name).toContain('"__proto__":{}');
        }
      });

      it('when the same upstream object would be answered twice, the second answer is stripped as well', async () => {
        // Each answer is parsed afresh, so stripping in place cannot leave an unstripped copy behind.
        const shared = privateBody();
        const handler = await handlerAnswering(transport, () => ({ body: shared }));
        const first = await (await handler(ROUTES[0]?.request() as Request)).text();
        const second = await (await handler(ROUTES[0]?.request() as Request)).text();
        expect(second).toBe(first);
        expect(second).not.toContain('secret_band');
      });
    });

    describe('and an upstream that echoes the secret key', () => {
      const cases: { name: string; answer: () => StubAnswer }[] = [
        {
          name: 'in public metadata of a list',
          answer: () => ({ body: JSON.stringify({ data: [{ public_metadata: { k: SECRET } }] }) }),
        },
        {
          name: 'escaped as \\u sequences (it is the key again once parsed)',
          answer: () => ({
            body: `{"data":[{"public_metadata":{"k":"${[...SECRET].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}}]}`,
          }),
        },
        {
          name: 'in a body streamed in chunks that split the key',
          answer: () => {
            const text = JSON.stringify({ data: [{ id: `x${SECRET}y` }], total_count: 1 });
            const cut = text.indexOf(SECRET) + 5;
            return { body: [text.slice(0, cut), text.slice(cut)] };
          },
        },
        {
          name: 'in an error message',
          answer: () => ({
            status: 400,
            body: JSON.stringify({ errors: [{ code: 'x', message: 'bad', long_message: `key ${SECRET}` }] }),
          }),
        },
        {
          name: 'in the Retry-After header of a 429',
          answer: () => ({
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': SECRET },
            body: JSON.stringify({
              errors: [{ code: 'too_many_requests', message: 'slow', long_message: 'slow down' }],
            }),
          }),
        },
      ];
      for (const { name, answer } of cases) {
        it(`when it is ${name}, the browser gets a 500 that names no key`, async () => {
          const handler = await handlerAnswering(transport, answer);
          for (const route of [ROUTES[0], ROUTES[2]]) {
            const response = await handler(route?.request() as Request);
            const text = await response.text();
            expect(response.status).toBe(500);
            expect(JSON.parse(text).errors[0].code).toBe('internal_clerk_error');
            expect(text).not.toContain(SECRET);
            expect([...response.headers.values()].join('\n')).not.toContain(SECRET);
          }
        });
      }
    });

    describe('and two callers of different organizations in flight at once', () => {
      it("when upstream answers them out of order, each gets its own organization's members", async () => {
        const releases: (() => void)[] = [];
        const handler = await handlerAnswering(transport, async ({ url }) => {
          const org = url.pathname.split('/')[3];
          await new Promise<void>((resolve) => releases.push(resolve));
          return {
            body: JSON.stringify({
              data: [{ organization: { id: org }, private_metadata: org }],
              total_count: 1,
            }),
          };
        });
        const ask = (org: string) =>
          handler(
            new Request(`${APP}/api/organizations/${org}/memberships`, { headers: { 'x-test-org': org } }),
          );
        const pending = ['org_a', 'org_b', 'org_c', 'org_a', 'org_b'].map((org) => ({
          org,
          response: ask(org),
        }));
        while (releases.length < pending.length) await new Promise((resolve) => setTimeout(resolve, 1));
        for (const release of releases.reverse()) release();
        for (const { org, response } of pending) {
          const body = (await (await response).json()) as { data: { organization: { id: string } }[] };
          expect(body.data.map((m) => m.organization.id)).toEqual([org]);
        }
      });
    });
  });
}
