import { type Context, createContext, useContext } from 'react';
import type { UseMemberListResult } from './use-member-list';

/** What `MemberList.Root` provides to its parts: the list's state and actions. */
export type MemberListContextValue = UseMemberListResult;

/** The nearest `MemberList.Root`'s list (internal: read it with {@link useMemberListContext}). */
export const MemberListContext = /* @__PURE__ */ createContext<MemberListContextValue | null>(null);

/**
 * The list state and actions of the nearest `MemberList.Root` (what `useMemberList` returns), to
 * write parts of your own: a toolbar, a summary, a row action. Throws outside a Root.
 */
export function useMemberListContext(): MemberListContextValue {
  const list = useContext(MemberListContext);
  if (!list) throw new Error('useMemberListContext: render this component inside <MemberList.Root>.');
  return list;
}

/**
 * A part's props: inside a Root, `fromList(list)` fills the props not given (see
 * {@link withDefaults}); outside one, the props alone. So parts work in a Root with no props, and
 * anywhere with them. The built-in parts read a slice of the list instead (`context`, see
 * `member-list-slices.ts`), so that they re-render only when what they show changes.
 */
export function usePartProps<Props extends object, List extends object = MemberListContextValue>(
  props: Props,
  fromList: (list: List) => Partial<Props>,
  context: Context<List | null> = MemberListContext as unknown as Context<List | null>,
): Props {
  const list = useContext(context);
  return withDefaults(list && fromList(list), props);
}

/**
 * Where focus goes after a removal, registered by the parts that render it (internal): the table,
 * and each row's remove button by user ID (a row that comes back after a failed removal is a new
 * element).
 */
export interface MemberListFocusTargets {
  /** The members table. */
  table: HTMLElement | null;
  /** Each row's remove button, by user ID. */
  removeButtons: Map<string, HTMLElement>;
}

/** The nearest Root's focus targets (internal). */
export const MemberListFocusContext = /* @__PURE__ */ createContext<MemberListFocusTargets | null>(null);

/**
 * A part's props over what its Root knows: every prop given (not `undefined`) wins, except
 * handlers (`on…`) given in both, which both run, the part's first (the Root's result is
 * returned). So a part inside a Root needs no props, and one outside a Root takes them all.
 */
export function withDefaults<Props extends object>(
  defaults: Partial<Props> | null | undefined,
  props: Props,
): Props {
  if (!defaults) return props;
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    const fallback = merged[key];
    merged[key] =
      /^on[A-Z]/.test(key) && typeof value === 'function' && typeof fallback === 'function'
        ? (...args: unknown[]) => {
            value(...args);
            return fallback(...args);
          }
        : value;
  }
  return merged as Props;
}
