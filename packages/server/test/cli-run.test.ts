import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliEnvironment, runCli } from '../src/cli-run';
import { createBackendApi } from '../src/index';

function fakeEnvironment() {
  const handlers = new Map<string, () => void>();
  const out: string[] = [];
  const err: string[] = [];
  const env: CliEnvironment = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    onSignal: (signal, handler) => handlers.set(signal, handler),
  };
  return { env, out, err, signal: (name: string) => handlers.get(name)?.() };
}

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('given roster-server started from its command line', () => {
  it('when it starts, it prints the URL and the key, and the URL answers with that key', async () => {
    const fake = fakeEnvironment();
    const run = await runCli(['--port', '0', '--secret-key', 'sk_test_cli'], fake.env);
    const printed = fake.out.join('');
    expect(printed).toContain(`listening on ${run.url}`);
    expect(printed).toContain('sk_test_cli');
    const response = await fetch(`${run.url}/organization_roles`, {
      headers: { Authorization: 'Bearer sk_test_cli' },
    });
    expect(response.status).toBe(200);
    fake.signal('SIGINT');
    expect(await run.exitCode).toBe(0);
  });

  it('when SIGTERM arrives, it stops listening and closes the database, so the file can be reopened', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'roster-cli-'));
    directories.push(directory);
    const file = join(directory, 'cli.sqlite');
    const fake = fakeEnvironment();
    const run = await runCli(['--port=0', '--db', file, '--seed', 'demo'], fake.env);
    fake.signal('SIGTERM');
    expect(await run.exitCode).toBe(0);
    expect(fake.out.join('')).toContain('SIGTERM: closing');
    await expect(fetch(`${run.url}/organization_roles`)).rejects.toThrow();
    const reopened = createBackendApi({ database: file });
    const response = await reopened.fetch(
      new Request('http://local/v1/organizations/org_acme', {
        headers: { Authorization: 'Bearer sk_test_roster_local' },
      }),
    );
    expect(response.status).toBe(200);
    reopened.close();
  });

  it('when the arguments are bad, it prints the problem and the usage and exits with 2', async () => {
    const fake = fakeEnvironment();
    const run = await runCli(['--fail-rate', 'often'], fake.env);
    expect(await run.exitCode).toBe(2);
    expect(fake.err.join('')).toContain('--fail-rate must be 0..1');
    expect(fake.err.join('')).toContain('Usage: roster-server');
  });

  it('when --help is given, it prints the usage and exits with 0 without starting', async () => {
    const fake = fakeEnvironment();
    const run = await runCli(['--help'], fake.env);
    expect(await run.exitCode).toBe(0);
    expect(run.url).toBeUndefined();
    expect(fake.out.join('')).toContain('--rate-limit');
  });
});
