/**
 * The memberships handler's Node path, which `toNodeHandler` uses for a handler made by
 * `createMembershipsHandler`: the same logic (`memberships-handler-core.ts`) on Node's own request
 * and response, with no Fetch `Request`/`Response`, web stream or `fetch` per request. The body is
 * read from the `IncomingMessage` as a string, upstream is `node:http`, the answer is one `res.end`.
 * A CPU profile of the fetch path on `node:http` had most of its time in those Fetch objects and
 * undici, not in the handler's logic.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientAbort, HandlerInput, Upstream } from './memberships-handler-core';
import type { MembershipsNodeEntry } from './memberships-handler-node-entry';
import { type HandlerAnswer, HandlerError } from './memberships-handler-responses';
import { bodyTooLarge, decodeBodyText } from './memberships-handler-validation';
import { AdapterError, INTERNAL_ERROR, readRequestTarget } from './node-adapter-error';
import { createNodeUpstream } from './node-upstream';

/** One upstream (one keep-alive agent) per handler, however many times it is mounted. */
const nodeUpstreams = new WeakMap<MembershipsNodeEntry, Upstream>();

function upstreamOf(entry: MembershipsNodeEntry): Upstream {
  if (entry.userFetchUpstream) return entry.userFetchUpstream;
  let upstream = nodeUpstreams.get(entry);
  if (!upstream) {
    upstream = createNodeUpstream(entry.apiUrl);
    nodeUpstreams.set(entry, upstream);
  }
  return upstream;
}

/** A request header as `Headers.get` reads it from the headers Node parsed: repeated ones joined. */
function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The `Request` given to `authorize`: URL, method and headers, no body (the handler reads the body
 * itself) and no client-bound signal (following one costs about twice the rest of the `Request`).
 */
function authorizeRequest(req: IncomingMessage, url: URL, method: string): Request {
  const headers = new Headers();
  for (const name in req.headers) {
    const value = req.headers[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.append(name, value);
  }
  try {
    return new Request(url.href, { method, headers });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it is malformed';
    throw new HandlerError(400, 'request_invalid', 'Invalid request', `The request is invalid: ${reason}`);
  }
}

/**
 * Reads the body as text, refusing more than `maxBytes`: on `Content-Length` first, then while
 * reading, where it stops at the first byte past the limit. `refused` is called then, so the answer
 * closes the connection instead of leaving the rest of the body to be read.
 */
function readNodeBody(req: IncomingMessage, maxBytes: number, refused: () => void): Promise<string> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    refused();
    return Promise.reject(bodyTooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) {
        stop();
        req.pause();
        refused();
        reject(bodyTooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      try {
        resolve(decodeBodyText(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total)));
      } catch (error) {
        reject(error);
      }
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    // A client gone before the end of its body: no `end` will come (nor, always, an `error`).
    const onClose = () => onError(new Error('The client went away before the end of its body.'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * The client going away: the response closes before it was written in full. An `AbortSignal` is
 * made only when asked for (a user's `fetch` upstream), not for every request.
 */
function responseAbort(res: ServerResponse): ClientAbort {
  let aborted = false;
  let listeners: (() => void)[] = [];
  let controller: AbortController | undefined;
  res.once('close', () => {
    if (res.writableFinished) return;
    aborted = true;
    for (const listener of listeners.splice(0)) listener();
    controller?.abort();
  });
  return {
    get aborted() {
      return aborted;
    },
    onAbort(listener) {
      if (aborted) listener();
      else listeners.push(listener);
      return () => {
        listeners = listeners.filter((item) => item !== listener);
      };
    },
    signal() {
      controller ??= new AbortController();
      if (aborted) controller.abort();
      return controller.signal;
    },
  };
}

function writeAnswer(res: ServerResponse, answer: HandlerAnswer, close: boolean): void {
  const { headers } = answer;
  headers['content-length'] = String(Buffer.byteLength(answer.bodyText));
  if (close) headers.connection = 'close';
  res.writeHead(answer.status, headers);
  res.end(answer.bodyText);
}

function writeAdapterError(res: ServerResponse, error: AdapterError): void {
  const body = error.bodyText();
  res.writeHead(error.status, {
    ...error.responseHeaders(),
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/** A `node:http` listener serving a memberships handler on its Node path. */
export function createNodeMembershipsListener(
  entry: MembershipsNodeEntry,
): (req: IncomingMessage, res: ServerResponse) => void {
  const upstream = upstreamOf(entry);
  return (req, res) => {
    let method: string;
    let url: URL;
    try {
      ({ method, url } = readRequestTarget(req));
    } catch (error) {
      req.resume();
      writeAdapterError(res, error instanceof AdapterError ? error : INTERNAL_ERROR);
      return;
    }
    const abort = responseAbort(res);
    let bodyRefused = false;
    const input: HandlerInput = {
      method,
      pathname: url.pathname,
      search: url.search,
      urlHost: url.host,
      header: (name) => headerValue(req, name),
      authorizeRequest: () => authorizeRequest(req, url, method),
      readBody: (maxBytes) =>
        readNodeBody(req, maxBytes, () => {
          bodyRefused = true;
        }),
      abort,
    };
    entry
      .core(input, upstream)
      .then((answer) => writeAnswer(res, answer, bodyRefused))
      .catch(() => {
        // The core answers every failure itself: this is a failure to write the answer.
        if (!res.headersSent) writeAdapterError(res, INTERNAL_ERROR);
        else res.destroy();
      })
      .catch(() => res.destroy());
  };
}
