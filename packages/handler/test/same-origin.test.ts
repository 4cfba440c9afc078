// Which writes the CSRF check lets through, on the fetch path and on the Node path alike.
import { describe, expect, it } from 'vitest';
import type { MembershipsHandlerOptions } from '../src/memberships-handler';
import { cannedUpstream, roleChange } from './stub-upstream';
import { TRANSPORTS, type Transport } from './transports';

async function errorOf(response: Response) {
  const body = (await response.json()) as { errors: { code: string; long_message: string }[] };
  return body.errors[0];
}

/** The handler below `/api/roster` in front of a canned upstream, and the calls upstream saw. */
async function mount(transport: Transport, options: Partial<MembershipsHandlerOptions> = {}) {
  const mounted = await transport.mount(cannedUpstream, { basePath: '/api/roster', ...options });
  return { handler: mounted.send, upstreamCalls: mounted.calls };
}

for (const transport of TRANSPORTS) {
  describe(`given ${transport.name}`, () => {
    describe('and the handler under Next.js, which hands it request.url as http://localhost:<port>', () => {
      it('when the page was opened on 127.0.0.1, a write from it is allowed (the Host header is what the browser addressed)', async () => {
        const { handler, upstreamCalls } = await mount(transport);
        const request = roleChange('http://localhost:3000', {
          host: '127.0.0.1:3000',
          origin: 'http://127.0.0.1:3000',
        });
        expect((await handler(request)).status).toBe(200);
        expect(upstreamCalls).toHaveLength(1);
      });

      it('when the page was opened on a LAN address, a write from it is allowed too', async () => {
        const { handler } = await mount(transport);
        const request = roleChange('http://localhost:3000', {
          host: '192.0.2.7:3000',
          origin: 'http://192.0.2.7:3000',
        });
        expect((await handler(request)).status).toBe(200);
      });

      it('when the Origin names another site, the 403 names the origin it saw, the host, and the options that fix it', async () => {
        const { handler, upstreamCalls } = await mount(transport);
        const response = await handler(
          roleChange('http://localhost:3000', { host: '127.0.0.1:3000', origin: 'https://evil.test' }),
        );
        expect(response.status).toBe(403);
        const error = await errorOf(response);
        expect(error?.code).toBe('authorization_invalid');
        expect(error?.long_message).toContain('"https://evil.test"');
        expect(error?.long_message).toContain('127.0.0.1:3000');
        expect(error?.long_message).toContain('allowedOrigins');
        expect(error?.long_message).toContain('trustProxy');
        expect(upstreamCalls).toHaveLength(0);
      });

      it('when a write carries no Origin, it is refused', async () => {
        const { handler } = await mount(transport);
        expect((await handler(roleChange('http://localhost:3000', { host: 'localhost:3000' }))).status).toBe(
          403,
        );
      });
    });

    describe('and the handler behind a proxy that forwards X-Forwarded-Host', () => {
      const behindProxy = {
        host: 'localhost:3000',
        'x-forwarded-host': 'app.example.test',
        origin: 'https://app.example.test',
      };

      it('when the app trusts its proxy, a write from the public host is allowed', async () => {
        const { handler } = await mount(transport, { trustProxy: true });
        expect((await handler(roleChange('http://localhost:3000', behindProxy))).status).toBe(200);
      });

      it('when the app does not say it trusts a proxy, X-Forwarded-Host is ignored and the write is refused', async () => {
        const { handler } = await mount(transport);
        expect((await handler(roleChange('http://localhost:3000', behindProxy))).status).toBe(403);
      });

      it('when an untrusted client forges X-Forwarded-Host to match its own Origin, the write is refused', async () => {
        const { handler } = await mount(transport);
        const forged = {
          host: 'app.example.test',
          'x-forwarded-host': 'evil.test',
          origin: 'https://evil.test',
        };
        expect((await handler(roleChange('https://app.example.test', forged))).status).toBe(403);
      });
    });

    describe('and allowedOrigins', () => {
      it('when a write comes from a listed origin it is allowed, and writes from the app itself still are', async () => {
        const { handler } = await mount(transport, { allowedOrigins: ['https://admin.example.test'] });
        const listed = { host: 'app.example.test', origin: 'https://admin.example.test' };
        const own = { host: 'app.example.test', origin: 'https://app.example.test' };
        expect((await handler(roleChange('https://app.example.test', listed))).status).toBe(200);
        expect((await handler(roleChange('https://app.example.test', own))).status).toBe(200);
      });

      it('when a fetch says it is cross-site, the write is refused even from a listed origin', async () => {
        const { handler } = await mount(transport, { allowedOrigins: ['https://admin.example.test'] });
        const headers = {
          host: 'app.example.test',
          origin: 'https://admin.example.test',
          'sec-fetch-site': 'cross-site',
        };
        expect((await handler(roleChange('https://app.example.test', headers))).status).toBe(403);
      });
    });
  });
}
