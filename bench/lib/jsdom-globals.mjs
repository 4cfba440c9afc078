// A jsdom window as the global environment of this process, before React loads (Node has no DOM).
import { JSDOM } from 'jsdom';

/** Globals Node defines too, that DOM code must get from the window (events dispatched on DOM nodes). */
const DOM_OWNED = new Set(['Event', 'EventTarget', 'CustomEvent']);

/** Installs a jsdom window's globals on globalThis (those Node does not define itself); returns the window. */
export function installJsdomGlobals() {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    pretendToBeVisual: true,
    url: 'http://localhost/',
  });
  const { window } = dom;
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key === 'window' || key === 'document') continue;
    if (key in globalThis && !DOM_OWNED.has(key)) continue;
    Object.defineProperty(globalThis, key, {
      configurable: true,
      get: () => window[key],
      set: (value) => {
        window[key] = value;
      },
    });
  }
  Object.defineProperty(globalThis, 'window', { configurable: true, value: window });
  Object.defineProperty(globalThis, 'document', { configurable: true, value: window.document });
  return window;
}

/** Resolves once `check()` is true, checking now and after every DOM mutation under `root` (rejects after `timeoutMs`). */
export function untilDom(root, check, timeoutMs = 20_000) {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out waiting for the DOM'));
    }, timeoutMs);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Waits `ms` of wall time (lets background work such as a prefetch settle). */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
