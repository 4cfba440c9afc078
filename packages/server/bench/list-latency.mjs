// Benchmark (not a test): list latency of the local Backend API with 100,000 members.
// Run from the repository root:  pnpm --filter "@roster/server..." run build && node packages/server/bench/list-latency.mjs
// Options: --members N (default 100000), --runs N (default 50), --db FILE (default :memory:),
// --json (one JSON object on the last line of stdout:
// { "members": N, "cases": [{ "name", "medianMs", "p95Ms" }], "baselineName": "offset 0 (default order)" },
// the in-process figures; the baseline is a case of the same run).
// A search's total_count is cached until the next write (see the README): the "after a write" case
// writes (outside the timing) before each run, so its count is computed every time.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createBackendApi, DEFAULT_SECRET_KEY } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '50' },
    db: { type: 'string', default: ':memory:' },
    json: { type: 'boolean', default: false },
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
  [
    'query=acme, offset 50,000, after a write (count not cached)',
    `${base}?limit=10&offset=50000&query=acme`,
    'write',
  ],
  ['query=zq (2 characters: search_text index)', `${base}?limit=10&query=zq`],
];

// A write that changes no list measured here (another organization's member's metadata): it makes
// the next search count again.
const other = await (
  await api.fetch(new Request('http://bench/v1/organizations/org_globex/memberships?limit=1', { headers }))
).json();
const otherUser = other.data[0].public_user_data.user_id;
let writes = 0;
async function write() {
  writes += 1;
  const response = await api.fetch(
    new Request(`http://bench/v1/organizations/org_globex/memberships/${otherUser}/metadata`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ public_metadata: { benchWrite: writes } }),
    }),
  );
  if (response.status !== 200) throw new Error(`write: HTTP ${response.status}`);
}

async function measure(send, before) {
  const times = [];
  for (let i = 0; i < WARMUP + runs; i += 1) {
    if (before) await before();
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
for (const [name, path, before] of cases) {
  const hook = before === 'write' ? write : undefined;
  const inProcess = await measure(() => api.fetch(new Request(`http://bench${path}`, { headers })), hook);
  const overHttp = await measure(() => fetch(`${listening.url}${path}`, { headers }), hook);
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
// in-process median to the baseline's, which carries over between machines better than milliseconds.
const baseline = rows[0]?.inProcess.median ?? 1;
console.log(
  '| case | total_count | in-process median | in-process p95 | HTTP median | HTTP p95 | x offset 0 (in-process median) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.total} | ${fmt(row.inProcess.median)} | ${fmt(row.inProcess.p95)} | ${fmt(row.overHttp.median)} | ${fmt(row.overHttp.p95)} | ${(row.inProcess.median / baseline).toFixed(1)}x |`,
  );
}
if (values.json) {
  const round = (ms) => Number(ms.toFixed(3));
  const json = {
    members,
    cases: rows.map((row) => ({
      name: row.name,
      medianMs: round(row.inProcess.median),
      p95Ms: round(row.inProcess.p95),
    })),
    baselineName: cases[0][0],
  };
  console.log(JSON.stringify(json));
}
