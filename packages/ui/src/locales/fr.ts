'use client';
import type { BulkActionKind, BulkSkipReasonKey, RosterLocalization } from '../localization';
import { localeFormats } from './formats';
import { builtInRoleNames } from './role-names';

const { number: n, count, date, status } = localeFormats('fr');

/** `« … »` with the no-break spaces French typography puts inside the guillemets. */
const quoted = (text: string) => `«\u00a0${text}\u00a0»`;

/** Why a bulk action skipped a member, in words (it follows a colon). */
function skipReason(reason: BulkSkipReasonKey, action: BulkActionKind): string {
  switch (reason) {
    case 'self':
      return action === 'removal'
        ? 'vous ne pouvez pas vous retirer vous-même'
        : 'vous ne pouvez pas modifier votre propre rôle';
    case 'last-admin':
      return 'une organisation doit avoir au moins un administrateur';
    case 'unknown-role':
      return 'ce rôle n’est pas disponible dans cette organisation';
    case 'unchanged':
      return action === 'removal' ? 'déjà retiré' : 'a déjà ce rôle';
    default:
      return 'vous n’avez pas l’autorisation de gérer les membres';
  }
}
/**
 * French (`fr`): every string of the components, accessible names and announcements included.
 * Pass it as `localization` (or to `RosterLocalizationProvider`); spread it to change some strings:
 * `{ ...frenchLocalization, youBadge: 'Moi' }`. Built-in role names are
 * translated; custom roles keep the server's name.
 */
