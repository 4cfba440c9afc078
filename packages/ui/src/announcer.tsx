import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { visuallyHidden } from './visually-hidden';

/** Announce a message to screen readers through the nearest polite live region. */
export type Announce = (message: string) => void;

const AnnouncerContext = /* @__PURE__ */ createContext<Announce | null>(null);

/** Props of {@link LiveAnnouncer}. */
export interface LiveAnnouncerProps {
  /** The components whose announcements it reads (through `useAnnounce`). */
  children?: ReactNode;
  /** Class of the (visually hidden) live region. */
  className?: string;
}

/**
 * A polite live region for the results of actions ("Alice Smith is now Admin"). The components
 * render one themselves when none is above them; put one higher up to share it with your own UI.
 * The same message announced twice is read twice (the region's node is replaced).
 */
export function LiveAnnouncer({ children, className }: LiveAnnouncerProps) {
  const [entry, setEntry] = useState<{ id: number; message: string }>({ id: 0, message: '' });
  const announce = useCallback<Announce>((message) => {
    setEntry((previous) => ({ id: previous.id + 1, message }));
  }, []);
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-roster-slot="live-announcer"
        className={className}
        style={visuallyHidden}
      >
        <span key={entry.id}>{entry.message}</span>
      </div>
    </AnnouncerContext.Provider>
  );
}

/** `children` inside a {@link LiveAnnouncer}, unless one is above already (no second region). */
export function WithAnnouncer({ children }: { children: ReactNode }) {
  return useContext(AnnouncerContext) ? children : <LiveAnnouncer>{children}</LiveAnnouncer>;
}

const noop: Announce = () => {};

/** The nearest announcer's `announce` (a no-op when there is none). */
export function useAnnounce(): Announce {
  const announce = useContext(AnnouncerContext);
  return useMemo(() => announce ?? noop, [announce]);
}
