import { type Ref, type RefCallback, useCallback } from 'react';

/** Sets one ref (a callback or an object) to `value`. */
function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/** One ref callback that sets every ref given: a forwarded ref and the component's own. */
export function composeRefs<T>(...refs: ReadonlyArray<Ref<T> | undefined>): RefCallback<T> {
  return (value) => {
    for (const ref of refs) setRef(ref, value);
  };
}

/** {@link composeRefs} as a hook: the callback changes only when one of the refs does. */
export function useComposedRefs<T>(...refs: ReadonlyArray<Ref<T> | undefined>): RefCallback<T> {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the refs are the dependencies
  return useCallback(composeRefs(...refs), refs);
}
