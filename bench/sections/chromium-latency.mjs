// Section 3, one process: interaction latency in headless Debian Chromium (playwright-core, never a
// downloaded browser) on the Vite-built bench page: role change, removal, next page (prefetched)
// and previous page (cached), each from the keydown that does it to the next painted frame that
// shows it (see bench-page.mjs), at 100 and 500 rows, unthrottled and at 4x CPU throttling.
// Variants alternate within each round. Prints one JSON line:
// { configs: [{ rows, throttle, samples: { [action]: { [variant]: ms[] } } }] }.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, dir: { type: 'string' } },
});
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const PLAN = values.quick
  ? [{ rows: 100, throttle: 1, rounds: 1 }]
  : [
      // The configuration the goals are read from: more rounds, so that each process's median
      // rests on 6 page changes and 18 role changes, not 3 and 9.
      { rows: 100, throttle: 1, rounds: 6 },
      { rows: 500, throttle: 1, rounds: 1 },
      { rows: 100, throttle: 4, rounds: 1 },
      { rows: 500, throttle: 4, rounds: 1 },
    ];
const ROLE_CHANGES = values.quick ? 2 : 3;
const LABELS = { 'org:member': 'Member', 'org:billing_manager': 'Billing manager' };

const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  try {
    const body = await readFile(join(values.dir, path === '/' ? 'index.html' : path));
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.setDefaultTimeout(20_000);
await page.goto(url);
await page.waitForFunction(() => window.__bench !== undefined);
const cdp = await page.context().newCDPSession(page);

async function timed(kind, params, press) {
  await page.evaluate(([k, p]) => window.__bench.arm(k, p), [kind, params]);
  await press();
  return page.evaluate(() => window.__bench.result());
}

async function roleChange(variant, member) {
  const next = member.role === 'org:member' ? 'org:billing_manager' : 'org:member';
  const control = page.getByRole('combobox', { name: `Role for ${member.name}`, exact: true });
  let ms;
  if (variant === 'native') {
    await control.focus();
    ms = await timed('role', { name: member.name, role: next }, () =>
      page.keyboard.press(next === 'org:billing_manager' ? 'ArrowDown' : 'ArrowUp'),
    );
  } else {
    await control.click();
    const option = page.getByRole('option', { name: LABELS[next], exact: true });
    await option.focus();
    ms = await timed('role', { name: member.name, role: next }, () => page.keyboard.press('Enter'));
  }
  member.role = next;
  return ms;
}

async function removal(member) {
  await page.getByRole('button', { name: `Remove ${member.name}`, exact: true }).click();
  const confirm = page.getByRole('alertdialog').getByRole('button', { name: 'Remove', exact: true });
  await confirm.focus();
  return timed('removed', { name: member.name }, () => page.keyboard.press('Enter'));
}

async function pageChange(label) {
  await page.waitForTimeout(200); // the prefetch of the next page (Roster) has landed
  await page.getByRole('button', { name: label, exact: true }).focus();
  return timed('page', {}, () => page.keyboard.press('Enter'));
}

async function round(variant, rows, samples) {
  const members = await page.evaluate(([v, n]) => window.__bench.mount(v, n), [variant, rows]);
  await page.waitForTimeout(200);
  for (const member of members.slice(0, ROLE_CHANGES)) {
    samples.roleChange[variant].push(await roleChange(variant, member));
    await page.waitForTimeout(100);
  }
  samples.removal[variant].push(await removal(members[ROLE_CHANGES]));
  samples.nextPage[variant].push(await pageChange('Next page'));
  samples.previousPage[variant].push(await pageChange('Previous page'));
}

const configs = [];
try {
  const order = ['native', 'radix', 'roster'];
  for (const { rows, throttle, rounds } of PLAN) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const samples = {};
    for (const action of ['roleChange', 'removal', 'nextPage', 'previousPage']) {
      samples[action] = { native: [], radix: [], roster: [] };
    }
    if (configs.length === 0) {
      const warm = structuredClone(samples);
      for (const variant of order) await round(variant, rows, warm); // one warm-up round per process, not recorded
    }
    for (let r = 0; r < rounds; r += 1) {
      for (const variant of [...order.slice(r % 3), ...order.slice(0, r % 3)])
        await round(variant, rows, samples);
    }
    configs.push({ rows, throttle, samples });
  }
} finally {
  await page.evaluate(() => window.__bench.unmount()).catch(() => {});
  await browser.close();
  server.close();
}
console.log(JSON.stringify({ roleChangesPerRound: ROLE_CHANGES, configs }));
