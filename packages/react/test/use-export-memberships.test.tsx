import type { MembershipExport } from '@roster/core';
import { createDemoSeed, createMemoryClient, DEMO_IDS, type MemoryClient } from '@roster/core/testing';
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useExportMemberships } from '../src/use-export-memberships';
import { renderRosterHook } from './support/render-roster';
import { advance, useFakeClock } from './support/timers';

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

const ACME = DEMO_IDS.organizationId;
const MEMBERS = 1240;
const LATENCY = 100;

function seededClient(): MemoryClient {
  return createMemoryClient(createDemoSeed({ members: MEMBERS }), { latency: LATENCY });
}

const listCalls = (client: MemoryClient) => client.requests.filter((r) => r.method === 'listMemberships');

describe('given useExportMemberships on a view of more members than one page', () => {
  it('when exportCsv runs, it reports progress page by page and resolves with exactly the filtered members', async () => {
    const client = seededClient();
    const expected = client
      .snapshot()
      .memberships.filter((m) => m.organization.id === ACME && m.role === 'org:member').length;
    const { result } = renderRosterHook(
      () => useExportMemberships({ organizationId: ACME, role: ['org:member'], orderBy: '+first_name' }),
      client,
      DEMO_IDS.adminUserId,
    );
    let exported: Promise<MembershipExport | null> | undefined;
    act(() => {
      exported = result.current.exportCsv();
    });
    expect(result.current.isExporting).toBe(true);
    expect(result.current.progress).toBeNull();

    await advance(LATENCY);
    expect(result.current.progress).toEqual({ loaded: 500, total: expected });
    await advance(LATENCY);
    expect(result.current.progress).toEqual({ loaded: 1000, total: expected });
    await advance(LATENCY);

    const done = await exported;
    expect(done?.count).toBe(expected);
    expect(done?.csv.split('\r\n')).toHaveLength(expected + 2); // header, rows, the empty piece after the last CRLF
    expect(done?.memberships.every((m) => m.role === 'org:member')).toBe(true);
    expect(result.current.isExporting).toBe(false);
    expect(result.current.progress).toBeNull();
    expect(result.current.error).toBeUndefined();
    expect(listCalls(client).map((r) => (r.params as { orderBy?: string }).orderBy)).toEqual([
      '+first_name',
      '+first_name',
      '+first_name',
    ]);
  });

  it('when cancel is called after the first page, no further page is requested and exportCsv resolves null', async () => {
    const client = seededClient();
    const { result } = renderRosterHook(() => useExportMemberships({ organizationId: ACME }), client);
    let exported: Promise<MembershipExport | null> | undefined;
    act(() => {
      exported = result.current.exportCsv();
    });
    await advance(LATENCY);
    expect(result.current.progress?.loaded).toBe(500);
    act(() => result.current.cancel());
    await advance(10 * LATENCY);

    expect(await exported).toBeNull();
    expect(listCalls(client)).toHaveLength(2); // the second page was in flight, and was aborted
    expect(result.current.isExporting).toBe(false);
    expect(result.current.error).toBeUndefined();
  });

  it('when a page fails, exportCsv resolves null and error holds the server error until reset', async () => {
    const client = seededClient();
    client.failNext('listMemberships');
    const { result } = renderRosterHook(() => useExportMemberships({ organizationId: ACME }), client);
    let exported: Promise<MembershipExport | null> | undefined;
    act(() => {
      exported = result.current.exportCsv();
    });
    await advance(LATENCY);
    expect(await exported).toBeNull();
    expect(result.current.isExporting).toBe(false);
    expect(result.current.error?.status).toBe(500);
    act(() => result.current.reset());
    expect(result.current.error).toBeUndefined();
  });

  it('when the component unmounts during an export, no further page is requested', async () => {
    const client = seededClient();
    const { result, unmount } = renderRosterHook(
      () => useExportMemberships({ organizationId: ACME }),
      client,
    );
    let exported: Promise<MembershipExport | null> | undefined;
    act(() => {
      exported = result.current.exportCsv();
    });
    await advance(LATENCY);
    unmount();
    await advance(10 * LATENCY);
    expect(await exported).toBeNull();
    expect(listCalls(client)).toHaveLength(2);
  });

  it('when no organization is given, exportCsv sends nothing and resolves null', async () => {
    const client = seededClient();
    const { result } = renderRosterHook(() => useExportMemberships({ organizationId: null }), client);
    let exported: Promise<MembershipExport | null> | undefined;
    act(() => {
      exported = result.current.exportCsv();
    });
    expect(await exported).toBeNull();
    expect(listCalls(client)).toHaveLength(0);
  });
});
