'use client';
import type { BulkActionKind, BulkSkipReasonKey, RosterLocalization } from '../localization';
import { localeFormats } from './formats';
import { builtInRoleNames } from './role-names';

const { number: n, count, date, status } = localeFormats('es');

/** Why a bulk action skipped a member, in words (it follows a colon). */
function skipReason(reason: BulkSkipReasonKey, action: BulkActionKind): string {
  switch (reason) {
    case 'self':
      return action === 'removal' ? 'no puedes quitarte a ti mismo' : 'no puedes cambiar tu propio rol';
    case 'last-admin':
      return 'una organización necesita al menos un administrador';
    case 'unknown-role':
      return 'este rol no está disponible en esta organización';
    case 'unchanged':
      return action === 'removal' ? 'ya quitado' : 'ya tiene este rol';
    default:
      return 'no tienes permiso para administrar miembros';
  }
}
/**
 * Spanish (`es`, neutral, addressing the reader as «tú»): every string of the components,
 * accessible names and announcements included. Pass it as `localization` (or to
 * `RosterLocalizationProvider`); spread it to change some strings:
 * `{ ...spanishLocalization, addMember: 'Añadir miembro' }`. Built-in role names are
 * translated; custom roles keep the server's name.
 */
export const spanishLocalization: RosterLocalization = {
  memberListCaption: (organization) => (organization ? `Miembros de ${organization}` : 'Miembros'),
  columnAvatar: 'Avatar',
  columnName: 'Nombre',
  columnIdentifier: 'Correo electrónico',
  columnRole: 'Rol',
  columnJoined: 'Miembro desde',
  columnActions: 'Acciones',
  youBadge: 'Tú',
  searchLabel: 'Buscar miembros',
  searchPlaceholder: 'Buscar por nombre, correo electrónico o ID de usuario',
  clearSearch: 'Borrar búsqueda',
  roleFilterLabel: 'Filtrar por rol',
  allRoles: 'Todos los roles',
  sortLabel: 'Ordenar por',
  sortOrders: {
    '-created_at': 'Más recientes primero',
    '+created_at': 'Más antiguos primero',
    '+first_name': 'Nombre A–Z',
    '-first_name': 'Nombre Z–A',
    '+email_address': 'Correo electrónico A–Z',
  },
  paginationLabel: 'Paginación',
  previousPage: 'Página anterior',
  nextPage: 'Página siguiente',
  pageStatus: (from, to, total) => `${n(from)}–${n(to)} de ${n(total)}`,
  pageSizeLabel: 'Filas por página',
  pageSizeOption: (size) => `${n(size)} por página`,
  loading: 'Cargando miembros…',
  emptyTitle: 'Aún no hay miembros',
  emptyDescription: 'Los miembros que agregues aparecerán aquí.',
  noResultsTitle: (query) =>
    query ? `Ningún miembro coincide con «${query}»` : 'Ningún miembro coincide con estos filtros',
  noResultsDescription: 'Prueba con otra búsqueda o borra los filtros.',
  errorTitle: 'No se pudieron cargar los miembros',
  retry: 'Reintentar',
  roleFor: (name) => `Rol de ${name}`,
  metadataFieldLabel: (label, name) => `${label} de ${name}`,
  metadataYes: 'Sí',
  metadataNo: 'No',
  metadataNotSet: 'Sin definir',
  metadataInvalidNumber: 'Introduce un número.',
  metadataInvalidDate: 'Introduce una fecha.',
  metadataSaved: (label, name) => `${label} de ${name} guardado`,
  metadataSaveFailed: (label, name, message) =>
    `No se pudo guardar ${label} de ${name}: ${message}; se revirtió el cambio`,
  removeMember: (name) => `Quitar a ${name}`,
  leaveOrganization: 'Salir de la organización',
  removeDialogTitle: 'Quitar miembro',
  removeDialogDescription: (name, organization) =>
    `${name} dejará de formar parte de ${organization} y perderá el acceso.`,
  leaveDialogTitle: 'Salir de la organización',
  leaveDialogDescription: (organization) =>
    `Dejarás de formar parte de ${organization} y perderás el acceso.`,
  remove: 'Quitar',
  removing: 'Quitando…',
  leave: 'Salir',
  leaving: 'Saliendo…',
  cancel: 'Cancelar',
  addMember: 'Agregar miembro',
  addMemberDescription: (organization) => `Agrega un usuario a ${organization} con un rol.`,
  userIdLabel: 'ID de usuario',
  userIdPlaceholder: 'user_…',
  userSearchLabel: 'Usuario',
  userSearchPlaceholder: 'Buscar usuarios por nombre o correo electrónico',
  userSearchNoResults: 'No se encontraron usuarios',
  userSearchFailed: (message) => `No se pudieron buscar usuarios: ${message}`,
  userRequired: 'Elige un usuario para agregar.',
  roleLabel: 'Rol',
  add: 'Agregar',
  adding: 'Agregando…',
  reasons: {
    'not-permitted': 'No tienes permiso para administrar miembros.',
    self: 'No puedes cambiar tu propio rol.',
    'last-admin': 'Una organización necesita al menos un administrador.',
    'unknown-role': 'Este rol no está disponible en esta organización.',
  },
  roleName: builtInRoleNames('Administrador', 'Miembro'),
  roleChanged: (name, roleName) => `${name} ahora tiene el rol ${roleName}`,
  roleChangeFailed: (message) => `No se pudo cambiar el rol: ${message}; se revirtió el cambio`,
  memberRemoved: (name) => `Se quitó a ${name}`,
  removeFailed: (message) => `No se pudo quitar al miembro: ${message}`,
  memberAdded: (name) => `Se agregó a ${name}`,
  errorMessage: (code, action) => {
    switch (code) {
      case 'already_a_member_in_organization':
        return 'Este usuario ya es miembro de la organización.';
      case 'resource_not_found':
        if (action === 'add-member') return 'No hay ningún usuario con este ID.';
        if (action === 'list' || action === 'list-invitations')
          return 'Esta organización no existe o no eres miembro de ella.';
        return 'Este miembro ya no forma parte de la organización.';
      case 'network_error':
        return 'No se puede acceder a la red. Comprueba tu conexión y vuelve a intentarlo.';
      default:
        return undefined;
    }
  },
  formatDate: date,
  membersTab: 'Miembros',
  invitationsTab: (pending) => (pending ? `Invitaciones ${n(pending)}` : 'Invitaciones'),
  inviteMembers: 'Invitar miembros',
  inviteMembersDescription: () =>
    'Separa las direcciones con comas, espacios o saltos de línea, o pega un archivo CSV.',
  emailAddressesLabel: 'Direcciones de correo electrónico',
  emailListLabel: (addresses) =>
    count(addresses, { one: '# dirección', many: '# de direcciones', other: '# direcciones' }),
  removeEmail: (email) => `Quitar ${email}`,
  emailIssue: (issue) =>
    issue === 'invalid'
      ? 'No es una dirección de correo electrónico válida'
      : issue === 'duplicate'
        ? 'Aparece dos veces'
        : 'Ya es miembro',
  emailsRequired: 'Agrega al menos una dirección de correo electrónico para invitar.',
  sendInvitations: 'Enviar invitaciones',
  sendingInvitations: 'Enviando…',
  inviteFailed: (sent, failed) =>
    `${count(sent, { one: '# enviada', many: '# de enviadas', other: '# enviadas' })}; no se pudo invitar a ${count(failed, { one: '# dirección', many: '# de direcciones', other: '# direcciones' })}:`,
  invitationsSent: (sent, email) =>
    sent === 1
      ? `Invitación enviada a ${email}`
      : count(sent, {
          one: '# invitación enviada',
          many: '# de invitaciones enviadas',
          other: '# invitaciones enviadas',
        }),
  invitationListCaption: (organization) => (organization ? `Invitaciones a ${organization}` : 'Invitaciones'),
  columnStatus: 'Estado',
  columnInvited: 'Invitación',
  columnExpires: 'Vence',
  columnInviter: 'Invitado por',
  invitationStatus: (value) =>
    status(value, { pending: 'Pendiente', accepted: 'Aceptada', revoked: 'Revocada', expired: 'Vencida' }),
  neverExpires: 'Nunca',
  loadingInvitations: 'Cargando invitaciones…',
  invitationsEmptyTitle: 'No hay invitaciones pendientes',
  invitationsErrorTitle: 'No se pudieron cargar las invitaciones',
  resend: 'Reenviar',
  resendInvitation: (email) => `Reenviar la invitación a ${email}`,
  revokeInvitationFor: (email) => `Revocar la invitación de ${email}`,
  revokeDialogTitle: 'Revocar invitación',
  revokeDialogDescription: (email) => `La invitación a ${email} dejará de funcionar.`,
  revoke: 'Revocar',
  revoking: 'Revocando…',
  invitationRevoked: (email) => `Se revocó la invitación de ${email}`,
  resendFailed: (email, message) => `No se pudo reenviar la invitación a ${email}: ${message}`,
  exportCsv: 'Exportar CSV',
  cancelExport: 'Cancelar exportación',
  exportProgress: (loaded, total) =>
    loaded === undefined || total === undefined ? 'Exportando…' : `Exportando… ${n(loaded)} de ${n(total)}`,
  exportDone: (members) =>
    count(members, {
      one: '# miembro exportado',
      many: '# de miembros exportados',
      other: '# miembros exportados',
    }),
  exportCancelled: 'Exportación cancelada',
  exportFailed: (message) => `No se pudieron exportar los miembros: ${message}`,
  alreadyMember: 'Ya es miembro',
  selectMember: (name) => `Seleccionar a ${name}`,
  selectAllOnPage: 'Seleccionar todo en esta página',
  selectedCount: (selected) => count(selected, { one: '# seleccionado', other: '# seleccionados' }),
  bulkRoleLabel: 'Rol de los miembros seleccionados',
  bulkRolePlaceholder: 'Cambiar rol',
  removeSelected: 'Quitar seleccionados',
  clearSelection: 'Borrar selección',
  bulkRemoveDialogTitle: 'Quitar miembros',
  bulkRemoveDialogDescription: (members, organization) =>
    `${count(members, { one: '# miembro será quitado', other: '# miembros serán quitados' })} de ${organization} y perderán el acceso.`,
  bulkRemoveConfirm: (members) => count(members, { one: 'Quitar # miembro', other: 'Quitar # miembros' }),
  bulkRoleChanged: (members, roleName) =>
    count(members, {
      one: `Rol de # miembro cambiado a ${roleName}`,
      other: `Rol de # miembros cambiado a ${roleName}`,
    }),
  bulkRemoved: (members) => count(members, { one: '# miembro quitado', other: '# miembros quitados' }),
  bulkSkipped: (name, reason, action) => `${name} omitido: ${skipReason(reason, action)}`,
  bulkFailed: (name, message, action) =>
    action === 'removal'
      ? `No se pudo quitar a ${name}: ${message}`
      : `No se pudo cambiar el rol de ${name}: ${message}; revertido`,
  undo: 'Deshacer',
  undone: 'Deshecho',
};
