import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE_PATH } from './test/setup/chromium';

const resolve = { conditions: ['source'] };

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        test: { name: 'core', environment: 'node', include: ['packages/core/test/**/*.test.ts'] },
      },
      {
        resolve,
        // Node-environment tests resolve through Vite's SSR resolver, which needs the condition too.
        ssr: { resolve },
        test: { name: 'server', environment: 'node', include: ['packages/server/test/**/*.test.ts'] },
      },
      {
        resolve,
        ssr: { resolve },
        test: { name: 'handler', environment: 'node', include: ['packages/handler/test/**/*.test.ts'] },
      },
      {
        // One semantic suite run against the memory client and the local server (test/contract).
        resolve,
        ssr: { resolve },
        test: { name: 'contract', environment: 'node', include: ['test/contract/**/*.test.ts'] },
      },
      {
        resolve,
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['packages/react/test/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/dom.ts'],
          typecheck: {
            enabled: true,
            include: ['packages/react/test/**/*.test-d.ts'],
            tsconfig: 'packages/react/tsconfig.json',
          },
        },
      },
      {
        resolve,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['packages/ui/test/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/dom.ts'],
        },
      },
      {
        // Storybook stories as tests (play functions + axe) in headless Debian Chromium.
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'stories',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM_EXECUTABLE_PATH,
                args: ['--headless', ...CHROMIUM_ARGS],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        resolve,
        ssr: { resolve },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
