import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: [
    'src/index.ts',
    'src/test-setup.ts',
    'src/locales/de.ts',
    'src/locales/fr.ts',
    'src/locales/es.ts',
    'src/locales/ja.ts',
    'src/locales/pt-BR.ts',
  ],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  clean: true,
});
