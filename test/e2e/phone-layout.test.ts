// The members page on a phone: at a 390 px wide viewport every row's controls are on screen, the
// page never scrolls sideways, the rows keep their table semantics in Chromium's accessibility tree,
// a role can be changed and a member removed with the popover and the dialog on screen, and axe
// finds nothing.
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
const PHONE = { width: 390, height: 844 } as const;

/** Alice's members page at phone width, the first page loaded. */
async function openOnPhone(): Promise<Page> {
  const page = await playground.open('alice');
  await page.setViewportSize(PHONE);
  await expectStatus(page, 1, 10, ACME_MEMBERS);
  return page;
}

/** The page's member rows (the header row left out). */
function memberRows(page: Page): Locator {
  return page.getByRole('table').locator('tbody').getByRole('row');
}

/** Where `locator` is, in viewport coordinates. */
async function box(locator: Locator): Promise<{ left: number; right: number; top: number; bottom: number }> {
  return locator.evaluate((node) => {
    const { left, right, top, bottom } = node.getBoundingClientRect();
    return { left, right, top, bottom };
  });
}

/** Expects `locator` to lie within the viewport's width (sideways: nothing cut off). */
async function expectWithinWidth(page: Page, locator: Locator): Promise<void> {
  const { left, right } = await box(locator);
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(left).toBeGreaterThanOrEqual(0);
  expect(right).toBeLessThanOrEqual(width);
}

/** The page cannot scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe('given Alice on the members page on a 390 px wide phone', () => {
  it('when the page loads, every row shows its role select and Remove button on screen, nothing scrolls sideways, and axe finds nothing', async () => {
    const page = await openOnPhone();
    await expectNoSidewaysScroll(page);
    const rows = memberRows(page);
    expect(await rows.count()).toBe(10);
    for (const row of await rows.all()) {
      const roleSelect = row.getByRole('combobox', { name: /^Role for / });
      const remove = row.getByRole('button', { name: /^Remove / });
      await expectWithinWidth(page, roleSelect);
      await expectWithinWidth(page, remove);
      // Scrolled to, each is really visible and big enough to tap (WCAG 2.2 target size).
      for (const control of [roleSelect, remove]) {
        await control.scrollIntoViewIfNeeded();
        const { left, right, top, bottom } = await box(control);
        expect(right - left).toBeGreaterThanOrEqual(24);
        expect(bottom - top).toBeGreaterThanOrEqual(24);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(bottom).toBeLessThanOrEqual(PHONE.height);
      }
    }
    // The toolbar and the pagination wrap onto the screen too.
    for (const control of [
      page.getByRole('searchbox', { name: 'Search members' }),
      page.getByRole('button', { name: 'Add member' }),
      page.getByRole('button', { name: 'Export CSV' }),
      page.getByRole('button', { name: 'Next page' }),
    ]) {
      await expectWithinWidth(page, control);
    }
    await expectNoAxeViolations(page);
  });

  it('when the rows are cards, Chromium still exposes the table: its rows, cells and column headers', async () => {
    const page = await openOnPhone();
    // Chromium's own accessibility tree (what a screen reader gets), not the DOM's roles.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string } }[];
    };
    const count = (role: string) => nodes.filter((node) => !node.ignored && node.role?.value === role).length;
    // As many as the markup has (whatever the columns): one table, a header row and ten member
    // rows, a column header per header cell and a cell per body cell.
    const markup = await page.evaluate(() => {
      const table = document.querySelector('table');
      return {
        headers: table?.querySelectorAll('thead th').length ?? 0,
        cells: table?.querySelectorAll('tbody td').length ?? 0,
      };
    });
    expect(count('table')).toBe(1);
    expect(count('row')).toBe(11);
    expect(markup.headers).toBeGreaterThanOrEqual(6);
    expect(count('columnheader')).toBe(markup.headers);
    expect(markup.cells).toBeGreaterThanOrEqual(60);
    expect(count('cell')).toBe(markup.cells);
  });

  it('when she changes a role, the popover opens on screen, the change is announced and survives a reload', async () => {
    const page = await openOnPhone();
    const roleSelect = page
      .getByRole('combobox', { name: /^Role for / })
      .filter({ hasText: 'Member' })
      .and(page.locator(':not([disabled])'))
      .first();
    const label = await roleSelect.getAttribute('aria-label');
    const name = label?.replace(/^Role for /, '') ?? '';
    expect(name).not.toBe('');
    await roleSelect.click();
    const listbox = page.getByRole('listbox');
    await listbox.waitFor();
    await expectWithinWidth(page, listbox);
    const { top, bottom } = await box(listbox);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(PHONE.height);
    await expectNoAxeViolations(page, '[role="listbox"]');
    await page.getByRole('option', { name: 'Admin' }).click();
    await expect.poll(() => announcements(page), POLL).toContain(`${name} is now Admin`);
    await expectNoSidewaysScroll(page);
    await page.reload();
    await expect
      .poll(() => page.getByRole('combobox', { name: `Role for ${name}` }).textContent(), POLL)
      .toContain('Admin');
  });

  it('when she taps Remove, the dialog is on screen over the cards; Cancel keeps the member', async () => {
    const page = await openOnPhone();
    const remove = memberRows(page)
      .last()
      .getByRole('button', { name: /^Remove / });
    await remove.scrollIntoViewIfNeeded();
    await remove.click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove member' });
    await dialog.waitFor();
    const { left, right, top, bottom } = await box(dialog);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(PHONE.width);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(PHONE.height);
    // Behind the dialog the rows stay cards: the page does not grow sideways.
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page, '[role="alertdialog"]');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await memberRows(page).count()).toBe(10);
    await expectNoSidewaysScroll(page);
  });
});
