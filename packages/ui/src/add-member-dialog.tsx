import * as Dialog from '@radix-ui/react-dialog';
import { isRosterApiError, MAX_FILTER_VALUES, type OrganizationMembership, type User } from '@roster/core';
import {
  useCreateMembership,
  useOrganizationMemberships,
  useOrganizationRoles,
  useRoster,
} from '@roster/react';
import {
  type ComponentPropsWithoutRef,
  type FormEvent,
  forwardRef,
  type ReactNode,
  useId,
  useMemo,
  useState,
} from 'react';
import { useAnnounce } from './announcer';
import { describeError } from './describe-error';
import { DialogActions } from './dialog-actions';
import { joinClassNames } from './join-class-names';
import { type RosterLocalizationOverrides, useLocalization } from './localization';
import { getMemberDisplayName } from './member-display-name';
import { usePortalContainer } from './portal-container';
import { RoleSelect } from './role-select';
import { useControllableState } from './use-controllable-state';
import { getUserDisplayName } from './user-display-name';
import { UserSearchCombobox } from './user-search-combobox';

/** The parts of {@link AddMemberDialog}, stamped `data-roster-slot="add-member-dialog-<slot>"`. */
export type AddMemberDialogSlot =
  | 'trigger'
  | 'overlay'
  | 'content'
  | 'title'
  | 'description'
  | 'field'
  | 'label'
  | 'input'
  | 'field-error'
  | 'options'
  | 'option'
  | 'error'
  | 'actions'
  | 'cancel'
  | 'submit';

/** Props of {@link AddMemberDialog}. Other props go to the dialog content. */
export interface AddMemberDialogProps
  extends Omit<ComponentPropsWithoutRef<typeof Dialog.Content>, 'children'> {
  /** The organization the member is added to. */
  organizationId: string;
  /** Said in the description. */
  organizationName?: string | undefined;
  /** The role preselected. Default `org:member`. */
  defaultRole?: string;
  /** Open state (controlled). */
  open?: boolean;
  /** Initial open state (uncontrolled). */
  defaultOpen?: boolean;
  /** Called when the dialog opens or closes (not while the request is pending). */
  onOpenChange?: (open: boolean) => void;
  /** Your own trigger (rendered with `asChild`); default: an "Add member" button. `null` renders none. */
  trigger?: ReactNode;
  /** Called with the new membership once the server has created it. */
  onAdded?: (membership: OrganizationMembership) => void;
  /** Classes per part. `className` goes to the dialog content. */
  classNames?: Partial<Record<AddMemberDialogSlot, string>>;
  /** Strings for this dialog alone, over the provider's. */
  localization?: RosterLocalizationOverrides;
}

/** Error codes that are about the user field, shown on it rather than above the buttons. */
const USER_FIELD_CODES = new Set(['already_a_member_in_organization', 'resource_not_found']);

/**
 * Adds a member: a user (picked by search when the client can search users, else typed as a user
 * ID) and a role. Errors about the user ("already a member", unknown user) are shown on the field.
 */
