import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announcements, expectNoAxeViolations, POLL, setupPlayground } from './playground-session';

const playground = setupPlayground();

const FIRST = 'rita.newcomer@example.test';
const SECOND = 'sam.newcomer@example.test';

/** An invitation's row cell (not the announcements, which name the address too). */
function invitationCell(page: Page, email: string) {
  return page.getByRole('table').getByRole('cell', { name: email, exact: true });
}

function invitationsTab(page: Page) {
  return page.getByRole('tab', { name: /^Invitations/ });
}

describe('given Alice, an admin, on the playground', () => {
  it('when she invites two people, revokes one, resends the other and it is accepted from the outbox, the invitee joins with the invited role', async () => {
    const page = await playground.open('alice');
    await page.getByRole('button', { name: 'Invite members' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite members' });
    await dialog.getByRole('textbox', { name: 'Email addresses' }).fill(`${FIRST}, ${SECOND} `);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Admin' }).click();
    await expectNoAxeViolations(page, '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Send invitations' }).click();
    await expect.poll(() => invitationsTab(page).textContent(), POLL).toContain('2');
    await invitationsTab(page).click();
    await invitationCell(page, FIRST).waitFor();
    await invitationCell(page, SECOND).waitFor();
    await expectNoAxeViolations(page);

    // Revoke the first, behind its confirm dialog.
    await page.getByRole('button', { name: `Revoke invitation for ${FIRST}` }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke invitation' });
    await expectNoAxeViolations(page, '[role="alertdialog"]');
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => invitationCell(page, FIRST).count(), POLL).toBe(0);

    // Still gone after a reload; the second is still pending.
    await page.reload();
    await invitationsTab(page).click();
    await invitationCell(page, SECOND).waitFor();
    expect(await invitationCell(page, FIRST).count()).toBe(0);

    // Resend the second: a new invitation replaces the old one.
    await page.getByRole('button', { name: `Resend invitation to ${SECOND}` }).click();
    await expect.poll(() => announcements(page), POLL).toContain(SECOND);

    // Accept from the dev mailbox: the resent email's link works, the revoked one's does not.
    await page.getByRole('button', { name: 'Refresh mailbox' }).click();
    const accept = page.getByRole('button', { name: `Accept invitation for ${SECOND}` });
    await expect.poll(() => accept.count(), POLL).toBe(2);
    const accepted = page.getByRole('status').filter({ hasText: `${SECOND} accepted the invitation.` });
    const refused = page.getByRole('status').filter({ hasText: 'can no longer be accepted' });
    for (let i = 0; i < 2 && (await accepted.count()) === 0; i++) {
      await accept.nth(i).click();
      await expect.poll(async () => (await accepted.count()) + (await refused.count()), POLL).toBe(1);
    }
    expect(await accepted.count()).toBe(1);

    // The invitee is a member now, with the invited role (after a reload: the playground remounts
    // the panel when an invitation is accepted, and typing into the old one would be lost).
    await page.reload();
    await page.getByRole('searchbox', { name: 'Search members' }).fill('sam.newcomer');
    const roleSelect = page.getByRole('combobox', { name: /^Role for / });
    await expect.poll(() => roleSelect.count(), POLL).toBe(1);
    await expect.poll(() => roleSelect.textContent(), POLL).toContain('Admin');
    await expectNoAxeViolations(page);
  });
});
