import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import { membershipsNodeEntry } from './memberships-handler-node-entry';
import { jsonBodyText } from './memberships-handler-responses';
import { AdapterError, INTERNAL_ERROR, readRequestTarget } from './node-adapter-error';
import { createNodeMembershipsListener } from './node-memberships-listener';

/** A fetch-style request handler: the shape of `BackendApi.fetch` and of the memberships handler. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** A `node:http` request listener. */
export type NodeRequestListener = (request: IncomingMessage, response: ServerResponse) => void;

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const { method, url } = readRequestTarget(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  try {
    return new Request(url, init);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it is malformed';
    throw new AdapterError(400, 'request_invalid', 'Invalid request', `The request is invalid: ${reason}`);
  }
}

/** A Clerk-shaped JSON error response (`{ errors: [{ code, message, long_message }] }`). */
function errorResponse(error: AdapterError): Response {
  return new Response(error.bodyText(), { status: error.status, headers: error.responseHeaders() });
}

/**
 * Writes a Fetch `Response` to Node. A JSON answer of the memberships handler is written from its
 * text; any other body that arrives in one chunk goes out with its `Content-Length` in a single
 * socket write; a longer stream is written chunk by chunk as it arrives, with backpressure.
 */
async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const writeHead = () => {
    if (response.statusText) res.writeHead(response.status, response.statusText, headers);
    else res.writeHead(response.status, headers);
  };
  if (!response.body) {
    writeHead();
    res.end();
    return;
  }
  const text = jsonBodyText(response);
  if (text !== undefined) {
    // Built from this text by the handler: Node encodes it while writing, no stream to read.
    headers['content-length'] = String(Buffer.byteLength(text));
    writeHead();
    res.end(text);
    return;
  }
  const reader = response.body.getReader();
  const first = await reader.read();
  const second = first.done ? first : await reader.read();
  if (second.done) {
    const body = first.done ? new Uint8Array(0) : first.value;
    if (!('content-length' in headers) && !('transfer-encoding' in headers)) {
      headers['content-length'] = String(body.byteLength);
    }
    writeHead();
    res.end(body);
    return;
  }
  writeHead();
  for (const { value } of [first, second]) {
    if (value && !res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve));
  }
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/**
 * Mounts a fetch-style handler on `node:http` (or Express, which takes the same listener): the
 * Node request becomes a Fetch `Request` (body streamed, `signal` aborted when the client goes
 * away), the `Response` is written back. A handler made by `createMembershipsHandler` is served on
 * its Node path instead: the same logic on Node's request and response objects, upstream through
 * `node:http` with kept-alive connections (or its `fetch` option when given), no Fetch objects but
 * the body-less `Request` its `authorize` gets; the errors below are answered alike. Every error
 * the adapter answers itself is Clerk-shaped JSON: 405 for `CONNECT`/`TRACE`/`TRACK` (no Fetch
 * `Request` can carry them), 400 `request_invalid` for a Host header that is not a valid
 * authority, 500 `internal_clerk_error` when the handler throws.
 */
export function toNodeHandler(handler: FetchHandler): NodeRequestListener {
  const memberships = membershipsNodeEntry(handler);
  if (memberships) return createNodeMembershipsListener(memberships);
  return (req, res) => {
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    void (async () => {
      let request: Request;
      try {
        request = toRequest(req, controller.signal);
      } catch (error) {
        req.resume();
        await writeResponse(errorResponse(error instanceof AdapterError ? error : INTERNAL_ERROR), res);
        return;
      }
      try {
        await writeResponse(await handler(request), res);
      } catch {
        if (!res.headersSent) await writeResponse(errorResponse(INTERNAL_ERROR), res);
        else res.destroy();
      }
    })().catch(() => res.destroy());
  };
}

/**
 * A `clientError` listener for a `node:http` server: a request Node's parser refuses before any
 * handler runs (an unknown method such as `FOO`, a malformed request line, oversized headers)
 * answers a Clerk-shaped JSON error instead of Node's bare `400` with no body. Use it as
 * `server.on('clientError', answerClientError)`; `BackendApi.listen` does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason] =
    error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify({
    errors: [
      {
        code: 'request_invalid',
        message: 'Invalid request',
        long_message: 'The request is not valid HTTP/1.1.',
      },
    ],
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
