// The handler's three ways to run, for tests that must hold on each: the fetch path (called with a
// `Request`), and the Node path (`toNodeHandler` on a real `node:http` server, called over a
// socket) with the user's `fetch` option or with its own `node:http` upstream. The upstream is a
// stub the test writes, behind a `fetch` or behind a real `node:http` server.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { createMembershipsHandler } from '../src/memberships-handler';
import type { MembershipsHandlerCaller, MembershipsHandlerOptions } from '../src/memberships-handler-options';
import { toNodeHandler } from '../src/node-handler';

export const ORG = 'org_acme';
export const SECRET = 'sk_test_stub_upstream';
export const ADMIN: MembershipsHandlerCaller = {
  userId: 'user_alice',
  organizationId: ORG,
  permissions: ['org:sys_memberships:read', 'org:sys_memberships:manage'],
};

/** An upstream call as the stub saw it. */
export interface SeenCall {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  /** Settles when upstream sees the call aborted (the handler gave up on it). */
  aborted: Promise<void>;
}

/** What the stub answers; a body given as several chunks is sent (or streamed) in those. */
export interface StubAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: string | string[];
}

export type StubUpstream = (call: SeenCall) => StubAnswer | Promise<StubAnswer>;

/** A running handler: send it a browser's request, see what reached upstream. */
export interface Mounted {
  send(request: Request): Promise<Response>;
  calls: SeenCall[];
  /** The handler's own origin (the Node path only; else undefined). */
  origin: string | undefined;
  /** Connections upstream accepted (the `node:http` upstream only; else undefined). */
  upstreamConnections(): number | undefined;
}

export interface Transport {
  name: string;
  /** Options that make upstream unreachable on this transport. */
  unreachable(): Promise<Partial<MembershipsHandlerOptions>>;
  mount(upstream: StubUpstream, options?: Partial<MembershipsHandlerOptions>): Promise<Mounted>;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
});

/** Starts `server` on a free loopback port until the end of the test; answers its origin. */
export async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const DEFAULT_HEADERS = { 'content-type': 'application/json' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

/** The stub behind a `fetch` (the `fetch` option). */
function stubFetch(upstream: StubUpstream, calls: SeenCall[]): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal ?? undefined;
    const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()));
    const call: SeenCall = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? init.body : '',
      aborted,
    };
    calls.push(call);
    const refused = aborted.then(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const { status = 200, headers = DEFAULT_HEADERS, body } = await Promise.race([upstream(call), refused]);
    if (typeof body === 'string') return new Response(body, { status, headers });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const chunk of body) {
          controller.enqueue(encoder.encode(chunk));
          await tick();
        }
        controller.close();
      },
    });
    return new Response(stream, { status, headers });
  };
}

/** The stub behind a real `node:http` server; answers its origin and a count of its connections. */
async function stubServer(upstream: StubUpstream, calls: SeenCall[]) {
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const aborted = new Promise<void>((resolve) =>
        res.on('close', () => {
          if (!res.writableFinished) resolve();
        }),
      );
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
      const call: SeenCall = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', `http://${req.headers.host}`),
        headers,
        body: Buffer.concat(chunks).toString(),
        aborted,
      };
      calls.push(call);
      const answer = await Promise.race([upstream(call), aborted.then(() => undefined)]);
      if (!answer) return;
      res.writeHead(answer.status ?? 200, answer.headers ?? DEFAULT_HEADERS);
      if (typeof answer.body === 'string') {
        res.end(answer.body);
        return;
      }
      for (const chunk of answer.body) {
        res.write(chunk);
        await tick();
      }
      res.end();
    });
  });
  server.on('connection', () => {
    connections += 1;
  });
  return { origin: await listen(server), connections: () => connections };
}

/** Sends a `Request` over a real socket (its Host header as given, else the server's), as a browser would. */
export async function sendOverHttp(origin: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${origin}${url.pathname}${url.search}`,
      { method: request.method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const item of ([] as string[]).concat(value ?? [])) answerHeaders.append(name, item);
          }
          const status = res.statusCode ?? 0;
          const text = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(text, { status, headers: answerHeaders }));
        });
      },
    );
    request.signal.addEventListener('abort', () => req.destroy(new Error('client went away')));
    req.on('error', reject);
    req.end(body);
  });
}

function options(extra: Partial<MembershipsHandlerOptions>): MembershipsHandlerOptions {
  return { apiUrl: 'https://api.clerk.test/v1', secretKey: SECRET, authorize: () => ADMIN, ...extra };
}

const refusingFetch = async () => ({ fetch: () => Promise.reject(new TypeError('fetch failed')) });

/** An `apiUrl` nothing listens on (a port that was just closed). */
async function closedApiUrl(): Promise<Partial<MembershipsHandlerOptions>> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return { apiUrl: `http://127.0.0.1:${port}/v1` };
}

export const FETCH_PATH: Transport = {
  name: 'the fetch path',
  unreachable: refusingFetch,
  async mount(upstream, extra = {}) {
    const calls: SeenCall[] = [];
    const handler = createMembershipsHandler(options({ fetch: stubFetch(upstream, calls), ...extra }));
    return {
      send: (request) => handler(request),
      calls,
      origin: undefined,
      upstreamConnections: () => undefined,
    };
  },
};

export const NODE_PATH_WITH_FETCH_OPTION: Transport = {
  name: 'the Node path with a fetch option',
  unreachable: refusingFetch,
  async mount(upstream, extra = {}) {
    const calls: SeenCall[] = [];
    const handler = createMembershipsHandler(options({ fetch: stubFetch(upstream, calls), ...extra }));
    const origin = await listen(createServer(toNodeHandler(handler)));
    return {
      send: (request) => sendOverHttp(origin, request),
      calls,
      origin,
      upstreamConnections: () => undefined,
    };
  },
};

export const NODE_PATH: Transport = {
  name: 'the Node path with its node:http upstream',
  unreachable: closedApiUrl,
  async mount(upstream, extra = {}) {
    const calls: SeenCall[] = [];
    const stub = await stubServer(upstream, calls);
    const handler = createMembershipsHandler(options({ apiUrl: `${stub.origin}/v1`, ...extra }));
    const origin = await listen(createServer(toNodeHandler(handler)));
    return {
      send: (request) => sendOverHttp(origin, request),
      calls,
      origin,
      upstreamConnections: stub.connections,
    };
  },
};

/** Every way the handler runs. */
export const TRANSPORTS: readonly Transport[] = [FETCH_PATH, NODE_PATH_WITH_FETCH_OPTION, NODE_PATH];

/** Every way the handler runs on Node. */
export const NODE_TRANSPORTS: readonly Transport[] = [NODE_PATH_WITH_FETCH_OPTION, NODE_PATH];
