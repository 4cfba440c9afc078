import { createDemoSeed, type SeedUser } from '@roster/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendApi, createBackendApi, DEFAULT_SECRET_KEY } from '../src/index';
import { LIST_FIXTURE } from './list-fixture';

let api: BackendApi;
beforeAll(() => {
  api = createBackendApi({ seed: LIST_FIXTURE });
});
afterAll(() => api.close());

interface MembershipPage {
  data: { public_user_data: { user_id: string }; organization: { id: string } }[];
  total_count: number;
}

async function get<T>(path: string): Promise<T> {
  const response = await api.fetch(
    new Request(`http://local/v1${path}`, { headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` } }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** The user IDs (without `user_`) of a member list, in order, and its total. */
async function members(query: string): Promise<{ ids: string[]; total: number }> {
  const page = await get<MembershipPage>(`/organizations/org_t/memberships?${query}`);
  return {
    ids: page.data.map((m) => m.public_user_data.user_id.replace('user_', '')),
    total: page.total_count,
  };
}

describe('given an organization with four known members', () => {
  describe('when it lists members in an order', () => {
    it.each([
      ['', ['dee', 'cid', 'ben', 'ann']],
      ['order_by=-created_at', ['dee', 'cid', 'ben', 'ann']],
      ['order_by=created_at', ['ann', 'ben', 'cid', 'dee']],
      ['order_by=%2Bcreated_at', ['ann', 'ben', 'cid', 'dee']],
      ['order_by=first_name', ['ann', 'ben', 'cid', 'dee']],
      ['order_by=-first_name', ['dee', 'cid', 'ben', 'ann']],
      ['order_by=last_name', ['cid', 'dee', 'ben', 'ann']],
      ['order_by=email_address', ['ann', 'ben', 'cid', 'dee']],
      ['order_by=-username', ['dee', 'ben', 'ann', 'cid']],
      ['order_by=phone_number', ['ben', 'cid', 'ann', 'dee']],
    ])('with "%s", it returns them in that order', async (query, expected) => {
      expect((await members(query)).ids).toEqual(expected);
    });
  });

  describe('when it filters', () => {
    it.each([
      ['user_id=user_ann&user_id=user_cid', ['cid', 'ann']],
      ['user_id=%2Buser_ann', ['ann']],
      ['user_id=-user_ann&user_id=-user_ben', ['dee', 'cid']],
      ['user_id[]=user_ben', ['ben']],
      ['email_address=ANN@alpha.test', ['ann']],
      ['phone_number=%2B15550004', ['dee']],
      ['username=benb&username=deed', ['dee', 'ben']],
      [`web3_wallet=0x${'1'.repeat(40)}`, ['ann']],
      ['role=org:admin', ['dee', 'ann']],
      ['role=org:member&role=org:admin', ['dee', 'cid', 'ben', 'ann']],
      ['role=org:nobody', []],
      ['query=COLE', ['cid']],
      ['query=user_be', ['ben']],
      ['query=5550001', ['ann']],
      ['query=dee dunn', ['dee']],
      ['query=100%25', []],
      ['email_address_query=BRAVO', ['ben']],
      ['phone_number_query=0004', ['dee']],
      ['username_query=NNI', ['ann']],
      ['name_query=ann zel', ['ann']],
      ['created_at_before=300', ['ben', 'ann']],
      ['created_at_after=300', ['dee']],
      ['last_active_at_before=1500', ['ann']],
      ['last_active_at_after=1500', ['dee', 'ben']],
      ['role=org:admin&query=dee', ['dee']],
    ])('with "%s", it returns the matching members and counts only them', async (query, expected) => {
      const result = await members(query);
      expect(result.ids).toEqual(expected);
      expect(result.total).toBe(expected.length);
    });
  });

  describe('when it pages', () => {
    it('limit and offset cut the ordered list, and total_count counts the whole list', async () => {
      expect(await members('limit=2&offset=1')).toEqual({ ids: ['cid', 'ben'], total: 4 });
      expect(await members('limit=2&offset=3')).toEqual({ ids: ['ann'], total: 4 });
      expect(await members('role=org:member&limit=1&offset=1')).toEqual({ ids: ['ben'], total: 2 });
    });
  });

  describe("when it lists a user's memberships and the instance's memberships", () => {
    it("a user's memberships are newest first across organizations", async () => {
      const page = await get<MembershipPage>('/users/user_ann/organization_memberships');
      expect(page.data.map((m) => m.organization.id)).toEqual(['org_other', 'org_t']);
      expect(page.total_count).toBe(2);
      const paged = await get<MembershipPage>('/users/user_ann/organization_memberships?limit=1&offset=1');
      expect(paged.data.map((m) => m.organization.id)).toEqual(['org_t']);
    });

    it('the instance list holds every membership', async () => {
      const page = await get<MembershipPage>('/organization_memberships?order_by=created_at&limit=2');
      expect(page.total_count).toBe(LIST_FIXTURE.memberships.length);
      expect(page.data.map((m) => m.public_user_data.user_id)).toEqual(['user_ann', 'user_ben']);
    });
  });

  describe('when it searches users for the add-member picker', () => {
    it('GET /users filters and orders, and GET /users/count counts the same filter', async () => {
      const users = await get<{ id: string }[]>('/users?query=e&order_by=first_name');
      expect(users.map((u) => u.id)).toEqual(['user_ann', 'user_ben', 'user_cid', 'user_dee', 'user_eve']);
      const outside = await get<{ id: string }[]>('/users?organization_id=-org_t');
      expect(outside.map((u) => u.id)).toEqual(['user_eve']);
      const byEmail = await get<{ id: string }[]>('/users?email_address=dee@delta.test');
      expect(byEmail.map((u) => u.id)).toEqual(['user_dee']);
      const count = await get<{ object: string; total_count: number }>('/users/count?organization_id=org_t');
      expect(count).toEqual({ object: 'total_count', total_count: 4 });
    });
  });
});

describe('given an organization large enough for both search plans (2,500 members)', () => {
  let large: BackendApi;
  beforeAll(() => {
    large = createBackendApi({ seed: 2500 });
  });
  afterAll(() => large.close());

  async function page(query: string): Promise<{ ids: string[]; total: number }> {
    const response = await large.fetch(
      new Request(`http://local/v1/organizations/org_acme/memberships?${query}`, {
        headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
      }),
    );
    const body = (await response.json()) as MembershipPage;
    return { ids: body.data.map((m) => m.public_user_data.user_id), total: body.total_count };
  }

  it('when a query matches every member, the result is the unfiltered list (ordered-scan plan)', async () => {
    for (const offset of [0, 1200, 2495]) {
      expect(await page(`query=ACME.test&limit=10&offset=${offset}&order_by=last_name`)).toEqual(
        await page(`limit=10&offset=${offset}&order_by=last_name`),
      );
    }
  });

  it('when a query matches a few members (index plan), it finds exactly the members whose fields contain it', async () => {
    const seed = createDemoSeed({ members: 2500 });
    const acme = new Set(
      seed.memberships.filter((m) => m.organizationId === 'org_acme').map((m) => m.userId),
    );
    const haystack = (user: SeedUser) =>
      [
        user.id,
        `${user.firstName ?? ''} ${user.lastName ?? ''}`,
        user.username,
        user.emailAddress,
        user.phoneNumber,
        user.web3Wallet,
      ]
        .filter((field): field is string => typeof field === 'string')
        .join('\n')
        .toLowerCase();
    // 3+ characters use the trigram index, 1-2 characters the (organization_id, search_text) index.
    for (const needle of ['smith', 'son@', 'a gar', 'er@', 'JÚLIA H', '0x', 'zq', 'Ú']) {
      const lower = needle.toLowerCase();
      const expected = seed.users
        .filter((u) => acme.has(u.id) && haystack(u).includes(lower))
        .map((u) => u.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(500);
      const found = await page(`query=${encodeURIComponent(needle)}&limit=500`);
      expect(found.total).toBe(expected.length);
      expect([...found.ids].sort()).toEqual([...expected].sort());
    }
  });

  it('when members are added and removed, the search index follows', async () => {
    const headers = { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` };
    const post = (path: string, body: unknown) =>
      large.fetch(
        new Request(`http://local/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
      );
    const user = (await (
      await post('/users', { first_name: 'Quixotic', email_address: ['qx@far.test'] })
    ).json()) as {
      id: string;
    };
    expect((await page('query=quixotic')).total).toBe(0);
    await post('/organizations/org_acme/memberships', { user_id: user.id, role: 'org:member' });
    expect(await page('query=quixotic')).toEqual({ ids: [user.id], total: 1 });
    await large.fetch(
      new Request(`http://local/v1/organizations/org_acme/memberships/${user.id}`, {
        method: 'DELETE',
        headers,
      }),
    );
    expect((await page('query=quixotic')).total).toBe(0);
  });
});
