// Builds the playground's web app once before the end-to-end tests (Vite, production build).
import { resolve } from 'node:path';
import { build } from 'vite';

export default async function buildPlaygroundApp(): Promise<void> {
  await build({
    configFile: resolve(import.meta.dirname, '../../packages/demo/vite.config.ts'),
    logLevel: 'error',
  });
}
