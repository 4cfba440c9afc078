import { readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { DEMO_IDS } from '@roster/core/testing';
import { createInsecureDemoAuthorize, createMembershipsHandler } from '@roster/handler';
import { toNodeHandler } from '@roster/handler/node';
import { type BackendApi, createBackendApi, DEFAULT_SECRET_KEY } from '@roster/server';

/** Options of {@link createPlaygroundServer}. */
export interface PlaygroundServerOptions {
  /** The built web app (Vite `dist`), served at `/`. */
  appDir: string;
  /** SQLite file (seeded with the demo organization when new) or `':memory:'`. Default `':memory:'`. */
  database?: string;
  /** Port to listen on; 0 picks a free one. Default 4320. */
  port?: number;
  /** Host to listen on. Default `127.0.0.1`. */
  host?: string;
}

/** A running playground. */
export interface PlaygroundServer {
  /** The origin to open, e.g. `http://127.0.0.1:4320`. */
  url: string;
  port: number;
  /** Stops the HTTP server and closes the database. */
  close(): Promise<void>;
}

/** The state of the fault controls, as `GET/POST /__playground/faults` exchange it. */
export interface PlaygroundFaults {
  /** Delay added to every call the handler forwards to the Backend API, in ms. */
  latencyMs: number;
  /** Probability (0..1) that a change (role, removal, addition) fails with a 500. */
  failureRate: number;
}

/** The origin the in-process Backend API pretends to live at (never a network call). */
const UPSTREAM_ORIGIN = 'http://backend.playground.internal';
const CONTROL_PATH = '/__playground';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

const USER_COOKIE = 'roster_demo_user';
const ORGANIZATION_COOKIE = 'roster_demo_org';
const DEFAULT_VIEWER = { userId: DEMO_IDS.adminUserId, organizationId: DEMO_IDS.organizationId };

function isViewerSelection(value: unknown): value is { userId: string; organizationId: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { userId, organizationId } = value as Record<string, unknown>;
  const id = /^[A-Za-z0-9_]{1,128}$/;
  return (
    typeof userId === 'string' &&
    id.test(userId) &&
    typeof organizationId === 'string' &&
    id.test(organizationId)
  );
}

function readViewerCookies(header: string | null): { userId: string; organizationId: string } {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  const selection = { userId: cookies.get(USER_COOKIE), organizationId: cookies.get(ORGANIZATION_COOKIE) };
  return isViewerSelection(selection) ? selection : DEFAULT_VIEWER;
}

function isFaults(value: unknown): value is Partial<PlaygroundFaults> {
  if (typeof value !== 'object' || value === null) return false;
  const { latencyMs, failureRate } = value as Record<string, unknown>;
  const latencyOk =
    latencyMs === undefined || (typeof latencyMs === 'number' && latencyMs >= 0 && latencyMs <= 10_000);
  const failOk =
    failureRate === undefined || (typeof failureRate === 'number' && failureRate >= 0 && failureRate <= 1);
  return latencyOk && failOk;
}

/**
 * The playground on one port: the local Backend API (SQLite, demo seed), the browser-facing handler
 * at `/api` acting as whoever the `roster_demo_user` cookie names (insecure, dev only), a small
 * control endpoint at `/__playground` (faults, viewer, reset, the outbox and accepting an
 * invitation), and the built React app at `/`.
 */
export async function createPlaygroundServer(options: PlaygroundServerOptions): Promise<PlaygroundServer> {
  const database = options.database ?? ':memory:';
  const faults: PlaygroundFaults = { latencyMs: 0, failureRate: 0 };
  let backend: BackendApi = createBackendApi({ database, seed: 'demo' });

  const upstreamFetch: typeof fetch = (input, init) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    return backend.fetch(request);
  };
  // The injected latency delays what the handler forwards (once per /api call); the demo
  // authorize's own lookup of the viewer stays fast.
  const slowUpstreamFetch: typeof fetch = async (input, init) => {
    if (faults.latencyMs > 0) await new Promise((done) => setTimeout(done, faults.latencyMs));
    return upstreamFetch(input, init);
  };
  const apiUrl = `${UPSTREAM_ORIGIN}/v1`;
  const handler = createMembershipsHandler({
    apiUrl,
    secretKey: DEFAULT_SECRET_KEY,
    basePath: '/api',
    fetch: slowUpstreamFetch,
    authorize: createInsecureDemoAuthorize({ apiUrl, secretKey: DEFAULT_SECRET_KEY, fetch: upstreamFetch }),
  });

  async function reset(): Promise<void> {
    backend.close();
    if (database !== ':memory:') {
      await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${database}${suffix}`, { force: true })));
    }
    backend = createBackendApi({ database, seed: 'demo' });
    backend.setFailureRate(faults.failureRate);
  }

  async function viewerControl(request: Request): Promise<Response> {
    let selection = readViewerCookies(request.headers.get('cookie'));
    if (request.method === 'POST') {
      const body: unknown = await request.json().catch(() => null);
      if (!isViewerSelection(body)) return json({ error: 'expected { userId, organizationId }' }, 422);
      selection = body;
    } else if (request.method !== 'GET') {
      return json({ error: 'method not allowed' }, 405);
    }
    const response = json(selection);
    response.headers.append('set-cookie', `${USER_COOKIE}=${selection.userId}; Path=/; SameSite=Strict`);
    response.headers.append(
      'set-cookie',
      `${ORGANIZATION_COOKIE}=${selection.organizationId}; Path=/; SameSite=Strict`,
    );
    return response;
  }

  async function control(request: Request, path: string): Promise<Response> {
    if (path === '/faults') {
      if (request.method === 'GET') return json(faults);
      if (request.method !== 'POST') return json({ error: 'method not allowed' }, 405);
      const body: unknown = await request.json().catch(() => null);
      if (!isFaults(body)) return json({ error: 'expected { latencyMs: 0..10000, failureRate: 0..1 }' }, 422);
      if (body.latencyMs !== undefined) faults.latencyMs = body.latencyMs;
      if (body.failureRate !== undefined) faults.failureRate = body.failureRate;
      backend.setFailureRate(faults.failureRate);
      return json(faults);
    }
    if (path === '/viewer') return viewerControl(request);
    // The local outbox instead of email, and accepting an invitation as its invitee (dev only).
    if (path === '/outbox' && request.method === 'GET') return json(backend.outbox());
    const accept = /^\/outbox\/([A-Za-z0-9_]{1,128})\/accept$/.exec(path);
    if (accept?.[1] && request.method === 'POST') {
      try {
        return json(backend.acceptInvitation(accept[1]));
      } catch (error) {
        return json({ error: error instanceof Error ? error.message : String(error) }, 409);
      }
    }
    if (path === '/reset' && request.method === 'POST') {
      await reset();
      return json({ ok: true });
    }
    return json({ error: 'not found' }, 404);
  }

  const appDir = resolve(options.appDir);
  async function serveStatic(pathname: string): Promise<Response> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(appDir, relative);
    if (!file.startsWith(appDir + sep) && file !== appDir) return new Response('Not found', { status: 404 });
    const info = await stat(file).catch(() => null);
    // Unknown paths without an extension get the app (client-side routes); missing assets are 404.
    if (!info?.isFile()) {
      if (extname(relative) !== '') return new Response('Not found', { status: 404 });
      file = join(appDir, 'index.html');
    }
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return new Response(body, { headers: { 'content-type': type, 'cache-control': cache } });
  }

  async function route(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/api' || pathname.startsWith('/api/')) return handler(request);
    if (pathname.startsWith(`${CONTROL_PATH}/`)) return control(request, pathname.slice(CONTROL_PATH.length));
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Not found', { status: 404 });
    try {
      return await serveStatic(pathname);
    } catch {
      return new Response('Not found', { status: 404 });
    }
  }

  const server = createServer(toNodeHandler(route));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4320, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      backend.close();
    },
  };
}
