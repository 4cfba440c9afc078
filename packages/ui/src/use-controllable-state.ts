import { useCallback, useEffect, useRef, useState } from 'react';

/** Options of {@link useControllableState}. */
export interface UseControllableStateOptions<T> {
  /** The value the user owns (controlled); `undefined` leaves the state to the component. */
  value: T | undefined;
  /** The first value when uncontrolled. */
  defaultValue: T;
  /** Called with every new value, in both modes. */
  onChange?: ((next: T) => void) | undefined;
  /** Who owns the state, for the warning: e.g. `MemberListToolbar (query)`. */
  name: string;
}

/**
 * State a user may own (`value` + `onChange`) or leave to the component (`defaultValue`): the
 * usual controlled/uncontrolled pair, as in Radix. `onChange` runs in both modes. A component that
 * switches between the two modes during its life warns once in development (the switch loses state
 * or ignores the user's value), like React's own inputs.
 */
export function useControllableState<T>({
  value,
  defaultValue,
  onChange,
  name,
}: UseControllableStateOptions<T>): [T, (next: T) => void] {
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
  useSwitchWarning(controlled, name);
  return [controlled ? value : own, set];
}

/** Warns once, in development, when `controlled` changes after the first render. */
function useSwitchWarning(controlled: boolean, name: string): void {
  const initial = useRef(controlled);
  const warned = useRef(false);
  useEffect(() => {
    if (process.env.NODE_ENV === 'production') return;
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
