import type { Role } from '@roster/core';
import { type ComponentPropsWithoutRef, forwardRef, useContext, useMemo, useRef, useState } from 'react';
import { CompactSelect } from './compact-select';
import { joinClassNames } from './join-class-names';
import { type RosterLocalizationOverrides, useLocalization } from './localization';
import { MemberListFocusContext, usePartProps } from './member-list-context';
import { type MemberListBulkBarSlice, MemberListBulkBarSliceContext } from './member-list-slices';
import { RemoveMemberDialog, type RemoveMemberDialogSlot } from './remove-member-dialog';
import { roleOptions } from './role-select';

/** The parts of {@link MemberListBulkBar}, stamped `data-roster-slot="member-list-bulk-<slot>"`. */
export type MemberListBulkBarSlot =
  | 'bar'
  | 'count'
  | 'role-trigger'
  | 'role-content'
  | 'role-item'
  | 'remove'
  | 'clear';

/**
 * Props of {@link MemberListBulkBar}. Inside a `MemberList.Root` everything comes from the Root
 * (props you give win; handlers you give run too). Other props go to the bar's `<div>`
 * (`data-roster-slot="member-list-bulk-bar"`).
 */
export interface MemberListBulkBarProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** How many members are selected: the bar shows while it is above 0. */
  selectedCount?: number | undefined;
  /** The roles offered by `Role for selected members`. */
  roles?: readonly Role[] | undefined;
  /** The organization's name, said in the confirm dialog. */
  organizationName?: string | undefined;
  /** The viewer may manage members (else the bar never shows). Default `true`. */
  canSelect?: boolean | undefined;
  /** Called with the role picked for the selected members. */
  onChangeRole?: ((role: string) => void) | undefined;
  /** Called when the confirm dialog's `Remove {n} members` is pressed; the dialog waits for it. */
  onRemove?: (() => Promise<void> | undefined) | undefined;
  /** Called by `Clear selection`. */
  onClearSelection?: (() => void) | undefined;
  /** Classes per part; `className` goes to the bar. */
  classNames?: Partial<Record<MemberListBulkBarSlot, string>> | undefined;
  /** Classes per part of the confirm dialog. */
  dialogClassNames?: Partial<Record<RemoveMemberDialogSlot, string>> | undefined;
}

const fromList = (list: MemberListBulkBarSlice): Partial<MemberListBulkBarProps> => ({
  selectedCount: list.selectedCount,
  roles: list.roles,
  organizationName: list.organizationName,
  canSelect: list.canSelect,
  onChangeRole: list.bulkChangeRole,
  onRemove: list.bulkRemove,
  onClearSelection: list.clearSelection,
});

const NO_ROLES: readonly Role[] = [];

/**
 * The bulk actions on the selected members, shown while some are selected: `{n} selected`, the
 * `Role for selected members` select (picking a role changes every selected member's role),
 * `Remove selected` (a `Remove members` dialog confirms) and `Clear selection`. Outcomes are
 * announced by the Root: changed and removed counts, skipped members with the reason, failures.
 */
export const MemberListBulkBar = /* @__PURE__ */ forwardRef<HTMLDivElement, MemberListBulkBarProps>(
  function MemberListBulkBar(props, ref) {
    const text = useLocalization();
    const {
      selectedCount = 0,
      roles = NO_ROLES,
      organizationName = '',
      canSelect = true,
      onChangeRole,
      onRemove,
      onClearSelection,
      classNames,
      dialogClassNames,
      className,
      ...divProps
    } = usePartProps(props, fromList, MemberListBulkBarSliceContext);
    const focus = useContext(MemberListFocusContext);
    const [confirming, setConfirming] = useState(false);
    // The count when the dialog opened: the selection may shrink while it closes.
    const [confirmCount, setConfirmCount] = useState(0);
    const removeRef = useRef<HTMLButtonElement>(null);
    const dialogText = useMemo<RosterLocalizationOverrides>(
      () => ({
        removeDialogTitle: text.bulkRemoveDialogTitle,
        removeDialogDescription: (_name, organization) =>
          text.bulkRemoveDialogDescription(confirmCount, organization),
        remove: text.bulkRemoveConfirm(confirmCount),
      }),
      [text, confirmCount],
    );
    const options = useMemo(() => roleOptions(roles, text), [roles, text]);
    const shown = canSelect && selectedCount > 0;

    return (
      <>
        {shown && (
          <div
            {...divProps}
            ref={ref}
            data-roster-slot="member-list-bulk-bar"
            className={joinClassNames(classNames?.bar, className)}
          >
            <span data-roster-slot="member-list-bulk-count" className={classNames?.count}>
              {text.selectedCount(selectedCount)}
            </span>
            <CompactSelect
              slotPrefix="member-list-bulk-role"
              options={options}
              value=""
              onValueChange={(role) => {
                if (role) onChangeRole?.(role);
              }}
              aria-label={text.bulkRoleLabel}
              valueProps={{ placeholder: text.bulkRolePlaceholder }}
              classNames={{
                trigger: classNames?.['role-trigger'],
                content: classNames?.['role-content'],
                item: classNames?.['role-item'],
              }}
            />
            <button
              ref={removeRef}
              type="button"
              data-roster-slot="member-list-bulk-remove"
              className={classNames?.remove}
              onClick={() => {
                setConfirmCount(selectedCount);
                setConfirming(true);
              }}
            >
              {text.removeSelected}
            </button>
            <button
              type="button"
              data-roster-slot="member-list-bulk-clear"
              className={classNames?.clear}
              onClick={() => onClearSelection?.()}
            >
              {text.clearSelection}
            </button>
          </div>
        )}
        {confirming && (
          <RemoveMemberDialog
            open
            onOpenChange={(open) => {
              if (!open) setConfirming(false);
            }}
            memberName=""
            organizationName={organizationName}
            localization={dialogText}
            onConfirm={() => onRemove?.()}
            returnFocusTo={() => removeRef.current}
            fallbackFocus={() => focus?.table}
            {...(dialogClassNames && { classNames: dialogClassNames })}
          />
        )}
      </>
    );
  },
);
