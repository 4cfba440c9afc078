/**
 * The memberships handler's upstream on Node: `node:http`/`node:https` with a keep-alive agent of
 * its own, the answer read as one string. Instead of the global `fetch` (undici), whose streams,
 * header lists, abort-signal plumbing and byte-wise JSON parsing were most of the handler's CPU time
 * per request in a profile of the Node server; the core parses the string once.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Upstream, UpstreamAnswer, UpstreamCall } from './memberships-handler-core';

/**
 * How long upstream may stay silent (no headers, or no more of the body) before the call fails:
 * undici's `fetch` gives up on a silent upstream after 300 s, and so does this path.
 */
export const UPSTREAM_IDLE_TIMEOUT_MS = 300_000;

/** Methods safe to send again when a kept-alive connection turns out to be closed already. */
const RETRIED_METHODS = new Set(['GET', 'HEAD']);

/** The body decoded as `fetch` would: gzip, deflate and br undone, anything else as it is. */
function decoded(res: IncomingMessage): Readable {
  const encoding = res.headers['content-encoding']?.trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/** Upstream's body as text, or null when it ends early or cannot be decoded. */
function readText(res: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const body = decoded(res);
    body.setEncoding('utf8');
    let text = '';
    body.on('data', (chunk: string) => {
      text += chunk;
    });
    body.on('end', () => {
      // A BOM is not JSON: drop it, as `Response.text()` does.
      resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    });
    body.on('error', () => resolve(null));
    res.on('error', () => resolve(null));
    res.on('close', () => {
      if (!res.complete) resolve(null);
    });
  });
}

/**
 * An {@link Upstream} to `apiUrl` (`http:` or `https:`) over connections it keeps alive and reuses
 * (one agent per handler, no limit on sockets). Rejects when upstream cannot be reached or the call
 * is aborted; a GET whose kept-alive connection the server had just closed is sent once more on a
 * fresh one (Node's advice for `ECONNRESET` on a reused socket), a write never is.
 */
export function createNodeUpstream(apiUrl: string, idleTimeoutMs = UPSTREAM_IDLE_TIMEOUT_MS): Upstream {
  let url: URL | undefined;
  try {
    url = new URL(apiUrl);
  } catch {
    url = undefined;
  }
  const secure = url?.protocol === 'https:';
  if (!url || (!secure && url.protocol !== 'http:') || url.username || url.password) {
    // `fetch` refuses these URLs too (another scheme, credentials in it): every call answers 502.
    return () => Promise.reject(new TypeError(`Cannot call upstream at ${apiUrl}.`));
  }
  const send = secure ? httpsRequest : httpRequest;
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const target = {
    protocol: url.protocol,
    // `new URL` keeps the brackets of an IPv6 address; `request` wants the address alone.
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? undefined : Number(url.port),
    agent,
  };
  const prefix = url.pathname.replace(/\/+$/, '');

  function attempt(call: UpstreamCall, mayRetry: boolean): Promise<UpstreamAnswer> {
    return new Promise((resolve, reject) => {
      const { abort } = call;
      if (abort.aborted) {
        reject(new Error('The client went away.'));
        return;
      }
      const headers =
        call.body === undefined
          ? call.headers
          : { ...call.headers, 'content-length': String(Buffer.byteLength(call.body)) };
      const req = send({ ...target, method: call.method, path: `${prefix}${call.path}`, headers });
      const done = abort.onAbort(() => req.destroy(new Error('The client went away.')));
      req.setTimeout(idleTimeoutMs, () => req.destroy(new Error('Upstream did not answer in time.')));
      let responded = false;
      req.on('error', (error: NodeJS.ErrnoException) => {
        // After the response began, a failure is the body's: `readText` answers null for it.
        if (responded) return;
        done();
        const stale = mayRetry && req.reusedSocket && error.code === 'ECONNRESET' && !abort.aborted;
        if (stale && RETRIED_METHODS.has(call.method)) resolve(attempt(call, false));
        else reject(error);
      });
      req.on('response', (res) => {
        responded = true;
        const retryAfter = res.headers['retry-after'];
        void readText(res).then((text) => {
          done();
          resolve({ status: res.statusCode ?? 0, retryAfter: retryAfter ?? null, text });
        });
      });
      req.end(call.body);
    });
  }

  return (call) => attempt(call, true);
}
