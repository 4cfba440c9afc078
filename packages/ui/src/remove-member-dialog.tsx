import * as Dialog from '@radix-ui/react-dialog';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useRef, useState } from 'react';
import { describeError } from './describe-error';
import { DialogActions } from './dialog-actions';
import { joinClassNames } from './join-class-names';
import { type RosterLocalizationOverrides, useLocalization } from './localization';
import { usePortalContainer } from './portal-container';
import { useControllableState } from './use-controllable-state';

/** The parts of a {@link RemoveMemberDialog}, stamped `data-roster-slot="remove-member-dialog-<slot>"`. */
export type RemoveMemberDialogSlot =
  | 'overlay'
  | 'content'
  | 'title'
  | 'description'
  | 'error'
  | 'actions'
  | 'cancel'
  | 'confirm';

/** Props of {@link RemoveMemberDialog}. Other props go to the dialog content (`role="alertdialog"`). */
export interface RemoveMemberDialogProps
  extends Omit<ComponentPropsWithoutRef<typeof Dialog.Content>, 'children' | 'title'> {
  /** The member's full name (or identifier when they have none). */
  memberName: string;
  /** The organization's name, said in the dialog. */
  organizationName: string;
  /** The viewer's own membership: "Leave organization" wording. */
  isSelf?: boolean;
  /**
   * Removes the member. The dialog shows a pending state while the promise is pending, closes when
   * it resolves and stays open with the error inside when it rejects.
   */
  onConfirm: () => Promise<unknown> | undefined;
  /** Open state (controlled). */
  open?: boolean;
  /** Initial open state (uncontrolled). */
  defaultOpen?: boolean;
  /** Called when the dialog opens or closes (not while the removal is pending). */
  onOpenChange?: (open: boolean) => void;
  /** The element that opens the dialog (rendered as Radix `Dialog.Trigger` with `asChild`). */
  trigger?: ReactNode;
  /**
   * Where focus goes when the dialog closes. Default: the trigger, or the element focused before
   * it opened; when that element has left the page (the row was removed), `fallbackFocus()`.
   */
  returnFocusTo?: () => HTMLElement | null | undefined;
  /** Focus target when the element to return to is gone (e.g. the member table). */
  fallbackFocus?: () => HTMLElement | null | undefined;
  /** Classes per part. `className` goes to the dialog content. */
  classNames?: Partial<Record<RemoveMemberDialogSlot, string>>;
  /** Strings for this dialog alone, over the provider's. */
  localization?: RosterLocalizationOverrides;
}

/**
 * Confirms removing a member (or leaving, on the viewer's own row): an alert dialog that names the
 * member and the organization, with Cancel focused first and a destructive Remove. A server error is
 * shown inside and the dialog stays open.
 */
export const RemoveMemberDialog = /* @__PURE__ */ forwardRef<HTMLDivElement, RemoveMemberDialogProps>(
  function RemoveMemberDialog(
    {
      memberName,
      organizationName,
      isSelf = false,
      onConfirm,
      open: openProp,
      defaultOpen = false,
      onOpenChange,
      trigger,
      returnFocusTo,
      fallbackFocus,
      className,
      classNames,
      localization,
      onOpenAutoFocus,
      onCloseAutoFocus,
      ...contentProps
    },
    ref,
  ) {
    const text = useLocalization(localization);
    const container = usePortalContainer();
    const [open, setOpenState] = useControllableState(
      openProp,
      defaultOpen,
      onOpenChange,
      'RemoveMemberDialog (open)',
    );
    const [pending, setPending] = useState(false);
    const [error, setError] = useState<string | null>(null);
    const cancelRef = useRef<HTMLButtonElement>(null);
    const openerRef = useRef<HTMLElement | null>(null);

    const setOpen = (next: boolean) => {
      if (next && typeof document !== 'undefined') {
        openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      }
      if (!next) setError(null);
      setOpenState(next);
    };

    // A controlled open from outside: remember the opener when the dialog first renders open.
    if (open && openerRef.current === null && typeof document !== 'undefined') {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    }

    const confirm = async () => {
      if (pending) return;
      setPending(true);
      setError(null);
      try {
        await onConfirm();
        setPending(false);
        setOpen(false);
      } catch (caught) {
        setPending(false);
        setError(describeError(caught, text, 'removal'));
      }
    };

    const title = isSelf ? text.leaveDialogTitle : text.removeDialogTitle;
    const description = isSelf
      ? text.leaveDialogDescription(organizationName)
      : text.removeDialogDescription(memberName, organizationName);
    const confirmLabel = isSelf
      ? pending
        ? text.leaving
        : text.leave
      : pending
        ? text.removing
        : text.remove;

    return (
      <Dialog.Root open={open} onOpenChange={(next) => (pending && !next ? undefined : setOpen(next))}>
        {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
        <Dialog.Portal container={container}>
          <Dialog.Overlay data-roster-slot="remove-member-dialog-overlay" className={classNames?.overlay} />
          <Dialog.Content
            role="alertdialog"
            {...contentProps}
            ref={ref}
            data-roster-slot="remove-member-dialog-content"
            data-pending={pending ? '' : undefined}
            className={joinClassNames(classNames?.content, className)}
            onOpenAutoFocus={(event) => {
              onOpenAutoFocus?.(event);
              if (event.defaultPrevented) return;
              event.preventDefault();
              cancelRef.current?.focus();
            }}
            onCloseAutoFocus={(event) => {
              onCloseAutoFocus?.(event);
              if (event.defaultPrevented) return;
              event.preventDefault();
              const target = returnFocusTo?.() ?? openerRef.current;
              openerRef.current = null;
              if (target?.isConnected) target.focus();
              else fallbackFocus?.()?.focus();
            }}
          >
            <Dialog.Title data-roster-slot="remove-member-dialog-title" className={classNames?.title}>
              {title}
            </Dialog.Title>
            <Dialog.Description
              data-roster-slot="remove-member-dialog-description"
              className={classNames?.description}
            >
              {description}
            </Dialog.Description>
            <DialogActions
              slotPrefix="remove-member-dialog"
              error={error}
              pending={pending}
              cancelLabel={text.cancel}
              cancelRef={cancelRef}
              primaryLabel={confirmLabel}
              primaryPart="confirm"
              onConfirm={confirm}
              destructive
              classNames={classNames}
            />
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    );
  },
);
