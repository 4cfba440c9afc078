// Role descriptions in the role select (issue 15, item 6): secondary text under each role's name
// in the popover and the option's accessible description; the trigger shows the name alone.
import { DEMO_IDS } from '@roster/core/testing';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MemberList } from '../src/member-list';
import { RoleSelect } from '../src/role-select';
import { renderWithRoster } from './render-member-list';

vi.setConfig({ testTimeout: 20_000 });

const roles = [
  { key: 'org:admin', name: 'Admin', description: 'Can manage the organization and its members.' },
  { key: 'org:member', name: 'Member', description: 'Can see the organization and its members.' },
  { key: 'org:guest', name: 'Guest', description: null },
];

describe.each([false, true])(
  'given a role select (lazy: %s) of roles with and without descriptions',
  (lazy) => {
    it('when opened, Admin is described by its description and Guest has no description', async () => {
      const user = userEvent.setup();
      render(<RoleSelect lazy={lazy} roles={roles} memberName="Bob Jones" defaultValue="org:member" />);
      const trigger = screen.getByRole('combobox', { name: 'Role for Bob Jones' });
      await user.click(trigger);
      const admin = await screen.findByRole('option', { name: 'Admin' });
      expect(admin).toHaveAccessibleDescription('Can manage the organization and its members.');
      expect(within(admin).getByText('Can manage the organization and its members.')).toBeVisible();
      const guest = screen.getByRole('option', { name: 'Guest' });
      expect(guest).not.toHaveAttribute('aria-describedby');
      expect(guest).toHaveAccessibleDescription('');
    });

    it('when a described role is chosen with the keyboard, the trigger shows its name alone', async () => {
      const user = userEvent.setup();
      render(<RoleSelect lazy={lazy} roles={roles} memberName="Bob Jones" defaultValue="org:member" />);
      await user.tab();
      await user.keyboard('{Enter}');
      await screen.findByRole('listbox');
      await user.keyboard('{ArrowUp}{Enter}');
      // Lazy: the closed popover is removed (and the page un-hidden) after the next frame.
      const trigger = await screen.findByRole('combobox', { name: 'Role for Bob Jones' });
      expect(trigger).toHaveTextContent(/^Admin$/);
      expect(trigger).not.toHaveTextContent('Can manage');
    });
  },
);

describe('given the member list on the demo roles (which have descriptions)', () => {
  it('when Alice opens Bob’s role select, each role is described by the server’s description', async () => {
    const user = userEvent.setup();
    renderWithRoster(<MemberList organizationId={DEMO_IDS.organizationId} searchDebounceMs={0} />);
    await user.click(await screen.findByRole('searchbox', { name: 'Search members' }));
    await user.paste('bob jones');
    const select = await screen.findByRole('combobox', { name: 'Role for Bob Jones' });
    await user.click(select);
    expect(await screen.findByRole('option', { name: 'Admin' })).toHaveAccessibleDescription(
      'Can manage the organization and its members.',
    );
    expect(screen.getByRole('option', { name: 'Member' })).toHaveAccessibleDescription(
      'Can see the organization and its members.',
    );
    expect(select).toHaveTextContent(/^Member$/);
  });
});
