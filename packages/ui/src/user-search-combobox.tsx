import type { ListUsersParams, RequestOptions, User, Users } from '@roster/core';
import { isAbortError } from '@roster/core';
import { useEffect, useId, useRef, useState } from 'react';
import { describeError } from './describe-error';
import { useLocalization } from './localization';
import { getUserDisplayName, getUserEmail } from './user-display-name';

/** Props of {@link UserSearchCombobox}. */
export interface UserSearchComboboxProps {
  /** The input's id (for its `<label>`). */
  id: string;
  /** Searches users (the client's `listUsers`). */
  listUsers: (params: ListUsersParams, options?: RequestOptions) => Promise<Users>;
  /** Called with the picked user, or `null` when the text no longer names one. */
  onPick: (user: User | null) => void;
  /** Called when the suggestions open or close (a dialog uses it to keep Escape for the list). */
  onListOpenChange?: (open: boolean) => void;
  /** Called with the users a search found (`null` before the first answer and after a failure). */
  onResultsChange?: (users: readonly User[] | null) => void;
  /**
   * Why a user cannot be picked (e.g. "Already a member"), or `null`/`undefined` when they can. Such
   * a user is still listed (and reachable with the arrows, so the reason is read), marked
   * `aria-disabled` with the reason in the option's name, and cannot be picked.
   */
  unavailableReason?: (user: User) => string | null | undefined;
  /** The field has an error (`aria-invalid`). */
  invalid?: boolean;
  /** The id of the element describing the field (its error). */
  describedBy?: string | undefined;
  /** Typing pause before searching, in ms. Default 200. */
  debounceMs?: number;
  /** Classes per part. */
  classNames?: Partial<Record<'input' | 'options' | 'option', string>> | undefined;
}

/**
 * A user picker: a combobox (ARIA 1.2 pattern, list autocomplete) that searches users as you
 * type; arrows move, Enter picks, Escape closes the list.
 */
export function UserSearchCombobox({
  id,
  listUsers,
  onPick,
  onListOpenChange,
  onResultsChange,
  unavailableReason,
  invalid = false,
  describedBy,
  debounceMs = 200,
  classNames,
}: UserSearchComboboxProps) {
  const text = useLocalization();
  const listId = useId();
  const [input, setInput] = useState('');
  const [results, setResults] = useState<readonly User[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpenState] = useState(false);
  const [active, setActive] = useState(-1);
  const listUsersRef = useRef(listUsers);
  listUsersRef.current = listUsers;
  const textRef = useRef(text);
  textRef.current = text;
  const onListOpenChangeRef = useRef(onListOpenChange);
  onListOpenChangeRef.current = onListOpenChange;
  const onResultsChangeRef = useRef(onResultsChange);
  onResultsChangeRef.current = onResultsChange;

  const setOpen = (next: boolean) => {
    setOpenState(next);
    onListOpenChangeRef.current?.(next);
  };

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listUsersRef.current({ query: input.trim(), limit: 8 }, { signal: controller.signal }).then(
        (page) => {
          setFailure(null);
          setResults(page.data);
          setActive(page.data.length > 0 ? 0 : -1);
          onResultsChangeRef.current?.(page.data);
        },
        (error: unknown) => {
          // A search the next keystroke superseded is no failure; any other is said, not swallowed.
          if (isAbortError(error)) return;
          setResults(null);
          setFailure(describeError(error, textRef.current, 'add-member'));
          onResultsChangeRef.current?.(null);
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [input, open, debounceMs]);

  const pick = (user: User) => {
    if (unavailableReason?.(user)) return;
    setInput(getUserDisplayName(user));
    setOpen(false);
    onPick(user);
  };

  const options = open ? (results ?? []) : [];
  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={text.userSearchPlaceholder}
        value={input}
        onChange={(event) => {
          setInput(event.target.value);
          setOpen(true);
          onPick(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            if (!open) setOpen(true);
            else if (options.length > 0) setActive((active + 1) % options.length);
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            if (options.length > 0) setActive((active - 1 + options.length) % options.length);
          } else if (event.key === 'Enter' && open && active >= 0) {
            const user = options[active];
            if (user) {
              // Enter on an unavailable user does nothing (and does not submit the form).
              event.preventDefault();
              pick(user);
            }
          } else if (event.key === 'Escape' && open) {
            setOpen(false);
          }
        }}
        data-roster-slot="add-member-dialog-input"
        className={classNames?.input}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={text.userSearchLabel}
        hidden={options.length === 0}
        data-roster-slot="add-member-dialog-options"
        className={classNames?.options}
      >
        {options.map((user, index) => {
          const reason = unavailableReason?.(user) || null;
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard (aria-activedescendant)
            <div
              key={user.id}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              aria-disabled={reason ? true : undefined}
              data-highlighted={index === active ? '' : undefined}
              data-disabled={reason ? '' : undefined}
              data-roster-slot="add-member-dialog-option"
              className={classNames?.option}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(user)}
            >
              {getUserDisplayName(user)}
              {getUserEmail(user) && getUserEmail(user) !== getUserDisplayName(user) && (
                <span data-roster-slot="add-member-dialog-option-detail"> · {getUserEmail(user)}</span>
              )}
              {reason && <span data-roster-slot="add-member-dialog-option-status"> · {reason}</span>}
            </div>
          );
        })}
      </div>
      {failure !== null && (
        <p role="alert" data-roster-slot="add-member-dialog-options-error">
          {text.userSearchFailed(failure)}
        </p>
      )}
      {open && results !== null && results.length === 0 && input.trim() !== '' && (
        <p role="status" data-roster-slot="add-member-dialog-options-empty">
          {text.userSearchNoResults}
        </p>
      )}
    </>
  );
}
