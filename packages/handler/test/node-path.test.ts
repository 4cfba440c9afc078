// The memberships handler's Node path (toNodeHandler of a createMembershipsHandler handler): its
// own node:http upstream keeps connections alive, authorize gets a body-less Request, the user's
// fetch option is still used, bodies are refused as they arrive, and the adapter's own errors.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Server as NetServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createMembershipsHandler } from '../src/memberships-handler';
import { toNodeHandler } from '../src/node-handler';
import { createNodeUpstream } from '../src/node-upstream';
import { cannedUpstream } from './stub-upstream';
import {
  ADMIN,
  listen,
  NODE_PATH,
  NODE_PATH_WITH_FETCH_OPTION,
  NODE_TRANSPORTS,
  ORG,
  SECRET,
  sendOverHttp,
} from './transports';

const APP = 'https://app.example.test';
const LIST = `${APP}/api/organizations/${ORG}/memberships`;
const WRITE_HEADERS = { origin: APP, host: 'app.example.test', 'content-type': 'application/json' };

/** The handler on node:http in front of an upstream `node:http` listener the test writes. */
async function behindUpstream(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const upstream = await listen(createServer(answer));
  const handler = createMembershipsHandler({
    apiUrl: `${upstream}/v1`,
    secretKey: SECRET,
    authorize: () => ADMIN,
  });
  return listen(createServer(toNodeHandler(handler)));
}

/** A raw request to the handler: status, headers, body; `chunks` are written without ending when `end` is false. */
function raw(
  origin: string,
  init: { method: string; path: string; headers: Record<string, string>; chunks?: string[]; end?: boolean },
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${origin}${init.path}`,
      { method: init.method, headers: init.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    for (const chunk of init.chunks ?? []) req.write(chunk);
    if (init.end !== false) req.end();
  });
}

const servers: NetServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise<void>((done) => server.close(() => done()));
});

describe('given the Node path with its node:http upstream', () => {
  it('when 20 requests are sent one after another, upstream sees one kept-alive connection', async () => {
    const { send, calls, upstreamConnections } = await NODE_PATH.mount(cannedUpstream);
    for (let i = 0; i < 20; i += 1) expect((await send(new Request(LIST))).status).toBe(200);
    expect(calls).toHaveLength(20);
    expect(upstreamConnections()).toBe(1);
  });

  it('when 4 waves of 5 concurrent requests are sent, upstream sees at most 5 connections', async () => {
    const { send, calls, upstreamConnections } = await NODE_PATH.mount(cannedUpstream);
    for (let wave = 0; wave < 4; wave += 1) {
      const statuses = await Promise.all(
        Array.from({ length: 5 }, async () => (await send(new Request(LIST))).status),
      );
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
    }
    expect(calls).toHaveLength(20);
    expect(upstreamConnections()).toBeLessThanOrEqual(5);
  });

  it('when upstream sends its JSON gzipped, it is decoded and stripped', async () => {
    const origin = await behindUpstream((_req, res) => {
      const body = gzipSync(
        JSON.stringify({ data: [{ id: 'm1', private_metadata: { x: 1 } }], total_count: 1 }),
      );
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(body);
    });
    const response = await sendOverHttp(origin, new Request(LIST));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [{ id: 'm1' }], total_count: 1 });
  });

  it('when upstream drops the connection in the middle of its body, it answers 502 upstream_invalid_response', async () => {
    const origin = await behindUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data":[');
      setTimeout(() => res.socket?.destroy(), 5);
    });
    const response = await sendOverHttp(origin, new Request(LIST));
    expect(response.status).toBe(502);
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'upstream_invalid_response',
    );
  });

  it('when upstream closes a kept-alive connection as the next request arrives, a GET is sent again on a new one and a write is not', async () => {
    // Each connection answers its first request and drops at its second: a kept-alive connection
    // the server had just closed, as it happens at the server's idle timeout.
    const upstream = createNetServer((socket) => {
      let requests = 0;
      socket.on('data', (data) => {
        if (!data.toString('latin1').includes('\r\n\r\n')) return;
        requests += 1;
        if (requests > 1) {
          socket.destroy();
          return;
        }
        const body = JSON.stringify({ data: [], total_count: 0 });
        socket.write(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: keep-alive\r\n\r\n${body}`,
        );
      });
    });
    servers.push(upstream);
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', () => done()));
    const apiUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
    const handler = createMembershipsHandler({ apiUrl, secretKey: SECRET, authorize: () => ADMIN });
    const origin = await listen(createServer(toNodeHandler(handler)));
    const get = () => sendOverHttp(origin, new Request(LIST));
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const write = new Request(`${LIST}/user_bob`, { method: 'DELETE', headers: WRITE_HEADERS });
    const refused = await sendOverHttp(origin, write);
    expect(refused.status).toBe(502);
    expect(((await refused.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'upstream_unavailable',
    );
  });

  it('when the user passes no fetch, the global fetch is never called', async () => {
    const original = globalThis.fetch;
    let globalCalls = 0;
    globalThis.fetch = (...args) => {
      globalCalls += 1;
      return original(...args);
    };
    try {
      const { send } = await NODE_PATH.mount(cannedUpstream);
      expect((await send(new Request(LIST))).status).toBe(200);
    } finally {
      globalThis.fetch = original;
    }
    expect(globalCalls).toBe(0);
  });
});

