import * as Dialog from '@radix-ui/react-dialog';
import type { OrganizationInvitation } from '@roster/core';
import { useInviteMembers, useOrganizationMemberships, useOrganizationRoles } from '@roster/react';
import {
  type ClipboardEvent,
  type ComponentPropsWithoutRef,
  type FormEvent,
  forwardRef,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useAnnounce } from './announcer';
import { describeError } from './describe-error';
import { DialogActions } from './dialog-actions';
import { joinClassNames } from './join-class-names';
import { type RosterLocalizationOverrides, useLocalization } from './localization';
import {
  type EmailEntry,
  findEmailIssues,
  isEmailLike,
  parseEmailList,
  splitTypedEmails,
} from './parse-email-list';
import { usePortalContainer } from './portal-container';
import { RoleSelect } from './role-select';
import { useControllableState } from './use-controllable-state';

/** The parts of {@link InviteMembersDialog}, stamped `data-roster-slot="invite-members-dialog-<slot>"`. */
export type InviteMembersDialogSlot =
  | 'trigger'
  | 'overlay'
  | 'content'
  | 'title'
  | 'description'
  | 'field'
  | 'label'
  | 'input'
  | 'field-error'
  | 'entries'
  | 'entry'
  | 'entry-email'
  | 'entry-issue'
  | 'entry-remove'
  | 'error'
  | 'actions'
  | 'cancel'
  | 'submit';

/** Props of {@link InviteMembersDialog}. Other props go to the dialog content. */
export interface InviteMembersDialogProps
  extends Omit<ComponentPropsWithoutRef<typeof Dialog.Content>, 'children'> {
  /** The organization to invite people to. */
  organizationId: string;
  /** Said in the description. */
  organizationName?: string | undefined;
  /** The role preselected. Default `org:member`. */
  defaultRole?: string;
  /** Open state (controlled). */
  open?: boolean;
  /** Initial open state (uncontrolled). */
  defaultOpen?: boolean;
  /** Called when the dialog opens or closes (not while sending). */
  onOpenChange?: (open: boolean) => void;
  /** Your own trigger (rendered with `asChild`); default: an "Invite members" button. `null` renders none. */
  trigger?: ReactNode;
  /** Called with the invitations the server created (after each send, also a partial one). */
  onInvited?: (invitations: OrganizationInvitation[]) => void;
  /** Classes per part. `className` goes to the dialog content. */
  classNames?: Partial<Record<InviteMembersDialogSlot, string>>;
  /** Strings for this dialog alone, over the provider's. */
  localization?: RosterLocalizationOverrides;
}

/** The most addresses checked against the member list in one request. */
const MEMBER_CHECK_LIMIT = 100;

/**
 * Invites people by email: a field that takes many addresses (typed with commas, spaces or new
 * lines, or a pasted list or CSV column), each shown as a line with its problem (not an address,
 * listed twice, already a member) and a remove button; a role; Send invitations. Addresses that the
 * server refuses stay listed with its reason, the others are sent.
 */
