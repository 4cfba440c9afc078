import * as Select from '@radix-ui/react-select';
import { type ComponentPropsWithoutRef, forwardRef, memo, type Ref, useId } from 'react';
import { ChevronIcon } from './chevron-icon';
import { joinClassNames } from './join-class-names';
import { usePortalContainer } from './portal-container';

/** The parts of a {@link CompactSelect}, each stamped `data-roster-slot="<slotPrefix>-<part>"`. */
export type CompactSelectPart =
  | 'trigger'
  | 'value'
  | 'icon'
  | 'content'
  | 'viewport'
  | 'item'
  | 'item-description';

/** One choice of a {@link CompactSelect}: its value and the text shown for it. */
export interface CompactSelectOption {
  /** The option's value. */
  value: string;
  /** The text shown for it (also its accessible name). */
  label: string;
  /**
   * Secondary text shown under the label in the popover (not in the trigger), and the option's
   * accessible description (`aria-describedby`). None when absent or empty.
   */
  description?: string | null | undefined;
}

/**
 * Props passed through to the Radix Select parts a select renders, as shadcn's `select.tsx` does:
 * your `className` is added to ours and your attributes win over our defaults (`position`,
 * `sideOffset`), but not over `data-roster-slot`. Handlers are yours alone (ours are none).
 */
export interface SelectPartProps {
  /** Props for Radix `Select.Value` (e.g. `placeholder`). */
  valueProps?: Omit<ComponentPropsWithoutRef<typeof Select.Value>, 'children'> | undefined;
  /** Props for Radix `Select.Icon` (the chevron's wrapper). */
  iconProps?: Omit<ComponentPropsWithoutRef<typeof Select.Icon>, 'children'> | undefined;
  /** Props for Radix `Select.Portal`; `container` defaults to the member list's root. */
  portalProps?: Omit<ComponentPropsWithoutRef<typeof Select.Portal>, 'children'> | undefined;
  /** Props for Radix `Select.Content` (the popover): `position`, `align`, `onCloseAutoFocus`, ... */
  contentProps?: Omit<ComponentPropsWithoutRef<typeof Select.Content>, 'children'> | undefined;
  /** Props for Radix `Select.Viewport` (the scrolling list). */
  viewportProps?: Omit<ComponentPropsWithoutRef<typeof Select.Viewport>, 'children'> | undefined;
  /** Props for every Radix `Select.Item` (one per option). */
  itemProps?: Omit<ComponentPropsWithoutRef<typeof Select.Item>, 'value' | 'children'> | undefined;
}

/**
 * Props for a select inside a part (the toolbar's role filter and sort, the pagination's page-size
 * select): its Radix parts' ({@link SelectPartProps}), and `triggerProps` for its trigger button.
 */
export interface NestedSelectProps extends SelectPartProps {
  /** Props for Radix `Select.Trigger` (the button); its accessible name stays ours. */
  triggerProps?:
    | Omit<ComponentPropsWithoutRef<typeof Select.Trigger>, 'value' | 'defaultValue' | 'dir' | 'children'>
    | undefined;
}

/** A {@link NestedSelectProps} as `CompactSelect` props (the trigger's among the rest). */
export function nestedSelectProps(props: NestedSelectProps | undefined): Partial<CompactSelectProps> {
  if (!props) return {};
  const { triggerProps, ...parts } = props;
  return { ...triggerProps, ...parts };
}

/**
 * Props of {@link CompactSelect}. Other props go to the trigger button (Radix `Select.Trigger`),
 * so the caller gives it its accessible name (`aria-label`) and any `data-*` state.
 */
export interface CompactSelectProps
  extends SelectPartProps,
    Omit<ComponentPropsWithoutRef<typeof Select.Trigger>, 'value' | 'defaultValue' | 'dir' | 'children'> {
  /** The choices, in order. */
  options: readonly CompactSelectOption[];
  /** The chosen value (controlled). */
  value?: string | undefined;
  /** The first value (uncontrolled). */
  defaultValue?: string | undefined;
  /** Called with the value the user picks. */
  onValueChange?: ((value: string) => void) | undefined;
  /** Whether the popover is open (controlled). */
  open?: boolean | undefined;
  /** Whether the popover is open at first (uncontrolled). */
  defaultOpen?: boolean | undefined;
  /** Called when the popover opens or closes. */
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** A form field name, for use in a native form. */
  name?: string | undefined;
  /** The slot prefix: each part is stamped `data-roster-slot="<slotPrefix>-<part>"`. */
  slotPrefix: string;
  /** Classes per part. `className` goes to the trigger. */
  classNames?: Partial<Record<CompactSelectPart, string | undefined>> | undefined;
  /**
   * The value's text, given instead of Radix's copy of the chosen item's text (which needs the
   * items rendered): what `LazyCompactSelect` shows.
   */
  valueText?: string | undefined;
  /** The popover's element (Radix `Select.Content`), while it is open. */
  contentRef?: Ref<HTMLDivElement> | undefined;
}

