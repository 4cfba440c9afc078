import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MembershipListView } from '../src/list-key';
import {
  canonicalizeMembershipListView,
  membershipListIdentity,
  membershipListKey,
  membershipListParams,
  parseMembershipListKey,
  parseUserMembershipListKey,
  userMembershipListKey,
  userMembershipListParams,
} from '../src/list-key';

const roleKey = fc.constantFrom('org:admin', 'org:member', 'org:billing', 'org:viewer');
const orderField = fc.constantFrom('created_at', 'first_name', 'last_name', 'email_address', 'username');

/** A random view, with every optional part sometimes absent. */
const viewArbitrary: fc.Arbitrary<MembershipListView> = fc.record(
  {
    organizationId: fc.constantFrom('org_a', 'org_b'),
    query: fc.constantFrom('', 'al', 'bob', 'Al'),
    role: fc.array(roleKey, { maxLength: 3 }),
    userId: fc.array(fc.constantFrom('user_1', '-user_2', '+user_3'), { maxLength: 2 }),
    createdAtAfter: fc.integer({ min: 0, max: 3 }),
    orderBy: fc.oneof(
      orderField,
      orderField.map((f) => `+${f}` as const),
      orderField.map((f) => `-${f}` as const),
    ),
    page: fc.integer({ min: 1, max: 4 }),
    pageSize: fc.constantFrom(5, 10, 20),
  },
  { requiredKeys: ['organizationId'] },
);

/** The same view spelled differently: shuffled keys and arrays, duplicates, defaults spelled out. */
function respell(view: MembershipListView, seed: number): MembershipListView {
  const entries = Object.entries(view);
  const rotated = [
    ...entries.slice(seed % (entries.length || 1)),
    ...entries.slice(0, seed % (entries.length || 1)),
  ];
  const out: Record<string, unknown> = {};
  for (const [key, value] of rotated) {
    out[key] = Array.isArray(value) ? [...value].reverse().concat(value.slice(0, 1)) : value;
  }
  if (out.page === undefined && seed % 2 === 0) out.page = 1;
  if (out.pageSize === undefined && seed % 3 === 0) out.pageSize = 10;
  if (out.orderBy === undefined && seed % 2 === 1) out.orderBy = '-created_at';
  if (typeof out.orderBy === 'string' && /^[a-z]/.test(out.orderBy)) out.orderBy = `+${out.orderBy}`;
  if (out.role === undefined && seed % 5 === 0) out.role = [];
  if (out.query === undefined && seed % 7 === 0) out.query = '';
  return out as unknown as MembershipListView;
}

describe('given two parameter objects that mean the same view', () => {
  it('when key order differs, it gives the same key', () => {
    expect(membershipListKey({ organizationId: 'org_a', query: 'al', role: ['org:admin'] })).toBe(
      membershipListKey({ role: ['org:admin'], query: 'al', organizationId: 'org_a' }),
    );
  });

  it('when defaults are spelled out or left out, it gives the same key', () => {
    expect(membershipListKey({ organizationId: 'org_a' })).toBe(
      membershipListKey({ organizationId: 'org_a', page: 1, pageSize: 10, orderBy: '-created_at' }),
    );
  });

  it('when role arrays list the same roles in another order, it gives the same key', () => {
    expect(membershipListKey({ organizationId: 'org_a', role: ['a', 'b'] })).toBe(
      membershipListKey({ organizationId: 'org_a', role: ['b', 'a', 'b'] }),
    );
  });

  it('when an array is empty or absent, or the query is empty or absent, it gives the same key', () => {
    const absent = membershipListKey({ organizationId: 'org_a' });
    expect(membershipListKey({ organizationId: 'org_a', role: [], userId: [] })).toBe(absent);
    expect(membershipListKey({ organizationId: 'org_a', query: '' })).toBe(absent);
  });

  it('when the order is `field` or `+field`, it gives the same key', () => {
    expect(membershipListKey({ organizationId: 'org_a', orderBy: 'first_name' })).toBe(
      membershipListKey({ organizationId: 'org_a', orderBy: '+first_name' }),
    );
  });

  it('when options carry properties that are not list parameters, it ignores them', () => {
    const withExtras = { organizationId: 'org_a', enabled: true, infinite: false } as MembershipListView;
    expect(membershipListKey(withExtras)).toBe(membershipListKey({ organizationId: 'org_a' }));
  });

  it('for any view and any respelling of it, the keys are equal (property)', () => {
    fc.assert(
      fc.property(viewArbitrary, fc.nat(), (view, seed) => {
        expect(membershipListKey(respell(view, seed))).toBe(membershipListKey(view));
      }),
      { numRuns: 300 },
    );
  });
});