export const InviteMembersDialog = /* @__PURE__ */ forwardRef<HTMLDivElement, InviteMembersDialogProps>(
  function InviteMembersDialog(
    {
      organizationId,
      organizationName,
      defaultRole = 'org:member',
      open: openProp,
      defaultOpen = false,
      onOpenChange,
      trigger,
      onInvited,
      className,
      classNames,
      localization,
      ...contentProps
    },
    ref,
  ) {
    const text = useLocalization(localization);
    const container = usePortalContainer();
    const announce = useAnnounce();
    const roles = useOrganizationRoles().data ?? [];
    const invite = useInviteMembers(organizationId);
    const [open, setOpenState] = useControllableState(
      openProp,
      defaultOpen,
      onOpenChange,
      'InviteMembersDialog (open)',
    );
    const [draft, setDraft] = useState('');
    const [entries, setEntries] = useState<EmailEntry[]>([]);
    // Server refusals, by lower-cased address.
    const [refusals, setRefusals] = useState<Map<string, string>>(() => new Map());
    const [role, setRole] = useState(defaultRole);
    const [pending, setPending] = useState(false);
    const [fieldError, setFieldError] = useState<string | null>(null);
    const [summary, setSummary] = useState<string | null>(null);
    const fieldId = useId();
    // The description says how to give many addresses: it describes the field too.
    const hintId = useId();
    const fieldErrorId = useId();

    const toCheck = useMemo(
      () =>
        [...new Set(entries.filter((entry) => isEmailLike(entry.value)).map((entry) => entry.key))].slice(
          0,
          MEMBER_CHECK_LIMIT,
        ),
      [entries],
    );
    const members = useOrganizationMemberships({
      organizationId: open && toCheck.length > 0 ? organizationId : null,
      emailAddress: toCheck,
      pageSize: MEMBER_CHECK_LIMIT,
    });
    const memberEmails = useMemo(() => {
      const emails = new Set<string>();
      for (const member of members.data ?? []) {
        const identifier = member.publicUserData?.identifier;
        if (identifier) emails.add(identifier.toLowerCase());
      }
      return emails;
    }, [members.data]);
    const issues = findEmailIssues(entries, memberEmails);

    const reset = () => {
      setDraft('');
      setEntries([]);
      setRefusals(new Map());
      setRole(defaultRole);
      setFieldError(null);
      setSummary(null);
    };

    const setOpen = (next: boolean) => {
      if (!next) reset();
      setOpenState(next);
    };

    const add = (added: EmailEntry[]) => {
      if (added.length === 0) return;
      setEntries((previous) => [...previous, ...added]);
      setFieldError(null);
    };

    const commitDraft = (): EmailEntry[] => {
      const added = parseEmailList(draft);
      setDraft('');
      add(added);
      return added;
    };

    const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
      const pasted = event.clipboardData.getData('text');
      if (!pasted) return;
      event.preventDefault();
      // What was typed before the paste, then the paste, read as one list (a CSV keeps its columns).
      add([...parseEmailList(draft), ...parseEmailList(pasted)]);
      setDraft('');
    };

    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
        event.preventDefault();
        commitDraft();
      }
    };

    // After a remove button removed its line, focus goes to the next line's button (else the field).
    const listRef = useRef<HTMLUListElement>(null);
    const fieldRef = useRef<HTMLTextAreaElement>(null);
    const focusAfterRemove = useRef<number | null>(null);
    // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each change of the lines.
    useEffect(() => {
      const index = focusAfterRemove.current;
      if (index === null) return;
      focusAfterRemove.current = null;
      const buttons = listRef.current?.querySelectorAll('button');
      const target = buttons?.[Math.min(index, buttons.length - 1)] ?? fieldRef.current;
      target?.focus();
    }, [entries]);

    const remove = (index: number) => {
      focusAfterRemove.current = index;
      setEntries((previous) => previous.filter((_, at) => at !== index));
    };

    const submit = async (event: FormEvent) => {
      event.preventDefault();
      if (pending) return;
      const all = [...entries, ...parseEmailList(draft)];
      setDraft('');
      setEntries(all);
      const allIssues = findEmailIssues(all, memberEmails);
      const toSend = all.filter((_, index) => allIssues[index] === undefined).map((entry) => entry.value);
      if (toSend.length === 0) {
        setFieldError(text.emailsRequired);
        return;
      }
      setPending(true);
      setFieldError(null);
      setSummary(null);
      try {
        const { invited, failed } = await invite.trigger({ emailAddresses: toSend, role });
        setPending(false);
        if (invited.length > 0) onInvited?.(invited);
        const sent = new Set(invited.map((invitation) => invitation.emailAddress.toLowerCase()));
        const nextRefusals = new Map<string, string>();
        for (const failure of failed) {
          nextRefusals.set(failure.emailAddress.toLowerCase(), describeError(failure.error, text, 'invite'));
        }
        if (invited.length > 0) {
          announce(text.invitationsSent(invited.length, invited[0]?.emailAddress ?? ''));
        }
        const remaining = all.filter((entry) => !sent.has(entry.key));
        if (remaining.length === 0) {
          setOpen(false);
          return;
        }
        // Sent addresses leave the list; refused and flagged ones stay, with their reasons.
        setEntries(remaining);
        setRefusals(nextRefusals);
        if (failed.length > 0) setSummary(text.inviteFailed(invited.length, failed.length));
      } catch (error) {
        setPending(false);
        setSummary(describeError(error, text, 'invite'));
      }
    };

    const slot = (part: InviteMembersDialogSlot) => ({
      'data-roster-slot': `invite-members-dialog-${part}`,
      className: classNames?.[part],
    });
    const invalid = fieldError !== null;
    const describedBy = [hintId, invalid ? fieldErrorId : ''].filter(Boolean).join(' ');

    return (
      <Dialog.Root open={open} onOpenChange={(next) => (pending && !next ? undefined : setOpen(next))}>
        {trigger !== null && (
          <Dialog.Trigger asChild>
            {trigger ?? (
              <button type="button" {...slot('trigger')}>
                {text.inviteMembers}
              </button>
            )}
          </Dialog.Trigger>
        )}
        <Dialog.Portal container={container}>
          <Dialog.Overlay {...slot('overlay')} />
          <Dialog.Content
            {...contentProps}
            ref={ref}
            aria-describedby={hintId}
            data-roster-slot="invite-members-dialog-content"
            data-pending={pending ? '' : undefined}
            className={joinClassNames(classNames?.content, className)}
          >
            <Dialog.Title {...slot('title')}>{text.inviteMembers}</Dialog.Title>
            <Dialog.Description id={hintId} {...slot('description')}>
              {text.inviteMembersDescription(organizationName ?? '')}
            </Dialog.Description>
            <form onSubmit={submit} noValidate style={{ display: 'contents' }}>
              <div
                data-roster-slot="invite-members-dialog-field"
                data-invalid={invalid ? '' : undefined}
                className={classNames?.field}
              >
                <label htmlFor={fieldId} {...slot('label')}>
                  {text.emailAddressesLabel}
                </label>
                <textarea
                  ref={fieldRef}
                  id={fieldId}
                  rows={3}
                  autoComplete="off"
                  spellCheck={false}
                  value={draft}
                  onChange={(event) => {
                    const { entries: finished, rest } = splitTypedEmails(event.target.value);
                    add(finished);
                    setDraft(rest);
                  }}
                  onPaste={onPaste}
                  onKeyDown={onKeyDown}
                  onBlur={commitDraft}
                  aria-invalid={invalid || undefined}
                  aria-describedby={describedBy}
                  {...slot('input')}
                />
                {fieldError && (
                  <p id={fieldErrorId} {...slot('field-error')}>
                    {fieldError}
                  </p>
                )}
              </div>
              {entries.length > 0 && (
                <ul ref={listRef} aria-label={text.emailListLabel(entries.length)} {...slot('entries')}>
                  {entries.map((entry, index) => {
                    const issue = issues[index];
                    const problem = issue ? text.emailIssue(issue) : refusals.get(entry.key);
                    return (
                      <li
                        // Entries have no ID; the same address may be listed twice on purpose (flagged).
                        // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity.
                        key={`${index}:${entry.key}`}
                        data-roster-slot="invite-members-dialog-entry"
                        data-issue={issue ?? (refusals.has(entry.key) ? 'refused' : undefined)}
                        className={classNames?.entry}
                      >
                        <span {...slot('entry-email')}>{entry.value}</span>
                        {problem && <span {...slot('entry-issue')}>{problem}</span>}
                        <button
                          type="button"
                          aria-label={text.removeEmail(entry.value)}
                          onClick={() => remove(index)}
                          disabled={pending}
                          {...slot('entry-remove')}
                        >
                          <span aria-hidden="true">×</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
              <div {...slot('field')}>
                <span {...slot('label')}>{text.roleLabel}</span>
                <RoleSelect
                  roles={roles}
                  memberName=""
                  aria-label={text.roleLabel}
                  value={role}
                  onValueChange={setRole}
                />
              </div>
              <DialogActions
                slotPrefix="invite-members-dialog"
                error={summary}
                pending={pending}
                cancelLabel={text.cancel}
                primaryLabel={pending ? text.sendingInvitations : text.sendInvitations}
                primaryPart="submit"
                classNames={classNames}
              />
            </form>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    );
  },
);
