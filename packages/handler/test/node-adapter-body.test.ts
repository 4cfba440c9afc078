// How toNodeHandler writes bodies (issue 13, item 6): a JSON answer of the handler from its text, a
// one-chunk body in one write with its Content-Length, a longer stream chunk by chunk, in full.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler } from '../src/node-handler';
import { createStubHandler, ORG } from './stub-upstream';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise<void>((done) => server.close(() => done()));
});

async function serve(handler: (request: Request) => Promise<Response>): Promise<string> {
  const server = createServer(toNodeHandler(handler));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('given the Node adapter', () => {
  it("when the handler answers JSON, Content-Length is the body's byte length (non-ASCII included)", async () => {
    const { handler } = createStubHandler({
      fetch: async () =>
        new Response(
          JSON.stringify({
            data: [{ id: 'orgmem_1', public_metadata: { team: 'Équipe ø' } }],
            total_count: 1,
          }),
          {
            headers: { 'content-type': 'application/json' },
          },
        ),
    });
    const origin = await serve(handler);
    const response = await fetch(`${origin}/api/roster/organizations/${ORG}/memberships`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(new TextDecoder().decode(bytes)).data[0].public_metadata.team).toBe('Équipe ø');
  });

  it('when a body is streamed in several chunks, every chunk arrives in order', async () => {
    const parts = ['{"a":', '"first",', '"b":"second"}'];
    const origin = await serve(async () => {
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const part of parts) {
            controller.enqueue(encoder.encode(part));
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
          controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    const response = await fetch(origin);
    expect(response.headers.get('content-length')).toBeNull();
    expect(await response.text()).toBe(parts.join(''));
  });

  it('when a body is one chunk or none, it is sent whole with its Content-Length', async () => {
    const origin = await serve(async (request) =>
      new URL(request.url).pathname === '/empty'
        ? new Response(null, { status: 204 })
        : new Response('plain é', { headers: { 'content-type': 'text/plain' } }),
    );
    const one = await fetch(`${origin}/one`);
    expect(one.headers.get('content-length')).toBe(String(new TextEncoder().encode('plain é').byteLength));
    expect(await one.text()).toBe('plain é');
    const empty = await fetch(`${origin}/empty`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });
});
