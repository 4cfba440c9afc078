// Benchmark (not a test): list latency of the local Backend API with 100,000 members.
// Run from the repository root:  pnpm --filter "@roster/server..." run build && node packages/server/bench/list-latency.mjs
// Options: --members N (default 100000), --runs N (default 50), --db FILE (default :memory:).
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createBackendApi, DEFAULT_SECRET_KEY } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '50' },
    db: { type: 'string', default: ':memory:' },
  },
});
const members = Number(values.members);
const runs = Number(values.runs);
const WARMUP = 5;

function quantile(sorted, q) {
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

const seedStart = performance.now();
const api = createBackendApi({ database: values.db, seed: members });
const seedMs = performance.now() - seedStart;
const listening = await api.listen();
const headers = { Authorization: `Bearer ${DEFAULT_SECRET_KEY}` };

const base = '/v1/organizations/org_acme/memberships';
const cases = [
  ['offset 0 (default order)', `${base}?limit=10&offset=0`],
  ['offset 50,000', `${base}?limit=10&offset=50000`],
  ['offset 99,990', `${base}?limit=10&offset=99990`],
  ['offset 50,000, order_by=first_name', `${base}?limit=10&offset=50000&order_by=first_name`],
  ['offset 50,000, role=org:member', `${base}?limit=10&offset=50000&role=org:member`],
  ['query=smith (few matches: trigram index)', `${base}?limit=10&query=smith`],
  ['query=acme (every member matches: ordered scan)', `${base}?limit=10&query=acme`],
  ['query=acme, offset 50,000', `${base}?limit=10&offset=50000&query=acme`],
  ['query=zq (2 characters: search_text index)', `${base}?limit=10&query=zq`],
];

async function measure(send) {
  const times = [];
  for (let i = 0; i < WARMUP + runs; i += 1) {
    const start = performance.now();
    const response = await send();
    const body = await response.json();
    const elapsed = performance.now() - start;
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body)}`);
    if (i >= WARMUP) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

const rows = [];
for (const [name, path] of cases) {
  const inProcess = await measure(() => api.fetch(new Request(`http://bench${path}`, { headers })));
  const overHttp = await measure(() => fetch(`${listening.url}${path}`, { headers }));
  const probe = await (await api.fetch(new Request(`http://bench${path}`, { headers }))).json();
  rows.push({ name, total: probe.total_count, returned: probe.data.length, inProcess, overHttp });
}
await listening.close();
api.close();

const fmt = (ms) => `${ms.toFixed(2)} ms`;
console.log(
  `Roster local Backend API, list latency: ${members.toLocaleString('en')} members in one organization`,
);
console.log(
  `Node ${process.version}, ${cpus().length} CPU (${cpus()[0]?.model ?? 'unknown'}), database ${values.db}`,
);
console.log(
  `Seeding took ${(seedMs / 1000).toFixed(1)} s. ${runs} runs per case after ${WARMUP} warm-up runs.\n`,
);
// The first case (offset 0) is the baseline of this run: each case is also given as a ratio of its
// handler median to the baseline's, which carries over between machines better than milliseconds.
const baseline = rows[0]?.inProcess.median ?? 1;
console.log(
  '| case | total_count | handler median | handler p95 | HTTP median | HTTP p95 | x offset 0 (handler median) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.total} | ${fmt(row.inProcess.median)} | ${fmt(row.inProcess.p95)} | ${fmt(row.overHttp.median)} | ${fmt(row.overHttp.p95)} | ${(row.inProcess.median / baseline).toFixed(1)}x |`,
  );
}
