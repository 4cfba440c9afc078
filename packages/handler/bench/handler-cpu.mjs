// Benchmark (not a test): the CPU time the handler itself spends per request, in one process,
// against a stub upstream that answers a canned page (10 members of the demo seed, as the local
// Backend API answers it): no network, no other process, so the figure moves little with the load
// of the machine, unlike requests per second (bench/throughput.mjs).
// Run from the repository root, after building:  node packages/handler/bench/handler-cpu.mjs
// Options: --requests <n> per round (default 4000), --rounds <n> (default 6; the best round counts),
// --loopback-requests <n> per round over loopback sockets (default 1500; 0 skips that part).
// ROSTER_BENCH_HANDLER_DIST=<folder with index.js and node.js> measures another build alongside
// this one (interleaved), e.g. an older commit's, for a before/after in the same run.
//
// Second part, over loopback sockets in this one process: the handler on `node:http` as the README
// mounts it (`toNodeHandler(createMembershipsHandler(...))`), its upstream a `node:http` stub serving
// the same page (and, for a role change, the membership the local Backend API answers a `PATCH`
// with), and a keep-alive client sending one request at a time. The handler's share is the CPU
// time per request through it minus that of the client asking the stub directly (the client and
// the stub cost the same in both). Measured for the list and a role change, for the Node path, this
// build's fetch path behind the generic adapter (the handler wrapped in a function, upstream
// through the global `fetch`), the other build as it mounts, and a bare pass-through proxy (the
// reference, as in throughput.mjs).
import { createServer, Agent as HttpAgent, request as httpRequest } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackendApi, DEFAULT_SECRET_KEY } from '@roster/server';
import { createBareProxyListener } from './bare-proxy.mjs';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '6' },
    'loopback-requests': { type: 'string', default: '1500' },
  },
});
const loopbackRequests = Number(values['loopback-requests']);
const requests = Number(values.requests);
const rounds = Number(values.rounds);

const api = createBackendApi({ seed: 'demo' });
const page = await api.fetch(
  new Request('http://local/v1/organizations/org_acme/memberships?limit=10&offset=0', {
    headers: { authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
  }),
);
const canned = await page.text();
// A role change's answer, as the local Backend API gives it (one membership, its organization
// embedded, `private_metadata` in both).
const changed = await api.fetch(
  new Request('http://local/v1/organizations/org_acme/memberships/user_bob', {
    method: 'PATCH',
    headers: { authorization: `Bearer ${DEFAULT_SECRET_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'org:member' }),
  }),
);
if (changed.status !== 200) throw new Error(`The seed's role change answered ${changed.status}`);
const cannedMembership = await changed.text();
api.close();

const builds = {
  'this build': { ...(await import('@roster/handler')), ...(await import('@roster/handler/node')) },
};
if (process.env.ROSTER_BENCH_HANDLER_DIST) {
  const other = (file) => import(pathToFileURL(`${process.env.ROSTER_BENCH_HANDLER_DIST}/${file}`).href);
  builds.other = { ...(await other('index.js')), ...(await other('node.js')) };
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

if (loopbackRequests > 0) await loopback();

/** The second part: the handler on `node:http` between a client and a stub upstream, over loopback. */
async function loopback() {
  const servers = [];
  const listen = async (listener) => {
    const server = createServer(listener);
    server.keepAliveTimeout = 60_000;
    servers.push(server);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${server.address().port}`;
  };
  const upstream = await listen((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = req.method === 'PATCH' ? cannedMembership : canned;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  const options = { apiUrl: `${upstream}/v1`, secretKey: 'sk_test_bench', authorize };
  const mounts = [];
  for (const [name, module] of Object.entries(builds)) {
    const handler = module.createMembershipsHandler(options);
    const label = name === 'this build' ? 'this build, as mounted (Node path)' : `${name}, as mounted`;
    mounts.push({ name: label, origin: await listen(module.toNodeHandler(handler)) });
    if (name === 'this build') {
      // A wrapper hides the Node entry: the generic adapter and the global fetch, as before.
      const wrapped = module.toNodeHandler((request) => handler(request));
      mounts.push({
        name: 'this build, fetch path behind the generic adapter',
        origin: await listen(wrapped),
      });
    }
  }
  // The reference, as in throughput.mjs.
  const bare = createBareProxyListener({ upstreamOrigin: upstream, secretKey: 'sk_test_bench' });
  mounts.push({ name: 'a bare pass-through proxy (reference)', origin: await listen(bare.listener) });
  const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
  const send = (origin, target) =>
    new Promise((resolve, reject) => {
      const headers = target.body ? { 'content-type': 'application/json', origin } : {};
      const req = httpRequest(`${origin}${target.path}`, { agent, method: target.method, headers }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      req.end(target.body);
    });
  const cpuOf = async (origin, target) => {
    const start = process.cpuUsage();
    for (let i = 0; i < loopbackRequests; i += 1) await send(origin, target);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / loopbackRequests;
  };
  const cases = [
    { name: 'list of 10', method: 'GET', path: '/api/organizations/org_acme/memberships?limit=10&offset=0' },
    {
      name: 'role change (PATCH)',
      method: 'PATCH',
      path: '/api/organizations/org_acme/memberships/user_bob',
      body: JSON.stringify({ role: 'org:member' }),
    },
  ];
  for (const target of cases) {
    const direct = { ...target, path: target.path.replace(/^\/api\//, '/v1/') };
    for (const mount of mounts) await cpuOf(mount.origin, target); // warm-up
    let floor = Number.POSITIVE_INFINITY;
    for (const mount of mounts) mount.best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? mounts : [...mounts].reverse();
      for (const mount of order) mount.best = Math.min(mount.best, await cpuOf(mount.origin, target));
      floor = Math.min(floor, await cpuOf(upstream, direct));
    }
    console.log(
      `\nOver loopback sockets (${target.name}), best of ${rounds} x ${loopbackRequests}: the handler's share`,
    );
    console.log(
      `(CPU per request through it minus the client asking the stub directly, ${floor.toFixed(0)} µs)`,
    );
    for (const mount of mounts) console.log(`| ${mount.name} | ${(mount.best - floor).toFixed(0)} µs |`);
  }
  agent.destroy();
  bare.close();
  for (const server of servers) server.close();
}
