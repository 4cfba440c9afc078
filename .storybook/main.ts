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
  stories: ['../stories/docs/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  typescript: {
    // The props tables of the docs pages come from the components' TypeScript types and JSDoc.
    // react-docgen (Storybook's default) drops props a type inherits through `Omit<...>` (the
    // MemberList's `organizationId`, most of the panel's props); react-docgen-typescript resolves
    // them with the compiler. Only @roster/ui's sources need it; props from React's DOM types are
    // left out (they come from node_modules).
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: fileURLToPath(new URL('../packages/ui/tsconfig.json', import.meta.url)),
      include: ['**/packages/ui/src/**/*.tsx'],
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      savePropValueAsString: true,
      propFilter: (prop) => !prop.parent?.fileName.includes('node_modules'),
    },
  },
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
