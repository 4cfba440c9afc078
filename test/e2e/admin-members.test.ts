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

/** The first row on the page whose member has the Member role and may be changed by the viewer. */
async function firstPlainMember(page: Page): Promise<{ name: string; roleSelect: Locator }> {
  const roleSelect = page
    .getByRole('combobox', { name: /^Role for / })
    .filter({ hasText: 'Member' })
    .and(page.locator(':not([disabled])'))
    .first();
  await roleSelect.waitFor();
  const label = await roleSelect.getAttribute('aria-label');
  if (!label) throw new Error('the role select has no aria-label');
  return { name: label.replace(/^Role for /, ''), roleSelect };
}

/** The table row of a member, by their name. */
function memberRow(page: Page, name: string): Locator {
  return page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name, exact: true }) });
}

async function chooseRole(page: Page, roleSelect: Locator, roleName: string): Promise<void> {
  await roleSelect.click();
  await page.getByRole('option', { name: roleName }).click();
}

describe('given Alice, an admin of Acme, on the members page', () => {
  it('when the page loads, the list shows the first 10 of every seeded member', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    // A header row plus one row per member of the page.
    expect(await page.getByRole('table').getByRole('row').count()).toBe(11);
    await expectNoAxeViolations(page);
  });

  it('when she searches, the list narrows to matches; when she clears the search, every member is back', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    await page.getByRole('searchbox', { name: 'Search members' }).fill('Bob Jones');
    await expect.poll(() => page.getByRole('table').getByRole('row').count(), POLL).toBe(2);
    await expectStatus(page, 1, 1, 1);
    expect(await memberRow(page, 'Bob Jones').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search members' }).fill('');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
  });

  it('when a search matches nobody, the empty state is accessible', async () => {
    const page = await playground.open('alice');
    await page.getByRole('searchbox', { name: 'Search members' }).fill('zzz-nobody-matches');
    await page.getByText(/No members match/).waitFor();
    await expectNoAxeViolations(page);
  });

  it('when she pages forward and back, the range follows', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    const firstPageNames = await page.getByRole('table').getByRole('row').allTextContents();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expectStatus(page, 11, 20, ACME_MEMBERS);
    expect(await page.getByRole('table').getByRole('row').allTextContents()).not.toEqual(firstPageNames);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    expect(await page.getByRole('table').getByRole('row').allTextContents()).toEqual(firstPageNames);
  });

  it('when she changes a role, it shows while the server works, is announced, and survives a reload', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    const { name, roleSelect } = await firstPlainMember(page);
    await expectNoAxeViolations(page);
    // A slow server, so the optimistic state can be seen before the answer.
    await playground.setFaults({ latencyMs: 400 });
    await roleSelect.click();
    await page.getByRole('listbox').waitFor();
    await expectNoAxeViolations(page, '[role="listbox"]');
    await page.getByRole('option', { name: 'Admin' }).click();
    const select = page.getByRole('combobox', { name: `Role for ${name}` });
    // Optimistic: the new role is on screen while the request is still pending.
    const pendingRow = page.locator('tr[data-pending]').filter({ has: select });
    await pendingRow.waitFor();
    expect(await select.textContent()).toContain('Admin');
    await expect.poll(() => announcements(page), POLL).toContain(`${name} is now Admin`);
    await playground.setFaults({ latencyMs: 0 });
    await page.reload();
    await expect
      .poll(() => page.getByRole('combobox', { name: `Role for ${name}` }).textContent(), POLL)
      .toContain('Admin');
  });

  it('when a role change fails on the server, the old role comes back and the failure is announced', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    const { name } = await firstPlainMember(page);
    await playground.setFaults({ latencyMs: 200, failureRate: 1 });
    const select = page.getByRole('combobox', { name: `Role for ${name}` });
    await chooseRole(page, select, 'Admin');
    expect(await select.textContent()).toContain('Admin');
    // Undo is on in the playground: the one-member action fails in the same words as without it.
    await expect.poll(() => announcements(page), POLL).toMatch(/Could not change role: .*; reverted/);
    await expect.poll(() => select.textContent(), POLL).toContain('Member');
    await playground.setFaults({ latencyMs: 0, failureRate: 0 });
    await page.reload();
    await expect
      .poll(() => page.getByRole('combobox', { name: `Role for ${name}` }).textContent(), POLL)
      .toContain('Member');
  });

  it('when she opens the remove dialog, Cancel keeps the member and Remove removes them', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    const { name } = await firstPlainMember(page);
    const removeButton = page.getByRole('button', { name: `Remove ${name}` });

    await removeButton.click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove member' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(name);
    await expectNoAxeViolations(page, '[role="alertdialog"]');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await memberRow(page, name).count()).toBe(1);
    await expect
      .poll(() => removeButton.evaluate((node) => node === document.activeElement), POLL)
      .toBe(true);

    await removeButton.click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => memberRow(page, name).count(), POLL).toBe(0);
    await expectStatus(page, 1, 10, ACME_MEMBERS - 1);
    await expect.poll(() => announcements(page), POLL).toContain(`${name} was removed`);
    // Focus stays in the members page, not lost to the document body.
    expect(
      await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null),
    ).toBe(true);
    await page.reload();
    await expectStatus(page, 1, 10, ACME_MEMBERS - 1);
  });
});

describe('given Alice adding a member', () => {
  it('when she picks a user through the search and adds them, they join and the count grows', async () => {
    const page = await playground.open('alice');
    await expectStatus(page, 1, 10, ACME_MEMBERS);
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add member' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'User' }).fill('Carol');
    await page.getByRole('option', { name: /Carol Diaz/ }).click();
    await expectNoAxeViolations(page, '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => announcements(page), POLL).toContain('Carol Diaz was added');
    await expectStatus(page, 1, 10, ACME_MEMBERS + 1);
  });
});

describe('given Carol, the last admin of Solo Studio', () => {
  it('when she opens the members page, she cannot demote or remove herself and the page is accessible', async () => {
    const page = await playground.open('carol');
    const own = page.getByRole('combobox', { name: 'Role for Carol Diaz' });
    await own.waitFor();
    // The last-admin answer needs the organization's admin count, which loads after the list: poll.
    await expect.poll(() => own.isDisabled(), POLL).toBe(true);
    const leave = page.getByRole('button', { name: 'Leave organization' });
    await expect.poll(() => leave.getAttribute('aria-disabled'), POLL).toBe('true');
    await expectNoAxeViolations(page);
  });
});
