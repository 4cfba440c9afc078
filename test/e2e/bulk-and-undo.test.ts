// Issue 15, items 2 and 3 on the playground (undo window 5 s): bulk role change and bulk removal
// persist on the server, and Undo after a removal leaves the member exactly as they were.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  announcements,
  expectNoAxeViolations,
  expectStatus,
  POLL,
  seededMemberCount,
  setupPlayground,
  VIEWERS,
} from './playground-session';

const playground = setupPlayground();
const ACME_MEMBERS = seededMemberCount(VIEWERS.alice.organizationId);
/** Longer than the playground's undo window, for the deferred DELETE to be sent. */
const PAST_THE_WINDOW = { timeout: 20_000 } as const;

/** The names of the first `count` rows whose member has the Member role and may be changed. */
async function plainMembers(page: Page, count: number): Promise<string[]> {
  const selects = page
    .getByRole('combobox', { name: /^Role for (?!selected)/ })
    .filter({ hasText: 'Member' })
    .and(page.locator(':not([disabled])'));
  await selects.first().waitFor();
  const labels = await selects.evaluateAll((nodes) =>
    nodes.map((node) => node.getAttribute('aria-label') ?? ''),
  );
  const names = labels.slice(0, count).map((label) => label.replace(/^Role for /, ''));
  if (names.length < count) throw new Error(`the first page needs ${count} plain members`);
  return names;
}

function roleSelect(page: Page, name: string): Locator {
  return page.getByRole('combobox', { name: `Role for ${name}`, exact: true });
}

async function select(page: Page, names: readonly string[]): Promise<void> {
  for (const name of names) await page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  await expect.poll(() => page.getByText(`${names.length} selected`, { exact: true }).count(), POLL).toBe(1);
}

describe('given Alice, an admin of Acme, on the playground', () => {
  it('when she selects two members and gives them the Admin role, both are admins after a reload', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    const names = await plainMembers(page, 2);
    await select(page, names);
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: 'Role for selected members' }).click();
    await page.getByRole('option', { name: 'Admin', exact: true }).click();
    for (const name of names)
      await expect.poll(() => roleSelect(page, name).textContent(), POLL).toContain('Admin');
    await expect.poll(() => announcements(page), POLL).toContain('Changed the role of 2 members to Admin');

    // A role change's undo window does not hold the request back: it is on the server already.
    await page.reload();
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    for (const name of names)
      await expect.poll(() => roleSelect(page, name).textContent(), POLL).toContain('Admin');
  });

  it('when she removes two selected members, the total drops by two and stays so after the window and a reload', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    const names = await plainMembers(page, 2);
    await select(page, names);

    await page.getByRole('button', { name: 'Remove selected' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove members' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, '[role="alertdialog"]');
    await dialog.getByRole('button', { name: 'Remove 2 members' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectStatus(page, 1, 10, ACME_MEMBERS - 2);
    await expect.poll(() => announcements(page), POLL).toContain('Removed 2 members');

    // The DELETEs go out when the undo window ends; the Undo button leaves with it.
    await page.getByRole('button', { name: 'Undo' }).waitFor({ state: 'detached', ...PAST_THE_WINDOW });
    await page.reload();
    await expectStatus(page, 1, 10, ACME_MEMBERS - 2);
    for (const name of names) expect(await roleSelect(page, name).count()).toBe(0);
  });

  it('when she removes a member and presses Undo, the member is back exactly as before, also after a reload', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    const [name] = await plainMembers(page, 1);
    if (!name) throw new Error('no plain member');
    const rowText = (member: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: member, exact: true }) })
        .textContent();
    const before = await rowText(name);

    await page.getByRole('button', { name: `Remove ${name}` }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove member' });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => roleSelect(page, name).count(), POLL).toBe(0);
    await expectStatus(page, 1, 10, ACME_MEMBERS - 1);

    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.focus(); // focus pauses the window: the keyboard user has all the time they need
    await page.keyboard.press('Enter');
    await expect.poll(() => announcements(page), POLL).toContain('Undone');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    expect(await rowText(name)).toBe(before);
    await expectNoAxeViolations(page);

    await page.reload();
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    await expect.poll(() => rowText(name), POLL).toBe(before);
  });
});
