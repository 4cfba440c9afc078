// The handler mounted on node:http with toNodeHandler, called over a real socket.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from '@roster/handler/node';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestHandler, firstError } from './memberships-handler-fixture';

let server: Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  if (running) await new Promise<void>((done) => running.close(() => done()));
});

async function listen(maxBodyBytes?: number): Promise<string> {
  const { handler } = createTestHandler(ADMIN, maxBodyBytes === undefined ? {} : { maxBodyBytes });
  const started = createServer(toNodeHandler(handler));
  server = started;
  await new Promise<void>((done) => started.listen(0, '127.0.0.1', () => done()));
  return `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
}

describe('given the handler on node:http', () => {
  it('when the page lists members and changes a role from its own origin, both work', async () => {
    const origin = await listen();
    const list = await fetch(`${origin}/api/organizations/org_acme/memberships?limit=2`);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const change = await fetch(`${origin}/api/organizations/org_acme/memberships/user_carl`, {
      method: 'PATCH',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'org:admin' }),
    });
    expect(change.status).toBe(200);
  });

  it('when a write names another origin, it answers 403', async () => {
    const origin = await listen();
    const response = await fetch(`${origin}/api/organizations/org_acme/memberships/user_carl`, {
      method: 'DELETE',
      headers: { origin: 'https://evil.test' },
    });
    expect(response.status).toBe(403);
  });

  it('when a streamed body is larger than allowed, it answers 413', async () => {
    const origin = await listen(1024);
    const chunk = new TextEncoder().encode(`{"public_metadata":{"blob":"${'x'.repeat(4096)}"}}`);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${origin}/api/organizations/org_acme/memberships/user_carl/metadata`, {
      method: 'PATCH',
      headers: { origin, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await firstError(response)).code).toBe('form_param_exceeds_allowed_size');
  });
});
