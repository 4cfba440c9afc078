import { useDirection } from '@radix-ui/react-direction';
import {
  forwardRef,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  useEffect,
  useRef,
  useState,
} from 'react';
import { ChevronIcon } from './chevron-icon';
import {
  CompactSelect,
  type CompactSelectOption,
  type CompactSelectProps,
  partProps,
} from './compact-select';
import { useControllableState } from './use-controllable-state';

/** The keys that open a closed Radix Select from its trigger (Radix's own list). */
const OPEN_KEYS: readonly string[] = [' ', 'Enter', 'ArrowUp', 'ArrowDown'];

/**
 * A {@link CompactSelect} that is only its trigger's markup until the user reaches for it: a plain
 * `<button>` with Radix's trigger attributes, value and chevron (the same roles, name, states,
 * slots and classes, and Radix's type-ahead on the closed trigger, which picks a value without the
 * popover). A Radix Select per row is most of a page's render cost (its providers, popper and
 * collection, and a hidden native select it mounts and removes), and a row's select is rarely
 * used. A pointer down (a click with touch or a pen, which may be a scroll first), or Enter, Space,
 * ArrowUp or ArrowDown, mounts the Radix Select in its place, open, with focus on the chosen item;
 * from then on it is Radix's own, and stays (internal).
 *
 * When it closes (a choice, Escape, a click outside) and `open` is not controlled, the popover is
 * made invisible at once and Radix tears it down after the next frame is painted, as if it played
 * a one-frame exit animation (focus returns to the trigger then): that teardown (its scroll lock's
 * style and `aria-hidden` removed from the page) invalidates the whole document's layout, and in
 * the same frame it would make the frame that shows the new value wait for a full relayout.
 */
export const LazyCompactSelect = /* @__PURE__ */ forwardRef<HTMLButtonElement, CompactSelectProps>(
  function LazyCompactSelect({ value, defaultValue, onValueChange, open, defaultOpen, name, ...props }, ref) {
    // `open`: mounted open (the user reached for it); `closed`: mounted closed (`defaultOpen`
    // false with a `name`); `undefined`: the light trigger alone.
    const [mounted, setMounted] = useState<'open' | 'closed' | undefined>(
      defaultOpen === true ? 'open' : name !== undefined ? 'closed' : undefined,
    );
    // A popover opened from outside (`open`) mounts it for good too.
    if (open === true && mounted === undefined) setMounted('open');
    const [current, setCurrent] = useControllableState<string | undefined>(
      value,
      defaultValue,
      onValueChange as ((next: string | undefined) => void) | undefined,
      'RoleSelect (value)',
    );
    // The chosen option's label, given to both triggers: Radix's would copy it from the chosen
    // item, which is only rendered while the popover is open.
    const valueText = props.options.find((option) => option.value === current)?.label;

    const shared = { ...props, ref, value: current, valueText, onValueChange: setCurrent };

    if (mounted === undefined) {
      return (
        <LightTrigger
          {...shared}
          onUse={() => {
            setMounted('open');
            props.onOpenChange?.(true);
          }}
        />
      );
    }
    return <MountedSelect {...shared} open={open} defaultOpen={mounted === 'open'} name={name} />;
  },
);

type MountedSelectProps = Omit<CompactSelectProps, 'value' | 'defaultValue' | 'onValueChange'> & {
  value: string | undefined;
  valueText: string | undefined;
  onValueChange: (value: string) => void;
};

/** The Radix Select, once used: open and closed with the one-frame exit (see above). */
const MountedSelect = /* @__PURE__ */ forwardRef<HTMLButtonElement, MountedSelectProps>(
  function MountedSelect({ value, open, defaultOpen, onOpenChange, ...props }, ref) {
    const [ownOpen, setOwnOpen] = useState(defaultOpen === true);
    // While a closed popover waits for its teardown, Radix keeps the value it had when it closed,
    // so that nothing in the popover re-renders in the frame that shows the choice (the trigger
    // shows it through `valueText`). `undefined`: not closing.
    const [closingValue, setClosingValue] = useState<{ value: string | undefined } | undefined>();
    const content = useRef<HTMLDivElement>(null);
    const cancelTeardown = useRef<(() => void) | undefined>(undefined);
    useEffect(() => () => cancelTeardown.current?.(), []);
    const changeOpen = (next: boolean) => {
      onOpenChange?.(next);
      if (open !== undefined) return;
      cancelTeardown.current?.();
      cancelTeardown.current = undefined;
      hideClosing(content.current, !next);
      if (next) {
        setClosingValue(undefined);
        setOwnOpen(true);
        return;
      }
      setClosingValue({ value });
      cancelTeardown.current = afterNextPaint(() => {
        cancelTeardown.current = undefined;
        setOwnOpen(false);
        setClosingValue(undefined);
      });
    };
    const radixValue = closingValue ? closingValue.value : value;
    return (
      <CompactSelect
        {...props}
        // Always controlled (an empty value shows the placeholder), so Radix never switches modes.
        value={radixValue ?? ''}
        open={open ?? ownOpen}
        onOpenChange={changeOpen}
        contentRef={content}
        ref={ref}
      />
    );
  },
);

type LightTriggerProps = Omit<
  CompactSelectProps,
  'value' | 'defaultValue' | 'onValueChange' | 'open' | 'defaultOpen' | 'name'
> & {
  value: string | undefined;
  valueText: string | undefined;
  onValueChange: (value: string) => void;
  /** The user reached for the select: mount Radix's, open. */
  onUse: () => void;
};

