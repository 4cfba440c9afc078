import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IDS } from '@roster/core/testing';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BackendApi, createBackendApi, DEFAULT_SECRET_KEY } from '../src/index';

let directory: string;
let file: string;
const open: BackendApi[] = [];

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'roster-server-'));
  file = join(directory, 'roster.sqlite');
});
afterEach(() => {
  for (const api of open.splice(0)) api.close();
  rmSync(directory, { recursive: true, force: true });
});

function start(options: Parameters<typeof createBackendApi>[0]): BackendApi {
  const api = createBackendApi({ database: file, ...options });
  open.push(api);
  return api;
}

async function call(api: BackendApi, method: string, path: string, body?: unknown) {
  const init: RequestInit = { method, headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await api.fetch(new Request(`http://local/v1${path}`, init));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('given a database file', () => {
  it('when the server restarts, it finds the data it wrote and does not seed again', async () => {
    const first = start({ seed: 'demo' });
    const members = `/organizations/${DEMO_IDS.organizationId}/memberships`;
    await call(first, 'PATCH', `${members}/${DEMO_IDS.memberUserId}`, { role: 'org:admin' });
    await call(first, 'PATCH', `${members}/${DEMO_IDS.memberUserId}/metadata`, {
      public_metadata: { desk: 7 },
    });
    const created = await call(first, 'POST', '/organizations', { name: 'After Restart' });
    const before = await call(first, 'GET', `${members}?limit=500`);
    first.close();

    const second = start({ seed: 'demo' });
    const after = await call(second, 'GET', `${members}?limit=500`);
    expect(after.body).toEqual(before.body);
    const bob = await call(second, 'GET', `${members}?user_id=${DEMO_IDS.memberUserId}`);
    expect(bob.body).toMatchObject({ data: [{ role: 'org:admin', public_metadata: { desk: 7 } }] });
    const organization = await call(second, 'GET', `/organizations/${String(created.body.id)}`);
    expect(organization.status).toBe(200);
  });

  it('when it is opened, it runs in WAL mode', () => {
    start({ seed: false }).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('when it starts without a seed, it holds only the default roles', async () => {
    const api = start({ seed: false });
    const roles = await call(api, 'GET', '/organization_roles');
    expect(roles.body.total_count).toBe(2);
    const organizations = await call(api, 'GET', '/organizations');
    expect(organizations.body.total_count).toBe(0);
  });
});

describe('given the server is closed', () => {
  it('when a request arrives, it answers 503 and does not throw', async () => {
    const api = createBackendApi();
    api.close();
    const response = await api.fetch(
      new Request('http://local/v1/organizations', {
        headers: { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/json');
  });
});
