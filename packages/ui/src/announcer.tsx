import type { UndoHandle } from '@roster/core';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { visuallyHidden } from './visually-hidden';

/** An undo offered with an announcement: shown as a visible Undo button while its window is open. */
export interface AnnouncementUndo {
  /** The change's undo window (`open` or `paused`: the button shows; else it goes). */
  handle: UndoHandle<unknown>;
  /** The button's text and accessible name (`Undo`). */
  label: string;
  /** Called when the button is pressed (undo through the handle, then announce the result). */
  onUndo: () => void;
}

/** Options of an announcement. */
export interface AnnounceOptions {
  /**
   * Offer an undo: the announcement becomes a visible status with an Undo button while the window
   * is open; the window pauses while the status is focused or hovered.
   */
  undo?: AnnouncementUndo | undefined;
}

/** Announce a message to screen readers through the nearest polite live region. */
export type Announce = (message: string, options?: AnnounceOptions) => void;

const AnnouncerContext = /* @__PURE__ */ createContext<Announce | null>(null);

/** Props of {@link LiveAnnouncer}. */
export interface LiveAnnouncerProps {
  /** The components whose announcements it reads (through `useAnnounce`). */
  children?: ReactNode;
  /** Class of the live region (visually hidden unless it offers an undo, or holds focus). */
  className?: string;
}

interface Entry {
  id: number;
  message: string;
  undo: AnnouncementUndo | undefined;
}

const noopSubscribe = () => () => {};

/**
 * A polite live region for the results of actions ("Alice Smith is now Admin"). The components
 * render one themselves when none is above them; put one higher up to share it with your own UI.
 * The same message announced twice is read twice (the region's node is replaced).
 *
 * An announcement with an undo turns the region into a visible status (`data-visible`, styled as
 * a toast by the stylesheet) with an Undo button, reachable with Tab; its window pauses while the
 * region is focused or hovered and resumes when focus and pointer leave. After Undo, focus stays on
 * the region (it is `tabIndex={-1}`), which reads the next announcement ("Undone").
 */
export function LiveAnnouncer({ children, className }: LiveAnnouncerProps) {
  const [entry, setEntry] = useState<Entry>({ id: 0, message: '', undo: undefined });
  const announce = useCallback<Announce>((message, options) => {
    setEntry((previous) => ({ id: previous.id + 1, message, undo: options?.undo }));
  }, []);
  const regionRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(false);
  const hovered = useRef(false);
  const handle = entry.undo?.handle;
  const state = useSyncExternalStore(
    handle?.subscribe ?? noopSubscribe,
    () => handle?.state,
    () => handle?.state,
  );
  const undoOpen = state === 'open' || state === 'paused';

  // A window this region paused is resumed when the announcement is replaced or the region goes.
  useEffect(() => () => handle?.resume(), [handle]);

  const hold = () => handle?.pause();
  const release = () => {
    if (!hovered.current && !regionRef.current?.contains(document.activeElement)) handle?.resume();
  };
  const visible = (entry.undo !== undefined && undoOpen) || focused;

  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div
        ref={regionRef}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        tabIndex={-1}
        data-roster-slot="live-announcer"
        data-visible={visible ? '' : undefined}
        className={className}
        style={visible ? undefined : visuallyHidden}
        onFocus={() => {
          setFocused(true);
          hold();
        }}
        onBlur={(event) => {
          if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
          setFocused(false);
          if (!hovered.current) handle?.resume();
        }}
        onMouseEnter={() => {
          hovered.current = true;
          hold();
        }}
        onMouseLeave={() => {
          hovered.current = false;
          release();
        }}
      >
        <span key={entry.id} data-roster-slot="live-announcer-message">
          {entry.message}
        </span>
        {entry.undo && undoOpen && (
          <button
            type="button"
            data-roster-slot="live-announcer-undo"
            onClick={() => {
              regionRef.current?.focus();
              entry.undo?.onUndo();
            }}
          >
            {entry.undo.label}
          </button>
        )}
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
