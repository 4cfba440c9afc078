// Builds the Chromium bench page (bench/page) with Vite into bench/dist/page, as an app build
// would: production mode, the Roster packages resolved to their built dist.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the page; returns the output folder. */
export async function buildBenchPage() {
  const outDir = join(benchDir, 'dist', 'page');
  await build({
    root: join(benchDir, 'page'),
    base: './',
    logLevel: 'error',
    mode: 'production',
    build: { outDir, emptyOutDir: true, minify: true },
  });
  return outDir;
}