/**
 * Radix Select's closed trigger, as markup alone: the attributes `Select.Trigger`, `Select.Value`
 * and `Select.Icon` render (`role="combobox"`, `aria-expanded`, `aria-autocomplete`, `dir`,
 * `data-state`, `data-disabled`, `data-placeholder`), with the same slots and classes, and the
 * closed trigger's behaviour: type-ahead, and the events that open it (which call `onUse`).
 */
const LightTrigger = /* @__PURE__ */ forwardRef<HTMLButtonElement, LightTriggerProps>(function LightTrigger(
  {
    options,
    onOpenChange: _onOpenChange,
    portalProps: _portalProps,
    contentProps: _contentProps,
    viewportProps: _viewportProps,
    itemProps: _itemProps,
    contentRef: _contentRef,
    slotPrefix,
    classNames,
    className,
    valueProps,
    iconProps,
    value,
    valueText,
    onValueChange,
    onUse,
    disabled,
    onPointerDown,
    onClick,
    onKeyDown,
    ...triggerProps
  },
  ref,
) {
  const dir = useDirection();
  const search = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pointerType = useRef('touch');
  useEffect(() => () => clearTimeout(timer.current), []);
  const typeahead = (key: string) => {
    const next = search.current + key;
    search.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      search.current = '';
    }, 1000);
    const found = findNextOption(options, next, value);
    if (found) onValueChange(found.value);
  };
  const hasValue = value !== undefined && value !== '';
  const { placeholder, ...ownValueProps } = valueProps ?? {};
  const trigger = partProps(slotPrefix, classNames, 'trigger', { ...triggerProps, className });
  return (
    <button
      type="button"
      role="combobox"
      aria-expanded="false"
      aria-autocomplete="none"
      dir={dir}
      data-state="closed"
      disabled={disabled}
      data-disabled={disabled ? '' : undefined}
      data-placeholder={hasValue ? undefined : ''}
      {...trigger}
      // Radix's trigger is a Slot, which always writes `class` (empty when there is none).
      className={trigger.className ?? ''}
      // Yours run first; then ours, unless you prevented the default.
      onPointerDown={(event: PointerEvent<HTMLButtonElement>) => {
        onPointerDown?.(event);
        pointerType.current = event.pointerType;
        if (event.defaultPrevented || disabled) return;
        // As Radix's trigger: a mouse opens on press (left button, no Ctrl), without focusing the
        // trigger (focus goes to the chosen item); touch and pen on click.
        if (event.pointerType === 'mouse' && event.button === 0 && !event.ctrlKey) {
          event.preventDefault();
          onUse();
        }
      }}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        // A click that no pointer down opened: touch, a pen, or a click sent by a script.
        if (pointerType.current !== 'mouse' && !event.defaultPrevented && !disabled) onUse();
      }}
      onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
        onKeyDown?.(event);
        if (event.defaultPrevented) return;
        const typingAhead = search.current !== '';
        const modifier = event.ctrlKey || event.altKey || event.metaKey;
        if (!modifier && event.key.length === 1) typeahead(event.key);
        if (typingAhead && event.key === ' ') return;
        if (OPEN_KEYS.includes(event.key)) {
          event.preventDefault();
          onUse();
        }
      }}
      ref={ref}
    >
      <span
        {...partProps(slotPrefix, classNames, 'value', ownValueProps)}
        style={{ pointerEvents: 'none', ...ownValueProps.style }}
      >
        {hasValue ? valueText : placeholder}
      </span>
      <ChevronIcon aria-hidden="true" {...partProps(slotPrefix, classNames, 'icon', iconProps)} />
    </button>
  );
});

/**
 * Makes a closing popover invisible, with the pointer going through it, until Radix removes it
 * (`data-closing` meanwhile); set on the element, so that nothing re-renders for it. Focus stays
 * in it until then, as it does in a Radix popover playing an exit animation. `hide` false undoes
 * it (the popover reopened first).
 */
function hideClosing(content: HTMLElement | null, hide: boolean): void {
  if (!content) return;
  content.style.opacity = hide ? '0' : '';
  content.style.pointerEvents = hide ? 'none' : '';
  content.toggleAttribute('data-closing', hide);
}

/**
 * Runs `callback` once the next frame has been painted (a task queued from that frame's animation
 * callback); without animation frames (a DOM without them, such as jsdom unless it pretends to be
 * visual), after a task. Returns a cancel.
 */
function afterNextPaint(callback: () => void): () => void {
  let timeout: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timeout = setTimeout(callback, 0);
    return () => clearTimeout(timeout);
  }
  const frame = requestAnimationFrame(() => {
    timeout = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timeout);
  };
}

/**
 * The option type-ahead lands on, as Radix Select finds it: the next one after the current whose
 * label starts with the search (a repeated letter cycles through the options with that letter).
 */
export function findNextOption(
  options: readonly CompactSelectOption[],
  search: string,
  current: string | undefined,
): CompactSelectOption | undefined {
  const repeated = search.length > 1 && Array.from(search).every((char) => char === search[0]);
  const normalized = (repeated ? search.slice(0, 1) : search).toLowerCase();
  const currentOption = options.find((option) => option.value === current);
  const start = currentOption ? options.indexOf(currentOption) : 0;
  let wrapped = [...options.slice(start), ...options.slice(0, start)];
  if (normalized.length === 1) wrapped = wrapped.filter((option) => option !== currentOption);
  const next = wrapped.find((option) => option.label.toLowerCase().startsWith(normalized));
  return next !== currentOption ? next : undefined;
}
