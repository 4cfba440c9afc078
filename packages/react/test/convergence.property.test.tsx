import type { ListMembershipsParams, Metadata, OrganizationMembership } from '@roster/core';
import { mergeMetadata } from '@roster/core';
import { createMemoryClient } from '@roster/core/testing';
import { act, renderHook } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCreateMembership } from '../src/use-create-membership';
import { useOrganizationMemberships } from '../src/use-organization-memberships';
import { usePendingMembershipOperations } from '../src/use-pending-membership-operations';
import { useRemoveMembership } from '../src/use-remove-membership';
import { useUpdateMembershipMetadata } from '../src/use-update-membership-metadata';
import { useUpdateMembershipRole } from '../src/use-update-membership-role';
import { useUserOrganizationMemberships } from '../src/use-user-organization-memberships';
import { rosterWrapper } from './support/render-roster';
import { createTestSeed, ORG, ROLE_BILLING, userId } from './support/test-seed';
import { advance, settleAll, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

/** A small seeded PRNG, so a failing run replays exactly from fast-check's counterexample. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const member = fc.integer({ min: 1, max: 10 }).map(userId);
const outsider = fc.constantFrom('user_90', 'user_91', 'user_92', userId(4));
const role = fc.constantFrom('org:admin', 'org:member', ROLE_BILLING);
const gap = fc.integer({ min: 0, max: 120 });

const command = fc.oneof(
  fc.record({ kind: fc.constant('role' as const), userId: member, role, gap }),
  fc.record({ kind: fc.constant('remove' as const), userId: member, gap }),
  fc.record({
    kind: fc.constant('metadata' as const),
    userId: member,
    patch: fc.dictionary(
      fc.constantFrom('seat', 'team', 'tier'),
      fc.oneof(fc.constant(null), fc.integer({ max: 9 })),
      {
        minKeys: 1,
        maxKeys: 2,
      },
    ),
    gap,
  }),
  fc.record({ kind: fc.constant('create' as const), userId: outsider, role, gap }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

const PAGE_SIZE = 4;

function useEverything() {
  return {
    first: useOrganizationMemberships({ organizationId: ORG, pageSize: PAGE_SIZE }),
    second: useOrganizationMemberships({ organizationId: ORG, pageSize: PAGE_SIZE, initialPage: 2 }),
    members: useOrganizationMemberships({ organizationId: ORG, role: ['org:member'], pageSize: 20 }),
    oldestFirst: useOrganizationMemberships({
      organizationId: ORG,
      orderBy: '+created_at',
      pageSize: PAGE_SIZE,
      infinite: true,
    }),
    own: useUserOrganizationMemberships({ userId: userId(3) }),
    pending: usePendingMembershipOperations(ORG),
    changeRole: useUpdateMembershipRole(ORG),
    remove: useRemoveMembership(ORG),
    merge: useUpdateMembershipMetadata(ORG),
    create: useCreateMembership(ORG),
  };
}

type Views = ReturnType<typeof useEverything>;

function trigger(views: Views, c: Command): Promise<OrganizationMembership<Metadata, Metadata>> {
  switch (c.kind) {
    case 'role':
      return views.changeRole.trigger({ userId: c.userId, role: c.role });
    case 'remove':
      return views.remove.trigger({ userId: c.userId });
    case 'metadata':
      return views.merge.trigger({ userId: c.userId, publicMetadata: c.patch });
    case 'create':
      return views.create.trigger({ userId: c.userId, role: c.role });
  }
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('given random interleavings of mutations with random latencies and failures', () => {
  it('when everything has settled, every view equals a fresh read and no successful write is lost (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 2, maxLength: 9 }),
        fc.integer(),
        async (commands, seed) => {
          const client = createMemoryClient(createTestSeed({ members: 10, outsiders: 3 }), {
            latency: { min: 0, max: 150 },
            failureRate: 0.25,
            random: seededRandom(seed),
          });
          const { result, unmount } = renderHook(useEverything, { wrapper: rosterWrapper(client) });
          try {
            await advance(200);
            act(() => result.current.oldestFirst.fetchNext());
            await advance(200);

            const outcomes: { command: Command; ok: boolean }[] = [];
            const settled: Promise<void>[] = [];
            for (const c of commands) {
              act(() => {
                const outcome = { command: c, ok: false };
                outcomes.push(outcome);
                settled.push(
                  trigger(result.current, c).then(
                    () => {
                      outcome.ok = true;
                    },
                    () => {},
                  ),
                );
              });
              await advance(c.gap);
            }
            await settleAll();
            await Promise.all(settled);
            await settleAll();

            // Nothing is left pending.
            expect(result.current.pending).toEqual([]);

            // Every view equals a fresh read of the same page(s).
            client.setLatency(0);
            const fresh = (params: ListMembershipsParams) => client.listMemberships(params);
            const views = result.current;
            const expectView = async (
              name: string,
              view: { data: unknown[]; totalCount: number },
              reads: Promise<{ data: unknown[]; totalCount: number }>[],
            ) => {
              const pages = await Promise.all(reads);
              expect(plain(view.data), name).toEqual(plain(pages.flatMap((p) => p.data)));
              expect(view.totalCount, name).toBe(pages[pages.length - 1]?.totalCount);
            };
            const paged = (page: number) => ({
              organizationId: ORG,
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
              orderBy: '-created_at' as const,
            });
            await expectView('first', views.first, [fresh(paged(views.first.page))]);
            await expectView('second', views.second, [fresh(paged(views.second.page))]);
            await expectView('members', views.members, [
              fresh({ organizationId: ORG, role: ['org:member'], limit: 20 }),
            ]);
            await expectView(
              'oldestFirst',
              views.oldestFirst,
              [0, 1].map((i) =>
                fresh({
                  organizationId: ORG,
                  orderBy: '+created_at',
                  limit: PAGE_SIZE,
                  offset: i * PAGE_SIZE,
                }),
              ),
            );
            await expectView('own', views.own, [client.listUserMemberships({ userId: userId(3) })]);

            // No successful write is lost: replaying the successful writes on each member, in the order
            // they were made, over the seed gives exactly what the server holds.
            type Expected = { role: string; publicMetadata: Metadata } | null;
            const expected = new Map<string, Expected>();
            for (let n = 1; n <= 10; n++) {
              expected.set(userId(n), {
                role: n === 1 ? 'org:admin' : 'org:member',
                publicMetadata: { seat: n },
              });
            }
            for (const { command: c, ok } of outcomes) {
              if (!ok) continue;
              const current = expected.get(c.userId) ?? null;
              if (c.kind === 'remove') expected.set(c.userId, null);
              else if (c.kind === 'create') expected.set(c.userId, { role: c.role, publicMetadata: {} });
              else if (current && c.kind === 'role') expected.set(c.userId, { ...current, role: c.role });
              else if (current && c.kind === 'metadata') {
                expected.set(c.userId, {
                  ...current,
                  publicMetadata: mergeMetadata(current.publicMetadata, c.patch),
                });
              }
            }
            const server = client.snapshot().memberships.filter((m) => m.organization.id === ORG);
            for (const [user, want] of expected) {
              const held = server.find((m) => m.publicUserData?.userId === user);
              expect(held ? { role: held.role, publicMetadata: held.publicMetadata } : null, user).toEqual(
                want,
              );
            }
          } finally {
            unmount();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);
});
