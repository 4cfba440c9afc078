// Builds the playground: the React app (Vite, to dist/app) and the server (esbuild, to
// dist/server/main.js). Workspace packages are bundled from their TypeScript source (the `source`
// export condition), so no library build is needed; third-party packages stay external, imported
// by the absolute path they resolve to (better-sqlite3 is a native addon and cannot be bundled).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const demoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @type {import('esbuild').Plugin} */
const externalizeThirdParty = {
  name: 'externalize-third-party',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (
        args.path.startsWith('@roster/') ||
        args.path.startsWith('node:') ||
        args.pluginData === 'resolving'
      ) {
        return undefined;
      }
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: true };
    });
  },
};

/**
 * Builds the app and the server; resolves to the server's entry file.
 * @returns {Promise<{ appDir: string; serverEntry: string }>}
 */
export async function buildPlayground() {
  await viteBuild({ configFile: resolve(demoDir, 'vite.config.ts'), logLevel: 'warn' });
  const serverEntry = resolve(demoDir, 'dist/server/main.js');
  await esbuild({
    entryPoints: [resolve(demoDir, 'server/main.ts')],
    outfile: serverEntry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    plugins: [externalizeThirdParty],
    logLevel: 'warning',
  });
  return { appDir: resolve(demoDir, 'dist/app'), serverEntry };
}
