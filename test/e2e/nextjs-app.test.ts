// examples/nextjs end to end: `next build` of the example (against the packages' built dist/, as an
// app gets them), the local Backend API in-process, `next start` as a child process, both on
// loopback, and Debian's Chromium. Checks what issue 11 asks of the App Router: the server's HTML
// holds the members, hydration sends no list request and logs no warning, a role change made on
// http://127.0.0.1:<port> persists, and the handler answers on the edge runtime too.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSeed, DEMO_IDS } from '../../packages/core/src/testing';
import {
  type BackendApi,
  createBackendApi,
  DEFAULT_SECRET_KEY,
  type ListeningBackendApi,
} from '../../packages/server/src/index';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE_PATH } from '../setup/chromium';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE_DIR = resolve(ROOT, 'examples/nextjs');
const NEXT_BIN = resolve(EXAMPLE_DIR, 'node_modules/next/dist/bin/next');
/** What the example imports from the workspace, as built by `pnpm build` (`pnpm test` builds first). */
const BUILT_ENTRIES = [
  'core/dist/index.js',
  'react/dist/server.js',
  'ui/dist/index.js',
  'handler/dist/index.js',
];
/** The files the example's README shows in full (each under a `// path` first line). */
const README_FILES = [
  'app/page.tsx',
  'app/api/roster/[...path]/route.ts',
  'app/api/roster-edge/[...path]/route.ts',
  'lib/roster-handler.ts',
  'lib/demo-viewer.ts',
  'lib/roster-config.ts',
  'next.config.ts',
];
/** The example's files the root README shows too (its Next.js section). */
const ROOT_README_FILES = ['app/page.tsx', 'app/api/roster/[...path]/route.ts', 'lib/roster-handler.ts'];
const BUILD_TIMEOUT_MS = 180_000;
const START_TIMEOUT_MS = 30_000;
const ORGANIZATION_ID = DEMO_IDS.organizationId;
/** Next's telemetry would try the network; the example runs offline here. */
const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: '1' };

const LIST_PATH = `/api/roster/organizations/${ORGANIZATION_ID}/memberships`;
const PRIVATE_MARKER = 'nx-private-marker-7f3a';
/** How long a wait for the page may take (it ends as soon as the condition holds). */
const POLL = { timeout: 15_000 } as const;

let backendApi: BackendApi;
let backend: ListeningBackendApi;
let next: ChildProcess | undefined;
let nextOutput = '';
let appUrl = '';
let browser: Browser;
const timings: Record<string, number> = {};

/** A free loopback port (the OS picks it; closed again before Next takes it). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error())));
    });
  });
}

/** Runs `next <args>` in the example; resolves its output, rejects with it on failure or timeout. */
function runNext(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], {
      cwd: EXAMPLE_DIR,
      env: { ...process.env, ...NEXT_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) done(output);
      else
        fail(
          new Error(`next ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output.slice(-6000)}`),
        );
    });
  });
}

