import { createDemoSeed, DEMO_IDS, type MemoryClient } from '@roster/core/testing';
import {
  InvitationList,
  type InvitationListProps,
  InviteMembersDialog,
  OrganizationMembersPanel,
  type RosterLocalizationOverrides,
} from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';
import { localizationArgType, type StoryKnobArgs, storyKnobArgTypes } from './story-knobs';

type Canvas = ReturnType<typeof within>;

/** `InvitationList`'s props (the list view passes them on), the story's seed and the client's knobs. */
interface InvitationsStoryProps extends InvitationListProps, StoryKnobArgs {
  /** What to render: the panel on its Invitations tab (default), the list alone, or the dialog alone. */
  view?: 'panel' | 'list' | 'dialog';
  /** Pending invitations to seed: `guest1@example.com` ... */
  invitations?: number;
  viewerId?: string;
  localization?: RosterLocalizationOverrides;
  locale?: string;
}

function seedInvitations(client: MemoryClient, count: number): void {
  for (let index = 1; index <= count; index++) {
    void client.createInvitation({
      organizationId: DEMO_IDS.organizationId,
      emailAddress: `guest${index}@example.com`,
      role: index % 3 === 0 ? 'org:admin' : 'org:member',
      inviterUserId: DEMO_IDS.adminUserId,
    });
  }
}

function InvitationsStory({
  view = 'panel',
  invitations = 0,
  viewerId,
  roles,
  latency,
  failureRate,
  theme: _theme,
  localization,
  locale,
  ...listProps
}: InvitationsStoryProps) {
  const organizationId = listProps.organizationId;
  return (
    <RosterStoryProvider
      {...(viewerId && { viewerId })}
      {...(locale && { locale })}
      roles={roles}
      latency={latency}
      failureRate={failureRate}
      configure={(client) => {
        // The seed's invitations exist at once, whatever the knobs say.
        client.setLatency(0);
        client.setFailureRate(0);
        seedInvitations(client, invitations);
        client.setLatency(latency ?? 0);
        client.setFailureRate(failureRate ?? 0);
        return undefined;
      }}
    >
      {view === 'panel' && (
        <OrganizationMembersPanel
          organizationId={organizationId}
          defaultTab="invitations"
          {...(localization && { localization })}
        />
      )}
      {view === 'list' && <InvitationList {...listProps} {...(localization && { localization })} />}
      {view === 'dialog' && (
        <InviteMembersDialog organizationId={organizationId} {...(localization && { localization })} />
      )}
    </RosterStoryProvider>
  );
}

const meta = {
  title: 'Invitations',
  // The docs page documents `InvitationList` and, as tabs, its parts and the invite dialog.
  component: InvitationList,
  subcomponents: {
    InviteMembersDialog,
    'InvitationList.Root': InvitationList.Root,
    'InvitationList.Table': InvitationList.Table,
    'InvitationList.Pagination': InvitationList.Pagination,
    'InvitationList.RevokeDialog': InvitationList.RevokeDialog,
  },
  render: (args) => <InvitationsStory {...args} />,
  args: { organizationId: DEMO_IDS.organizationId, invitations: 3 },
  argTypes: {
    ...storyKnobArgTypes,
    view: {
      description:
        'What the story renders: the panel on its Invitations tab, the list alone or the dialog alone.',
      control: 'inline-radio',
      options: ['panel', 'list', 'dialog'],
      table: { category: 'Story', defaultValue: { summary: 'panel' } },
    },
    invitations: {
      description: 'How many pending invitations the memory client starts with.',
      control: { type: 'range', min: 0, max: 30, step: 1 },
      table: { category: 'Memory client' },
    },
    viewerId: {
      description: 'The signed-in user: Alice (admin) or Bob (member, may not manage).',
      control: 'inline-radio',
      options: [DEMO_IDS.adminUserId, DEMO_IDS.memberUserId],
      table: { category: 'Story' },
    },
    localization: localizationArgType(),
  },
} satisfies Meta<InvitationsStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

const BOB_EMAIL =
  createDemoSeed().users.find((user) => user.id === DEMO_IDS.memberUserId)?.emailAddress ?? '';

const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

