// What the handler refuses before forwarding, and what it makes of upstream failures, on the fetch
// path and on the Node path alike: 413, 415, 400, 404 outside the caller's organization, 502 for an
// unreachable or non-JSON upstream, 500 for a refused secret key, Retry-After passed on, and a
// client that goes away aborting the upstream call.
import { describe, expect, it } from 'vitest';
import { cannedUpstream } from './stub-upstream';
import { ORG, TRANSPORTS } from './transports';

const APP = 'https://app.example.test';
const MEMBER = `${APP}/api/organizations/${ORG}/memberships/user_bob`;
const WRITE_HEADERS = { origin: APP, host: 'app.example.test', 'content-type': 'application/json' };

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { errors?: { code: string }[] };
  return body.errors?.[0]?.code;
}

function patch(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`${MEMBER}/metadata`, {
    method: 'PATCH',
    headers: { ...WRITE_HEADERS, ...headers },
    body,
  });
}

for (const transport of TRANSPORTS) {
  describe(`given ${transport.name}`, () => {
    describe('and a write the handler must refuse', () => {
      it('when its body is larger than maxBodyBytes, it answers 413 and forwards nothing', async () => {
        const { send, calls } = await transport.mount(cannedUpstream, { maxBodyBytes: 64 });
        const response = await send(patch(JSON.stringify({ public_metadata: { blob: 'x'.repeat(200) } })));
        expect(response.status).toBe(413);
        expect(await errorCode(response)).toBe('form_param_exceeds_allowed_size');
        expect(calls).toHaveLength(0);
      });

      it('when its body is exactly maxBodyBytes, it is forwarded', async () => {
        const body = JSON.stringify({ public_metadata: { blob: 'x' } });
        const { send, calls } = await transport.mount(cannedUpstream, { maxBodyBytes: body.length });
        expect((await send(patch(body))).status).toBe(200);
        expect(calls.map((call) => call.body)).toEqual([body]);
      });

      it('when its Content-Type is not JSON, it answers 415 and forwards nothing', async () => {
        const { send, calls } = await transport.mount(cannedUpstream);
        const response = await send(patch('{"public_metadata":{}}', { 'content-type': 'text/plain' }));
        expect(response.status).toBe(415);
        expect(await errorCode(response)).toBe('unsupported_content_type');
        expect(calls).toHaveLength(0);
      });

      it('when its body is not UTF-8, it answers 400', async () => {
        const { send, calls } = await transport.mount(cannedUpstream);
        const response = await send(patch(new Uint8Array([0x7b, 0xff, 0x7d])));
        expect(response.status).toBe(400);
        expect(await errorCode(response)).toBe('request_body_invalid');
        expect(calls).toHaveLength(0);
      });

      it("when it names another organization than the caller's, it answers 404 and forwards nothing", async () => {
        const { send, calls } = await transport.mount(cannedUpstream);
        const other = new Request(`${APP}/api/organizations/org_other/memberships/user_bob`, {
          method: 'PATCH',
          headers: WRITE_HEADERS,
          body: JSON.stringify({ role: 'org:member' }),
        });
        const response = await send(other);
        expect(response.status).toBe(404);
        expect(await errorCode(response)).toBe('resource_not_found');
        const list = await send(new Request(`${APP}/api/organizations/org_other/memberships`));
        expect(list.status).toBe(404);
        expect(calls).toHaveLength(0);
      });
    });

    describe('and an upstream that fails', () => {
      it('when upstream is unreachable, it answers 502 upstream_unavailable', async () => {
        const { send } = await transport.mount(cannedUpstream, await transport.unreachable());
        const response = await send(new Request(`${APP}/api/organizations/${ORG}/memberships`));
        expect(response.status).toBe(502);
        expect(await errorCode(response)).toBe('upstream_unavailable');
      });

      it('when upstream answers something that is not JSON (or JSON cut short), it answers 502 upstream_invalid_response', async () => {
        for (const body of ['<html>oops</html>', '', ['{"data":[', '{"id":"x"']]) {
          const { send } = await transport.mount(() => ({ status: 503, body }));
          const response = await send(new Request(`${APP}/api/organizations/${ORG}/memberships`));
          expect(response.status, String(body)).toBe(502);
          expect(await errorCode(response)).toBe('upstream_invalid_response');
        }
      });

      it('when upstream refuses the secret key (401), the browser gets a 500, not a 401', async () => {
        const { send } = await transport.mount(() => ({
          status: 401,
          body: JSON.stringify({
            errors: [{ code: 'authentication_invalid', message: 'm', long_message: 'l' }],
          }),
        }));
        const response = await send(new Request(`${APP}/api/organizations/${ORG}/memberships`));
        expect(response.status).toBe(500);
        expect(await errorCode(response)).toBe('internal_clerk_error');
      });

      it('when upstream rate-limits, its status and Retry-After are passed on', async () => {
        const { send } = await transport.mount(() => ({
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '7' },
          body: JSON.stringify({
            errors: [{ code: 'too_many_requests', message: 'slow', long_message: 'slow' }],
          }),
        }));
        const response = await send(new Request(`${APP}/api/organizations/${ORG}/memberships`));
        expect(response.status).toBe(429);
        expect(response.headers.get('retry-after')).toBe('7');
        expect(await errorCode(response)).toBe('too_many_requests');
      });

      it('when upstream answers a BOM before its JSON, the JSON is read (as Response.text() reads it)', async () => {
        const { send } = await transport.mount(() => ({
          body: `\uFEFF${JSON.stringify({ data: [], total_count: 0 })}`,
        }));
        const response = await send(new Request(`${APP}/api/organizations/${ORG}/memberships`));
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ data: [], total_count: 0 });
      });
    });

    describe('and a client that goes away while upstream is answering', () => {
      it('when the client aborts, the upstream call is aborted too', async () => {
        let called: () => void = () => undefined;
        const upstreamCalled = new Promise<void>((resolve) => {
          called = resolve;
        });
        const { send, calls } = await transport.mount(async (call) => {
          called();
          await call.aborted;
          return { body: '{}' };
        });
        const client = new AbortController();
        const sent = send(
          new Request(`${APP}/api/organizations/${ORG}/memberships`, { signal: client.signal }),
        );
        sent.catch(() => undefined);
        await upstreamCalled;
        client.abort();
        // Settles only if upstream saw the abort (the test times out otherwise).
        await calls[0]?.aborted;
        expect(calls).toHaveLength(1);
      });
    });
  });
}
