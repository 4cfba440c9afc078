// Shared setup for the jsdom test projects (react, ui).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Radix Select uses pointer capture and scrollIntoView, which jsdom does not implement.
// Real browser behaviour is checked in Chromium (story tests and end-to-end).
const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
proto.hasPointerCapture ??= () => false;
proto.setPointerCapture ??= () => {};
proto.releasePointerCapture ??= () => {};
proto.scrollIntoView ??= () => {};

afterEach(() => {
  cleanup();
});
