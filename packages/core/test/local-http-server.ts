import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the test server received it. */
export interface ReceivedRequest {
  method: string;
  /** The raw request target: path and query exactly as sent on the wire. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the test server answers. `body` objects are sent as JSON; strings as they are. */
export interface TestResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type TestHandler = (request: ReceivedRequest) => TestResponse | Promise<TestResponse>;

export interface LocalHttpServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  /** Replace the handler. */
  handle(handler: TestHandler): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and a free port, answering with a swappable handler. */
export async function startLocalHttpServer(
  initial: TestHandler = () => ({ body: {} }),
): Promise<LocalHttpServer> {
  let handler = initial;
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      try {
        const answer = await handler(received);
        const isText = typeof answer.body === 'string';
        const payload =
          answer.body === undefined ? '' : isText ? String(answer.body) : JSON.stringify(answer.body);
        res.writeHead(answer.status ?? 200, {
          'content-type': isText ? 'text/plain' : 'application/json',
          ...answer.headers,
        });
        res.end(payload);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
