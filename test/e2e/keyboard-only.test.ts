import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  announcements,
  expectStatus,
  POLL,
  seededMemberCount,
  setupPlayground,
  tabTo,
  VIEWERS,
} from './playground-session';

const playground = setupPlayground();
const ACME_MEMBERS = seededMemberCount(VIEWERS.alice.organizationId);

/** The names of the members on the page whose role the viewer may change and who are plain members. */
async function plainMemberNames(page: Page): Promise<string[]> {
  const selects = page.getByRole('combobox', { name: /^Role for / }).filter({ hasText: 'Member' });
  await selects.first().waitFor();
  const names: string[] = [];
  for (const select of await selects.all()) {
    const label = await select.getAttribute('aria-label');
    if (label && !(await select.isDisabled())) names.push(label.replace(/^Role for /, ''));
  }
  return names;
}

function isFocused(page: Page, name: string, role: 'button' | 'combobox' = 'button') {
  return page.getByRole(role, { name, exact: true }).evaluate((node) => node === document.activeElement);
}

describe('given Alice using only the keyboard', () => {
  it('when she searches, pages, changes a role and removes a member, every step works without a pointer', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);

    // Search and clear.
    await tabTo(page, page.getByRole('searchbox', { name: 'Search members' }));
    await page.keyboard.type('Bob Jones');
    await expectStatus(page, 1, 1, 1);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expectStatus(page, 1, 10, ACME_MEMBERS);

    // Page forward and back.
    await tabTo(page, page.getByRole('button', { name: 'Next page' }));
    await page.keyboard.press('Enter');
    await expectStatus(page, 11, 20, ACME_MEMBERS);
    await tabTo(page, page.getByRole('button', { name: 'Previous page' }));
    await page.keyboard.press('Enter');
    await expectStatus(page, 1, 10, ACME_MEMBERS);

    // Change a role with the select's keyboard interaction.
    const [promoted, removed] = await plainMemberNames(page);
    if (!promoted || !removed) throw new Error('the first page needs two plain members');
    const roleSelect = page.getByRole('combobox', { name: `Role for ${promoted}` });
    await tabTo(page, roleSelect);
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    // By accessible name: the option's text also holds the role's description (aria-describedby).
    const admin = page.getByRole('option', { name: 'Admin', exact: true });
    const isHighlighted = async () => (await admin.getAttribute('data-highlighted')) !== null;
    for (let i = 0; i < 5 && !(await isHighlighted()); i++) {
      await page.keyboard.press('ArrowUp');
    }
    expect(await isHighlighted()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    expect(await roleSelect.textContent()).toContain('Admin');
    await expect.poll(() => announcements(page), POLL).toContain(`${promoted} is now Admin`);
    expect(await isFocused(page, `Role for ${promoted}`, 'combobox')).toBe(true);

    // Open the remove dialog, cancel it: focus goes back to the trigger.
    await tabTo(page, page.getByRole('button', { name: `Remove ${removed}` }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Remove member' });
    await dialog.waitFor();
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    await tabTo(page, dialog.getByRole('button', { name: 'Cancel' }), 5);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, `Remove ${removed}`), POLL).toBe(true);

    // Open it again and confirm.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole('button', { name: 'Remove', exact: true }), 5);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expectStatus(page, 1, 10, ACME_MEMBERS - 1);
    expect(await page.getByRole('button', { name: `Remove ${removed}` }).count()).toBe(0);
    expect(
      await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null),
    ).toBe(true);
  });
});
