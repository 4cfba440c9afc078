import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, POLL, setupPlayground } from './playground-session';

const playground = setupPlayground();

/** A write from the page itself (the browser adds the same-origin Origin header). */
function writeFromPage(method: string, path: string, body?: unknown) {
  return { method, path, body };
}

describe('given Bob, a plain member of Acme', () => {
  it('when his page sends writes to the handler, each is refused with 403 and nothing changes', async () => {
    const page = await playground.open('bob');
    await page.getByRole('table').waitFor();
    const attempts = [
      writeFromPage('PATCH', '/api/organizations/org_acme/memberships/user_alice', { role: 'org:member' }),
      writeFromPage('DELETE', '/api/organizations/org_acme/memberships/user_alice'),
      writeFromPage('POST', '/api/organizations/org_acme/memberships', {
        user_id: 'user_carol',
        role: 'org:admin',
      }),
      writeFromPage('PATCH', '/api/organizations/org_acme/memberships/user_alice/metadata', {
        public_metadata: { x: 1 },
      }),
    ];
    const results = await page.evaluate(async (requests) => {
      const out: Array<{ status: number; code: string }> = [];
      for (const { method, path, body } of requests) {
        const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
        if (body !== undefined) init.body = JSON.stringify(body);
        const response = await fetch(path, init);
        const json = (await response.json()) as { errors?: Array<{ code: string }> };
        out.push({ status: response.status, code: json.errors?.[0]?.code ?? '' });
      }
      return out;
    }, attempts);
    expect(results).toEqual(attempts.map(() => ({ status: 403, code: 'missing_organization_permission' })));
    const alice = await page.evaluate(async () => {
      const response = await fetch('/api/organizations/org_acme/memberships?user_id=user_alice');
      return ((await response.json()) as { data: Array<{ role: string }> }).data[0]?.role;
    });
    expect(alice).toBe('org:admin');
  });

  it('when he opens the members page, he sees no management controls', async () => {
    const page = await playground.open('bob');
    await page.getByRole('table').waitFor();
    await expect.poll(() => page.getByRole('row').count(), POLL).toBeGreaterThan(1);
    // Role selects stay visible as text but cannot be operated; nothing else offers a change.
    const roleSelects = page.getByRole('combobox', { name: /^Role for / });
    expect(await roleSelects.count()).toBe(10);
    for (const select of await roleSelects.all()) expect(await select.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add member' }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
