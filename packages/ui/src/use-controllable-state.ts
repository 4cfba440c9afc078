import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * State a user may own (`value` + `onChange`) or leave to the component (`defaultValue`): the
 * usual controlled/uncontrolled pair, as in Radix. `value` `undefined` means uncontrolled;
 * `onChange` runs in both modes. A component that switches between the two modes during its life
 * warns once in development, naming `name` (e.g. `MemberListToolbar (query)`): the switch loses
 * state or ignores the user's value, as with React's own inputs.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange: ((next: T) => void) | undefined,
  name: string,
): [T, (next: T) => void] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const set = useCallback(
    (next: T) => {
      if (!controlled) setOwn(next);
      onChangeRef.current?.(next);
    },
    [controlled],
  );
  // Development only: in production no effect is registered (a member list has one per row).
  // biome-ignore lint/correctness/useHookAtTopLevel: the condition is a build-time constant.
  if (process.env.NODE_ENV !== 'production') useSwitchWarning(controlled, name);
  return [controlled ? value : own, set];
}

/** Warns once, in development, when `controlled` changes after the first render. */
function useSwitchWarning(controlled: boolean, name: string): void {
  const initial = useRef(controlled);
  const warned = useRef(false);
  useEffect(() => {
    if (controlled === initial.current || warned.current) return;
    warned.current = true;
    const [from, to] = controlled ? ['uncontrolled', 'controlled'] : ['controlled', 'uncontrolled'];
    console.warn(
      `${name} is changing from ${from} to ${to}. Components should not switch from controlled to ` +
        'uncontrolled (or vice versa): decide between a value with onChange and a default value ' +
        'for the lifetime of the component.',
    );
  }, [controlled, name]);
}
