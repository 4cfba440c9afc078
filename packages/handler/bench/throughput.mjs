// Benchmark (not a test): requests per second through the handler vs the local Backend API direct.
// Run from the repository root, after building both packages:
//   pnpm --filter "@roster/server..." run build && node packages/handler/bench/throughput.mjs
// Options: --duration <s> (default 5, per round and side), --connections <n> (default 10),
// --rounds <n> (default 3; each round loads direct, the handler and the bare proxy back to back, so
// noise hits them alike; each ratio is the median of the rounds' own ratios), --authorize
// trivial|demo (default trivial: a fixed caller, the handler's own cost; demo: the insecure demo
// authorize, one more upstream request per request), --json (one JSON object on the last line of
// stdout: { "cases": [{ "name", "directRps", "handlerRps", "ratio", "ratioOfMedians", "bareRps",
// "bareRatio", "versusBare" }] }).
//
// Three processes, as in production three machines: the Backend API (SQLite, the demo seed), the
// handler on `node:http` (via `@roster/handler/node`), and this load generator: `connections`
// keep-alive connections, each sending its next request when the previous answer has been read
// (closed loop, as autocannon does). Besides requests per second, each server process reports the
// CPU time it spent per request (less sensitive to other load on the machine than req/s).
// A reference in the same run: a bare proxy (a fourth process, loaded on its own turn): `node:http`
// passing every request's bytes to the Backend API over kept-alive connections with the secret
// key added, and the answer's bytes back, nothing checked, parsed or stripped. It is what any proxy
// costs on this machine (one more process and two more loopback hops per request); the handler's
// own overhead is handler / bare proxy.
// Environment: ROSTER_BENCH_PROFILE=handler|backend writes that process's CPU profile
// (`node --cpu-prof`) into ./bench-profiles; ROSTER_BENCH_HANDLER_DIST=<folder with index.js and
// node.js> runs another build of the handler (e.g. an older commit's) instead of this package's.

import { fork } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createBareProxyListener } from './bare-proxy.mjs';

const ADMIN = 'user_alice';
const ORG = 'org_acme';
const LIST_PATH = `/organizations/${ORG}/memberships?limit=10&offset=0`;

const serverRole = process.env.ROSTER_BENCH_SERVER;
if (serverRole) {
  await startServer(JSON.parse(serverRole));
  // The load generator asks for this process's CPU time around each measured phase.
  process.on('message', (message) => {
    if (message === 'cpu') process.send(process.cpuUsage());
    if (message === 'exit') process.exit(0);
  });
  // The load generator went away (finished or crashed): so does this server.
  process.on('disconnect', () => process.exit(0));
} else {
  await main();
}

function handlerEntry(file, specifier) {
  const dist = process.env.ROSTER_BENCH_HANDLER_DIST;
  return dist ? pathToFileURL(`${dist}/${file}`).href : specifier;
}

/** Starts the Backend API or the handler in this process and sends its origin to the parent. */
async function startServer(data) {
  if (data.role === 'bare-proxy') {
    await startBareProxy(data);
    return;
  }
  if (data.role === 'backend') {
    const { createBackendApi } = await import('@roster/server');
    const api = createBackendApi({ seed: 'demo', secretKey: data.secretKey });
    const listening = await api.listen();
    process.send({ origin: new URL(listening.url).origin });
    return;
  }
  const { createServer } = await import('node:http');
  const { createInsecureDemoAuthorize, createMembershipsHandler } = await import(
    handlerEntry('index.js', '@roster/handler')
  );
  const { answerClientError, toNodeHandler } = await import(handlerEntry('node.js', '@roster/handler/node'));
  const apiUrl = `${data.backendOrigin}/v1`;
  const authorize =
    data.authorize === 'demo'
      ? createInsecureDemoAuthorize({ apiUrl, secretKey: data.secretKey, defaultUserId: ADMIN })
      : () => ({
          userId: ADMIN,
          organizationId: ORG,
          permissions: ['org:sys_memberships:read', 'org:sys_memberships:manage'],
        });
  const handler = createMembershipsHandler({ apiUrl, secretKey: data.secretKey, authorize });
  const server = createServer(toNodeHandler(handler));
  server.on('clientError', answerClientError);
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send({ origin: `http://127.0.0.1:${server.address().port}` });
}

/** The reference (bare-proxy.mjs): bytes through, `/api` to `/v1`, the secret key added. */
async function startBareProxy(data) {
  const { createServer } = await import('node:http');
  const { listener } = createBareProxyListener({
    upstreamOrigin: data.backendOrigin,
    secretKey: data.secretKey,
  });
  const server = createServer(listener);
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send({ origin: `http://127.0.0.1:${server.address().port}` });
}

