// The bundled locales (@roster/ui/locales/*): complete (every key of the English default, every
// function answering), translated, with CLDR plural categories and Intl numbers and dates; and the
// panel in German by role and accessible name.
import { DEMO_IDS } from '@roster/core/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RosterDirectionProvider } from '../src/direction';
import { germanLocalization } from '../src/locales/de';
import { spanishLocalization } from '../src/locales/es';
import { frenchLocalization } from '../src/locales/fr';
import { japaneseLocalization } from '../src/locales/ja';
import { brazilianPortugueseLocalization } from '../src/locales/pt-BR';
import {
  englishLocalization,
  type RosterLocalization,
  RosterLocalizationProvider,
} from '../src/localization';
import { MemberList } from '../src/member-list';
import { OrganizationMembersPanel } from '../src/organization-members-panel';
import { renderWithRoster } from './render-member-list';

vi.setConfig({ testTimeout: 30_000 });

const ACME = DEMO_IDS.organizationId;

const locales: Record<string, RosterLocalization> = {
  de: germanLocalization,
  fr: frenchLocalization,
  es: spanishLocalization,
  ja: japaneseLocalization,
  'pt-BR': brazilianPortugueseLocalization,
};

type FunctionKey = {
  [K in keyof RosterLocalization]: RosterLocalization[K] extends (...args: never[]) => unknown ? K : never;
}[keyof RosterLocalization];

// Sample arguments for every function string; typed, so a function added to the interface fails
// `tsc` here until it has samples (and is then checked in every locale).
const samples: { [K in FunctionKey]: Parameters<RosterLocalization[K]>[] } = {
  memberListCaption: [['Acme'], [undefined]],
  pageStatus: [[1, 10, 1240]],
  pageSizeOption: [[25]],
  noResultsTitle: [['smith'], ['']],
  roleFor: [['Alice Smith']],
  metadataFieldLabel: [['Department', 'Alice Smith']],
  metadataSaved: [['Department', 'Alice Smith']],
  metadataSaveFailed: [['Department', 'Alice Smith', 'Forbidden']],
  removeMember: [['Alice Smith']],
  removeDialogDescription: [['Alice Smith', 'Acme']],
  leaveDialogDescription: [['Acme']],
  addMemberDescription: [['Acme']],
  userSearchFailed: [['Forbidden']],
  roleName: [
    ['org:admin', 'Admin'],
    ['org:member', 'Member'],
    ['org:billing_manager', 'Billing manager'],
  ],
  roleChanged: [['Alice Smith', 'Admin']],
  roleChangeFailed: [['Forbidden']],
  memberRemoved: [['Alice Smith']],
  removeFailed: [['Forbidden']],
  memberAdded: [['Alice Smith']],
  errorMessage: [
    ['already_a_member_in_organization', 'add-member'],
    ['resource_not_found', 'add-member'],
    ['resource_not_found', 'list'],
    ['resource_not_found', 'list-invitations'],
    ['resource_not_found', 'removal'],
    ['network_error', 'role-change'],
  ],
  formatDate: [[Date.UTC(2024, 0, 15, 12), undefined]],
  invitationsTab: [[3], [undefined]],
  inviteMembersDescription: [['Acme']],
  emailListLabel: [[1], [3]],
  removeEmail: [['a@example.com']],
  emailIssue: [['invalid'], ['duplicate'], ['member']],
  inviteFailed: [[2, 1]],
  invitationsSent: [
    [1, 'a@example.com'],
    [3, 'a@example.com'],
  ],
  invitationListCaption: [['Acme'], [undefined]],
  invitationStatus: [['pending'], ['accepted'], ['revoked'], ['expired']],
  resendInvitation: [['a@example.com']],
  revokeInvitationFor: [['a@example.com']],
  revokeDialogDescription: [['a@example.com']],
  invitationRevoked: [['a@example.com']],
  resendFailed: [['a@example.com', 'Forbidden']],
  exportProgress: [
    [500, 1240],
    [undefined, undefined],
  ],
  exportDone: [[1], [1240]],
  exportFailed: [['Forbidden']],
  selectMember: [['Bob Jones']],
  selectedCount: [[1], [2], [1240]],
  bulkRemoveDialogDescription: [
    [1, 'Acme'],
    [2, 'Acme'],
  ],
  bulkRemoveConfirm: [[1], [2]],
  bulkRoleChanged: [
    [1, 'Admin'],
    [2, 'Admin'],
  ],
  bulkRemoved: [[1], [2]],
  bulkSkipped: [
    ['Alice Smith', 'self', 'role-change'],
    ['Alice Smith', 'self', 'removal'],
    ['Carol Diaz', 'last-admin', 'removal'],
    ['Bob Jones', 'unchanged', 'role-change'],
    ['Bob Jones', 'not-permitted', 'removal'],
    ['Bob Jones', 'unknown-role', 'role-change'],
  ],
  bulkFailed: [
    ['Bob Jones', 'Server error', 'removal'],
    ['Bob Jones', 'Server error', 'role-change'],
  ],
};

