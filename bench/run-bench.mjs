// pnpm bench: builds what it needs, runs every section (each timing in 3 separate processes, the
// variants interleaved inside each), and writes BENCHMARKS.md at the repository root.
// Options: --quick (fewer rows and iterations, one process: a smoke run), --only <section>
// (bundle | jsdom | chromium | requests | server), --no-build (use the dist as it is).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineInfo } from './lib/machine-info.mjs';
import { renderReport } from './lib/render-report.mjs';
import { runInProcesses, runProcess } from './lib/run-process.mjs';
import { buildBenchPage } from './sections/build-bench-page.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(benchDir, '..');
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const SECTIONS = ['bundle', 'jsdom', 'chromium', 'requests', 'server'];
if (values.only && !SECTIONS.includes(values.only)) {
  console.error(`--only takes one of: ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const wanted = (section) => !values.only || values.only === section;
const processes = values.quick ? 1 : 3;
const quickArgs = values.quick ? ['--quick'] : [];
const production = { env: { NODE_ENV: 'production' }, cwd: benchDir };
const started = Date.now();

function log(message) {
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
}

if (!values['no-build']) {
  log('pnpm build (the packages’ dist, imported as an app would)');
  // Others may be mid-change: one retry after a failed build, then stop with its output.
  for (let attempt = 1; ; attempt += 1) {
    try {
      execFileSync('pnpm', ['build'], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8' });
      break;
    } catch (error) {
      if (attempt === 2) {
        console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`.split('\n').slice(-30).join('\n'));
        process.exit(1);
      }
      log('pnpm build failed; retrying in 20 s');
      execFileSync('sleep', ['20']);
    }
  }
}

const results = { quick: values.quick, processes, machine: machineInfo(repoRoot) };

if (wanted('bundle')) {
  log('bundle sizes');
  results.bundle = await runProcess('node', ['sections/bundle-sizes.mjs'], production);
}
if (wanted('jsdom')) {
  log(`jsdom render, ${processes} process(es)`);
  results.jsdom = await runInProcesses(
    processes,
    'node',
    ['sections/jsdom-render.mjs', ...quickArgs],
    production,
  );
}
if (wanted('chromium')) {
  log('building the bench page (Vite)');
  let dir = null;
  try {
    dir = await buildBenchPage();
  } catch (error) {
    results.chromium = [
      { ok: false, error: `the bench page did not build: ${String(error?.message ?? error).split('\n')[0]}` },
    ];
  }
  if (dir) {
    log(`Chromium interaction latency, ${processes} process(es)`);
    results.chromium = await runInProcesses(
      processes,
      'node',
      ['sections/chromium-latency.mjs', '--dir', dir, ...quickArgs],
      production,
    );
  }
}
if (wanted('requests')) {
  log('requests per journey');
  results.requests = await runProcess('node', ['sections/requests-per-journey.mjs'], production);
}
if (wanted('server')) {
  const server = join(repoRoot, 'packages/server/bench/list-latency.mjs');
  const handler = join(repoRoot, 'packages/handler/bench/throughput.mjs');
  const serverArgs = values.quick
    ? ['--members', '10000', '--runs', '10']
    : ['--members', '100000', '--runs', '15'];
  const handlerArgs = values.quick
    ? ['--duration', '1', '--rounds', '1']
    : ['--duration', '2', '--rounds', '5'];
  results.serverArgs = serverArgs;
  results.handlerArgs = handlerArgs;
  log('local server list latency');
  results.server = existsSync(server)
    ? await runInProcesses(processes, 'node', [server, '--json', ...serverArgs], { cwd: repoRoot })
    : null;
  log('handler throughput');
  results.handler = existsSync(handler)
    ? await runInProcesses(processes, 'node', [handler, '--json', ...handlerArgs], { cwd: repoRoot })
    : null;
}

results.elapsedSeconds = Math.round((Date.now() - started) / 1000);
mkdirSync(join(benchDir, 'dist'), { recursive: true });
writeFileSync(join(benchDir, 'dist', 'last-run.json'), `${JSON.stringify(results, null, 1)}\n`);
writeFileSync(join(repoRoot, 'BENCHMARKS.md'), renderReport(results));
log(`wrote BENCHMARKS.md (${results.elapsedSeconds} s)`);
