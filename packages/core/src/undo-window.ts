import type { RequestOptions } from './client';

/**
 * Where an undo window is: `open` (counting down), `paused` (the countdown is held, e.g. while the
 * announcement is focused or hovered), `undone` (undo was called in time), `committed` (the window
 * ended: by time, by `commit()`, or by a `pagehide` flush).
 */
export type UndoState = 'open' | 'paused' | 'undone' | 'committed';

/** The handle a caller gets after an undoable change, valid while the window is open. */
export interface UndoHandle<TResult> {
  /** Where the window is now. */
  readonly state: UndoState;
  /** Milliseconds left before the window ends (the time left when paused; 0 once closed). */
  remaining(): number;
  /**
   * Undoes the change, if the window is still open or paused: resolves with what the undo did,
   * or with `null` when the window had already closed (nothing is done then).
   */
  undo(): Promise<TResult | null>;
  /** Holds the countdown (a no-op unless open). */
  pause(): void;
  /** Continues the countdown with the time that was left (a no-op unless paused). */
  resume(): void;
  /** Ends the window now, as its end would (a deferred removal is sent). A no-op once closed. */
  commit(requestOptions?: RequestOptions): void;
  /** Called on every change of `state`. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Options of {@link createUndoWindow}. */
export interface UndoWindowOptions<TResult> {
  /** How long the window stays open, in milliseconds (paused time not counted). */
  windowMs: number;
  /** What undo does; called at most once, only while the window is open or paused. */
  onUndo: () => Promise<TResult>;
  /** What the window's end does (with the request options of `commit`); called at most once. */
  onCommit?: ((requestOptions?: RequestOptions) => void) | undefined;
}

/**
 * A countdown with undo: `onUndo` or `onCommit` runs, exactly one of them, exactly once. Uses
 * `setTimeout` and `Date.now()`, so fake timers drive it in tests.
 */
export function createUndoWindow<TResult>(options: UndoWindowOptions<TResult>): UndoHandle<TResult> {
  const { onUndo, onCommit } = options;
  let state: UndoState = 'open';
  let left = Math.max(0, options.windowMs);
  let startedAt = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  function setState(next: UndoState) {
    state = next;
    for (const listener of [...listeners]) listener();
  }
  function start() {
    startedAt = Date.now();
    timer = setTimeout(() => handle.commit(), left);
  }
  function stop() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  const handle: UndoHandle<TResult> = {
    get state() {
      return state;
    },
    remaining() {
      if (state === 'paused') return left;
      if (state !== 'open') return 0;
      return Math.max(0, left - (Date.now() - startedAt));
    },
    undo() {
      if (state !== 'open' && state !== 'paused') return Promise.resolve(null);
      stop();
      setState('undone');
      return onUndo();
    },
    pause() {
      if (state !== 'open') return;
      left = handle.remaining();
      stop();
      setState('paused');
    },
    resume() {
      if (state !== 'paused') return;
      setState('open');
      start();
    },
    commit(requestOptions) {
      if (state !== 'open' && state !== 'paused') return;
      stop();
      setState('committed');
      onCommit?.(requestOptions);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  start();
  return handle;
}
