import { useCallback, useLayoutEffect, useState } from 'react';

/**
 * A position (a page, or a number of pages) that belongs to one list: another list (filters, order,
 * size) starts again at 1, and the first list after there was none starts at `initial`.
 */
export function useListPosition(list: string | null, initial: number): [number, (position: number) => void] {
  const [state, setState] = useState({ list, position: initial });
  const position = state.list === list ? state.position : state.list === null ? initial : 1;
  useLayoutEffect(() => {
    if (state.list !== list) setState({ list, position });
  }, [state.list, list, position]);
  const set = useCallback((next: number) => setState({ list, position: next }), [list]);
  return [position, set];
}
