'use client';
import type { BulkActionKind, BulkSkipReasonKey, RosterLocalization } from '../localization';
import { localeFormats } from './formats';
import { builtInRoleNames } from './role-names';

const { number: n, count, date, status } = localeFormats('pt-BR');

/** Why a bulk action skipped a member, in words (it follows a colon). */
function skipReason(reason: BulkSkipReasonKey, action: BulkActionKind): string {
  switch (reason) {
    case 'self':
      return action === 'removal'
        ? 'você não pode remover a si mesmo'
        : 'você não pode alterar sua própria função';
    case 'last-admin':
      return 'uma organização precisa de pelo menos um administrador';
    case 'unknown-role':
      return 'esta função não está disponível nesta organização';
    case 'unchanged':
      return action === 'removal' ? 'já removido' : 'já tem esta função';
    default:
      return 'você não tem permissão para gerenciar membros';
  }
}
/**
 * Brazilian Portuguese (`pt-BR`): every string of the components, accessible names and
 * announcements included. Pass it as `localization` (or to `RosterLocalizationProvider`); spread it
 * to change some strings: `{ ...brazilianPortugueseLocalization, columnRole: 'Papel' }`. Built-in role
 * names are translated; custom roles keep the server's name.
 */
export const brazilianPortugueseLocalization: RosterLocalization = {
  memberListCaption: (organization) => (organization ? `Membros de ${organization}` : 'Membros'),
  columnAvatar: 'Avatar',
  columnName: 'Nome',
  columnIdentifier: 'E-mail',
  columnRole: 'Função',
  columnJoined: 'Membro desde',
  columnActions: 'Ações',
  youBadge: 'Você',
  searchLabel: 'Pesquisar membros',
  searchPlaceholder: 'Pesquisar por nome, e-mail ou ID de usuário',
  clearSearch: 'Limpar pesquisa',
  roleFilterLabel: 'Filtrar por função',
  allRoles: 'Todas as funções',
  sortLabel: 'Ordenar por',
  sortOrders: {
    '-created_at': 'Mais recentes primeiro',
    '+created_at': 'Mais antigos primeiro',
    '+first_name': 'Nome A–Z',
    '-first_name': 'Nome Z–A',
    '+email_address': 'E-mail A–Z',
  },
  paginationLabel: 'Paginação',
  previousPage: 'Página anterior',
  nextPage: 'Próxima página',
  pageStatus: (from, to, total) => `${n(from)}–${n(to)} de ${n(total)}`,
  pageSizeLabel: 'Linhas por página',
  pageSizeOption: (size) => `${n(size)} por página`,
  loading: 'Carregando membros…',
  emptyTitle: 'Nenhum membro ainda',
  emptyDescription: 'Os membros que você adicionar aparecerão aqui.',
  noResultsTitle: (query) =>
    query ? `Nenhum membro corresponde a “${query}”` : 'Nenhum membro corresponde a estes filtros',
  noResultsDescription: 'Tente outra pesquisa ou limpe os filtros.',
  errorTitle: 'Não foi possível carregar os membros',
  retry: 'Tentar novamente',
  roleFor: (name) => `Função de ${name}`,
  metadataFieldLabel: (label, name) => `${label} de ${name}`,
  metadataYes: 'Sim',
  metadataNo: 'Não',
  metadataNotSet: 'Não definido',
  metadataInvalidNumber: 'Digite um número.',
  metadataInvalidDate: 'Digite uma data.',
  metadataSaved: (label, name) => `${label} de ${name} salvo`,
  metadataSaveFailed: (label, name, message) =>
    `Não foi possível salvar ${label} de ${name}: ${message}; alteração desfeita`,
  removeMember: (name) => `Remover ${name}`,
  leaveOrganization: 'Sair da organização',
  removeDialogTitle: 'Remover membro',
  removeDialogDescription: (name, organization) =>
    `${name} deixará de fazer parte de ${organization} e perderá o acesso.`,
  leaveDialogTitle: 'Sair da organização',
  leaveDialogDescription: (organization) => `Você sairá de ${organization} e perderá o acesso.`,
  remove: 'Remover',
  removing: 'Removendo…',
  leave: 'Sair',
  leaving: 'Saindo…',
  cancel: 'Cancelar',
  addMember: 'Adicionar membro',
  addMemberDescription: (organization) => `Adicione um usuário a ${organization} com uma função.`,
  userIdLabel: 'ID do usuário',
  userIdPlaceholder: 'user_…',
  userSearchLabel: 'Usuário',
  userSearchPlaceholder: 'Pesquisar usuários por nome ou e-mail',
  userSearchNoResults: 'Nenhum usuário encontrado',
  userSearchFailed: (message) => `Não foi possível pesquisar usuários: ${message}`,
  userRequired: 'Escolha um usuário para adicionar.',
  roleLabel: 'Função',
  add: 'Adicionar',
  adding: 'Adicionando…',
  reasons: {
    'not-permitted': 'Você não tem permissão para gerenciar membros.',
    self: 'Você não pode alterar sua própria função.',
    'last-admin': 'Uma organização precisa de pelo menos um administrador.',
    'unknown-role': 'Esta função não está disponível nesta organização.',
  },
  roleName: builtInRoleNames('Administrador', 'Membro'),
  roleChanged: (name, roleName) => `${name} agora tem a função ${roleName}`,
  roleChangeFailed: (message) => `Não foi possível alterar a função: ${message}; alteração desfeita`,
  memberRemoved: (name) => `Membro removido: ${name}`,
  removeFailed: (message) => `Não foi possível remover o membro: ${message}`,
  memberAdded: (name) => `Membro adicionado: ${name}`,
  errorMessage: (code, action) => {
    switch (code) {
      case 'already_a_member_in_organization':
        return 'Este usuário já é membro da organização.';
      case 'resource_not_found':
        if (action === 'add-member') return 'Nenhum usuário com este ID.';
        if (action === 'list' || action === 'list-invitations')
          return 'Esta organização não existe ou você não é membro dela.';
        return 'Este membro não faz mais parte da organização.';
      case 'network_error':
        return 'A rede está inacessível. Verifique sua conexão e tente novamente.';
      default:
        return undefined;
    }
  },
  formatDate: date,
  membersTab: 'Membros',
  invitationsTab: (pending) => (pending ? `Convites ${n(pending)}` : 'Convites'),
  inviteMembers: 'Convidar membros',
  inviteMembersDescription: () =>
    'Separe os endereços com vírgulas, espaços ou quebras de linha, ou cole um arquivo CSV.',
  emailAddressesLabel: 'Endereços de e-mail',
  emailListLabel: (addresses) =>
    count(addresses, { one: '# endereço', many: '# de endereços', other: '# endereços' }),
  removeEmail: (email) => `Remover ${email}`,
  emailIssue: (issue) =>
    issue === 'invalid'
      ? 'Endereço de e-mail inválido'
      : issue === 'duplicate'
        ? 'Listado duas vezes'
        : 'Já é membro',
  emailsRequired: 'Adicione pelo menos um endereço de e-mail para convidar.',
  sendInvitations: 'Enviar convites',
  sendingInvitations: 'Enviando…',
  inviteFailed: (sent, failed) =>
    `${count(sent, { one: '# enviado', many: '# de enviados', other: '# enviados' })}; não foi possível convidar ${count(failed, { one: '# endereço', many: '# de endereços', other: '# endereços' })}:`,
  invitationsSent: (sent, email) =>
    sent === 1
      ? `Convite enviado para ${email}`
      : count(sent, {
          one: '# convite enviado',
          many: '# de convites enviados',
          other: '# convites enviados',
        }),
  invitationListCaption: (organization) => (organization ? `Convites para ${organization}` : 'Convites'),
  columnStatus: 'Status',
  columnInvited: 'Convidado em',
  columnExpires: 'Expira em',
  columnInviter: 'Convidado por',
  invitationStatus: (value) =>
    status(value, { pending: 'Pendente', accepted: 'Aceito', revoked: 'Revogado', expired: 'Expirado' }),
  neverExpires: 'Nunca',
  loadingInvitations: 'Carregando convites…',
  invitationsEmptyTitle: 'Nenhum convite pendente',
  invitationsErrorTitle: 'Não foi possível carregar os convites',
  resend: 'Reenviar',
  resendInvitation: (email) => `Reenviar convite para ${email}`,
  revokeInvitationFor: (email) => `Revogar convite de ${email}`,
  revokeDialogTitle: 'Revogar convite',
  revokeDialogDescription: (email) => `O convite para ${email} deixará de funcionar.`,
  revoke: 'Revogar',
  revoking: 'Revogando…',
  invitationRevoked: (email) => `Convite de ${email} revogado`,
  resendFailed: (email, message) => `Não foi possível reenviar o convite para ${email}: ${message}`,
  exportCsv: 'Exportar CSV',
  cancelExport: 'Cancelar exportação',
  exportProgress: (loaded, total) =>
    loaded === undefined || total === undefined ? 'Exportando…' : `Exportando… ${n(loaded)} de ${n(total)}`,
  exportDone: (members) =>
    count(members, {
      one: '# membro exportado',
      many: '# de membros exportados',
      other: '# membros exportados',
    }),
  exportCancelled: 'Exportação cancelada',
  exportFailed: (message) => `Não foi possível exportar os membros: ${message}`,
  alreadyMember: 'Já é membro',
  selectMember: (name) => `Selecionar ${name}`,
  selectAllOnPage: 'Selecionar todos nesta página',
  selectedCount: (selected) => count(selected, { one: '# selecionado', other: '# selecionados' }),
  bulkRoleLabel: 'Função dos membros selecionados',
  bulkRolePlaceholder: 'Alterar função',
  removeSelected: 'Remover selecionados',
  clearSelection: 'Limpar seleção',
  bulkRemoveDialogTitle: 'Remover membros',
  bulkRemoveDialogDescription: (members, organization) =>
    `${count(members, { one: '# membro será removido', other: '# membros serão removidos' })} de ${organization} e perderão o acesso.`,
  bulkRemoveConfirm: (members) => count(members, { one: 'Remover # membro', other: 'Remover # membros' }),
  bulkRoleChanged: (members, roleName) =>
    count(members, {
      one: `Função de # membro alterada para ${roleName}`,
      other: `Função de # membros alterada para ${roleName}`,
    }),
  bulkRemoved: (members) => count(members, { one: '# membro removido', other: '# membros removidos' }),
  bulkSkipped: (name, reason, action) => `${name} ignorado: ${skipReason(reason, action)}`,
  bulkFailed: (name, message, action) =>
    action === 'removal'
      ? `Não foi possível remover ${name}: ${message}`
      : `Não foi possível alterar a função de ${name}: ${message}; revertido`,
  undo: 'Desfazer',
  undone: 'Desfeito',
};
