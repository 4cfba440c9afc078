import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoSeed, type SeedUser } from '@roster/core/testing';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendApi, createBackendApi, DEFAULT_SECRET_KEY } from '../src/index';

// Every search and page of a large organization against a reference computed here in JavaScript
// from the seed: which members match (a substring of ID, full name, username, email, phone,
// wallet, folded to lower case) and their order (SQLite's NOCASE folds ASCII only, NULL first,
// then the insertion order as the tie-break). 2,500 members: more than the 2,000 matches up to
// which a search is read through the trigram index, so queries matching nearly everyone walk the
// list's order index, and pages past the middle are read from the far end.

const MEMBERS = 2500;
const seed = createDemoSeed({ members: MEMBERS });
const users = new Map(seed.users.map((user) => [user.id, user]));
const acme = seed.memberships
  .map((membership, seq) => ({ membership, seq, user: users.get(membership.userId) as SeedUser }))
  .filter((row) => row.membership.organizationId === 'org_acme');

type Row = (typeof acme)[number];
type Field = 'created_at' | 'first_name' | 'last_name' | 'email_address' | 'phone_number' | 'username';

function haystack(user: SeedUser): string {
  return [
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
}

const sortKey: Record<Field, (row: Row) => string | number | null> = {
  created_at: (row) => row.membership.createdAt,
  first_name: (row) => row.user.firstName ?? null,
  last_name: (row) => row.user.lastName ?? null,
  email_address: (row) => row.user.emailAddress,
  phone_number: (row) => row.user.phoneNumber ?? null,
  username: (row) => row.user.username ?? null,
};
const NOCASE: ReadonlySet<Field> = new Set(['first_name', 'last_name', 'email_address', 'username']);

function compareValues(a: string | number | null, b: string | number | null, nocase: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const fold = (text: string) => (nocase ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text);
  return Buffer.compare(Buffer.from(fold(String(a))), Buffer.from(fold(String(b))));
}

/** The reference: the matching members' user IDs in the list's order. */
function reference(field: Field, descending: boolean, query: string | null, role: string | null): string[] {
  const rows = acme.filter(
    (row) =>
      (query === null || haystack(row.user).includes(query.toLowerCase())) &&
      (role === null || row.membership.role === role),
  );
  rows.sort(
    (a, b) => compareValues(sortKey[field](a), sortKey[field](b), NOCASE.has(field)) || a.seq - b.seq,
  );
  if (descending) rows.reverse();
  return rows.map((row) => row.user.id);
}

let api: BackendApi;
beforeAll(() => {
  api = createBackendApi({ seed });
});
afterAll(() => api.close());

const headers = { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` };

async function page(params: URLSearchParams): Promise<{ ids: string[]; total: number }> {
  const response = await api.fetch(
    new Request(`http://local/v1/organizations/org_acme/memberships?${params}`, { headers }),
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    data: { public_user_data: { user_id: string } }[];
    total_count: number;
  };
  return { ids: body.data.map((m) => m.public_user_data.user_id), total: body.total_count };
}

function offsetsFor(total: number): number[] {
  const middle = Math.floor(total / 2);
  return [...new Set([0, 1, middle - 5, middle, middle + 1, total - 10, total - 3, total, total + 7])].filter(
    (offset) => offset >= 0,
  );
}

const FIELDS: Field[] = [
  'created_at',
  'first_name',
  'last_name',
  'email_address',
  'phone_number',
  'username',
];

