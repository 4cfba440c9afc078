import { isViewerMembership } from '@roster/core';
import { useContext } from 'react';
import { getMemberDisplayName } from './member-display-name';
import { MemberListFocusContext, useMemberListContext, withDefaults } from './member-list-context';
import { RemoveMemberDialog, type RemoveMemberDialogProps } from './remove-member-dialog';

/**
 * Props of {@link MemberListRemoveDialog}: the remove dialog's, all filled from the Root (props you
 * give win; handlers you give run too).
 */
export type MemberListRemoveDialogProps = Partial<RemoveMemberDialogProps>;

/**
 * The Root's remove (or leave) dialog: open while a removal waits for confirmation (a row's Remove
 * asked for it), closed otherwise. Focus returns to the button that opened it, or, when that row
 * went and came back (the removal failed), to its new button, else to the table. Needs a
 * `MemberList.Root`.
 */
export function MemberListRemoveDialog(props: MemberListRemoveDialogProps) {
  const list = useMemberListContext();
  const focus = useContext(MemberListFocusContext);
  const { removal } = list;
  if (!removal) return null;
  const userId = removal.member.publicUserData?.userId;
  const dialogProps = withDefaults<RemoveMemberDialogProps>(
    {
      memberName: getMemberDisplayName(removal.member),
      organizationName: list.organizationName ?? '',
      isSelf: isViewerMembership(list.viewer, removal.member),
      open: true,
      onOpenChange: (open) => {
        if (!open) list.cancelRemoval();
      },
      onConfirm: list.confirmRemoval,
      returnFocusTo: () => {
        // The member's button (still there, or back after a failed removal); not the button that
        // opened the dialog once the table has reused its row for another member.
        const own = userId ? focus?.removeButtons.get(userId) : undefined;
        if (own) return own;
        const reused =
          removal.trigger !== null && [...(focus?.removeButtons.values() ?? [])].includes(removal.trigger);
        return reused ? focus?.table : removal.trigger;
      },
      fallbackFocus: () => (userId && focus?.removeButtons.get(userId)) || focus?.table,
    },
    props as RemoveMemberDialogProps,
  );
  return <RemoveMemberDialog {...dialogProps} />;
}