export const frenchLocalization: RosterLocalization = {
  memberListCaption: (organization) => (organization ? `Membres de ${organization}` : 'Membres'),
  columnAvatar: 'Avatar',
  columnName: 'Nom',
  columnIdentifier: 'E-mail',
  columnRole: 'Rôle',
  columnJoined: 'Membre depuis',
  columnActions: 'Actions',
  youBadge: 'Vous',
  searchLabel: 'Rechercher des membres',
  searchPlaceholder: 'Rechercher par nom, e-mail ou ID utilisateur',
  clearSearch: 'Effacer la recherche',
  roleFilterLabel: 'Filtrer par rôle',
  allRoles: 'Tous les rôles',
  sortLabel: 'Trier par',
  sortOrders: {
    '-created_at': 'Plus récents d’abord',
    '+created_at': 'Plus anciens d’abord',
    '+first_name': 'Prénom A–Z',
    '-first_name': 'Prénom Z–A',
    '+email_address': 'E-mail A–Z',
  },
  paginationLabel: 'Pagination',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  pageStatus: (from, to, total) => `${n(from)}–${n(to)} sur ${n(total)}`,
  pageSizeLabel: 'Lignes par page',
  pageSizeOption: (size) => `${n(size)} par page`,
  loading: 'Chargement des membres…',
  emptyTitle: 'Aucun membre pour l’instant',
  emptyDescription: 'Les membres que vous ajoutez apparaîtront ici.',
  noResultsTitle: (query) =>
    query ? `Aucun membre ne correspond à ${quoted(query)}` : 'Aucun membre ne correspond à ces filtres',
  noResultsDescription: 'Essayez une autre recherche ou effacez les filtres.',
  errorTitle: 'Impossible de charger les membres',
  retry: 'Réessayer',
  roleFor: (name) => `Rôle de ${name}`,
  metadataFieldLabel: (label, name) => `${label} de ${name}`,
  metadataYes: 'Oui',
  metadataNo: 'Non',
  metadataNotSet: 'Non défini',
  metadataInvalidNumber: 'Saisissez un nombre.',
  metadataInvalidDate: 'Saisissez une date.',
  metadataSaved: (label, name) => `${label} de ${name} enregistré`,
  metadataSaveFailed: (label, name, message) =>
    `Impossible d’enregistrer ${label} de ${name}\u00a0: ${message}\u00a0; modification annulée`,
  removeMember: (name) => `Retirer ${name}`,
  leaveOrganization: 'Quitter l’organisation',
  removeDialogTitle: 'Retirer le membre',
  removeDialogDescription: (name, organization) =>
    `${name} ne fera plus partie de ${organization} et n’y aura plus accès.`,
  leaveDialogTitle: 'Quitter l’organisation',
  leaveDialogDescription: (organization) => `Vous allez quitter ${organization} et n’y aurez plus accès.`,
  remove: 'Retirer',
  removing: 'Retrait en cours…',
  leave: 'Quitter',
  leaving: 'Départ en cours…',
  cancel: 'Annuler',
  addMember: 'Ajouter un membre',
  addMemberDescription: (organization) => `Ajoutez un utilisateur à ${organization} avec un rôle.`,
  userIdLabel: 'ID utilisateur',
  userIdPlaceholder: 'user_…',
  userSearchLabel: 'Utilisateur',
  userSearchPlaceholder: 'Rechercher des utilisateurs par nom ou e-mail',
  userSearchNoResults: 'Aucun utilisateur trouvé',
  userSearchFailed: (message) => `Impossible de rechercher des utilisateurs\u00a0: ${message}`,
  userRequired: 'Choisissez un utilisateur à ajouter.',
  roleLabel: 'Rôle',
  add: 'Ajouter',
  adding: 'Ajout en cours…',
  reasons: {
    'not-permitted': 'Vous n’avez pas l’autorisation de gérer les membres.',
    self: 'Vous ne pouvez pas modifier votre propre rôle.',
    'last-admin': 'Une organisation doit avoir au moins un administrateur.',
    'unknown-role': 'Ce rôle n’est pas disponible dans cette organisation.',
  },
  roleName: builtInRoleNames('Administrateur', 'Membre'),
  roleChanged: (name, roleName) => `${name} a désormais le rôle ${roleName}`,
  roleChangeFailed: (message) =>
    `Impossible de modifier le rôle\u00a0: ${message}\u00a0; modification annulée`,
  memberRemoved: (name) => `Membre retiré\u00a0: ${name}`,
  removeFailed: (message) => `Impossible de retirer le membre\u00a0: ${message}`,
  memberAdded: (name) => `Membre ajouté\u00a0: ${name}`,
  errorMessage: (code, action) => {
    switch (code) {
      case 'already_a_member_in_organization':
        return 'Cet utilisateur est déjà membre de l’organisation.';
      case 'resource_not_found':
        if (action === 'add-member') return 'Aucun utilisateur ne porte cet ID.';
        if (action === 'list' || action === 'list-invitations')
          return 'Cette organisation n’existe pas, ou vous n’en êtes pas membre.';
        return 'Ce membre ne fait plus partie de l’organisation.';
      case 'network_error':
        return 'Le réseau est inaccessible. Vérifiez votre connexion et réessayez.';
      default:
        return undefined;
    }
  },
  formatDate: date,
  membersTab: 'Membres',
  invitationsTab: (pending) => (pending ? `Invitations ${n(pending)}` : 'Invitations'),
  inviteMembers: 'Inviter des membres',
  inviteMembersDescription: () =>
    'Séparez les adresses par des virgules, des espaces ou des retours à la ligne, ou collez un fichier CSV.',
  emailAddressesLabel: 'Adresses e-mail',
  emailListLabel: (addresses) =>
    count(addresses, { one: '# adresse', many: '# d’adresses', other: '# adresses' }),
  removeEmail: (email) => `Retirer ${email}`,
  emailIssue: (issue) =>
    issue === 'invalid'
      ? 'Adresse e-mail non valide'
      : issue === 'duplicate'
        ? 'Indiquée deux fois'
        : 'Déjà membre',
  emailsRequired: 'Ajoutez au moins une adresse e-mail à inviter.',
  sendInvitations: 'Envoyer les invitations',
  sendingInvitations: 'Envoi en cours…',
  inviteFailed: (sent, failed) =>
    `${count(sent, { one: '# envoyée', many: '# d’envoyées', other: '# envoyées' })}\u00a0; ${count(failed, { one: '# adresse n’a pas pu être invitée', many: '# d’adresses n’ont pas pu être invitées', other: '# adresses n’ont pas pu être invitées' })}\u00a0:`,
  invitationsSent: (sent, email) =>
    sent === 1
      ? `Invitation envoyée à ${email}`
      : count(sent, {
          one: '# invitation envoyée',
          many: '# d’invitations envoyées',
          other: '# invitations envoyées',
        }),
  invitationListCaption: (organization) => (organization ? `Invitations à ${organization}` : 'Invitations'),
  columnStatus: 'Statut',
  columnInvited: 'Invité le',
  columnExpires: 'Expire le',
  columnInviter: 'Invité par',
  invitationStatus: (value) =>
    status(value, { pending: 'En attente', accepted: 'Acceptée', revoked: 'Révoquée', expired: 'Expirée' }),
  neverExpires: 'Jamais',
  loadingInvitations: 'Chargement des invitations…',
  invitationsEmptyTitle: 'Aucune invitation en attente',
  invitationsErrorTitle: 'Impossible de charger les invitations',
  resend: 'Renvoyer',
  resendInvitation: (email) => `Renvoyer l’invitation à ${email}`,
  revokeInvitationFor: (email) => `Révoquer l’invitation de ${email}`,
  revokeDialogTitle: 'Révoquer l’invitation',
  revokeDialogDescription: (email) => `L’invitation envoyée à ${email} ne fonctionnera plus.`,
  revoke: 'Révoquer',
  revoking: 'Révocation en cours…',
  invitationRevoked: (email) => `Invitation de ${email} révoquée`,
  resendFailed: (email, message) => `Impossible de renvoyer l’invitation à ${email}\u00a0: ${message}`,
  exportCsv: 'Exporter en CSV',
  cancelExport: 'Annuler l’export',
  exportProgress: (loaded, total) =>
    loaded === undefined || total === undefined
      ? 'Export en cours…'
      : `Export en cours… ${n(loaded)} sur ${n(total)}`,
  exportDone: (members) =>
    count(members, { one: '# membre exporté', many: '# de membres exportés', other: '# membres exportés' }),
  exportCancelled: 'Export annulé',
  exportFailed: (message) => `Impossible d’exporter les membres\u00a0: ${message}`,
  alreadyMember: 'Déjà membre',
  selectMember: (name) => `Sélectionner ${name}`,
  selectAllOnPage: 'Tout sélectionner sur cette page',
  selectedCount: (selected) => count(selected, { one: '# sélectionné', other: '# sélectionnés' }),
  bulkRoleLabel: 'Rôle des membres sélectionnés',
  bulkRolePlaceholder: 'Changer le rôle',
  removeSelected: 'Retirer la sélection',
  clearSelection: 'Effacer la sélection',
  bulkRemoveDialogTitle: 'Retirer des membres',
  bulkRemoveDialogDescription: (members, organization) =>
    `${count(members, { one: '# membre sera retiré', other: '# membres seront retirés' })} de ${organization} et perdront leur accès.`,
  bulkRemoveConfirm: (members) => count(members, { one: 'Retirer # membre', other: 'Retirer # membres' }),
  bulkRoleChanged: (members, roleName) =>
    count(members, {
      one: `Rôle de # membre changé en ${roleName}`,
      other: `Rôle de # membres changé en ${roleName}`,
    }),
  bulkRemoved: (members) => count(members, { one: '# membre retiré', other: '# membres retirés' }),
  bulkSkipped: (name, reason, action) => `${name} ignoré : ${skipReason(reason, action)}`,
  bulkFailed: (name, message, action) =>
    action === 'removal'
      ? `Impossible de retirer ${name} : ${message}`
      : `Impossible de changer le rôle de ${name} : ${message} ; rétabli`,
  undo: 'Annuler',
  undone: 'Annulé',
};