describe('given two views that differ', () => {
  it('when the canonical forms differ, the keys differ (property)', () => {
    fc.assert(
      fc.property(viewArbitrary, viewArbitrary, (a, b) => {
        const sameMeaning =
          JSON.stringify(canonicalizeMembershipListView(a)) ===
          JSON.stringify(canonicalizeMembershipListView(b));
        expect(membershipListKey(a) === membershipListKey(b)).toBe(sameMeaning);
      }),
      { numRuns: 500 },
    );
  });

  it('when only the direction of the order differs, the keys differ', () => {
    expect(membershipListKey({ organizationId: 'org_a', orderBy: '-first_name' })).not.toBe(
      membershipListKey({ organizationId: 'org_a', orderBy: 'first_name' }),
    );
  });

  it('when a string filter holds what looks like another key, the keys still differ', () => {
    expect(membershipListKey({ organizationId: 'org_a', query: '","role":["x"]' })).not.toBe(
      membershipListKey({ organizationId: 'org_a', role: ['x'] }),
    );
    expect(membershipListKey({ organizationId: 'a","b' })).not.toBe(
      membershipListKey({ organizationId: 'a' }),
    );
  });

  it('when a number is not finite, it does not collide with another view', () => {
    expect(membershipListKey({ organizationId: 'org_a', pageSize: Number.NaN })).not.toBe(
      membershipListKey({ organizationId: 'org_a', pageSize: Number.POSITIVE_INFINITY }),
    );
  });

  it('when only the page differs, the list identity is shared but the keys differ', () => {
    const one = { organizationId: 'org_a', role: ['org:admin'], page: 1 };
    const two = { ...one, page: 2 };
    expect(membershipListIdentity(one)).toBe(membershipListIdentity(two));
    expect(membershipListKey(one)).not.toBe(membershipListKey(two));
  });
});

describe('given a key', () => {
  it('when parsed, it gives back the canonical view (property)', () => {
    fc.assert(
      fc.property(viewArbitrary, (view) => {
        expect(parseMembershipListKey(membershipListKey(view))).toEqual(canonicalizeMembershipListView(view));
      }),
      { numRuns: 200 },
    );
  });

  it('when the string is not a membership list key, parsing gives null', () => {
    expect(parseMembershipListKey('$inf$something')).toBeNull();
    expect(parseMembershipListKey('roster:memberships:{not json')).toBeNull();
    expect(parseMembershipListKey('roster:memberships:["org_a","-created_at",{"bogus":1},10,1]')).toBeNull();
    expect(parseMembershipListKey('roster:memberships:["org_a","created_at",{},10,1]')).toBeNull();
  });

  it('when it is a user-memberships key, it round-trips and defaults are spelled out', () => {
    const key = userMembershipListKey({ userId: 'user_1' });
    expect(key).toBe(userMembershipListKey({ userId: 'user_1', page: 1, pageSize: 10 }));
    expect(parseUserMembershipListKey(key)).toEqual({ userId: 'user_1', page: 1, pageSize: 10 });
    expect(parseUserMembershipListKey(membershipListKey({ organizationId: 'org_a' }))).toBeNull();
    expect(key).not.toBe(membershipListKey({ organizationId: 'user_1' }));
  });
});

describe('given a view to fetch', () => {
  it('when turned into client parameters, the page becomes limit and offset', () => {
    expect(
      membershipListParams({ organizationId: 'org_a', role: ['b', 'a'], query: '', page: 3, pageSize: 20 }),
    ).toEqual({ organizationId: 'org_a', role: ['a', 'b'], orderBy: '-created_at', limit: 20, offset: 40 });
    expect(userMembershipListParams({ userId: 'user_1', page: 2 })).toEqual({
      userId: 'user_1',
      limit: 10,
      offset: 10,
    });
  });
});
