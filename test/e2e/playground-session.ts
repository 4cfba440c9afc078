// What every end-to-end test needs: the built playground served in-process (fresh in-memory
// database per test file), Debian's Chromium driven by playwright-core, and helpers that act like a
// user (viewer switch, keyboard) and check accessibility with axe.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createDemoSeed, DEMO_IDS } from '../../packages/core/src/testing';
import {
  createPlaygroundServer,
  type PlaygroundFaults,
  type PlaygroundServer,
} from '../../packages/demo/server/playground-server';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE_PATH } from '../setup/chromium';

const APP_DIR = resolve(import.meta.dirname, '../../packages/demo/dist/app');
const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/e2e');

/** The demo viewers the tests act as. */
export const VIEWERS = {
  alice: { userId: DEMO_IDS.adminUserId, organizationId: DEMO_IDS.organizationId },
  bob: { userId: DEMO_IDS.memberUserId, organizationId: DEMO_IDS.organizationId },
  carol: { userId: DEMO_IDS.soloAdminUserId, organizationId: DEMO_IDS.soloOrganizationId },
} as const;

/** How many members the demo seed gives an organization. */
export function seededMemberCount(organizationId: string): number {
  return createDemoSeed().memberships.filter((m) => m.organizationId === organizationId).length;
}

/** Saves a full-page screenshot of every open page under test-results/e2e/ (for failed tests). */
async function saveScreenshots(testName: string, contexts: readonly BrowserContext[]): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const base = testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 100);
  const pages = contexts.flatMap((context) => context.pages());
  await Promise.all(
    pages.map((page, index) =>
      page
        .screenshot({ path: resolve(SCREENSHOT_DIR, `${base}-${index}.png`), fullPage: true })
        .catch(() => undefined),
    ),
  );
}

/** Sets the injected faults of the playground at `url` through its control endpoint. */
async function postFaults(url: string, faults: Partial<PlaygroundFaults>): Promise<void> {
  await fetch(`${url}/__playground/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
}

/** Hooks for a test file: one playground and one browser for the file, a fresh context per test. */
export function setupPlayground() {
  let server: PlaygroundServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await createPlaygroundServer({ appDir: APP_DIR, database: ':memory:', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE_PATH, args: [...CHROMIUM_ARGS] });
  });

  beforeEach(async (context) => {
    // Each test starts from the seed, with no faults.
    await fetch(`${server.url}/__playground/reset`, { method: 'POST' });
    await postFaults(server.url, { latencyMs: 0, failureRate: 0 });
    return async () => {
      const open = contexts.splice(0);
      if (context.task.result?.state === 'fail') await saveScreenshots(context.task.name, open);
      await Promise.all(open.map((browserContext) => browserContext.close()));
    };
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get url() {
      return server.url;
    },
    /** Opens the playground as `viewer` in a fresh browser context; screenshots it if the test fails. */
    async open(viewer: keyof typeof VIEWERS = 'alice'): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const { userId, organizationId } = VIEWERS[viewer];
      await context.addCookies([
        { name: 'roster_demo_user', value: userId, url: server.url },
        { name: 'roster_demo_org', value: organizationId, url: server.url },
      ]);
      const page = await context.newPage();
      await page.goto(server.url);
      return page;
    },
    /** Sets the injected faults of the local Backend API. */
    setFaults(faults: Partial<PlaygroundFaults>): Promise<void> {
      return postFaults(server.url, faults);
    },
  };
}

/**
 * How long `expect.poll` waits for the page to catch up: generous, because the machine may be busy
 * (a wait that ends as soon as the condition holds, not a timing assertion).
 */
export const POLL = { timeout: 15_000 } as const;

/** The pagination status (`1–10 of 253`). */
export function paginationStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: / of \d+$/ });
}

/** Waits until the pagination status reads `{from}–{to} of {total}`. */
export async function expectStatus(page: Page, from: number, to: number, total: number): Promise<void> {
  await expect.poll(() => paginationStatus(page).textContent(), POLL).toBe(`${from}–${to} of ${total}`);
}

/** The polite live region's text (announcements of results). */
export function announcements(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[aria-live="polite"]')].map((node) => node.textContent ?? '').join(' '),
  );
}

/** Presses Tab until `target` has focus (keyboard-only navigation); fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((node) => node === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/**
 * Runs axe and expects no violations (the rule IDs and targets are listed if any). With a modal
 * overlay open (Radix Select or Dialog), pass its selector: the overlay hides the rest of the page
 * from assistive technology on purpose (`aria-hidden`, focus trapped), so the overlay is what a user
 * can reach and what is checked.
 */
export async function expectNoAxeViolations(page: Page, overlay?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (overlay) builder.include(overlay);
  const results = await builder.analyze();
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations).toEqual([]);
}