// A custom role keeps the server's name in every language.
const customRoleName = 'roleName("org:billing_manager", "Billing manager")';

// Strings (by key) and answers (by call) that are the same words in the language as in English
// (`Invitations`, `Status`); any other string or answer equal to English counts as untranslated.
const sameAsEnglish: Record<string, readonly string[]> = {
  de: ['columnName', 'columnStatus', 'userIdPlaceholder', customRoleName],
  fr: [
    customRoleName,
    'columnAvatar',
    'columnActions',
    'paginationLabel',
    'userIdPlaceholder',
    'invitationsTab(3)',
    'invitationsTab(undefined)',
    'invitationListCaption(undefined)',
  ],
  es: ['columnAvatar', 'userIdPlaceholder', 'metadataNo', customRoleName],
  ja: ['userIdPlaceholder', customRoleName],
  'pt-BR': ['columnAvatar', 'columnStatus', 'userIdPlaceholder', customRoleName],
};

const call = (text: RosterLocalization, key: FunctionKey, args: readonly unknown[]) =>
  (text[key] as (...values: readonly unknown[]) => string | undefined)(...args);

describe.each(Object.entries(locales))('given the %s locale', (tag, text) => {
  it('when compared with English, it has exactly the same keys, reasons and sort orders', () => {
    expect(Object.keys(text).sort()).toEqual(Object.keys(englishLocalization).sort());
    expect(Object.keys(text.reasons).sort()).toEqual(Object.keys(englishLocalization.reasons).sort());
    expect(Object.keys(text.sortOrders).sort()).toEqual(Object.keys(englishLocalization.sortOrders).sort());
  });

  it('when each string is read, none is empty and none is left in English', () => {
    const untranslated: string[] = [];
    for (const [key, value] of Object.entries(text)) {
      const english = englishLocalization[key as keyof RosterLocalization];
      if (typeof value === 'string') {
        expect(value.trim(), key).not.toBe('');
        if (value === english && !sameAsEnglish[tag]?.includes(key)) untranslated.push(key);
      } else if (typeof value === 'object') {
        for (const [inner, innerValue] of Object.entries(value as Record<string, string>)) {
          expect(innerValue.trim(), `${key}.${inner}`).not.toBe('');
          if (innerValue === (english as Record<string, string>)[inner]) untranslated.push(`${key}.${inner}`);
        }
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('when each function is called with sample arguments, it answers in the language where English answers', () => {
    const untranslated: string[] = [];
    for (const [key, cases] of Object.entries(samples) as [FunctionKey, readonly unknown[][]][]) {
      for (const args of cases) {
        const english = call(englishLocalization, key, args);
        const translated = call(text, key, args);
        const label = `${key}(${args.map((arg) => (typeof arg === 'string' ? JSON.stringify(arg) : String(arg))).join(', ')})`;
        if (english === undefined) {
          expect(translated, label).toBeUndefined();
          continue;
        }
        expect(typeof translated, label).toBe('string');
        expect(translated?.trim(), label).not.toBe('');
        // Dates are compared below (a numeric date may read the same in two languages).
        if (key !== 'formatDate' && translated === english && !sameAsEnglish[tag]?.includes(label))
          untranslated.push(label);
      }
    }
    expect(untranslated).toEqual([]);
    // An error code the locale does not know leaves the server's message.
    expect(text.errorMessage('form_param_unknown', 'add-member')).toBeUndefined();
  });

  it('when a role is named, the built-in roles are in the language and a custom role keeps the server’s name', () => {
    expect(text.roleName('org:admin', 'Admin')).not.toBe('Admin');
    expect(text.roleName('org:member', 'Member')).not.toBe('Member');
    expect(text.roleName('org:billing_manager', 'Billing manager')).toBe('Billing manager');
    expect(text.roleName('org:billing_manager', 'Facturation')).toBe('Facturation');
  });

  it('when an unknown invitation status comes, it shows the status itself', () => {
    expect(text.invitationStatus('archived').toLowerCase()).toBe('archived');
  });
});

describe('given counts in each language', () => {
  it('when German counts members, 1 takes the singular and 0 and 2 the plural (CLDR one/other)', () => {
    expect(germanLocalization.exportDone(1)).toBe('1 Mitglied exportiert');
    expect(germanLocalization.exportDone(2)).toBe('2 Mitglieder exportiert');
    expect(germanLocalization.exportDone(0)).toBe('0 Mitglieder exportiert');
    expect(germanLocalization.emailListLabel(1)).toBe('1 Adresse');
    expect(germanLocalization.emailListLabel(5)).toBe('5 Adressen');
  });

  it('when French counts, 0 and 1 take the singular, 2 the plural and a million “de” (CLDR one/other/many)', () => {
    expect(frenchLocalization.exportDone(0)).toBe('0 membre exporté');
    expect(frenchLocalization.exportDone(1)).toBe('1 membre exporté');
    expect(frenchLocalization.exportDone(2)).toBe('2 membres exportés');
    expect(frenchLocalization.exportDone(1_000_000)).toBe('1\u202f000\u202f000 de membres exportés');
  });

  it('when Spanish counts, only 1 is singular and a million takes “de”', () => {
    expect(spanishLocalization.exportDone(0)).toBe('0 miembros exportados');
    expect(spanishLocalization.exportDone(1)).toBe('1 miembro exportado');
    expect(spanishLocalization.exportDone(2)).toBe('2 miembros exportados');
    expect(spanishLocalization.emailListLabel(1_000_000)).toBe('1.000.000 de direcciones');
  });

  it('when Brazilian Portuguese counts, 0 and 1 are singular (CLDR pt)', () => {
    expect(brazilianPortugueseLocalization.emailListLabel(0)).toBe('0 endereço');
    expect(brazilianPortugueseLocalization.emailListLabel(1)).toBe('1 endereço');
    expect(brazilianPortugueseLocalization.emailListLabel(2)).toBe('2 endereços');
  });

  it('when Japanese counts, every number takes the one form', () => {
    expect(japaneseLocalization.exportDone(1)).toBe('1 人のメンバーをエクスポートしました');
    expect(japaneseLocalization.exportDone(2)).toBe('2 人のメンバーをエクスポートしました');
    expect(japaneseLocalization.emailListLabel(1)).toBe('1 件のアドレス');
    expect(japaneseLocalization.emailListLabel(3)).toBe('3 件のアドレス');
  });

  it('when numbers are large, they are grouped the way the language groups them', () => {
    expect(germanLocalization.exportProgress(500, 1240)).toBe('Wird exportiert… 500 von 1.240');
    expect(germanLocalization.pageStatus(1, 10, 1240)).toBe('1–10 von 1.240');
    expect(brazilianPortugueseLocalization.exportDone(1240)).toBe('1.240 membros exportados');
    expect(japaneseLocalization.pageStatus(11, 20, 1240)).toBe('1,240 件中 11–20 件');
  });
});

describe('given dates in a locale', () => {
  const noon = Date.UTC(2024, 0, 15, 12);

  it('when the provider’s locale is another language, the date follows the strings’ language', () => {
    expect(frenchLocalization.formatDate(noon, 'en-US')).toBe('15 janv. 2024');
    expect(brazilianPortugueseLocalization.formatDate(noon, undefined)).toBe('15 de jan. de 2024');
    expect(japaneseLocalization.formatDate(noon, 'de-DE')).toBe('2024/01/15');
  });

  it('when the provider’s locale is a variant of the language, the date follows the variant', () => {
    expect(brazilianPortugueseLocalization.formatDate(noon, 'pt-PT')).toBe('15/01/2024');
    expect(germanLocalization.formatDate(noon, 'de-AT')).toBe('15.01.2024');
  });

  it('when many dates are formatted, the formatter is built once per locale', () => {
    const Original = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        super(...args);
        built += 1;
      }
    } as typeof Intl.DateTimeFormat;
    try {
      for (let day = 1; day <= 20; day++) spanishLocalization.formatDate(Date.UTC(2024, 0, day, 12), 'es-MX');
      expect(built).toBe(1);
      expect(spanishLocalization.formatDate(noon, 'es-MX')).toBe('15 ene 2024');
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});

describe('given the panel with the German locale', () => {
  it('when an admin opens it, every control is named in German', async () => {
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} localization={germanLocalization} />, {
      locale: 'de-DE',
    });
    const table = await screen.findByRole('table', { name: 'Mitglieder von Acme' });
    expect(screen.getByRole('searchbox', { name: 'Mitglieder suchen' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Nach Rolle filtern' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Sortieren nach' })).toBeInTheDocument();
    const pagination = screen.getByRole('navigation', { name: 'Seitennavigation' });
    expect(within(pagination).getByRole('button', { name: 'Nächste Seite' })).toBeEnabled();
    expect(within(pagination).getByRole('button', { name: 'Vorherige Seite' })).toBeDisabled();
    expect(within(pagination).getByRole('combobox', { name: 'Zeilen pro Seite' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Mitglied hinzufügen' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Mitglieder' })).toBeInTheDocument();
    await waitFor(() =>
      expect(within(table).getAllByRole('combobox', { name: /^Rolle für / })).toHaveLength(10),
    );
    expect(within(table).getAllByRole('button', { name: / entfernen$/ }).length).toBeGreaterThan(0);
    expect(within(pagination).getByText(/^1–10 von \d+$/)).toBeInTheDocument();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(expect.arrayContaining(['Name', 'E-Mail', 'Rolle', 'Beigetreten']));
  });

  it('when a member is removed, the dialog and the announcement are in German', async () => {
    const user = userEvent.setup();
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} localization={germanLocalization} />, {
      locale: 'de-DE',
    });
    const table = await screen.findByRole('table', { name: 'Mitglieder von Acme' });
    await waitFor(() =>
      expect(within(table).getAllByRole('button', { name: / entfernen$/ }).length).toBeGreaterThan(0),
    );
    const removeButton = within(table).getAllByRole('button', { name: / entfernen$/ })[0] as HTMLElement;
    const name = (removeButton.getAttribute('aria-label') ?? removeButton.textContent ?? '').replace(
      / entfernen$/,
      '',
    );
    await user.click(removeButton);
    const dialog = screen.getByRole('alertdialog', { name: 'Mitglied entfernen' });
    expect(
      within(dialog).getByText(`${name} wird aus Acme entfernt und verliert den Zugriff darauf.`),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Entfernen' }));
    expect(await screen.findByText(`${name} wurde entfernt`)).toBeInTheDocument();
  });

  it('when Alice looks at Bob’s role, the built-in roles are in German and the custom role keeps the server’s name', async () => {
    const user = userEvent.setup();
    renderWithRoster(
      <RosterLocalizationProvider localization={germanLocalization}>
        <MemberList organizationId={ACME} searchDebounceMs={0} />
      </RosterLocalizationProvider>,
      { locale: 'de-DE' },
    );
    await user.click(await screen.findByRole('searchbox', { name: 'Mitglieder suchen' }));
    await user.paste('bob jones');
    const select = await screen.findByRole('combobox', { name: 'Rolle für Bob Jones' });
    await waitFor(() => expect(select).toHaveTextContent(/^Mitglied$/));
    await user.click(select);
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      expect.stringMatching(/^Administrator/),
      expect.stringMatching(/^Mitglied/),
      expect.stringMatching(/^Billing manager/),
    ]);
    await user.click(within(listbox).getByRole('option', { name: 'Administrator' }));
    expect(await screen.findByText('Bob Jones ist jetzt Administrator')).toBeInTheDocument();
    // The row's first use mounted Radix's select in place of its light trigger: query it again.
    expect(await screen.findByRole('combobox', { name: 'Rolle für Bob Jones' })).toHaveTextContent(
      /^Administrator$/,
    );
  });

  it('when Alice opens the role filter, it offers the German built-in roles and the custom role by its server name', async () => {
    const user = userEvent.setup();
    renderWithRoster(<OrganizationMembersPanel organizationId={ACME} localization={germanLocalization} />, {
      locale: 'de-DE',
    });
    await user.click(await screen.findByRole('combobox', { name: 'Nach Rolle filtern' }));
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Alle Rollen', 'Administrator', 'Mitglied', 'Billing manager']);
  });

  it('when a few strings of the locale are overridden, those change and the rest stay German', async () => {
    renderWithRoster(
      <RosterLocalizationProvider localization={germanLocalization}>
        <OrganizationMembersPanel organizationId={ACME} localization={{ searchLabel: 'Team durchsuchen' }} />
      </RosterLocalizationProvider>,
      { locale: 'de-DE' },
    );
    await screen.findByRole('table', { name: 'Mitglieder von Acme' });
    expect(screen.getByRole('searchbox', { name: 'Team durchsuchen' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Nach Rolle filtern' })).toBeInTheDocument();
  });
});

describe('given the panel right to left', () => {
  it('when wrapped in RosterDirectionProvider, the selects and their popovers read right to left', async () => {
    const user = userEvent.setup();
    renderWithRoster(
      <div dir="rtl">
        <RosterDirectionProvider dir="rtl">
          <OrganizationMembersPanel organizationId={ACME} />
        </RosterDirectionProvider>
      </div>,
    );
    const filter = await screen.findByRole('combobox', { name: 'Filter by role' });
    expect(filter.closest('[dir]')).toHaveAttribute('dir', 'rtl');
    await user.click(filter);
    const listbox = await screen.findByRole('listbox');
    expect(listbox.closest('[dir]')).toHaveAttribute('dir', 'rtl');
  });

  it('when not wrapped, Radix stamps the selects left to right (why the provider exists)', async () => {
    renderWithRoster(
      <div dir="rtl">
        <OrganizationMembersPanel organizationId={ACME} />
      </div>,
    );
    const filter = await screen.findByRole('combobox', { name: 'Filter by role' });
    expect(filter).toHaveAttribute('dir', 'ltr');
  });
});
