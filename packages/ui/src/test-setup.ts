// @roster/ui/test-setup: import it once in the setup file of your own jsdom tests (Vitest
// `setupFiles`, Jest `setupFilesAfterEach`) before rendering Roster components. Radix Select calls
// pointer capture and `scrollIntoView`, which jsdom does not implement; without these no-ops a role
// select throws as soon as it opens. happy-dom and real browsers need nothing: existing methods are
// left as they are.

/** Adds the no-op DOM methods Radix needs where the environment lacks them (idempotent). */
export function installRadixDomPolyfills(): void {
  if (typeof HTMLElement === 'undefined') return;
  const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
  proto.hasPointerCapture ??= () => false;
  proto.setPointerCapture ??= () => {};
  proto.releasePointerCapture ??= () => {};
  proto.scrollIntoView ??= () => {};
}

installRadixDomPolyfills();