/**
 * Picks a select's classes from a component's `classNames`, whose keys for the select's parts are
 * `<prefix>-<part>` (the toolbar's `role-filter-trigger`, the pagination's `page-size-item`, ...).
 */
export function prefixedClassNames(
  classNames: Partial<Record<string, string>> | undefined,
  prefix: string,
): Partial<Record<CompactSelectPart, string | undefined>> | undefined {
  if (!classNames) return undefined;
  const parts: readonly CompactSelectPart[] = ['trigger', 'value', 'icon', 'content', 'viewport', 'item'];
  return Object.fromEntries(parts.map((part) => [part, classNames[`${prefix}-${part}`]]));
}

/**
 * The one Radix Select markup of the kit (trigger with value and chevron, a popper below it in the
 * portal container, one item per option), shared by the role select, the toolbar's filter and sort,
 * and the page-size choice so they look and behave alike. Internal: not in the barrel.
 */
export const CompactSelect = /* @__PURE__ */ forwardRef<HTMLButtonElement, CompactSelectProps>(
  function CompactSelect(
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
      slotPrefix,
      className,
      classNames,
      valueProps,
      iconProps,
      portalProps,
      contentProps,
      viewportProps,
      itemProps,
      valueText,
      contentRef,
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
          {...partProps(slotPrefix, classNames, 'trigger', { ...triggerProps, className })}
          ref={ref}
        >
          <Select.Value {...partProps(slotPrefix, classNames, 'value', valueProps)}>{valueText}</Select.Value>
          <Select.Icon asChild {...partProps(slotPrefix, classNames, 'icon', iconProps)}>
            <ChevronIcon />
          </Select.Icon>
        </Select.Trigger>
        <CompactSelectPopover
          options={options}
          slotPrefix={slotPrefix}
          classNames={classNames}
          container={container}
          portalProps={portalProps}
          contentProps={contentProps}
          viewportProps={viewportProps}
          itemProps={itemProps}
          contentRef={contentRef}
        />
      </Select.Root>
    );
  },
);

/** A part's props: yours, then its slot, and your class added to ours (internal). */
export function partProps<Props extends { className?: string | undefined }>(
  slotPrefix: string,
  classNames: CompactSelectProps['classNames'],
  name: CompactSelectPart,
  own?: Props,
) {
  return {
    ...own,
    'data-roster-slot': `${slotPrefix}-${name}`,
    className: joinClassNames(classNames?.[name], own?.className),
  };
}

type CompactSelectPopoverProps = Pick<
  CompactSelectProps,
  'options' | 'slotPrefix' | 'classNames' | 'portalProps' | 'contentProps' | 'viewportProps' | 'itemProps'
> & {
  container: HTMLElement | null | undefined;
  contentRef: Ref<HTMLDivElement> | undefined;
};

/**
 * The popover: portal, content, one item per option. Memoized, so that a new value text or a new
 * trigger prop re-renders the trigger alone: a re-render of the content makes Radix's popper
 * measure the page again (a forced layout) while the popover is open.
 */
const CompactSelectPopover = /* @__PURE__ */ memo(function CompactSelectPopover({
  options,
  slotPrefix,
  classNames,
  container,
  portalProps,
  contentProps,
  viewportProps,
  itemProps,
  contentRef,
}: CompactSelectPopoverProps) {
  const descriptionIds = useId();
  const part = <Props extends { className?: string | undefined }>(name: CompactSelectPart, own?: Props) =>
    partProps(slotPrefix, classNames, name, own);
  return (
    <Select.Portal container={container} {...portalProps}>
      <Select.Content position="popper" sideOffset={4} {...part('content', contentProps)} ref={contentRef}>
        <Select.Viewport {...part('viewport', viewportProps)}>
          {options.map((option, index) => {
            // The description sits outside ItemText, so the trigger (which copies ItemText)
            // and the option's name (labelled by ItemText) stay the label alone.
            const descriptionId = option.description ? `${descriptionIds}-${index}` : undefined;
            return (
              <Select.Item
                {...part('item', itemProps)}
                key={option.value}
                value={option.value}
                aria-describedby={joinClassNames(itemProps?.['aria-describedby'], descriptionId)}
              >
                <Select.ItemText>{option.label}</Select.ItemText>
                {descriptionId && (
                  <span id={descriptionId} {...part('item-description')}>
                    {option.description}
                  </span>
                )}
              </Select.Item>
            );
          })}
        </Select.Viewport>
      </Select.Content>
    </Select.Portal>
  );
});
