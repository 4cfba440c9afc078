import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions } from 'vite';

const source = (path: string) => fileURLToPath(new URL(`../packages/${path}`, import.meta.url));

/**
 * The Roster catalog. Stories import the packages by name (`@roster/ui`, `@roster/react`,
 * `@roster/core`) and run against their source: the `source` export condition, plus aliases because
 * the repository root does not depend on the workspace packages.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    viteConfig.resolve ??= {};
    viteConfig.resolve.conditions = ['source', ...defaultClientConditions];
    viteConfig.resolve.alias = [
      ...(Array.isArray(viteConfig.resolve.alias) ? viteConfig.resolve.alias : []),
      { find: /^@roster\/ui\/styles\.css/, replacement: source('ui/src/styles.css') },
      { find: /^@roster\/ui$/, replacement: source('ui/src/index.ts') },
      { find: /^@roster\/react$/, replacement: source('react/src/index.ts') },
      { find: /^@roster\/core$/, replacement: source('core/src/index.ts') },
    ];
    return viteConfig;
  },
};

export default config;
