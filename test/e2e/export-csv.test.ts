// Issue 15, item 4 on the playground: Export CSV of a filtered view downloads exactly its members.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createDemoSeed } from '../../packages/core/src/testing';
import { expectNoAxeViolations, expectStatus, POLL, setupPlayground, VIEWERS } from './playground-session';

const playground = setupPlayground();
const ACME = VIEWERS.alice.organizationId;

/** The seeded members of Acme with `role`: what the server holds, the truth the file is checked against. */
function seededWithRole(role: string): string[] {
  return createDemoSeed()
    .memberships.filter((m) => m.organizationId === ACME && m.role === role)
    .map((m) => m.userId);
}

describe('given Alice, an admin of Acme, on the members page', () => {
  it('when she filters by role and clicks Export CSV, the downloaded file holds exactly the filtered members', async () => {
    const page = await playground.open('alice');
    const members = seededWithRole('org:member');
    await page.getByRole('combobox', { name: 'Filter by role' }).click();
    await page.getByRole('option', { name: 'Member', exact: true }).click();
    await expectStatus(page, 1, 10, members.length);

    const [download] = await Promise.all([
      page.waitForEvent('download', POLL),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);

    expect(download.suggestedFilename()).toMatch(/^members-acme-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    const rows = text.split('\r\n').slice(0, -1);
    expect(rows[0]).toBe('User ID,First name,Last name,Email,Role key,Role name,Joined');
    const ids = rows.slice(1).map((row) => row.split(',')[0]);
    expect(ids).toHaveLength(members.length);
    expect(new Set(ids)).toEqual(new Set(members));
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /^Exported / })
            .textContent(),
        POLL,
      )
      .toBe(`Exported ${members.length} members`);
    await expectNoAxeViolations(page);
  });
});
