'use client';
import type { BulkActionKind, BulkSkipReasonKey, RosterLocalization } from '../localization';
import { localeFormats } from './formats';
import { builtInRoleNames } from './role-names';

const { number: n, count, date, status } = localeFormats('de');

/** Why a bulk action skipped a member, in words (it follows a colon). */
function skipReason(reason: BulkSkipReasonKey, action: BulkActionKind): string {
  switch (reason) {
    case 'self':
      return action === 'removal'
        ? 'Sie können sich nicht selbst entfernen'
        : 'Sie können Ihre eigene Rolle nicht ändern';
    case 'last-admin':
      return 'Eine Organisation braucht mindestens einen Admin';
    case 'unknown-role':
      return 'Diese Rolle ist in dieser Organisation nicht verfügbar';
    case 'unchanged':
      return action === 'removal' ? 'bereits entfernt' : 'hat diese Rolle bereits';
    default:
      return 'Sie haben keine Berechtigung, Mitglieder zu verwalten';
  }
}
/**
 * German (`de`): every string of the components, accessible names and announcements included.
 * Pass it as `localization` (or to `RosterLocalizationProvider`); spread it to change some strings:
 * `{ ...germanLocalization, youBadge: 'Du' }`. Built-in role names are
 * translated; custom roles keep the server's name.
 */
