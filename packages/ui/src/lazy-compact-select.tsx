import { forwardRef, type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from 'react';
import { CompactSelect, type CompactSelectOption, type CompactSelectProps } from './compact-select';
import { useControllableState } from './use-controllable-state';

/** The keys that open a closed Radix Select from its trigger (Radix's own list). */
const OPEN_KEYS: readonly string[] = [' ', 'Enter', 'ArrowUp', 'ArrowDown'];

/**
 * A {@link CompactSelect} whose popover (portal, content, one item per option: most of a Radix
 * Select's cost) is not rendered until the user reaches for the select: a pointer down, or a key
 * that opens it. The trigger is Radix's own from the start (the same element before and after, so
 * its attributes, focus and any reference to it stay), and the event that reaches for it goes on to
 * Radix in the same render, so it opens exactly as Radix's does (focus on the chosen item, a mouse
 * press that does not pick the item under it, Escape and a choice returning focus to the trigger).
 * Type-ahead on the closed trigger picks a value as Radix's does, without the popover. Once
 * rendered the popover stays (internal).
 *
 * When it closes (a choice, Escape, a click outside) and `open` is not controlled, the popover is
 * made invisible at once and Radix tears it down after the next frame is painted, as if it played
 * a one-frame exit animation (focus returns to the trigger then):
 * that teardown (its scroll lock's style and `aria-hidden` removed from the page, focus returned to
 * the trigger) invalidates the whole document's layout, so in the same frame it would make the
 * frame that shows the new value wait for a full relayout (most of a role change's latency).
 */
export const LazyCompactSelect = /* @__PURE__ */ forwardRef<HTMLButtonElement, CompactSelectProps>(
  function LazyCompactSelect(
    {
      value,
      defaultValue,
      onValueChange,
      open,
      defaultOpen,
      onOpenChange,
      name,
      onKeyDown,
      onPointerDown,
      contentProps,
      ...props
    },
    ref,
  ) {
    const [used, setUsed] = useState(defaultOpen === true || name !== undefined);
    // A popover opened from outside (`open`) is rendered for good too.
    if (open === true && !used) setUsed(true);
    const [current, setCurrent] = useControllableState<string | undefined>(
      value,
      defaultValue,
      onValueChange as ((next: string | undefined) => void) | undefined,
      'RoleSelect (value)',
    );
    const search = useRef('');
    const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
    useEffect(() => () => clearTimeout(timer.current), []);
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
      setClosingValue({ value: current });
      cancelTeardown.current = afterNextPaint(() => {
        cancelTeardown.current = undefined;
        setOwnOpen(false);
        setClosingValue(undefined);
      });
    };
    const radixValue = closingValue ? closingValue.value : current;

    const typeahead = (key: string) => {
      const next = search.current + key;
      search.current = next;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        search.current = '';
      }, 1000);
      const found = findNextOption(props.options, next, current);
      if (found) setCurrent(found.value);
    };

    return (
      <CompactSelect
        {...props}
        // Always controlled (an empty value shows the placeholder), so Radix never switches modes.
        value={radixValue ?? ''}
        onValueChange={setCurrent}
        open={open ?? ownOpen}
        onOpenChange={changeOpen}
        contentProps={contentProps}
        contentRef={content}
        {...(name !== undefined && { name })}
        withContent={used}
        // The chosen role's name, given: without the items Radix cannot copy it from one.
        valueText={props.options.find((option) => option.value === current)?.label}
        // Yours run first; then, before the popover exists, ours; then Radix's (which opens it).
        onPointerDown={(event: PointerEvent<HTMLButtonElement>) => {
          onPointerDown?.(event);
          if (!used && !event.defaultPrevented && !props.disabled) setUsed(true);
        }}
        onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
          onKeyDown?.(event);
          if (used || event.defaultPrevented) return;
          const typingAhead = search.current !== '';
          const modifier = event.ctrlKey || event.altKey || event.metaKey;
          if (!modifier && event.key.length === 1) typeahead(event.key);
          if (typingAhead && event.key === ' ') return;
          if (OPEN_KEYS.includes(event.key)) setUsed(true);
        }}
        ref={ref}
      />
    );
  },
);

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
 * callback); without animation frames (a test DOM, a hidden tab), after a task. Returns a cancel.
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
