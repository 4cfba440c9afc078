import * as Dialog from '@radix-ui/react-dialog';
import type { Ref } from 'react';

/** The parts of {@link DialogActions}, stamped `data-roster-slot="<slotPrefix>-<part>"`. */
export type DialogActionsPart = 'error' | 'actions' | 'cancel' | 'submit' | 'confirm';

/** Props of {@link DialogActions}. */
export interface DialogActionsProps {
  /** The dialog's slot prefix (`add-member-dialog`, `remove-member-dialog`). */
  slotPrefix: string;
  /** The server's error, in words, shown as an alert above the buttons. */
  error: string | null;
  /** A request is running: Cancel is disabled and the primary button marked `data-pending`. */
  pending: boolean;
  cancelLabel: string;
  cancelRef?: Ref<HTMLButtonElement>;
  /** The primary button's text. */
  primaryLabel: string;
  /** The primary button's part: `submit` submits the dialog's form, `confirm` calls `onConfirm`. */
  primaryPart: 'submit' | 'confirm';
  onConfirm?: () => void;
  /** The primary action cannot be undone (`data-variant="destructive"`). */
  destructive?: boolean;
  classNames?: Partial<Record<DialogActionsPart, string>> | undefined;
}

/**
 * The end of the kit's dialogs: the error alert, Cancel (closes the dialog, disabled while
 * pending) and the primary button (`aria-disabled` while pending, so it keeps focus).
 */
export function DialogActions({
  slotPrefix,
  error,
  pending,
  cancelLabel,
  cancelRef,
  primaryLabel,
  primaryPart,
  onConfirm,
  destructive = false,
  classNames,
}: DialogActionsProps) {
  return (
    <>
      {error && (
        <p role="alert" data-roster-slot={`${slotPrefix}-error`} className={classNames?.error}>
          {error}
        </p>
      )}
      <div data-roster-slot={`${slotPrefix}-actions`} className={classNames?.actions}>
        <Dialog.Close asChild>
          <button
            ref={cancelRef}
            type="button"
            disabled={pending}
            data-roster-slot={`${slotPrefix}-cancel`}
            className={classNames?.cancel}
          >
            {cancelLabel}
          </button>
        </Dialog.Close>
        <button
          type={primaryPart === 'submit' ? 'submit' : 'button'}
          onClick={onConfirm}
          aria-disabled={pending || undefined}
          data-pending={pending ? '' : undefined}
          data-variant={destructive ? 'destructive' : undefined}
          data-roster-slot={`${slotPrefix}-${primaryPart}`}
          className={classNames?.[primaryPart]}
        >
          {primaryLabel}
        </button>
      </div>
    </>
  );
}
