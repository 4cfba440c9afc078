import { defineConfig } from 'tsdown';

export default defineConfig({
  // The handler (Web APIs only) and its Node adapter, as two entries: the main one never loads `node:`.
  entry: ['src/index.ts', 'src/node.ts'],
  format: 'esm',
  platform: 'neutral',
  external: [/^node:/],
  dts: true,
  clean: true,
});