describe('given the Node path’s upstream and a server that stays silent', () => {
  const neverAborted = {
    aborted: false,
    onAbort: () => () => {},
    signal: () => new AbortController().signal,
  };

  it('when it sends no answer within the idle timeout, the call fails as an unreachable upstream’s does (502) and its one connection is given up', async () => {
    let connections = 0;
    const silent = createServer(() => {});
    silent.on('connection', () => {
      connections += 1;
    });
    const origin = await listen(silent);
    const call = createNodeUpstream(
      `${origin}/v1`,
      100,
    )({
      method: 'GET',
      path: `/organizations/${ORG}/memberships`,
      headers: {},
      body: undefined,
      abort: neverAborted,
    });
    await expect(call).rejects.toThrow('Upstream did not answer in time.');
    expect(connections).toBe(1);
  });

  it('when it answers within the timeout, the call succeeds', async () => {
    const slow = createServer((_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), 30);
    });
    const origin = await listen(slow);
    const answer = await createNodeUpstream(
      `${origin}/v1`,
      1000,
    )({
      method: 'GET',
      path: '/organization_roles',
      headers: {},
      body: undefined,
      abort: neverAborted,
    });
    expect(answer).toMatchObject({ status: 200, text: '{"ok":true}' });
  });
});

describe('given the Node path with a fetch option', () => {
  it('when requests are forwarded, every upstream call goes through that fetch (its apiUrl is never dialled)', async () => {
    // api.clerk.test does not resolve: a call around the fetch option would answer 502.
    const { send, calls } = await NODE_PATH_WITH_FETCH_OPTION.mount(cannedUpstream);
    expect((await send(new Request(LIST))).status).toBe(200);
    const write = new Request(`${LIST}/user_bob`, {
      method: 'PATCH',
      headers: WRITE_HEADERS,
      body: JSON.stringify({ role: 'org:member' }),
    });
    expect((await send(write)).status).toBe(200);
    expect(calls.map((call) => `${call.method} ${call.url.pathname}`)).toEqual([
      `GET /v1/organizations/${ORG}/memberships`,
      `PATCH /v1/organizations/${ORG}/memberships/user_bob`,
    ]);
  });
});

