import { describe, expect, it } from 'vitest';
import { membershipListKey } from '../src/list-key';
import {
  flattenMembershipPages,
  organizationMembershipListSource,
  userMembershipListSource,
} from '../src/membership-list-source';
import type { PendingMembershipOperation } from '../src/optimistic-overlay';
import { shareUnchangedItems } from '../src/structural-sharing';
import { createMemoryClient } from '../src/testing';
import { createFixtureSeed } from './memory-client-fixture';

const ORG = 'org_test';

describe('given an organization list view', () => {
  it('when it is described, its first page key is the same for equal views and its pages follow it', () => {
    const a = organizationMembershipListSource({
      organizationId: ORG,
      role: ['org:member', 'org:admin'],
      page: 3,
    });
    const b = organizationMembershipListSource({ organizationId: ORG, role: ['org:admin', 'org:member'] });
    expect(a.firstPageKey).toBe(b.firstPageKey);
    expect(a.pageKey(2)).toBe(
      membershipListKey({ organizationId: ORG, role: ['org:admin', 'org:member'], page: 2 }),
    );
  });

  it('when operations are pending, only those on members it shows, and creations, are relevant to it', async () => {
    const page = await createMemoryClient(createFixtureSeed()).listMemberships({
      organizationId: ORG,
      limit: 2,
    });
    const shown = page.data.map((m) => m.publicUserData?.userId ?? '');
    const op = (kind: 'removal' | 'creation', userId: string) =>
      ({
        kind,
        id: `${kind}-${userId}`,
        organizationId: ORG,
        userId,
        role: 'org:member',
      }) as PendingMembershipOperation;
    const source = organizationMembershipListSource({ organizationId: ORG, pageSize: 2 });
    const hidden =
      ['user_ada', 'user_grace', 'user_alan', 'user_zed'].find((id) => !shown.includes(id)) ?? '';
    const relevant = source.relevantOperations(
      [page],
      [op('removal', shown[0] ?? ''), op('removal', hidden), op('creation', 'user_free')],
    );
    expect(relevant.map((o) => o.id)).toEqual([`removal-${shown[0]}`, 'creation-user_free']);
  });
});

describe("given a user's memberships view", () => {
  it('when it is described, its keys carry the user and the page size', () => {
    const source = userMembershipListSource({ userId: 'user_ada', pageSize: 5 });
    expect(source.pageKey(2)).not.toBe(source.firstPageKey);
    expect(userMembershipListSource({ userId: 'user_ada', pageSize: 5 }).firstPageKey).toBe(
      source.firstPageKey,
    );
  });
});

describe('given consecutive pages', () => {
  it('when a member shows on two of them (it moved between reads), it is listed once', () => {
    const m = (id: string) => ({ id });
    expect(
      flattenMembershipPages([{ data: [m('a'), m('b')] }, undefined, { data: [m('b'), m('c')] }]).map(
        (x) => x.id,
      ),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('given a list shown before', () => {
  it('when the next one has equal items, they keep their objects, and an all-equal list is the previous array', () => {
    const previous = [
      { id: 'a', n: { x: 1 } },
      { id: 'b', n: { x: 2 } },
    ];
    const same = shareUnchangedItems(previous, [
      { id: 'a', n: { x: 1 } },
      { id: 'b', n: { x: 2 } },
    ]);
    expect(same).toBe(previous);
    const changed = shareUnchangedItems(previous, [
      { id: 'a', n: { x: 1 } },
      { id: 'b', n: { x: 3 } },
    ]);
    expect(changed).not.toBe(previous);
    expect(changed[0]).toBe(previous[0]);
    expect(changed[1]).not.toBe(previous[1]);
  });
});