describe('given an organization of 2,500 members', () => {
  it('when a query matches nearly everyone, every order and offset gives the reference page and count', async () => {
    for (const query of ['acme', 'ACME.test', 'e']) {
      for (const field of FIELDS) {
        for (const descending of [false, true]) {
          const expected = reference(field, descending, query, null);
          expect(expected.length).toBeGreaterThan(2000);
          for (const offset of offsetsFor(expected.length)) {
            const params = new URLSearchParams({
              query,
              order_by: `${descending ? '-' : '+'}${field}`,
              limit: '10',
              offset: String(offset),
            });
            expect(await page(params), `${params}`).toEqual({
              ids: expected.slice(offset, offset + 10),
              total: expected.length,
            });
          }
        }
      }
    }
  });

  it('when a search is combined with a role filter, each page and the count match the reference', async () => {
    for (const [query, role] of [
      ['acme', 'org:member'],
      ['acme', 'org:admin'],
      ['smith', 'org:admin'],
      ['son', 'org:member'],
    ] as const) {
      for (const descending of [false, true]) {
        const expected = reference('created_at', descending, query, role);
        expect(expected.length).toBeGreaterThan(0);
        for (const offset of offsetsFor(expected.length)) {
          const params = new URLSearchParams({
            query,
            role,
            order_by: descending ? '-created_at' : 'created_at',
            limit: '7',
            offset: String(offset),
          });
          expect(await page(params), `${params}`).toEqual({
            ids: expected.slice(offset, offset + 7),
            total: expected.length,
          });
        }
      }
    }
  });

  it('when the list is not searched, a page past the middle is the same page of the reference', async () => {
    for (const field of FIELDS) {
      const expected = reference(field, false, null, null);
      for (const offset of offsetsFor(expected.length)) {
        const params = new URLSearchParams({ order_by: field, limit: '25', offset: String(offset) });
        expect(await page(params), `${params}`).toEqual({
          ids: expected.slice(offset, offset + 25),
          total: expected.length,
        });
      }
    }
  });

  it('when a member is added, removed or changes role between pages of a search, the next page counts it', async () => {
    const send = (method: string, path: string, body?: unknown) =>
      api.fetch(
        new Request(`http://local/v1${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    const search = (offset: number, role?: string) =>
      page(
        new URLSearchParams({
          query: 'acme',
          order_by: 'created_at',
          limit: '10',
          offset: String(offset),
          ...(role ? { role } : {}),
        }),
      );
    const before = await search(1500);
    expect((await search(1500)).total).toBe(before.total);
    const created = await send('POST', '/users', { first_name: 'Late', email_address: ['late@acme.test'] });
    const user = (await created.json()) as { id: string };
    expect((await search(1500)).total).toBe(before.total);
    expect(
      (await send('POST', '/organizations/org_acme/memberships', { user_id: user.id, role: 'org:member' }))
        .status,
    ).toBe(200);
    const added = await search(before.total - 5);
    expect(added.total).toBe(before.total + 1);
    expect(added.ids.at(-1)).toBe(user.id);
    const admins = (await search(0, 'org:admin')).total;
    expect(
      (await send('PATCH', `/organizations/org_acme/memberships/${user.id}`, { role: 'org:admin' })).status,
    ).toBe(200);
    expect((await search(0, 'org:admin')).total).toBe(admins + 1);
    expect((await send('DELETE', `/organizations/org_acme/memberships/${user.id}`)).status).toBe(200);
    expect((await search(1500)).total).toBe(before.total);
    expect((await search(0, 'org:admin')).total).toBe(admins);
  });
});

describe('given a database file of schema version 2 (order indexes without search_text)', () => {
  it('when the server opens it, every membership order index gains search_text and lists are unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-migrate-3-'));
    try {
      const file = join(dir, 'v2.sqlite');
      const created = createBackendApi({ database: file, seed: 'demo' });
      const list = async (server: BackendApi) =>
        (
          await server.fetch(
            new Request(
              'http://local/v1/organizations/org_acme/memberships?query=acme&order_by=-last_name&limit=20&offset=200',
              {
                headers,
              },
            ),
          )
        ).json();
      const expected = await list(created);
      created.close();
      const db = new Database(file);
      db.exec(`
        DROP INDEX memberships_org_created; CREATE INDEX memberships_org_created ON memberships (organization_id, created_at, seq);
        DROP INDEX memberships_org_last_name; CREATE INDEX memberships_org_last_name ON memberships (organization_id, last_name, seq);
      `);
      db.pragma('user_version = 2');
      db.close();
      const reopened = createBackendApi({ database: file });
      expect(await list(reopened)).toEqual(expected);
      reopened.close();
      const check = new Database(file, { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(3);
      const columns = (index: string) =>
        (check.prepare(`PRAGMA index_info(${index})`).all() as { name: string }[]).map((row) => row.name);
      expect(columns('memberships_org_created')).toEqual([
        'organization_id',
        'created_at',
        'seq',
        'search_text',
      ]);
      expect(columns('memberships_org_last_name')).toEqual([
        'organization_id',
        'last_name',
        'seq',
        'search_text',
      ]);
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