/** Kills the process group of `next start` at once (when this process exits). */
function killNextGroup(): void {
  if (next?.pid === undefined) return;
  try {
    process.kill(-next.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Stops `next start` and whatever it spawned (its own process group), then forgets it. */
async function stopNext(): Promise<void> {
  process.off('exit', killNextGroup);
  const child = next;
  next = undefined;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // already gone
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Starts `next start` on a loopback port, against the in-process Backend API; waits until it answers. */
async function startNext(apiUrl: string): Promise<string> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [NEXT_BIN, 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    {
      cwd: EXAMPLE_DIR,
      env: {
        ...process.env,
        ...NEXT_ENV,
        NODE_ENV: 'production',
        ROSTER_API_URL: apiUrl,
        ROSTER_SECRET_KEY: DEFAULT_SECRET_KEY,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so stopping it stops any worker it forks.
      detached: true,
    },
  );
  next = child;
  // Should the test process end without afterAll (a crash, a timeout), the server goes with it.
  process.once('exit', killNextGroup);
  child.stdout?.on('data', (chunk) => {
    nextOutput += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    nextOutput += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${nextOutput}`);
    const ready = await fetch(`${url}/api/roster/organization_roles`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.status < 500)
      .catch(() => false);
    if (ready) return url;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`next start did not answer within ${START_TIMEOUT_MS} ms:\n${nextOutput}`);
}

/** Reads a member's membership straight from the Backend API (not through the app). */
async function backendMembership(userId: string): Promise<{ role: string }> {
  const response = await fetch(
    `${backend.url}/v1/organizations/${ORGANIZATION_ID}/memberships?user_id=${userId}`,
    { headers: { authorization: `Bearer ${DEFAULT_SECRET_KEY}` } },
  );
  const body = (await response.json()) as { data: Array<{ role: string }> };
  const membership = body.data[0];
  if (!membership) throw new Error(`no membership of ${userId} in ${ORGANIZATION_ID}`);
  return membership;
}

/** The first page of the list as the members page orders it (newest first), from the Backend API. */
async function firstPageNames(): Promise<{ names: string[]; userIds: string[]; total: number }> {
  const response = await fetch(
    `${backend.url}/v1/organizations/${ORGANIZATION_ID}/memberships?limit=10&order_by=-created_at`,
    { headers: { authorization: `Bearer ${DEFAULT_SECRET_KEY}` } },
  );
  const body = (await response.json()) as {
    data: Array<{
      public_user_data: { user_id: string; first_name: string | null; last_name: string | null };
    }>;
    total_count: number;
  };
  return {
    names: body.data.map((m) =>
      `${m.public_user_data.first_name ?? ''} ${m.public_user_data.last_name ?? ''}`.trim(),
    ),
    userIds: body.data.map((m) => m.public_user_data.user_id),
    total: body.total_count,
  };
}

/** Text as React writes it into HTML. */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');
}

beforeAll(
  async () => {
    const missing = BUILT_ENTRIES.filter((entry) => !existsSync(resolve(ROOT, 'packages', entry)));
    if (missing.length > 0) {
      throw new Error(
        `examples/nextjs uses the built packages; run \`pnpm build\` first (missing: ${missing.join(', ')})`,
      );
    }
    let started = performance.now();
    await runNext(['build'], BUILD_TIMEOUT_MS);
    timings.nextBuildMs = Math.round(performance.now() - started);

    backendApi = createBackendApi({ database: ':memory:', seed: createDemoSeed() });
    backend = await backendApi.listen({ host: '127.0.0.1', port: 0 });
    started = performance.now();
    appUrl = await startNext(`${backend.url}/v1`);
    timings.nextStartMs = Math.round(performance.now() - started);
    browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE_PATH, args: [...CHROMIUM_ARGS] });
  },
  BUILD_TIMEOUT_MS + START_TIMEOUT_MS + 30_000,
);

afterAll(async () => {
  await browser?.close();
  await stopNext();
  await backend?.close();
  backendApi?.close();
  if (timings.nextBuildMs !== undefined) {
    console.info(
      `examples/nextjs: next build ${timings.nextBuildMs} ms, next start ready in ${timings.nextStartMs} ms`,
    );
  }
}, 30_000);

/** A browser page on the app, with what it asked the handler for and what went wrong on it. */
interface OpenedPage {
  page: Page;
  /** GETs of the members list through the handler (their query strings). */
  listRequests: string[];
  /** Every request to the handler routes (`METHOD path?query`). */
  apiRequests: string[];
  /** Console errors and warnings, uncaught page errors, HTTP errors of requests the page made. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh browser page on the app (as the demo admin, the default viewer). */
async function openPage(): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const listRequests: string[] = [];
  const apiRequests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname === LIST_PATH) listRequests.push(url.search);
    if (url.pathname.startsWith('/api/'))
      apiRequests.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return { page, listRequests, apiRequests, problems, close: () => context.close() };
}

/** Waits until React has hydrated the panel (its DOM nodes carry React's fiber once it has). */
async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const node = document.querySelector('[data-roster-slot]');
      return node !== null && Object.keys(node).some((key) => key.startsWith('__reactFiber$'));
    },
    undefined,
    POLL,
  );
}

