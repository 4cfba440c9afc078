import { createContext, useContext } from 'react';

/**
 * Where popovers and dialogs portal to. The member list provides its own root element, so a
 * select's popover or a dialog inherits the list's CSS variables and `data-theme`; standalone
 * components portal to `document.body`.
 */
export const PortalContainerContext = /* @__PURE__ */ createContext<HTMLElement | null>(null);

/** The element popovers and dialogs portal into (undefined: `document.body`). */
export function usePortalContainer(): HTMLElement | undefined {
  return useContext(PortalContainerContext) ?? undefined;
}
