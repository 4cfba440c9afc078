// toNodeHandler's own answers (issue 14, defect 7): whatever cannot become a Fetch Request, and
// whatever the handler throws, is answered with a Clerk-shaped JSON error on both servers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { answerClientError, toNodeHandler } from '@roster/handler/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendApi } from '../src/backend-api';
import { ADMIN, createTestHandler } from './memberships-handler-fixture';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(listener: Parameters<typeof createServer>[1]): Promise<number> {
  const server: Server = createServer(listener);
  server.on('clientError', answerClientError);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  closers.push(() => new Promise<void>((done) => server.close(() => done())));
  return (server.address() as AddressInfo).port;
}

/** The two servers of the package, each on a free port. */
const SERVERS: [string, () => Promise<number>][] = [
  ['the memberships handler', () => serve(toNodeHandler(createTestHandler(ADMIN).handler))],
  [
    'the local Backend API',
    async () => {
      const api = createBackendApi();
      const listening = await api.listen();
      closers.push(async () => {
        await listening.close();
        api.close();
      });
      return listening.port;
    },
  ],
];

/** Sends raw HTTP/1.1 (so Host and method can be anything) and parses status, headers and body. */
function rawRequest(port: number, head: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const [headers = '', ...rest] = text.split('\r\n\r\n');
      const body = rest.join('\r\n\r\n');
      resolve({ status: Number(headers.split(' ')[1]), headers: headers.toLowerCase(), body });
    });
  });
}

/** The body of a chunked or plain response, parsed as JSON. */
function json(body: string): unknown {
  const start = body.indexOf('{');
  return JSON.parse(body.slice(start, body.lastIndexOf('}') + 1));
}

describe.each(SERVERS)('given %s on node:http', (_name, start) => {
  it('when the method is TRACE, it answers 405 with a Clerk error body', async () => {
    const port = await start();
    const response = await rawRequest(port, 'TRACE /v1/users HTTP/1.1\r\nHost: 127.0.0.1');
    expect(response.status).toBe(405);
    expect(response.headers).toContain('content-type: application/json');
    expect(json(response.body)).toMatchObject({ errors: [{ code: 'method_not_allowed' }] });
  });

  it.each([
    ['an unknown method', 'FOO /v1/users HTTP/1.1\r\nHost: 127.0.0.1'],
    ['a malformed request line', 'GET /v1/users HTTP/9\r\nHost: 127.0.0.1'],
  ])(
    'when Node refuses %s before any handler runs, it answers 400 request_invalid as JSON',
    async (_label, head) => {
      const port = await start();
      const response = await rawRequest(port, head);
      expect(response.status).toBe(400);
      expect(response.headers).toContain('content-type: application/json');
      expect(json(response.body)).toMatchObject({ errors: [{ code: 'request_invalid' }] });
    },
  );

  it.each(['a b', '[::1', 'host:99999'])(
    'when the Host header is %j, it answers 400 request_invalid as JSON',
    async (host) => {
      const port = await start();
      const response = await rawRequest(port, `GET /v1/users HTTP/1.1\r\nHost: ${host}`);
      expect(response.status).toBe(400);
      expect(response.headers).toContain('content-type: application/json');
      expect(json(response.body)).toMatchObject({
        errors: [{ code: 'request_invalid', message: expect.any(String), long_message: expect.any(String) }],
      });
    },
  );
});

describe('given a handler that throws', () => {
  it('when a request arrives, it answers 500 internal_clerk_error as JSON', async () => {
    const port = await serve(
      toNodeHandler(() => {
        throw new Error('boom');
      }),
    );
    const response = await fetch(`http://127.0.0.1:${port}/anything`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ errors: [{ code: 'internal_clerk_error' }] });
  });
});