async function openInviteDialog(canvas: Canvas, userEvent: { click: (element: Element) => Promise<void> }) {
  await userEvent.click(await canvas.findByRole('button', { name: 'Invite members' }, { timeout: 15_000 }));
  const dialog = await canvas.findByRole('dialog', { name: 'Invite members' });
  return { dialog, field: within(dialog).getByRole('textbox', { name: 'Email addresses' }) };
}

/** An admin on the Invitations tab: three pending invitations, with Resend and Revoke per row. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tab = await canvas.findByRole('tab', { name: 'Invitations 3' }, { timeout: 15_000 });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('tab', { name: 'Members' })).toHaveAttribute('aria-selected', 'false');
    const table = await canvas.findByRole('table', { name: 'Invitations to Acme' });
    await waitFor(() => expect(rows(table)).toHaveLength(3));
    await expect(canvas.getByText('1–3 of 3')).toBeInTheDocument();
    await expect(
      canvas.getByRole('button', { name: 'Resend invitation to guest1@example.com' }),
    ).toBeEnabled();
    await expect(
      canvas.getByRole('button', { name: 'Revoke invitation for guest1@example.com' }),
    ).toBeEnabled();
  },
};

/** No pending invitations: the list says so. */
export const Empty: Story = {
  args: { invitations: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('No pending invitations', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    await expect(canvas.getByRole('tab', { name: 'Invitations' })).toHaveAttribute('aria-selected', 'true');
  },
};

/** The first page has not arrived (the list alone): skeleton rows, the table marked busy. */
export const Loading: Story = {
  args: { view: 'list', latency: 60 * 60 * 1000 },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table');
    await expect(table).toHaveAttribute('aria-busy', 'true');
    await expect(within(table).getByText('Loading invitations…')).toBeInTheDocument();
  },
};

/**
 * A partial failure: Bob is flagged as a member before sending (not sent), guest1 is already
 * invited (the server refuses it), the new address is sent; the refused one stays with its reason.
 */
export const FailedInvite: Story = {
  args: { invitations: 1 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const { dialog, field } = await openInviteDialog(canvas, userEvent);
    await userEvent.click(field);
    await userEvent.paste(`new.person@example.com, ${BOB_EMAIL}, guest1@example.com`);
    const list = within(dialog).getByRole('list', { name: '3 addresses' });
    await waitFor(() => expect(within(list).getByText('Already a member')).toBeInTheDocument(), {
      timeout: 10_000,
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send invitations' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent('1 sent; 1 could not be invited'),
    );
    await expect(within(dialog).getByText(/duplicate pending invitations/)).toBeInTheDocument();
    await expect(within(dialog).queryByText('new.person@example.com')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(canvas.getByText('Invitation sent to new.person@example.com')).toBeInTheDocument(),
    );
  },
};

/** Revoking through the alert dialog: Cancel has focus; once revoked, the row goes and focus lands on the table. */
export const Revoke: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const revoke = await canvas.findByRole(
      'button',
      { name: 'Revoke invitation for guest2@example.com' },
      { timeout: 15_000 },
    );
    await userEvent.click(revoke);
    const dialog = await canvas.findByRole('alertdialog', { name: 'Revoke invitation' });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(
      canvas.queryByRole('button', { name: 'Revoke invitation for guest2@example.com' }),
    ).not.toBeInTheDocument();
    await expect(canvas.getByRole('table', { name: 'Invitations to Acme' })).toHaveFocus();
    await waitFor(() => expect(canvas.getByRole('tab', { name: 'Invitations 2' })).toBeInTheDocument());
    await waitFor(() =>
      expect(canvas.getByText('Invitation for guest2@example.com revoked')).toBeInTheDocument(),
    );
  },
};

/** Resend: a new invitation replaces the old one (same address and role), announced. */
export const Resend: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const resend = await canvas.findByRole(
      'button',
      { name: 'Resend invitation to guest1@example.com' },
      { timeout: 15_000 },
    );
    await userEvent.click(resend);
    await waitFor(() =>
      expect(canvas.getByText('Invitation sent to guest1@example.com')).toBeInTheDocument(),
    );
    await expect(
      canvas.getAllByRole('button', { name: 'Resend invitation to guest1@example.com' }),
    ).toHaveLength(1);
    await expect(canvas.getByRole('tab', { name: 'Invitations 3' })).toBeInTheDocument();
  },
};