for (const transport of NODE_TRANSPORTS) {
  describe(`given ${transport.name}`, () => {
    it('when a write arrives, authorize gets its URL, method and headers but no body, and the body is forwarded', async () => {
      const seen: Request[] = [];
      const { send, calls } = await transport.mount(cannedUpstream, {
        authorize: (request) => {
          seen.push(request);
          return ADMIN;
        },
      });
      const body = JSON.stringify({ role: 'org:member' });
      const write = new Request(`${LIST}/user_bob`, {
        method: 'PATCH',
        headers: { ...WRITE_HEADERS, cookie: '__session=abc' },
        body,
      });
      expect((await send(write)).status).toBe(200);
      expect(seen).toHaveLength(1);
      const request = seen[0] as Request;
      expect(request.method).toBe('PATCH');
      expect(request.url).toBe(`http://app.example.test/api/organizations/${ORG}/memberships/user_bob`);
      expect(request.headers.get('cookie')).toBe('__session=abc');
      expect(request.headers.get('origin')).toBe(APP);
      expect(request.body).toBeNull();
      expect(calls.map((call) => call.body)).toEqual([body]);
    });
  });
}

describe('given the Node path and a body larger than maxBodyBytes', () => {
  async function mounted() {
    const { origin, calls } = await NODE_PATH.mount(cannedUpstream, { maxBodyBytes: 64 });
    return { origin: origin as string, calls };
  }
  const path = `/api/organizations/${ORG}/memberships/user_bob/metadata`;

  it('when it is streamed without a length, the 413 comes as soon as the limit is passed, before the body ends, and closes the connection', async () => {
    const { origin, calls } = await mounted();
    const response = await raw(origin, {
      method: 'PATCH',
      path,
      headers: { ...WRITE_HEADERS, 'transfer-encoding': 'chunked' },
      chunks: [`{"public_metadata":{"blob":"${'x'.repeat(100)}`],
      end: false,
    });
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(response.body).errors[0].code).toBe('form_param_exceeds_allowed_size');
    expect(calls).toHaveLength(0);
  });

  it('when its Content-Length says so, it answers 413 without reading it and closes the connection', async () => {
    const { origin, calls } = await mounted();
    const response = await raw(origin, {
      method: 'PATCH',
      path,
      headers: { ...WRITE_HEADERS, 'content-length': '100000' },
      chunks: ['{'],
      end: false,
    });
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(calls).toHaveLength(0);
  });
});

describe('given the Node path and a request the adapter answers itself', () => {
  it('when the method is TRACE, it answers a JSON 405 with Allow', async () => {
    const origin = await behindUpstream((_req, res) => res.end('{}'));
    const response = await raw(origin, { method: 'TRACE', path: '/api/organization_roles', headers: {} });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, POST, PATCH, DELETE');
    expect(JSON.parse(response.body).errors[0].code).toBe('method_not_allowed');
  });

  it('when the Host header is not a valid authority, it answers a JSON 400 request_invalid', async () => {
    const origin = await behindUpstream((_req, res) => res.end('{}'));
    const response = await raw(origin, {
      method: 'GET',
      path: '/api/organization_roles',
      headers: { host: 'a b' },
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).errors[0].code).toBe('request_invalid');
  });
});

describe('given a memberships handler wrapped in another fetch handler', () => {
  it('when it is mounted, the Node entry is not enumerable and the wrapper goes the generic path (authorize sees the body)', async () => {
    const bodies: (ReadableStream | null)[] = [];
    const handler = createMembershipsHandler({
      apiUrl: 'https://api.clerk.test/v1',
      secretKey: SECRET,
      authorize: (request) => {
        bodies.push(request.body);
        return ADMIN;
      },
      fetch: async () => new Response('{}', { headers: { 'content-type': 'application/json' } }),
    });
    expect(Object.keys(handler)).toEqual([]);
    const direct = await listen(createServer(toNodeHandler(handler)));
    const wrapped = await listen(createServer(toNodeHandler((request) => handler(request))));
    const write = (origin: string) =>
      raw(origin, {
        method: 'PATCH',
        path: `/api/organizations/${ORG}/memberships/user_bob`,
        headers: { ...WRITE_HEADERS, host: new URL(origin).host, origin },
        chunks: ['{"role":"org:member"}'],
      });
    expect((await write(direct)).status).toBe(200);
    expect((await write(wrapped)).status).toBe(200);
    expect(bodies.map((body) => body === null)).toEqual([true, false]);
  });
});