export const germanLocalization: RosterLocalization = {
  memberListCaption: (organization) => (organization ? `Mitglieder von ${organization}` : 'Mitglieder'),
  columnAvatar: 'Profilbild',
  columnName: 'Name',
  columnIdentifier: 'E-Mail',
  columnRole: 'Rolle',
  columnJoined: 'Beigetreten',
  columnActions: 'Aktionen',
  youBadge: 'Sie',
  searchLabel: 'Mitglieder suchen',
  searchPlaceholder: 'Nach Name, E-Mail oder Benutzer-ID suchen',
  clearSearch: 'Suche zurücksetzen',
  roleFilterLabel: 'Nach Rolle filtern',
  allRoles: 'Alle Rollen',
  sortLabel: 'Sortieren nach',
  sortOrders: {
    '-created_at': 'Neueste zuerst',
    '+created_at': 'Älteste zuerst',
    '+first_name': 'Vorname A–Z',
    '-first_name': 'Vorname Z–A',
    '+email_address': 'E-Mail A–Z',
  },
  paginationLabel: 'Seitennavigation',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  pageStatus: (from, to, total) => `${n(from)}–${n(to)} von ${n(total)}`,
  pageSizeLabel: 'Zeilen pro Seite',
  pageSizeOption: (size) => `${n(size)} pro Seite`,
  loading: 'Mitglieder werden geladen…',
  emptyTitle: 'Noch keine Mitglieder',
  emptyDescription: 'Mitglieder, die Sie hinzufügen, erscheinen hier.',
  noResultsTitle: (query) =>
    query ? `Keine Mitglieder passen zu „${query}“` : 'Keine Mitglieder passen zu diesen Filtern',
  noResultsDescription: 'Versuchen Sie eine andere Suche oder setzen Sie die Filter zurück.',
  errorTitle: 'Mitglieder konnten nicht geladen werden',
  retry: 'Erneut versuchen',
  roleFor: (name) => `Rolle für ${name}`,
  metadataFieldLabel: (label, name) => `${label} für ${name}`,
  metadataYes: 'Ja',
  metadataNo: 'Nein',
  metadataNotSet: 'Nicht festgelegt',
  metadataInvalidNumber: 'Geben Sie eine Zahl ein.',
  metadataInvalidDate: 'Geben Sie ein Datum ein.',
  metadataSaved: (label, name) => `${label} für ${name} gespeichert`,
  metadataSaveFailed: (label, name, message) =>
    `${label} für ${name} konnte nicht gespeichert werden: ${message}; rückgängig gemacht`,
  removeMember: (name) => `${name} entfernen`,
  leaveOrganization: 'Organisation verlassen',
  removeDialogTitle: 'Mitglied entfernen',
  removeDialogDescription: (name, organization) =>
    `${name} wird aus ${organization} entfernt und verliert den Zugriff darauf.`,
  leaveDialogTitle: 'Organisation verlassen',
  leaveDialogDescription: (organization) => `Sie verlassen ${organization} und verlieren den Zugriff darauf.`,
  remove: 'Entfernen',
  removing: 'Wird entfernt…',
  leave: 'Verlassen',
  leaving: 'Wird verlassen…',
  cancel: 'Abbrechen',
  addMember: 'Mitglied hinzufügen',
  addMemberDescription: (organization) => `Fügen Sie ${organization} einen Benutzer mit einer Rolle hinzu.`,
  userIdLabel: 'Benutzer-ID',
  userIdPlaceholder: 'user_…',
  userSearchLabel: 'Benutzer',
  userSearchPlaceholder: 'Benutzer nach Name oder E-Mail suchen',
  userSearchNoResults: 'Keine Benutzer gefunden',
  userSearchFailed: (message) => `Die Benutzersuche ist fehlgeschlagen: ${message}`,
  userRequired: 'Wählen Sie einen Benutzer aus, den Sie hinzufügen möchten.',
  roleLabel: 'Rolle',
  add: 'Hinzufügen',
  adding: 'Wird hinzugefügt…',
  reasons: {
    'not-permitted': 'Sie haben keine Berechtigung, Mitglieder zu verwalten.',
    self: 'Sie können Ihre eigene Rolle nicht ändern.',
    'last-admin': 'Eine Organisation braucht mindestens einen Admin.',
    'unknown-role': 'Diese Rolle ist in dieser Organisation nicht verfügbar.',
  },
  roleName: builtInRoleNames('Administrator', 'Mitglied'),
  roleChanged: (name, roleName) => `${name} ist jetzt ${roleName}`,
  roleChangeFailed: (message) => `Die Rolle konnte nicht geändert werden: ${message}; rückgängig gemacht`,
  memberRemoved: (name) => `${name} wurde entfernt`,
  removeFailed: (message) => `Das Mitglied konnte nicht entfernt werden: ${message}`,
  memberAdded: (name) => `${name} wurde hinzugefügt`,
  errorMessage: (code, action) => {
    switch (code) {
      case 'already_a_member_in_organization':
        return 'Dieser Benutzer ist bereits Mitglied der Organisation.';
      case 'resource_not_found':
        if (action === 'add-member') return 'Es gibt keinen Benutzer mit dieser ID.';
        if (action === 'list' || action === 'list-invitations')
          return 'Diese Organisation existiert nicht, oder Sie sind kein Mitglied.';
        return 'Dieses Mitglied gehört nicht mehr zur Organisation.';
      case 'network_error':
        return 'Das Netzwerk ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.';
      default:
        return undefined;
    }
  },
  formatDate: date,
  membersTab: 'Mitglieder',
  invitationsTab: (pending) => (pending ? `Einladungen ${n(pending)}` : 'Einladungen'),
  inviteMembers: 'Mitglieder einladen',
  inviteMembersDescription: () =>
    'Trennen Sie die Adressen durch Kommas, Leerzeichen oder Zeilenumbrüche, oder fügen Sie eine CSV-Datei ein.',
  emailAddressesLabel: 'E-Mail-Adressen',
  emailListLabel: (addresses) => count(addresses, { one: '# Adresse', other: '# Adressen' }),
  removeEmail: (email) => `${email} entfernen`,
  emailIssue: (issue) =>
    issue === 'invalid'
      ? 'Keine gültige E-Mail-Adresse'
      : issue === 'duplicate'
        ? 'Doppelt aufgeführt'
        : 'Bereits Mitglied',
  emailsRequired: 'Fügen Sie mindestens eine E-Mail-Adresse zum Einladen hinzu.',
  sendInvitations: 'Einladungen senden',
  sendingInvitations: 'Wird gesendet…',
  inviteFailed: (sent, failed) =>
    `${n(sent)} gesendet; ${count(failed, { one: '# Adresse konnte', other: '# Adressen konnten' })} nicht eingeladen werden:`,
  invitationsSent: (sent, email) =>
    sent === 1
      ? `Einladung an ${email} gesendet`
      : count(sent, { one: '# Einladung gesendet', other: '# Einladungen gesendet' }),
  invitationListCaption: (organization) => (organization ? `Einladungen in ${organization}` : 'Einladungen'),
  columnStatus: 'Status',
  columnInvited: 'Eingeladen',
  columnExpires: 'Läuft ab',
  columnInviter: 'Eingeladen von',
  invitationStatus: (value) =>
    status(value, {
      pending: 'Ausstehend',
      accepted: 'Angenommen',
      revoked: 'Widerrufen',
      expired: 'Abgelaufen',
    }),
  neverExpires: 'Nie',
  loadingInvitations: 'Einladungen werden geladen…',
  invitationsEmptyTitle: 'Keine ausstehenden Einladungen',
  invitationsErrorTitle: 'Einladungen konnten nicht geladen werden',
  resend: 'Erneut senden',
  resendInvitation: (email) => `Einladung an ${email} erneut senden`,
  revokeInvitationFor: (email) => `Einladung für ${email} widerrufen`,
  revokeDialogTitle: 'Einladung widerrufen',
  revokeDialogDescription: (email) => `Die Einladung an ${email} wird ungültig.`,
  revoke: 'Widerrufen',
  revoking: 'Wird widerrufen…',
  invitationRevoked: (email) => `Einladung für ${email} widerrufen`,
  resendFailed: (email, message) =>
    `Die Einladung an ${email} konnte nicht erneut gesendet werden: ${message}`,
  exportCsv: 'CSV exportieren',
  cancelExport: 'Export abbrechen',
  exportProgress: (loaded, total) =>
    loaded === undefined || total === undefined
      ? 'Wird exportiert…'
      : `Wird exportiert… ${n(loaded)} von ${n(total)}`,
  exportDone: (members) => count(members, { one: '# Mitglied exportiert', other: '# Mitglieder exportiert' }),
  exportCancelled: 'Export abgebrochen',
  exportFailed: (message) => `Die Mitglieder konnten nicht exportiert werden: ${message}`,
  alreadyMember: 'Bereits Mitglied',
  selectMember: (name) => `${name} auswählen`,
  selectAllOnPage: 'Alle auf dieser Seite auswählen',
  selectedCount: (selected) => `${n(selected)} ausgewählt`,
  bulkRoleLabel: 'Rolle für ausgewählte Mitglieder',
  bulkRolePlaceholder: 'Rolle ändern',
  removeSelected: 'Ausgewählte entfernen',
  clearSelection: 'Auswahl aufheben',
  bulkRemoveDialogTitle: 'Mitglieder entfernen',
  bulkRemoveDialogDescription: (members, organization) =>
    `${count(members, { one: '# Mitglied wird', other: '# Mitglieder werden' })} aus ${organization} entfernt und verlieren den Zugriff.`,
  bulkRemoveConfirm: (members) =>
    count(members, { one: '# Mitglied entfernen', other: '# Mitglieder entfernen' }),
  bulkRoleChanged: (members, roleName) =>
    count(members, {
      one: `Rolle von # Mitglied zu ${roleName} geändert`,
      other: `Rolle von # Mitgliedern zu ${roleName} geändert`,
    }),
  bulkRemoved: (members) => count(members, { one: '# Mitglied entfernt', other: '# Mitglieder entfernt' }),
  bulkSkipped: (name, reason, action) => `${name} übersprungen: ${skipReason(reason, action)}`,
  bulkFailed: (name, message, action) =>
    action === 'removal'
      ? `${name} konnte nicht entfernt werden: ${message}`
      : `Die Rolle von ${name} konnte nicht geändert werden: ${message}; zurückgesetzt`,
  undo: 'Rückgängig',
  undone: 'Rückgängig gemacht',
};
