// Screenshots of the panel for the README, taken from the built Storybook:
//   pnpm build-storybook -o /tmp/roster-storybook && node packages/ui/docs/capture-panel-screenshots.mjs /tmp/roster-storybook
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(process.argv[2] ?? 'storybook-static');
const docs = fileURLToPath(new URL('.', import.meta.url));
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  try {
    const body = await readFile(join(root, path === '/' ? 'index.html' : path));
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const { port } = server.address();

// The same Debian Chromium and flags as test/setup/chromium.ts (the story and end-to-end tests); this
// plain-ESM script cannot import that TypeScript file, so keep the two in step.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage();
const shots = [
  // SlowNetwork: its play changes a role, so one row shows the pending state.
  ['panel-organizationmemberspanel--slow-network', 'panel-light.png'],
  ['panel-organizationmemberspanel--dark', 'panel-dark.png'],
];
for (const [id, file] of shots) {
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story`);
  await page
    .getByRole('combobox', { name: /^Role for / })
    .nth(9)
    .waitFor();
  await page.waitForTimeout(400);
  await page
    .locator('[data-theme]')
    .first()
    .screenshot({ path: join(docs, file) });
  console.log(`saved ${file}`);
}
await browser.close();
server.close();
