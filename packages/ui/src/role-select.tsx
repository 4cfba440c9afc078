import * as Select from '@radix-ui/react-select';
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react';
import { ChevronIcon } from './chevron-icon';
import { joinClassNames } from './join-class-names';
import { type RosterLocalizationOverrides, useLocalization } from './localization';
import { usePortalContainer } from './portal-container';
import { visuallyHidden } from './visually-hidden';

/** The parts of a {@link RoleSelect}, each stamped `data-roster-slot="role-select-<slot>"`. */
export type RoleSelectSlot = 'trigger' | 'value' | 'icon' | 'content' | 'viewport' | 'item' | 'reason';

/** A role as the select needs it: its key (the value) and its display name. */
export interface RoleSelectOption {
  key: string;
  name: string;
}

/** Props of {@link RoleSelect}. Other props go to the trigger button (Radix `Select.Trigger`). */
export interface RoleSelectProps
  extends Omit<ComponentPropsWithoutRef<typeof Select.Trigger>, 'value' | 'defaultValue' | 'dir'> {
  /** The organization's roles, in display order. */
  roles: readonly RoleSelectOption[];
  /** The selected role key (controlled). */
  value?: string;
  /** The initially selected role key (uncontrolled). */
  defaultValue?: string;
  /** Called with the chosen role key. */
  onValueChange?: (roleKey: string) => void;
  /**
   * The display name of the current role when it is not in `roles` (e.g. the membership's
   * `roleName`), so an unknown role shows by its name instead of blank.
   */
  valueName?: string | undefined;
  /** The member's name, for the accessible name `Role for {name}`. */
  memberName: string;
  /** Why the select is disabled (the policy's reason, in words), exposed with `aria-describedby`. */
  disabledReason?: string | null | undefined;
  /** Marks the select as waiting for the server (`data-pending`); it stays usable. */
  pending?: boolean;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** A form field name, for use in a native form. */
  name?: string;
  /** Classes per part. `className` goes to the trigger. */
  classNames?: Partial<Record<RoleSelectSlot, string>>;
  localization?: RosterLocalizationOverrides;
}

/**
 * A member's role, as a Radix Select of the organization's roles: the role name shown, the key as
 * the value. When the viewer may not change it, it is disabled and says why.
 */
export const RoleSelect = forwardRef<HTMLButtonElement, RoleSelectProps>(function RoleSelect(
  {
    roles,
    value,
    defaultValue,
    onValueChange,
    valueName,
    memberName,
    disabled,
    disabledReason,
    pending = false,
    open,
    defaultOpen,
    onOpenChange,
    name,
    className,
    classNames,
    localization,
    ...triggerProps
  },
  ref,
) {
  const text = useLocalization(localization);
  const container = usePortalContainer();
  const reasonId = useId();
  const current = value ?? defaultValue;
  const known = current === undefined || roles.some((role) => role.key === current);
  const options: readonly RoleSelectOption[] =
    known || current === undefined ? roles : [...roles, { key: current, name: valueName ?? current }];
  const showReason = Boolean(disabled && disabledReason);
  const describedBy = joinClassNames(triggerProps['aria-describedby'], showReason && reasonId);

  return (
    <>
      <Select.Root
        {...(value !== undefined && { value })}
        {...(defaultValue !== undefined && { defaultValue })}
        {...(onValueChange && { onValueChange })}
        {...(open !== undefined && { open })}
        {...(defaultOpen !== undefined && { defaultOpen })}
        {...(onOpenChange && { onOpenChange })}
        {...(name !== undefined && { name })}
        {...(disabled !== undefined && { disabled })}
      >
        <Select.Trigger
          aria-label={text.roleFor(memberName)}
          {...triggerProps}
          {...(describedBy && { 'aria-describedby': describedBy })}
          ref={ref}
          data-roster-slot="role-select-trigger"
          data-pending={pending ? '' : undefined}
          className={joinClassNames(classNames?.trigger, className)}
        >
          <Select.Value data-roster-slot="role-select-value" className={classNames?.value} />
          <Select.Icon data-roster-slot="role-select-icon" className={classNames?.icon}>
            <ChevronIcon />
          </Select.Icon>
        </Select.Trigger>
        <Select.Portal container={container}>
          <Select.Content
            position="popper"
            sideOffset={4}
            data-roster-slot="role-select-content"
            className={classNames?.content}
          >
            <Select.Viewport data-roster-slot="role-select-viewport" className={classNames?.viewport}>
              {options.map((role) => (
                <Select.Item
                  key={role.key}
                  value={role.key}
                  data-roster-slot="role-select-item"
                  className={classNames?.item}
                >
                  <Select.ItemText>{role.name}</Select.ItemText>
                </Select.Item>
              ))}
            </Select.Viewport>
          </Select.Content>
        </Select.Portal>
      </Select.Root>
      {showReason && (
        <span
          id={reasonId}
          data-roster-slot="role-select-reason"
          className={classNames?.reason}
          style={visuallyHidden}
        >
          {disabledReason}
        </span>
      )}
    </>
  );
});