export const AddMemberDialog = /* @__PURE__ */ forwardRef<HTMLDivElement, AddMemberDialogProps>(
  function AddMemberDialog(
    {
      organizationId,
      organizationName,
      defaultRole = 'org:member',
      open: openProp,
      defaultOpen = false,
      onOpenChange,
      trigger,
      onAdded,
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
    const { client, canSearchUsers } = useRoster();
    const roles = useOrganizationRoles().data ?? [];
    const create = useCreateMembership(organizationId);
    const [open, setOpenState] = useControllableState(
      openProp,
      defaultOpen,
      onOpenChange,
      'AddMemberDialog (open)',
    );
    const [userId, setUserId] = useState('');
    const [pickedUser, setPickedUser] = useState<User | null>(null);
    const [role, setRole] = useState(defaultRole);
    const [pending, setPending] = useState(false);
    const [fieldError, setFieldError] = useState<string | null>(null);
    const [formError, setFormError] = useState<string | null>(null);
    const [searchListOpen, setSearchListOpen] = useState(false);
    const [foundUserIds, setFoundUserIds] = useState<string[]>([]);
    // Which of the users the search shows are members already: one request per set of results.
    const memberCheck = useOrganizationMemberships({
      organizationId: open && foundUserIds.length > 0 ? organizationId : null,
      userId: foundUserIds,
      pageSize: MAX_FILTER_VALUES,
      prefetchNextPage: false,
    });
    const memberUserIds = useMemo(
      () => new Set(memberCheck.data.map((membership) => membership.publicUserData?.userId)),
      [memberCheck.data],
    );
    const fieldId = useId();
    const fieldErrorId = useId();

    const setOpen = (next: boolean) => {
      if (!next) {
        setUserId('');
        setPickedUser(null);
        setRole(defaultRole);
        setFieldError(null);
        setFormError(null);
        setFoundUserIds([]);
      }
      setOpenState(next);
    };

    const submit = async (event: FormEvent) => {
      event.preventDefault();
      if (pending) return;
      const id = userId.trim();
      if (!id) {
        setFieldError(text.userRequired);
        return;
      }
      setPending(true);
      setFieldError(null);
      setFormError(null);
      try {
        const membership = await create.trigger({ userId: id, role });
        setPending(false);
        announce(
          text.memberAdded(
            membership.publicUserData
              ? getMemberDisplayName(membership)
              : pickedUser
                ? getUserDisplayName(pickedUser)
                : id,
          ),
        );
        onAdded?.(membership);
        setOpen(false);
      } catch (error) {
        setPending(false);
        const message = describeError(error, text, 'add-member');
        const code = isRosterApiError(error) ? error.code : undefined;
        const param = isRosterApiError(error) ? error.errors[0]?.meta?.paramName : undefined;
        if ((code && USER_FIELD_CODES.has(code)) || param === 'user_id') setFieldError(message);
        else setFormError(message);
      }
    };

    const fieldLabel = canSearchUsers ? text.userSearchLabel : text.userIdLabel;
    const invalid = fieldError !== null;

    return (
      <Dialog.Root open={open} onOpenChange={(next) => (pending && !next ? undefined : setOpen(next))}>
        {trigger !== null && (
          <Dialog.Trigger asChild>
            {trigger ?? (
              <button
                type="button"
                data-roster-slot="add-member-dialog-trigger"
                className={classNames?.trigger}
              >
                {text.addMember}
              </button>
            )}
          </Dialog.Trigger>
        )}
        <Dialog.Portal container={container}>
          <Dialog.Overlay data-roster-slot="add-member-dialog-overlay" className={classNames?.overlay} />
          <Dialog.Content
            {...contentProps}
            ref={ref}
            data-roster-slot="add-member-dialog-content"
            data-pending={pending ? '' : undefined}
            className={joinClassNames(classNames?.content, className)}
            onEscapeKeyDown={(event) => {
              contentProps.onEscapeKeyDown?.(event);
              // Escape closes the open suggestions first, then the dialog.
              if (searchListOpen) event.preventDefault();
            }}
          >
            <Dialog.Title data-roster-slot="add-member-dialog-title" className={classNames?.title}>
              {text.addMember}
            </Dialog.Title>
            <Dialog.Description
              data-roster-slot="add-member-dialog-description"
              className={classNames?.description}
            >
              {text.addMemberDescription(organizationName ?? '')}
            </Dialog.Description>
            <form onSubmit={submit} noValidate style={{ display: 'contents' }}>
              <div
                data-roster-slot="add-member-dialog-field"
                data-invalid={invalid ? '' : undefined}
                className={classNames?.field}
              >
                <label
                  htmlFor={fieldId}
                  data-roster-slot="add-member-dialog-label"
                  className={classNames?.label}
                >
                  {fieldLabel}
                </label>
                {canSearchUsers && client.listUsers ? (
                  <UserSearchCombobox
                    id={fieldId}
                    listUsers={client.listUsers.bind(client)}
                    invalid={invalid}
                    describedBy={invalid ? fieldErrorId : undefined}
                    onListOpenChange={setSearchListOpen}
                    onResultsChange={(users) =>
                      setFoundUserIds((users ?? []).slice(0, MAX_FILTER_VALUES).map((found) => found.id))
                    }
                    unavailableReason={(found) => (memberUserIds.has(found.id) ? text.alreadyMember : null)}
                    onPick={(user) => {
                      setPickedUser(user);
                      setUserId(user?.id ?? '');
                      setFieldError(null);
                    }}
                    classNames={classNames}
                  />
                ) : (
                  <input
                    id={fieldId}
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder={text.userIdPlaceholder}
                    value={userId}
                    onChange={(event) => {
                      setUserId(event.target.value);
                      setFieldError(null);
                    }}
                    aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? fieldErrorId : undefined}
                    data-roster-slot="add-member-dialog-input"
                    className={classNames?.input}
                  />
                )}
                {fieldError && (
                  <p
                    id={fieldErrorId}
                    data-roster-slot="add-member-dialog-field-error"
                    className={classNames?.['field-error']}
                  >
                    {fieldError}
                  </p>
                )}
              </div>
              <div data-roster-slot="add-member-dialog-field" className={classNames?.field}>
                <span data-roster-slot="add-member-dialog-label" className={classNames?.label}>
                  {text.roleLabel}
                </span>
                <RoleSelect
                  roles={roles}
                  memberName=""
                  aria-label={text.roleLabel}
                  value={role}
                  onValueChange={setRole}
                />
              </div>
              <DialogActions
                slotPrefix="add-member-dialog"
                error={formError}
                pending={pending}
                cancelLabel={text.cancel}
                primaryLabel={pending ? text.adding : text.add}
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
