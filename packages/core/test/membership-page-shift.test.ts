import { describe, expect, it } from 'vitest';
import type { MembershipListView } from '../src/list-key';
import { canonicalizeMembershipListView } from '../src/list-key';
import { writeSettlementToList } from '../src/membership-page-shift';
import type { Metadata, OrganizationMembership, OrganizationMemberships } from '../src/models';

type Membership = OrganizationMembership<Metadata, Metadata>;
type Page = OrganizationMemberships<Metadata, Metadata>;

const ORG = 'org_shift';

/** Member `n`, created at `n` (so `-created_at` lists the highest first). */
function member(n: number, role = 'org:member'): Membership {
  return {
    object: 'organization_membership',
    id: `orgmem_${n}`,
    role,
    permissions: [],
    publicMetadata: {},
    organization: { id: ORG } as NonNullable<Membership['organization']>,
    publicUserData: { userId: `user_${n}` } as NonNullable<Membership['publicUserData']>,
    createdAt: n,
    updatedAt: n,
  };
}

/** The stored pages of a list of `total` members, `pageSize` a page, in the given member numbers. */
function pages(total: number, stored: Record<number, number[]>): Map<number, Page> {
  const result = new Map<number, Page>();
  for (const [n, numbers] of Object.entries(stored)) {
    result.set(Number(n), { data: numbers.map((x) => member(x)), totalCount: total });
  }
  return result;
}

function shown(written: ReadonlyMap<number, Page>): Record<number, number[]> {
  const out: Record<number, number[]> = {};
  for (const [n, page] of written) out[n] = page.data.map((m) => m.createdAt);
  return out;
}

const view = (options: Partial<MembershipListView> = {}) =>
  canonicalizeMembershipListView({ organizationId: ORG, pageSize: 3, ...options });

describe('given stored pages of one list, 3 a page, newest first', () => {
  it('when a member of page 1 is removed, page 1 pulls up the first of page 2, page 2 the first of page 3', () => {
    const stored = pages(8, { 1: [8, 7, 6], 2: [5, 4, 3], 3: [2, 1] });
    const result = writeSettlementToList(view(), stored, { kind: 'removal', membership: member(7) });
    expect(shown(result.pages)).toEqual({ 1: [8, 6, 5], 2: [4, 3, 2], 3: [1] });
    expect([...result.pages.values()].map((p) => p.totalCount)).toEqual([7, 7, 7]);
    expect(result.stale.size).toBe(0);
  });

  it('when the next member is on a page that is not stored, the page is short and stale', () => {
    const stored = pages(8, { 1: [8, 7, 6] });
    const result = writeSettlementToList(view(), stored, { kind: 'removal', membership: member(8) });
    expect(shown(result.pages)).toEqual({ 1: [7, 6] });
    expect([...result.stale]).toEqual([1]);
  });

  it('when a member of page 2 is removed, page 1 only counts one fewer', () => {
    const stored = pages(8, { 1: [8, 7, 6], 2: [5, 4, 3] });
    const result = writeSettlementToList(view(), stored, { kind: 'removal', membership: member(4) });
    expect(result.pages.get(1)?.data).toBe(stored.get(1)?.data);
    expect(result.pages.get(1)?.totalCount).toBe(7);
    expect(shown(result.pages)[2]).toEqual([5, 3]);
    expect([...result.stale]).toEqual([2]);
  });

  it('when the removed member is on no stored page, the list is stale if it may hold them, untouched if not', () => {
    const stored = pages(8, { 1: [8, 7, 6] });
    const unknown = writeSettlementToList(view(), stored, { kind: 'removal', membership: member(2) });
    expect([...unknown.stale]).toEqual([1]);
    const admins = writeSettlementToList(view({ role: ['org:admin'] }), stored, {
      kind: 'removal',
      membership: member(2),
    });
    expect(admins.stale.size).toBe(0);
    expect(admins.pages.get(1)).toBe(stored.get(1));
  });

  it('when a member joins a role-filtered list, it is inserted where the order puts it and later pages move down', () => {
    const stored = pages(5, { 1: [9, 7, 5], 2: [3, 1] });
    const admins = view({ role: ['org:admin'] });
    const result = writeSettlementToList(admins, stored, {
      kind: 'update',
      membership: member(6, 'org:admin'),
    });
    expect(shown(result.pages)).toEqual({ 1: [9, 7, 6], 2: [5, 3, 1] });
    expect(result.pages.get(2)?.totalCount).toBe(6);
    expect(result.stale.size).toBe(0);
  });

  it('when a member joins after every stored page, only the counts change', () => {
    const stored = pages(9, { 1: [9, 7, 5] });
    const admins = view({ role: ['org:admin'] });
    const result = writeSettlementToList(admins, stored, {
      kind: 'update',
      membership: member(2, 'org:admin'),
    });
    expect(shown(result.pages)).toEqual({ 1: [9, 7, 5] });
    expect(result.pages.get(1)?.totalCount).toBe(10);
    expect(result.stale.size).toBe(0);
  });

  it('when a member joins a list in an order the client cannot evaluate, the list is stale', () => {
    const stored = pages(5, { 1: [9, 7, 5] });
    const byName = view({ role: ['org:admin'], orderBy: '+first_name' });
    const result = writeSettlementToList(byName, stored, {
      kind: 'update',
      membership: member(6, 'org:admin'),
    });
    expect([...result.stale]).toEqual([1]);
  });

  it('when a member leaves a role filter, the next member moves up as after a removal', () => {
    const stored = pages(5, { 1: [9, 7, 5], 2: [3, 1] });
    const members = view({ role: ['org:member'] });
    const result = writeSettlementToList(members, stored, {
      kind: 'update',
      membership: member(7, 'org:admin'),
    });
    expect(shown(result.pages)).toEqual({ 1: [9, 5, 3], 2: [1] });
    expect(result.stale.size).toBe(0);
  });

  it('when a member the list keeps changes, it is written in place', () => {
    const stored = pages(5, { 1: [9, 7, 5] });
    const changed = { ...member(7), publicMetadata: { seat: 1 } };
    const result = writeSettlementToList(view(), stored, { kind: 'update', membership: changed });
    expect(result.pages.get(1)?.data[1]).toBe(changed);
    expect(result.pages.get(1)?.totalCount).toBe(5);
  });
});
