import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStubHandler, ORG } from './stub-upstream';

const list = `/api/roster/organizations/${ORG}/memberships`;

describe('given the handler mounted on the Next.js edge runtime', () => {
  it('when Next adds the catch-all segment as ?path=..., the list answers 200 and upstream never sees it', async () => {
    const { handler, upstreamUrls } = createStubHandler();
    const url = `http://localhost:3000${list}?limit=5&path=organizations&path=${ORG}&path=memberships`;
    const response = await handler(new Request(url));
    expect(response.status).toBe(200);
    expect(upstreamUrls[0]).toBe(`https://api.clerk.test/v1/organizations/${ORG}/memberships?limit=5`);
  });

  it('when the catch-all is named otherwise ([...slug]) or sent as one value, it is dropped the same way', async () => {
    const { handler, upstreamUrls } = createStubHandler();
    const response = await handler(
      new Request(`http://localhost:3000${list}?slug=organizations/${ORG}/memberships`),
    );
    expect(response.status).toBe(200);
    expect(upstreamUrls[0]).not.toContain('slug');
  });

  it('when a parameter is unknown and is not the route, it is still refused with 422', async () => {
    const { handler } = createStubHandler();
    const response = await handler(new Request(`http://localhost:3000${list}?path=somewhere`));
    expect(response.status).toBe(422);
  });
});

describe("given the handler's main entry", () => {
  it('when its source files are read, none but the Node adapter imports a node: module (edge-safe)', () => {
    const src = join(import.meta.dirname, '../src');
    const nodeOnly = new Set([
      'node.ts',
      'node-handler.ts',
      'node-adapter-error.ts',
      'node-memberships-listener.ts',
      'node-upstream.ts',
    ]);
    const offenders = readdirSync(src)
      .filter((file) => file.endsWith('.ts') && !nodeOnly.has(file))
      .filter((file) => /from ['"]node:/.test(readFileSync(join(src, file), 'utf8')));
    expect(offenders).toEqual([]);
    const index = readFileSync(join(src, 'index.ts'), 'utf8');
    expect(index).not.toMatch(/from '\.\/node-/);
  });
});
