'use client';
import type { BulkActionKind, BulkSkipReasonKey, RosterLocalization } from '../localization';
import { localeFormats } from './formats';
import { builtInRoleNames } from './role-names';

const { number: n, count, date, status } = localeFormats('ja');

/** Why a bulk action skipped a member, in words (it follows a colon). */
function skipReason(reason: BulkSkipReasonKey, action: BulkActionKind): string {
  switch (reason) {
    case 'self':
      return action === 'removal' ? '自分自身は削除できません' : '自分のロールは変更できません';
    case 'last-admin':
      return '組織には少なくとも 1 人の管理者が必要です';
    case 'unknown-role':
      return 'このロールはこの組織では使用できません';
    case 'unchanged':
      return action === 'removal' ? 'すでに削除されています' : 'すでにこのロールです';
    default:
      return 'メンバーを管理する権限がありません';
  }
}
/**
 * Japanese (`ja`): every string of the components, accessible names and announcements included.
 * Counts have one form (CLDR's `other`). Pass it as `localization` (or to
 * `RosterLocalizationProvider`); spread it to change some strings:
 * `{ ...japaneseLocalization, columnRole: '役割' }`. Built-in role names are
 * translated; custom roles keep the server's name.
 */
export const japaneseLocalization: RosterLocalization = {
  memberListCaption: (organization) => (organization ? `${organization} のメンバー` : 'メンバー'),
  columnAvatar: 'アバター',
  columnName: '名前',
  columnIdentifier: 'メールアドレス',
  columnRole: 'ロール',
  columnJoined: '参加日',
  columnActions: '操作',
  youBadge: 'あなた',
  searchLabel: 'メンバーを検索',
  searchPlaceholder: '名前、メールアドレス、ユーザー ID で検索',
  clearSearch: '検索をクリア',
  roleFilterLabel: 'ロールで絞り込み',
  allRoles: 'すべてのロール',
  sortLabel: '並べ替え',
  sortOrders: {
    '-created_at': '新しい順',
    '+created_at': '古い順',
    '+first_name': '名（A–Z）',
    '-first_name': '名（Z–A）',
    '+email_address': 'メールアドレス（A–Z）',
  },
  paginationLabel: 'ページネーション',
  previousPage: '前のページ',
  nextPage: '次のページ',
  pageStatus: (from, to, total) => `${n(total)} 件中 ${n(from)}–${n(to)} 件`,
  pageSizeLabel: '1 ページあたりの行数',
  pageSizeOption: (size) => `${n(size)} 件ずつ表示`,
  loading: 'メンバーを読み込んでいます…',
  emptyTitle: 'メンバーはまだいません',
  emptyDescription: '追加したメンバーがここに表示されます。',
  noResultsTitle: (query) =>
    query ? `「${query}」に一致するメンバーはいません` : 'この条件に一致するメンバーはいません',
  noResultsDescription: '別のキーワードで検索するか、絞り込みを解除してください。',
  errorTitle: 'メンバーを読み込めませんでした',
  retry: '再試行',
  roleFor: (name) => `${name} のロール`,
  metadataFieldLabel: (label, name) => `${name} の${label}`,
  metadataYes: 'はい',
  metadataNo: 'いいえ',
  metadataNotSet: '未設定',
  metadataInvalidNumber: '数値を入力してください。',
  metadataInvalidDate: '日付を入力してください。',
  metadataSaved: (label, name) => `${name} の${label}を保存しました`,
  metadataSaveFailed: (label, name, message) =>
    `${name} の${label}を保存できませんでした：${message}（元に戻しました）`,
  removeMember: (name) => `${name} を削除`,
  leaveOrganization: '組織から退出',
  removeDialogTitle: 'メンバーを削除',
  removeDialogDescription: (name, organization) =>
    `${name} は ${organization} から削除され、アクセスできなくなります。`,
  leaveDialogTitle: '組織から退出',
  leaveDialogDescription: (organization) => `${organization} から退出すると、アクセスできなくなります。`,
  remove: '削除',
  removing: '削除しています…',
  leave: '退出',
  leaving: '退出しています…',
  cancel: 'キャンセル',
  addMember: 'メンバーを追加',
  addMemberDescription: (organization) => `ロールを指定して ${organization} にユーザーを追加します。`,
  userIdLabel: 'ユーザー ID',
  userIdPlaceholder: 'user_…',
  userSearchLabel: 'ユーザー',
  userSearchPlaceholder: '名前またはメールアドレスでユーザーを検索',
  userSearchNoResults: 'ユーザーが見つかりません',
  userSearchFailed: (message) => `ユーザーを検索できませんでした：${message}`,
  userRequired: '追加するユーザーを選択してください。',
  roleLabel: 'ロール',
  add: '追加',
  adding: '追加しています…',
  reasons: {
    'not-permitted': 'メンバーを管理する権限がありません。',
    self: '自分のロールは変更できません。',
    'last-admin': '組織には少なくとも 1 人の管理者が必要です。',
    'unknown-role': 'このロールはこの組織では使用できません。',
  },
  roleName: builtInRoleNames('管理者', 'メンバー'),
  roleChanged: (name, roleName) => `${name} のロールを ${roleName} に変更しました`,
  roleChangeFailed: (message) => `ロールを変更できませんでした：${message}（元に戻しました）`,
  memberRemoved: (name) => `${name} を削除しました`,
  removeFailed: (message) => `メンバーを削除できませんでした：${message}`,
  memberAdded: (name) => `${name} を追加しました`,
  errorMessage: (code, action) => {
    switch (code) {
      case 'already_a_member_in_organization':
        return 'このユーザーはすでに組織のメンバーです。';
      case 'resource_not_found':
        if (action === 'add-member') return 'この ID のユーザーは存在しません。';
        if (action === 'list' || action === 'list-invitations')
          return 'この組織は存在しないか、あなたはこの組織のメンバーではありません。';
        return 'このメンバーはすでに組織に所属していません。';
      case 'network_error':
        return 'ネットワークに接続できません。接続を確認して、もう一度お試しください。';
      default:
        return undefined;
    }
  },
  formatDate: date,
  membersTab: 'メンバー',
  invitationsTab: (pending) => (pending ? `招待 ${n(pending)}` : '招待'),
  inviteMembers: 'メンバーを招待',
  inviteMembersDescription: () => 'アドレスはカンマ、スペース、改行で区切るか、CSV を貼り付けてください。',
  emailAddressesLabel: '招待するメールアドレス',
  emailListLabel: (addresses) => count(addresses, { other: '# 件のアドレス' }),
  removeEmail: (email) => `${email} を削除`,
  emailIssue: (issue) =>
    issue === 'invalid'
      ? '有効なメールアドレスではありません'
      : issue === 'duplicate'
        ? '重複しています'
        : 'すでにメンバーです',
  emailsRequired: '招待するメールアドレスを 1 件以上入力してください。',
  sendInvitations: '招待を送信',
  sendingInvitations: '送信しています…',
  inviteFailed: (sent, failed) => `${n(sent)} 件送信しました。${n(failed)} 件は招待できませんでした：`,
  invitationsSent: (sent, email) =>
    sent === 1 ? `${email} に招待を送信しました` : count(sent, { other: '# 件の招待を送信しました' }),
  invitationListCaption: (organization) => (organization ? `${organization} への招待` : '招待'),
  columnStatus: 'ステータス',
  columnInvited: '招待日',
  columnExpires: '有効期限',
  columnInviter: '招待者',
  invitationStatus: (value) =>
    status(value, { pending: '保留中', accepted: '承諾済み', revoked: '取り消し済み', expired: '期限切れ' }),
  neverExpires: '無期限',
  loadingInvitations: '招待を読み込んでいます…',
  invitationsEmptyTitle: '保留中の招待はありません',
  invitationsErrorTitle: '招待を読み込めませんでした',
  resend: '再送信',
  resendInvitation: (email) => `${email} に招待を再送信`,
  revokeInvitationFor: (email) => `${email} への招待を取り消す`,
  revokeDialogTitle: '招待を取り消す',
  revokeDialogDescription: (email) => `${email} への招待は無効になります。`,
  revoke: '取り消す',
  revoking: '取り消しています…',
  invitationRevoked: (email) => `${email} への招待を取り消しました`,
  resendFailed: (email, message) => `${email} に招待を再送信できませんでした：${message}`,
  exportCsv: 'CSV をエクスポート',
  cancelExport: 'エクスポートをキャンセル',
  exportProgress: (loaded, total) =>
    loaded === undefined || total === undefined
      ? 'エクスポートしています…'
      : `エクスポートしています… ${n(loaded)} / ${n(total)}`,
  exportDone: (members) => count(members, { other: '# 人のメンバーをエクスポートしました' }),
  exportCancelled: 'エクスポートをキャンセルしました',
  exportFailed: (message) => `メンバーをエクスポートできませんでした：${message}`,
  alreadyMember: 'すでにメンバーです',
  selectMember: (name) => `${name} を選択`,
  selectAllOnPage: 'このページのすべてを選択',
  selectedCount: (selected) => `${n(selected)} 件選択中`,
  bulkRoleLabel: '選択したメンバーのロール',
  bulkRolePlaceholder: 'ロールを変更',
  removeSelected: '選択したメンバーを削除',
  clearSelection: '選択を解除',
  bulkRemoveDialogTitle: 'メンバーを削除',
  bulkRemoveDialogDescription: (members, organization) =>
    `${n(members)} 人のメンバーが ${organization} から削除され、アクセスできなくなります。`,
  bulkRemoveConfirm: (members) => `${n(members)} 人のメンバーを削除`,
  bulkRoleChanged: (members, roleName) => `${n(members)} 人のメンバーのロールを ${roleName} に変更しました`,
  bulkRemoved: (members) => `${n(members)} 人のメンバーを削除しました`,
  bulkSkipped: (name, reason, action) => `${name} をスキップしました: ${skipReason(reason, action)}`,
  bulkFailed: (name, message, action) =>
    action === 'removal'
      ? `${name} を削除できませんでした: ${message}`
      : `${name} のロールを変更できませんでした: ${message}。元に戻しました`,
  undo: '元に戻す',
  undone: '元に戻しました',
};
