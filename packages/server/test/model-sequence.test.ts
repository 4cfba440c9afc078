// Model-based test (fast-check commands): random sequences of member-page calls through the HTTP
// client, the handler and the local Backend API, each checked against a plain model of the
// organization. After every command the server's member list equals the model's.
import { createHttpClient, type Metadata, mergeMetadata, RosterApiError } from '@roster/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN, APP_ORIGIN, createTestHandler } from './memberships-handler-fixture';

/** The organization as the model sees it: user ID -> role and public metadata. */
type Model = Map<string, { role: string; publicMetadata: Metadata }>;

interface Real {
  client: ReturnType<typeof createHttpClient>;
}

const ORG = 'org_acme';
/** Users the caller (Alice, the admin) may act on; Alice herself stays the organization's admin. */
const USERS = ['user_bob', 'user_carl', 'user_dana', 'user_omar'];
const ROLES = ['org:admin', 'org:member', 'org:missing'];

async function expectClientError(call: Promise<unknown>): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RosterApiError);
  const status = (error as RosterApiError).status;
  expect(status >= 400 && status < 500, `status ${status}`).toBe(true);
}

async function expectListMatches(model: Model, real: Real): Promise<void> {
  const list = await real.client.listMemberships({ organizationId: ORG, limit: 100 });
  const actual = list.data
    .map((m) => [m.publicUserData?.userId ?? '', m.role, m.publicMetadata] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  const expected = [...model.entries()]
    .map(([userId, m]) => [userId, m.role, m.publicMetadata] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  expect(actual).toEqual(expected);
  expect(list.totalCount).toBe(model.size);
}

/**
 * A command: makes one call, and checks it failed with a 4xx when the model says it must (the model
 * is left as is), else that it succeeded (then `apply` updates the model); then compares the lists.
 */
function command<T>(
  label: string,
  call: (real: Real) => Promise<T>,
  expected: (model: Model) => { fails: true } | { fails: false; apply: (result: T) => void },
): fc.AsyncCommand<Model, Real> {
  return {
    check: () => true,
    async run(model, real) {
      const outcome = expected(model);
      if (outcome.fails) await expectClientError(call(real));
      else outcome.apply(await call(real));
      await expectListMatches(model, real);
    },
    toString: () => label,
  };
}

const succeedsWith = <T>(apply: (result: T) => void) => ({ fails: false as const, apply });
const FAILS = { fails: true as const };

const user = fc.constantFrom(...USERS);
const role = fc.constantFrom(...ROLES);
const patch = fc.dictionary(
  fc.constantFrom('team', 'plan', 'tags', 'nested'),
  fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.string({ maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b'), fc.oneof(fc.constant(null), fc.boolean()), { maxKeys: 2 }),
  ),
  { maxKeys: 3 },
);

const commands = fc.commands(
  [
    fc.tuple(user, role).map(([userId, r]) =>
      command(
        `create(${userId}, ${r})`,
        (real) => real.client.createMembership({ organizationId: ORG, userId, role: r }),
        (model) =>
          model.has(userId) || r === 'org:missing'
            ? FAILS
            : succeedsWith(() => model.set(userId, { role: r, publicMetadata: {} })),
      ),
    ),
    fc.tuple(user, role).map(([userId, r]) =>
      command(
        `changeRole(${userId}, ${r})`,
        (real) => real.client.updateMembership({ organizationId: ORG, userId, role: r }),
        (model) => {
          const member = model.get(userId);
          return !member || r === 'org:missing'
            ? FAILS
            : succeedsWith(() => {
                member.role = r;
              });
        },
      ),
    ),
    user.map((userId) =>
      command(
        `remove(${userId})`,
        (real) => real.client.deleteMembership({ organizationId: ORG, userId }),
        (model) => (model.has(userId) ? succeedsWith(() => model.delete(userId)) : FAILS),
      ),
    ),
    fc.tuple(user, patch).map(([userId, p]) =>
      command(
        `patchMetadata(${userId}, ${JSON.stringify(p)})`,
        (real) =>
          real.client.updateMembershipMetadata({
            organizationId: ORG,
            userId,
            publicMetadata: p as Metadata,
          }),
        (model) => {
          const member = model.get(userId);
          if (!member) return FAILS;
          return succeedsWith((updated: { publicMetadata: Metadata }) => {
            member.publicMetadata = mergeMetadata(member.publicMetadata, p as Metadata);
            expect(updated.publicMetadata).toEqual(member.publicMetadata);
          });
        },
      ),
    ),
  ],
  { maxCommands: 25 },
);

describe('given random sequences of member-page calls through the handler', () => {
  it('when each runs against the local Backend API, every answer and the member list agree with the model', async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (sequence) => {
        const { handler } = createTestHandler(ADMIN);
        const client = createHttpClient({
          baseUrl: `${APP_ORIGIN}/api`,
          fetch: (input, init) =>
            handler(
              new Request(input, {
                ...init,
                headers: { ...Object.fromEntries(new Headers(init?.headers)), origin: APP_ORIGIN },
              }),
            ),
          retry: false,
        });
        const model: Model = new Map([
          ['user_alice', { role: 'org:admin', publicMetadata: { team: 'core' } }],
          ['user_bob', { role: 'org:member', publicMetadata: { team: 'core' } }],
          ['user_carl', { role: 'org:member', publicMetadata: { team: 'core' } }],
        ]);
        await fc.asyncModelRun(() => ({ model, real: { client } }), sequence);
      }),
      { numRuns: 60, seed: 20_261_201 },
    );
  }, 120_000);
});
