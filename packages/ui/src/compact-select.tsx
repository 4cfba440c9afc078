import * as Select from '@radix-ui/react-select';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { ChevronIcon } from './chevron-icon';
import { joinClassNames } from './join-class-names';
import { usePortalContainer } from './portal-container';

/** The parts of a {@link CompactSelect}; each gets its `data-roster-slot` from the caller. */
export type CompactSelectPart = 'trigger' | 'value' | 'icon' | 'content' | 'viewport' | 'item';

/** One choice of a {@link CompactSelect}: its value and the text shown for it. */
export interface CompactSelectOption {
  value: string;
  label: string;
}

/**
 * Props of {@link CompactSelect}. Other props go to the trigger button (Radix `Select.Trigger`),
 * so the caller gives it its accessible name (`aria-label`) and any `data-*` state.
 */
export interface CompactSelectProps
  extends Omit<
    ComponentPropsWithoutRef<typeof Select.Trigger>,
    'value' | 'defaultValue' | 'dir' | 'children'
  > {
  options: readonly CompactSelectOption[];
  value?: string | undefined;
  defaultValue?: string | undefined;
  onValueChange?: ((value: string) => void) | undefined;
  open?: boolean | undefined;
  defaultOpen?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
  name?: string | undefined;
  /** `data-roster-slot` per part; a missing one is `select-<part>`. */
  slots?: Partial<Record<CompactSelectPart, string>>;
  /** Classes per part. `className` goes to the trigger. */
  classNames?: Partial<Record<CompactSelectPart, string | undefined>> | undefined;
}

/**
 * The one Radix Select markup of the kit (trigger with value and chevron, a popper below it in the
 * portal container, one item per option), shared by the role select, the toolbar's filter and sort,
 * and the page-size choice so they look and behave alike. Internal: not in the barrel.
 */
export const CompactSelect = forwardRef<HTMLButtonElement, CompactSelectProps>(function CompactSelect(
  {
    options,
    value,
    defaultValue,
    onValueChange,
    open,
    defaultOpen,
    onOpenChange,
    name,
    disabled,
    slots,
    className,
    classNames,
    ...triggerProps
  },
  ref,
) {
  const container = usePortalContainer();
  return (
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
        {...triggerProps}
        ref={ref}
        data-roster-slot={slots?.trigger ?? 'select-trigger'}
        className={joinClassNames(classNames?.trigger, className)}
      >
        <Select.Value data-roster-slot={slots?.value ?? 'select-value'} className={classNames?.value} />
        <Select.Icon data-roster-slot={slots?.icon ?? 'select-icon'} className={classNames?.icon}>
          <ChevronIcon />
        </Select.Icon>
      </Select.Trigger>
      <Select.Portal container={container}>
        <Select.Content
          position="popper"
          sideOffset={4}
          data-roster-slot={slots?.content ?? 'select-content'}
          className={classNames?.content}
        >
          <Select.Viewport
            data-roster-slot={slots?.viewport ?? 'select-viewport'}
            className={classNames?.viewport}
          >
            {options.map((option) => (
              <Select.Item
                key={option.value}
                value={option.value}
                data-roster-slot={slots?.item ?? 'select-item'}
                className={classNames?.item}
              >
                <Select.ItemText>{option.label}</Select.ItemText>
              </Select.Item>
            ))}
          </Select.Viewport>
        </Select.Content>
      </Select.Portal>
    </Select.Root>
  );
});
