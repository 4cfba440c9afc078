import { defineConfig } from 'tsdown';

export default defineConfig({
  // The library and the `roster-server` bin (dist/cli.js).
  entry: ['src/index.ts', 'src/cli.ts'],
  format: 'esm',
  platform: 'node',
  // `.js`/`.d.ts` (the package is "type": "module"), matching the `exports` map and `bin`.
  fixedExtension: false,
  dts: true,
  clean: true,
});