const PASTED_CSV = [
  'Name,Email,Team',
  ...Array.from({ length: 25 }, (_, index) => `Person ${index + 1},person${index + 1}@example.com,Sales`),
].join('\n');

/** A spreadsheet column of 25 people pasted at once: the email column is taken, all 25 sent (in bulk calls of 10). */
export const ManyEmailsPasted: Story = {
  args: { invitations: 0 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const { dialog, field } = await openInviteDialog(canvas, userEvent);
    await userEvent.click(field);
    await userEvent.paste(PASTED_CSV);
    const list = within(dialog).getByRole('list', { name: '25 addresses' });
    await expect(within(list).getAllByRole('listitem')).toHaveLength(25);
    await expect(
      within(list).getByRole('button', { name: 'Remove person25@example.com' }),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send invitations' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 10_000 });
    await waitFor(() => expect(canvas.getByText('25 invitations sent')).toBeInTheDocument());
    await waitFor(() => expect(canvas.getByRole('tab', { name: 'Invitations 25' })).toBeInTheDocument());
    await expect(await canvas.findByText('1–10 of 25')).toBeInTheDocument();
  },
};

/** Bob may read but not manage: no tabs, no Invite members button; the members list as before. */
export const PermissionDenied: Story = {
  args: { viewerId: DEMO_IDS.memberUserId },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Members of Acme' }, { timeout: 15_000 });
    await waitFor(() => expect(canvas.getAllByRole('combobox', { name: /^Role for / })).toHaveLength(10), {
      timeout: 15_000,
    });
    await expect(canvas.queryByRole('tablist')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: 'Invite members' })).not.toBeInTheDocument();
  },
};

const german: RosterLocalizationOverrides = {
  membersTab: 'Mitglieder',
  invitationsTab: (count) => (count ? `Einladungen ${count}` : 'Einladungen'),
  inviteMembers: 'Mitglieder einladen',
  inviteMembersDescription: (org) => `Laden Sie Personen per E-Mail zu ${org} ein.`,
  emailAddressesLabel: 'E-Mail-Adressen',
  emailListLabel: (count) => (count === 1 ? '1 Adresse' : `${count} Adressen`),
  removeEmail: (email) => `${email} entfernen`,
  roleLabel: 'Rolle',
  cancel: 'Abbrechen',
  sendInvitations: 'Einladungen senden',
  invitationListCaption: (org) => `Einladungen zu ${org ?? ''}`,
  columnIdentifier: 'E-Mail',
  columnRole: 'Rolle',
  columnStatus: 'Status',
  columnInvited: 'Eingeladen',
  columnExpires: 'Läuft ab',
  columnInviter: 'Eingeladen von',
  columnActions: 'Aktionen',
  invitationStatus: (status) => (status === 'pending' ? 'Ausstehend' : status),
  resend: 'Erneut senden',
  resendInvitation: (email) => `Einladung an ${email} erneut senden`,
  revoke: 'Widerrufen',
  revokeInvitationFor: (email) => `Einladung für ${email} widerrufen`,
  pageStatus: (from, to, total) => `${from}–${to} von ${total}`,
  paginationLabel: 'Seitennavigation',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
};

/** The invitation screens in German, dates in de-DE. */
export const Localized: Story = {
  args: { invitations: 2, localization: german, locale: 'de-DE' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('tab', { name: 'Einladungen 2' }, { timeout: 15_000 }),
    ).toHaveAttribute('aria-selected', 'true');
    const table = await canvas.findByRole('table', { name: 'Einladungen zu Acme' });
    await waitFor(() => expect(rows(table)).toHaveLength(2));
    await expect(
      canvas.getByRole('button', { name: 'Einladung für guest1@example.com widerrufen' }),
    ).toBeInTheDocument();
    await expect(within(table).getAllByText('Ausstehend')).toHaveLength(2);
    await userEvent.click(canvas.getByRole('button', { name: 'Mitglieder einladen' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Mitglieder einladen' });
    await expect(within(dialog).getByRole('textbox', { name: 'E-Mail-Adressen' })).toBeInTheDocument();
    await expect(within(dialog).getByRole('button', { name: 'Einladungen senden' })).toBeInTheDocument();
  },
};
