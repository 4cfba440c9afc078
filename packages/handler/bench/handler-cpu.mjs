// Benchmark (not a test): the CPU time the handler itself spends per request, in one process,
// against a stub upstream that answers a canned page (10 members of the demo seed, as the local
// Backend API answers it): no network, no other process, so the figure moves little with the load
// of the machine, unlike requests per second (bench/throughput.mjs).
// Run from the repository root, after building:  node packages/handler/bench/handler-cpu.mjs
// Options: --requests <n> per round (default 4000), --rounds <n> (default 6; the best round counts).
// ROSTER_BENCH_HANDLER_DIST=<folder with index.js> measures another build alongside this one
// (interleaved), e.g. an older commit's, for a before/after in the same run.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackendApi, DEFAULT_SECRET_KEY } from '@roster/server';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '6' },
  },
});
const requests = Number(values.requests);
const rounds = Number(values.rounds);

const api = createBackendApi({ seed: 'demo' });
const page = await api.fetch(
  new Request('http://local/v1/organizations/org_acme/memberships?limit=10&offset=0', {
    headers: { authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
  }),
);
const canned = await page.text();
api.close();

const builds = { 'this build': await import('@roster/handler') };
if (process.env.ROSTER_BENCH_HANDLER_DIST) {
  builds.other = await import(pathToFileURL(`${process.env.ROSTER_BENCH_HANDLER_DIST}/index.js`).href);
}
const stub = async () => new Response(canned, { headers: { 'content-type': 'application/json' } });
const authorize = () => ({
  userId: 'user_alice',
  organizationId: 'org_acme',
  permissions: ['org:sys_memberships:read', 'org:sys_memberships:manage'],
});
const listUrl = 'http://app.test/api/organizations/org_acme/memberships?limit=10&offset=0';

/** CPU µs per request of `send` (a request, its answer read), the best of `rounds`. */
async function cpuPerRequest(send) {
  const start = process.cpuUsage();
  for (let i = 0; i < requests; i += 1) await send();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / requests;
}

const handlers = Object.entries(builds).map(([name, module]) => ({
  name,
  handler: module.createMembershipsHandler({
    apiUrl: 'http://upstream.test/v1',
    secretKey: 'sk_test_bench',
    fetch: stub,
    authorize,
  }),
  best: Number.POSITIVE_INFINITY,
}));
// The floor: building the request and the stub's answer, reading it; no handler.
const floor = { name: 'request + stub answer only', best: Number.POSITIVE_INFINITY };
for (let round = 0; round < rounds; round += 1) {
  const order = round % 2 === 0 ? handlers : [...handlers].reverse();
  for (const entry of order) {
    const us = await cpuPerRequest(async () => {
      const response = await entry.handler(new Request(listUrl));
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      await response.arrayBuffer();
    });
    entry.best = Math.min(entry.best, us);
  }
  const us = await cpuPerRequest(async () => {
    new Request(listUrl);
    await (await stub()).arrayBuffer();
  });
  floor.best = Math.min(floor.best, us);
}
console.log(`Handler CPU per request (list of 10, stub upstream), best of ${rounds} x ${requests}`);
for (const entry of [...handlers, floor]) console.log(`| ${entry.name} | ${entry.best.toFixed(0)} µs |`);
