/**
 * How every browser test launches Chromium: Debian's package (never a test tool's download), with
 * the flags a headless, sandbox-less, offline machine needs (see docs/TOOLCHAIN.md). Without the
 * background-networking flags Chromium keeps trying to reach the outside and is refused.
 */
export const CHROMIUM_EXECUTABLE_PATH = '/usr/bin/chromium';

/** Chromium flags for the story tests (vitest.config.ts) and the end-to-end tests (test/e2e). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
