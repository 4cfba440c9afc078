import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRosterApiError } from '../src/errors';
import { type ExportMembershipsProgress, exportMemberships } from '../src/export-memberships';
import { MAX_PAGE_SIZE } from '../src/list-limits';
import { createDemoSeed, createMemoryClient, DEMO_IDS, type MemoryClient } from '../src/testing';
import { parseCsv } from './parse-csv';

const ACME = DEMO_IDS.organizationId;
/** More members than two full pages at the maximum page size. */
const MEMBERS = 1240;

function seededClient(options: Parameters<typeof createMemoryClient>[1] = {}): MemoryClient {
  return createMemoryClient(createDemoSeed({ members: MEMBERS }), options);
}

function listCalls(client: MemoryClient) {
  return client.requests
    .filter((request) => request.method === 'listMemberships')
    .map((request) => request.params as { limit?: number; offset?: number; role?: string[]; query?: string });
}

/** What the server holds for Acme, filtered as the view is: the truth the export is checked against. */
function serverMembers(client: MemoryClient, role: string) {
  return client.snapshot().memberships.filter((m) => m.organization.id === ACME && m.role === role);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('given an organization with more members than one page at the maximum page size', () => {
  it('when a role-filtered, sorted view is exported, the file holds exactly its members, fetched 500 at a time', async () => {
    const client = seededClient();
    const expected = serverMembers(client, 'org:member');
    expect(expected.length).toBeGreaterThan(2 * MAX_PAGE_SIZE);

    const result = await exportMemberships({
      client,
      organizationId: ACME,
      role: ['org:member'],
      orderBy: '+email_address',
    });

    const rows = parseCsv(result.csv);
    expect(rows).toHaveLength(expected.length + 1);
    expect(result.count).toBe(expected.length);
    const ids = rows.slice(1).map((row) => row[0]);
    expect(new Set(ids)).toEqual(new Set(expected.map((m) => m.publicUserData?.userId)));
    expect(rows.slice(1).every((row) => row[4] === 'org:member' && row[5] === 'Member')).toBe(true);
    const emails = rows.slice(1).map((row) => row[3] ?? '');
    expect(emails).toEqual([...emails].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const calls = listCalls(client);
    expect(calls.map((call) => [call.limit, call.offset])).toEqual([
      [MAX_PAGE_SIZE, 0],
      [MAX_PAGE_SIZE, MAX_PAGE_SIZE],
      [MAX_PAGE_SIZE, 2 * MAX_PAGE_SIZE],
    ]);
    expect(calls.every((call) => call.role?.join() === 'org:member')).toBe(true);
  });

  it('when a searched view is exported, the file holds exactly the members the search finds', async () => {
    const client = seededClient();
    const { totalCount } = await client.listMemberships({ organizationId: ACME, query: 'smith', limit: 1 });
    client.clearRequests();

    const result = await exportMemberships({ client, organizationId: ACME, query: 'smith' });

    expect(totalCount).toBeGreaterThan(0);
    expect(result.count).toBe(totalCount);
    expect(parseCsv(result.csv)).toHaveLength(totalCount + 1);
    expect(result.memberships.some((m) => m.publicUserData?.userId === DEMO_IDS.adminUserId)).toBe(true);
    expect(listCalls(client)).toHaveLength(1);
  });

  it('when it runs, progress is reported after each page with the members loaded and the total', async () => {
    const client = seededClient();
    const progress: ExportMembershipsProgress[] = [];
    await exportMemberships({ client, organizationId: ACME, onProgress: (event) => progress.push(event) });
    expect(progress).toEqual([
      { loaded: 500, total: MEMBERS },
      { loaded: 1000, total: MEMBERS },
      { loaded: MEMBERS, total: MEMBERS },
    ]);
  });

  it('when it is cancelled between two pages, no further page is requested and it rejects with an AbortError', async () => {
    const client = seededClient();
    const controller = new AbortController();
    const exported = exportMemberships({
      client,
      organizationId: ACME,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(exported).rejects.toMatchObject({ name: 'AbortError' });
    expect(listCalls(client)).toHaveLength(1);
  });

  it('when it is cancelled while a page is in flight, that request is aborted and none follows', async () => {
    vi.useFakeTimers();
    const client = seededClient({ latency: 100 });
    const controller = new AbortController();
    const exported = exportMemberships({ client, organizationId: ACME, signal: controller.signal });
    const settled = exported.then(
      () => 'resolved',
      (error: unknown) => (error as Error).name,
    );
    await vi.advanceTimersByTimeAsync(100); // the first page arrives, the second is asked for
    expect(listCalls(client)).toHaveLength(2);
    controller.abort();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled).toBe('AbortError');
    expect(listCalls(client)).toHaveLength(2);
  });

  it('when a page fails, the export rejects with the server error and requests nothing more', async () => {
    const client = seededClient();
    const exported = exportMemberships({
      client,
      organizationId: ACME,
      onProgress: () => client.failNext('listMemberships'),
    });
    const error = await exported.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isRosterApiError(error) && error.status).toBe(500);
    expect(listCalls(client)).toHaveLength(2);
  });

  it('when members join while it runs, nobody is written twice', async () => {
    const client = seededClient();
    const acme = new Set(
      client
        .snapshot()
        .memberships.filter((m) => m.organization.id === ACME)
        .map((m) => m.publicUserData?.userId),
    );
    const outsiders = createDemoSeed({ members: MEMBERS })
      .users.map((user) => user.id)
      .filter((id) => !acme.has(id));
    expect(outsiders.length).toBeGreaterThan(1);
    let joined = 0;
    const result = await exportMemberships({
      client,
      organizationId: ACME,
      // Newest first: a member who joins between two pages pushes everyone one place down, so the
      // last member of a page comes again as the first of the next.
      onProgress: () => {
        const userId = outsiders[joined++];
        // The in-memory client answers calls in call order: the join lands before the next page.
        if (userId) void client.createMembership({ organizationId: ACME, userId, role: 'org:member' });
      },
    });
    const ids = result.memberships.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(MEMBERS);
    expect(parseCsv(result.csv)).toHaveLength(ids.length + 1);
  });
});