describe('examples/nextjs (Next.js App Router, built and started)', () => {
  it("README shows the example's files as they are (and the root README its page and Node route)", async () => {
    const readme = await readFile(resolve(EXAMPLE_DIR, 'README.md'), 'utf8');
    const rootReadme = await readFile(resolve(ROOT, 'README.md'), 'utf8');
    for (const file of README_FILES) {
      const source = (await readFile(resolve(EXAMPLE_DIR, file), 'utf8')).trimEnd();
      expect(readme, `README.md shows ${file}`).toContain(`// ${file}\n${source}\n\`\`\``);
      if (ROOT_README_FILES.includes(file)) {
        expect(rootReadme, `the root README shows ${file}`).toContain(`// ${file}\n${source}\n\`\`\``);
      }
    }
  });

  it('serves the members page with the first page of members in its HTML, and no private metadata', async () => {
    const { names, userIds, total } = await firstPageNames();
    // Private metadata on a member of page 1: the page must not carry it (the prefetch is sanitized).
    const marked = userIds[1] as string;
    const patch = await fetch(
      `${backend.url}/v1/organizations/${ORGANIZATION_ID}/memberships/${marked}/metadata`,
      {
        method: 'PATCH',
        headers: { authorization: `Bearer ${DEFAULT_SECRET_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ private_metadata: { note: PRIVATE_MARKER } }),
      },
    );
    expect(patch.status).toBe(200);

    const response = await fetch(appUrl);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const name of names) expect(html).toContain(escapeHtml(name));
    // The status line, with React's text separators removed.
    expect(html.replaceAll('<!-- -->', '')).toContain(`1–10 of ${total}`);
    expect(html).not.toContain(PRIVATE_MARKER);
    expect(html).not.toContain(DEFAULT_SECRET_KEY);
  });

  it('hydrates with no list request and no hydration warning', async () => {
    const { page, listRequests, apiRequests, problems, close } = await openPage();
    try {
      await page.goto(appUrl);
      await waitForHydration(page);
      // Anything hydration would send has been sent once the network is idle.
      await page.waitForLoadState('networkidle');
      expect(listRequests).toEqual([]);
      // The fallback holds the roles, the viewer's membership and the admin count too: nothing at all.
      expect(apiRequests).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('persists a role change made in the UI on http://127.0.0.1:<port>', async () => {
    const { page, close } = await openPage();
    const writes: string[] = [];
    page.on('response', async (response) => {
      if (response.request().method() === 'PATCH') {
        writes.push(`${response.status()} ${await response.text().catch(() => '')}`);
      }
    });
    try {
      expect(new URL(appUrl).hostname).toBe('127.0.0.1');
      await page.goto(appUrl);
      await waitForHydration(page);
      const roleSelect = page
        .getByRole('combobox', { name: /^Role for / })
        .filter({ hasText: 'Member' })
        .and(page.locator(':not([disabled])'))
        .first();
      const label = (await roleSelect.getAttribute('aria-label')) ?? '';
      const name = label.replace(/^Role for /, '');
      const { names, userIds } = await firstPageNames();
      const userId = userIds[names.indexOf(name)];
      expect(userId, `${name} is on the first page`).toBeDefined();

      await roleSelect.click();
      await page.getByRole('option', { name: 'Admin' }).click();
      await expect.poll(() => writes.length, POLL).toBeGreaterThan(0);
      expect(writes[0]).toMatch(/^200 /);
      await expect.poll(async () => (await backendMembership(userId as string)).role, POLL).toBe('org:admin');

      await page.reload();
      await waitForHydration(page);
      await expect
        .poll(() => page.getByRole('combobox', { name: `Role for ${name}` }).textContent(), POLL)
        .toContain('Admin');
    } finally {
      await close();
    }
  });

  it('answers a list request on the edge runtime route, mounted as on Node', async () => {
    const response = await fetch(
      `${appUrl}/api/roster-edge/organizations/${ORGANIZATION_ID}/memberships?limit=5&order_by=-created_at`,
      { headers: { cookie: `roster_demo_user=${DEMO_IDS.adminUserId}; roster_demo_org=${ORGANIZATION_ID}` } },
    );
    const body = await response.text();
    expect(response.status, body).toBe(200);
    const page = JSON.parse(body) as { data: unknown[]; total_count: number };
    expect(page.data).toHaveLength(5);
    expect(page.total_count).toBe((await firstPageNames()).total);
  });

  it("answers the add-member user search for the page's default viewer, with no cookie set", async () => {
    // A route that names no organization acts in the page's (found by an outside-user trial: the
    // demo authorize used to pick the admin's newest membership, where she may not manage members).
    const response = await fetch(`${appUrl}/api/roster/users?query=a&limit=3`);
    const body = await response.text();
    expect(response.status, body).toBe(200);
    expect((JSON.parse(body) as unknown[]).length).toBeGreaterThan(0);
  });
});
