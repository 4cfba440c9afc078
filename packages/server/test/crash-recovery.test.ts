// kill -9 under write load (issue 14): the roster-server CLI (bundled from source) writes to a
// SQLite file while requests stream in; SIGKILL it mid-load, reopen the file: every write it
// acknowledged is there and PRAGMA integrity_check is ok.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendApi, DEFAULT_SECRET_KEY } from '../src/backend-api';

const directory = mkdtempSync(join(tmpdir(), 'roster-crash-'));
const cliBundle = join(directory, 'cli.cjs');
/** Where the bundle finds its native modules (CommonJS honours NODE_PATH). */
const serverModules = fileURLToPath(new URL('../node_modules', import.meta.url));
const databasePath = join(directory, 'roster.db');

beforeAll(async () => {
  // The CLI from source, as `roster-server` runs it from dist (native modules stay external).
  await build({
    entryPoints: [fileURLToPath(new URL('../src/cli.ts', import.meta.url))],
    outfile: cliBundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    conditions: ['source'],
    external: ['better-sqlite3', '@clerk/backend'],
    logLevel: 'silent',
  });
}, 60_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Starts the CLI on a free port over the database file; resolves with its API URL. */
function startCli(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cliBundle, '--port', '0', '--db', databasePath, '--seed', 'none'], {
    // Not the test runner's NODE_OPTIONS (its loaders are not for a plain child process).
    env: { PATH: process.env.PATH, NODE_PATH: serverModules },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) =>
      reject(new Error(`roster-server exited (${code}) before listening: ${output}`)),
    );
  });
}

/**
 * Starts the CLI over the file, sends writes from eight concurrent writers, and SIGKILLs it once 200
 * more are acknowledged (eight are in flight then). Acknowledged names are pushed to `acknowledged`.
 */
async function loadAndKill(acknowledged: string[], nextName: () => string): Promise<void> {
  const { child, url } = await startCli();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const target = acknowledged.length + 200;
  let killed = false;
  async function writer(): Promise<void> {
    while (!killed) {
      const name = nextName();
      try {
        const response = await fetch(`${url}/users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${DEFAULT_SECRET_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ first_name: name, email_address: [`${name}@crash.test`] }),
        });
        if (response.status === 200) acknowledged.push(name);
        else await response.body?.cancel();
      } catch {
        // The connection died with the process: this write was never acknowledged.
      }
    }
  }
  const writers = Array.from({ length: 8 }, () => writer());
  while (acknowledged.length < target) await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill('SIGKILL');
  killed = true;
  await Promise.all([exited, ...writers]);
  expect(child.signalCode).toBe('SIGKILL');
}

describe('given roster-server writing to a database file under load', () => {
  it('when it is killed with SIGKILL mid-load three times, every acknowledged write survives each time and the file stays intact', async () => {
    const acknowledged: string[] = [];
    let next = 0;
    for (let round = 1; round <= 3; round++) {
      await loadAndKill(acknowledged, () => `crash_${next++}`);
      const db = new Database(databasePath);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = db.prepare('SELECT first_name FROM users').all() as { first_name: string }[];
        const stored = new Set(rows.map((row) => row.first_name));
        expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(600);

    // And the server opens the file again and serves what it holds.
    const api = createBackendApi({ database: databasePath });
    try {
      const response = await api.fetch(
        new Request('http://local.test/v1/users/count', {
          headers: { authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
        }),
      );
      const { total_count } = (await response.json()) as { total_count: number };
      expect(total_count).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      api.close();
    }
  }, 60_000);
});
