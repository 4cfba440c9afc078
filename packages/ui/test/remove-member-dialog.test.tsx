import { createRosterApiError } from '@roster/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RemoveMemberDialog } from '../src/remove-member-dialog';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function renderWithTrigger(onConfirm: () => Promise<unknown> | undefined, isSelf = false) {
  return render(
    <RemoveMemberDialog
      memberName="Bob Jones"
      organizationName="Acme"
      isSelf={isSelf}
      onConfirm={onConfirm}
      trigger={<button type="button">Remove Bob Jones</button>}
    />,
  );
}

function Row() {
  const [present, setPresent] = useState(true);
  const [open, setOpen] = useState(false);
  return (
    <div>
      <table tabIndex={-1} aria-label="Members">
        <tbody>
          {present && (
            <tr>
              <td>
                <button type="button" onClick={() => setOpen(true)}>
                  Remove Bob Jones
                </button>
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <RemoveMemberDialog
        memberName="Bob Jones"
        organizationName="Acme"
        open={open}
        onOpenChange={setOpen}
        onConfirm={async () => setPresent(false)}
        fallbackFocus={() => screen.getByRole('table', { name: 'Members' })}
      />
    </div>
  );
}

describe('given a remove-member dialog', () => {
  it('when opened, it is an alert dialog titled "Remove member" naming the member and the organization, with Cancel focused', async () => {
    const user = userEvent.setup();
    renderWithTrigger(() => Promise.resolve());
    await user.click(screen.getByRole('button', { name: 'Remove Bob Jones' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove member' });
    expect(dialog).toHaveAccessibleDescription(/Bob Jones.*Acme/);
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Remove' })).toHaveAttribute('data-variant', 'destructive');
  });

  it('when Escape is pressed, it closes and focus returns to the trigger', async () => {
    const user = userEvent.setup();
    renderWithTrigger(() => Promise.resolve());
    const trigger = screen.getByRole('button', { name: 'Remove Bob Jones' });
    trigger.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it('when Remove is confirmed, it shows a pending state, then closes when removal succeeds', async () => {
    const user = userEvent.setup();
    const removal = deferred();
    const onConfirm = vi.fn(() => removal.promise);
    renderWithTrigger(onConfirm);
    await user.click(screen.getByRole('button', { name: 'Remove Bob Jones' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const pendingButton = screen.getByRole('button', { name: 'Removing…' });
    expect(pendingButton).toHaveAttribute('data-pending');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.click(pendingButton);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    removal.resolve();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  });

  it('when the server refuses, it shows the error inside and stays open', async () => {
    const user = userEvent.setup();
    renderWithTrigger(() =>
      Promise.reject(createRosterApiError(403, 'not_allowed', 'You cannot remove the last admin.')),
    );
    await user.click(screen.getByRole('button', { name: 'Remove Bob Jones' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove member' });
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot remove the last admin.');
    expect(dialog).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove' })).not.toHaveAttribute('data-pending');
  });

  it('when it is the viewer’s own membership, it offers to leave the organization', async () => {
    const user = userEvent.setup();
    renderWithTrigger(() => Promise.resolve(), true);
    await user.click(screen.getByRole('button', { name: 'Remove Bob Jones' }));
    expect(screen.getByRole('alertdialog', { name: 'Leave organization' })).toHaveAccessibleDescription(
      /Acme/,
    );
    expect(screen.getByRole('button', { name: 'Leave' })).toBeInTheDocument();
  });

  it('when the element that opened it is gone on close, focus goes to the fallback', async () => {
    const user = userEvent.setup();
    render(<Row />);
    await user.click(screen.getByRole('button', { name: 'Remove Bob Jones' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.getByRole('table', { name: 'Members' })).toHaveFocus();
  });
});