function startServerProcess(data) {
  const child = fork(new URL(import.meta.url), [], {
    env: { ...process.env, ROSTER_BENCH_SERVER: JSON.stringify(data) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv:
      process.env.ROSTER_BENCH_PROFILE === data.role ? ['--cpu-prof', '--cpu-prof-dir=bench-profiles'] : [],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, origin: message.origin }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${data.role} exited (${code})`)));
  });
}

/** A server process's CPU time so far, in microseconds (user + system). */
function cpuOf(server) {
  return new Promise((resolve) => {
    server.child.once('message', (usage) => resolve(usage.user + usage.system));
    server.child.send('cpu');
  });
}

/**
 * Loads `target` for `seconds` with `connections` closed-loop keep-alive connections; answers req/s.
 * With autocannon (the default), as the issue measured: raw sockets and prebuilt request bytes, so
 * the load generator, which stands in for browsers on other machines, takes less of the two cores
 * it shares with the servers; `--client node` uses a `node:http` client loop instead.
 */
async function load(target, seconds, connections, client) {
  if (client === 'autocannon') return loadWithAutocannon(target, seconds, connections);
  return loadWithNodeHttp(target, seconds, connections);
}

async function loadWithAutocannon(target, seconds, connections) {
  const result = await autocannon({
    url: target.url(),
    method: target.method,
    headers: target.headers,
    body: target.body,
    connections,
    duration: seconds,
  });
  // autocannon counts answers by status class: every answer must be the expected 2xx.
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0 || target.status < 200 || target.status > 299) {
    throw new Error(`${target.name}: ${failed} requests failed (expected ${target.status})`);
  }
  return result.requests.total / result.duration;
}

async function loadWithNodeHttp(target, seconds, connections) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  let failed = 0;
  const once = () =>
    new Promise((resolve) => {
      const req = httpRequest(
        target.url(),
        { method: target.method, headers: target.headers, agent },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === target.status) completed += 1;
            else failed += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed += 1;
        resolve();
      });
      req.end(target.body);
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  if (failed > 0) throw new Error(`${target.name}: ${failed} requests failed (expected ${target.status})`);
  return completed / elapsed;
}

/** The requests of one case, against the Backend API (`direct`) or the handler. */
function targets(side, origin, secretKey) {
  const base = side === 'direct' ? `${origin}/v1` : `${origin}/api`;
  const auth =
    side === 'direct' ? { authorization: `Bearer ${secretKey}` } : { cookie: `roster_demo_user=${ADMIN}` };
  const members = ['user_bob'];
  let next = 0;
  return [
    {
      name: 'list (GET memberships, limit 10)',
      method: 'GET',
      url: () => `${base}${LIST_PATH}`,
      headers: auth,
      status: 200,
    },
    {
      name: 'role change (PATCH membership)',
      method: 'PATCH',
      url: () => `${base}/organizations/${ORG}/memberships/${members[next++ % members.length]}`,
      headers: { ...auth, 'content-type': 'application/json', origin },
      body: JSON.stringify({ role: 'org:member' }),
      status: 200,
    },
  ];
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      authorize: { type: 'string', default: 'trivial' },
      client: { type: 'string', default: 'autocannon' },
      json: { type: 'boolean', default: false },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const rounds = Number(values.rounds);
  if (!(duration > 0) || !(connections >= 1) || !(rounds >= 1))
    throw new Error('Bad --duration/--connections/--rounds');
  if (values.authorize !== 'trivial' && values.authorize !== 'demo')
    throw new Error('--authorize is trivial or demo');
  if (values.client !== 'autocannon' && values.client !== 'node')
    throw new Error('--client is autocannon or node');
  const secretKey = `sk_test_bench_${Math.random().toString(36).slice(2)}`;
  const backend = await startServerProcess({ role: 'backend', secretKey });
  const started = [backend];
  const handler = await startServerProcess({
    role: 'handler',
    secretKey,
    backendOrigin: backend.origin,
    authorize: values.authorize,
  }).catch((error) => {
    backend.child.kill();
    throw error;
  });
  started.push(handler);
  const bare = await startServerProcess({
    role: 'bare-proxy',
    secretKey,
    backendOrigin: backend.origin,
  }).catch((error) => {
    for (const server of started) server.child.kill();
    throw error;
  });
  const direct = targets('direct', backend.origin, secretKey);
  const proxied = targets('handler', handler.origin, secretKey);
  const bareProxied = targets('bare', bare.origin, secretKey);
  const sides = { direct, handler: proxied, bare: bareProxied };
  const results = direct.map((target) => ({
    name: target.name,
    direct: [],
    handler: [],
    bare: [],
    cpu: { direct: [], handler: [], bare: [] },
  }));
  /** Loads one side and measures the CPU time each server spent per request meanwhile. */
  async function measured(target, seconds) {
    const before = [await cpuOf(backend), await cpuOf(handler), await cpuOf(bare)];
    const ownBefore = process.cpuUsage();
    const start = performance.now();
    const rps = await load(target, seconds, connections, values.client);
    const requests = (rps * (performance.now() - start)) / 1000;
    const own = process.cpuUsage(ownBefore);
    const after = [await cpuOf(backend), await cpuOf(handler), await cpuOf(bare)];
    return {
      rps,
      loadUs: (own.user + own.system) / requests,
      backendUs: (after[0] - before[0]) / requests,
      handlerUs: (after[1] - before[1]) / requests,
      bareUs: (after[2] - before[2]) / requests,
    };
  }
  try {
    // Warm-up (JIT, statement caches, connection pools), not measured.
    for (let i = 0; i < direct.length; i += 1) {
      for (const side of Object.values(sides))
        await load(side[i], Math.min(1, duration), connections, values.client);
    }
    for (let round = 0; round < rounds; round += 1) {
      for (let i = 0; i < direct.length; i += 1) {
        // Alternate which side goes first, so a slow stretch of the machine is shared.
        const order = round % 2 === 0 ? ['direct', 'handler', 'bare'] : ['bare', 'handler', 'direct'];
        for (const side of order) {
          const run = await measured(sides[side][i], duration);
          results[i][side].push(run.rps);
          results[i].cpu[side].push(run);
        }
      }
    }
  } finally {
    for (const server of [backend, handler, bare]) {
      server.child.removeAllListeners('exit');
      server.child.send('exit');
    }
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const cases = results.map((result) => {
    const directRps = median(result.direct);
    const handlerRps = median(result.handler);
    // Each round loads the sides back to back, so a slow stretch of the machine hits all of them:
    // the ratio is the median of the rounds' own ratios (paired), not a ratio of medians taken
    // from different rounds (kept as `ratioOfMedians`).
    const ratios = result.direct.map((rps, i) => result.handler[i] / rps);
    const bareRatios = result.direct.map((rps, i) => result.bare[i] / rps);
    // CPU per request: the handler's own (handler side) against the Backend API's serving the
    // same request direct (direct side).
    const handlerUs = median(result.cpu.handler.map((run) => run.handlerUs));
    const backendUs = median(result.cpu.direct.map((run) => run.backendUs));
    const bareRps = median(result.bare);
    const bareUs = median(result.cpu.bare.map((run) => run.bareUs));
    const loadUs = median(result.cpu.handler.map((run) => run.loadUs));
    const directLoadUs = median(result.cpu.direct.map((run) => run.loadUs));
    return {
      name: result.name,
      directRps,
      handlerRps,
      ratio: median(ratios),
      ratioOfMedians: handlerRps / directRps,
      ratios,
      handlerUs,
      backendUs,
      bareRps,
      bareRatio: median(bareRatios),
      versusBare: median(result.handler.map((rps, i) => rps / result.bare[i])),
      bareUs,
      loadUs,
      directLoadUs,
    };
  });
  console.log('Roster handler throughput vs the local Backend API direct (same run, interleaved)');
  console.log(`Node ${process.version}, ${cpus().length} CPU (${cpus()[0]?.model ?? 'unknown'})`);
  console.log(
    `${rounds} rounds x ${duration} s per side, ${connections} keep-alive connections, load generator: ${values.client}, authorize: ${values.authorize}\n`,
  );
  console.log(
    '| case | direct req/s (median) | handler req/s (median) | handler / direct (median of rounds) | per round | ratio of the medians | bare proxy / direct | handler / bare proxy | CPU per request: handler / bare proxy / Backend API direct | load generator CPU per request: direct / through the handler |',
  );
  console.log('| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const c of cases) {
    const perRound = c.ratios.map((r) => `${r.toFixed(2)}x`).join(', ');
    const cpu = `${c.handlerUs.toFixed(0)} / ${c.bareUs.toFixed(0)} / ${c.backendUs.toFixed(0)} µs`;
    console.log(
      `| ${c.name} | ${c.directRps.toFixed(0)} | ${c.handlerRps.toFixed(0)} | ${c.ratio.toFixed(2)}x | ${perRound} | ${c.ratioOfMedians.toFixed(2)}x | ${c.bareRatio.toFixed(2)}x | ${c.versusBare.toFixed(2)}x | ${cpu} | ${c.directLoadUs.toFixed(0)} / ${c.loadUs.toFixed(0)} µs |`,
    );
  }
  if (values.json) {
    const round = (n, digits) => Number(n.toFixed(digits));
    const json = cases.map((c) => ({
      name: c.name,
      directRps: round(c.directRps, 1),
      handlerRps: round(c.handlerRps, 1),
      ratio: round(c.ratio, 3),
      ratioOfMedians: round(c.ratioOfMedians, 3),
      bareRps: round(c.bareRps, 1),
      bareRatio: round(c.bareRatio, 3),
      versusBare: round(c.versusBare, 3),
    }));
    console.log(JSON.stringify({ client: values.client, cases: json }));
  }
}
