import type * as Select from '@radix-ui/react-select';
import { type ComponentPropsWithoutRef, forwardRef, useId, useMemo } from 'react';
import { CompactSelect, type CompactSelectOption, type SelectPartProps } from './compact-select';
import { joinClassNames } from './join-class-names';
import { LazyCompactSelect } from './lazy-compact-select';
import { type RosterLocalization, type RosterLocalizationOverrides, useLocalization } from './localization';
import { visuallyHidden } from './visually-hidden';

/** The parts of a {@link RoleSelect}, each stamped `data-roster-slot="role-select-<slot>"`. */
export type RoleSelectSlot =
  | 'trigger'
  | 'value'
  | 'icon'
  | 'content'
  | 'viewport'
  | 'item'
  | 'item-description'
  | 'reason';

/** A role as the select needs it: its key (the value), its display name and its description. */
export interface RoleSelectOption {
  /** The role key (the value), e.g. `org:admin`. */
  key: string;
  /** The role's display name, e.g. `Admin`. */
  name: string;
  /**
   * What the role may do (a `Role`'s `description` from the server), shown under the name in the
   * list of roles and as the option's accessible description; the trigger shows the name alone.
   */
  description?: string | null | undefined;
}

/**
 * Props of {@link RoleSelect}. Other props go to the trigger button (Radix `Select.Trigger`);
 * `contentProps`, `itemProps`, ... go to the other Radix parts (see {@link SelectPartProps}).
 */
export interface RoleSelectProps
  extends SelectPartProps,
    Omit<ComponentPropsWithoutRef<typeof Select.Trigger>, 'value' | 'defaultValue' | 'dir'> {
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
  /** Whether the list of roles is open (controlled). */
  open?: boolean;
  /** Whether the list of roles is open at first (uncontrolled). */
  defaultOpen?: boolean;
  /** Called when the list of roles opens or closes. */
  onOpenChange?: (open: boolean) => void;
  /** A form field name, for use in a native form. */
  name?: string;
  /** Classes per part. `className` goes to the trigger. */
  classNames?: Partial<Record<RoleSelectSlot, string>>;
  /** Strings for this select alone, over the provider's. */
  localization?: RosterLocalizationOverrides;
  /**
   * Render only the trigger's markup (a plain button with Radix's closed-trigger attributes, slots
   * and classes) and mount the Radix Select in its place, open, when the user reaches for it: a
   * mouse press (touch and pen: the click), or Enter, Space, ArrowUp or ArrowDown on the focused
   * trigger; type-ahead on the closed trigger picks a role without mounting it. Once mounted it
   * stays. The trigger element is replaced on that first use (`ref` follows; a test should query
   * it again). When it closes (uncontrolled `open`), the popover is hidden at once and removed after
   * the next paint. What the member list's rows use: a Radix Select per row is most of a page's
   * render cost. Ignored with `name` (a form field needs Radix's hidden native select). Default
   * `false`.
   */
  lazy?: boolean;
}

/**
 * Roles as select options: the key as the value, the locale's name (`roleName`) as the label, the
 * role's description (internal: `RoleSelect` and the bulk bar's role select).
 */
export function roleOptions(
  roles: readonly RoleSelectOption[],
  text: Pick<RosterLocalization, 'roleName'>,
): CompactSelectOption[] {
  return roles.map((role) => ({
    value: role.key,
    label: text.roleName(role.key, role.name),
    description: role.description,
  }));
}

/**
 * A member's role, as a Radix Select of the organization's roles: the role name shown (through
 * `localization.roleName`, so a locale names the built-in roles), the key as the value. When the viewer may not change it, it is disabled and says why.
 */
export const RoleSelect = /* @__PURE__ */ forwardRef<HTMLButtonElement, RoleSelectProps>(function RoleSelect(
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
    lazy = false,
    ...triggerProps
  },
  ref,
) {
  const text = useLocalization(localization);
  const reasonId = useId();
  const current = value ?? defaultValue;
  const known = current === undefined || roles.some((role) => role.key === current);
  // Memoized: a member-list row renders one RoleSelect, and re-renders it with the same roles.
  const options = useMemo(
    () =>
      roleOptions(
        known || current === undefined ? roles : [...roles, { key: current, name: valueName ?? current }],
        text,
      ),
    [roles, known, current, valueName, text],
  );
  const showReason = Boolean(disabled && disabledReason);
  const describedBy = joinClassNames(triggerProps['aria-describedby'], showReason && reasonId);

  const Control = lazy ? LazyCompactSelect : CompactSelect;

  return (
    <>
      <Control
        options={options}
        value={value}
        defaultValue={defaultValue}
        onValueChange={onValueChange}
        open={open}
        defaultOpen={defaultOpen}
        onOpenChange={onOpenChange}
        name={name}
        disabled={disabled}
        aria-label={text.roleFor(memberName)}
        {...triggerProps}
        {...(describedBy && { 'aria-describedby': describedBy })}
        ref={ref}
        data-pending={pending ? '' : undefined}
        slotPrefix="role-select"
        className={className}
        classNames={classNames}
      />
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
