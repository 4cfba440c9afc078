import { defineConfig } from 'vitest/config';

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
        test: { name: 'server', environment: 'node', include: ['packages/server/test/**/*.test.ts'] },
      },
      {
        resolve,
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['packages/react/test/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/dom.ts'],
          typecheck: { enabled: true, include: ['packages/react/test/**/*.test-d.ts'] },
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
    ],
  },
});
