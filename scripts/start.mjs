// `pnpm start`: builds the playground (the React app with Vite, the server with esbuild) and serves it
// on one port: the app, the browser-facing handler at /api and the local Backend API (SQLite file
// under .data/, seeded with the demo organization on first run). PORT overrides the port (default
// 4320). `node scripts/start.mjs --build-only` builds without serving.
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPlayground } from '../packages/demo/scripts/build-playground.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const buildOnly = process.argv.includes('--build-only');

const started = Date.now();
console.log('Roster playground: building the app and the server…');
const { serverEntry } = await buildPlayground();
console.log(`Roster playground: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (!buildOnly) {
  process.env.ROSTER_DATABASE ??= resolve(repoRoot, '.data/roster.db');
  await import(pathToFileURL(serverEntry).href);
}
