// Section 1: bundle sizes (esbuild, minified, gzip level 9; react and react-dom external) of
// Roster's entries through their built dist, the floor (the libraries Roster builds on, alone) and
// the peers. Deterministic, so one process. Prints one JSON line: { entries: [...] }.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(benchDir, 'package.json'));
const EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', 'react/jsx-dev-runtime'];

/** Bundles `source` (an ES module importing what an app would) and returns its minified and gzip bytes. */
async function bundle(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: benchDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: 'out',
    external: EXTERNAL,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'css' },
    logLevel: 'silent',
  });
  let js = 0;
  let gz = 0;
  let css = 0;
  for (const file of result.outputFiles) {
    if (file.path.endsWith('.css')) css += gzipSync(file.contents, { level: 9 }).length;
    else {
      js += file.contents.length;
      gz += gzipSync(file.contents, { level: 9 }).length;
    }
  }
  return { minified: js, gzip: gz, cssGzip: css };
}

/** A file as shipped (already minified): its bytes and gzip bytes. */
function fileSize(path) {
  const contents = readFileSync(path);
  return { minified: contents.length, gzip: gzipSync(contents, { level: 9 }).length };
}

/** CSS files minified by esbuild, then gzipped together. */
async function cssSize(paths) {
  const source = paths.map((p) => `@import ${JSON.stringify(p)};`).join('\n');
  const result = await build({
    stdin: { contents: source, resolveDir: benchDir, loader: 'css' },
    bundle: true,
    minify: true,
    write: false,
    outdir: 'out',
    logLevel: 'silent',
  });
  const contents = Buffer.concat(result.outputFiles.map((f) => Buffer.from(f.contents)));
  return { minified: contents.length, gzip: gzipSync(contents, { level: 9 }).length };
}

const ENTRIES = [
  ['roster', 'RoleSelect alone', `export { RoleSelect } from '@roster/ui';`],
  ['roster', 'RemoveMemberDialog alone', `export { RemoveMemberDialog } from '@roster/ui';`],
  ['roster', 'MemberList alone', `export { MemberList } from '@roster/ui';`],
  ['roster', 'OrganizationMembersPanel', `export { OrganizationMembersPanel } from '@roster/ui';`],
  [
    'roster',
    'getMemberDisplayName alone (one function)',
    `export { getMemberDisplayName } from '@roster/ui';`,
  ],
  [
    'roster',
    '@roster/react useOrganizationMemberships',
    `export { useOrganizationMemberships } from '@roster/react';`,
  ],
  ['floor', 'Radix Select alone (whole primitive)', `export * as Select from '@radix-ui/react-select';`],
  [
    'floor',
    'swr + Radix Select + Radix Dialog (whole primitives)',
    `export * as Select from '@radix-ui/react-select';\nexport * as Dialog from '@radix-ui/react-dialog';\nexport { default as useSWR, useSWRConfig, mutate } from 'swr';`,
  ],
  ['floor', 'swr alone', `export { default as useSWR, useSWRConfig, mutate } from 'swr';`],
  [
    'peer',
    '@clerk/clerk-react OrganizationProfile (the React part)',
    `export { OrganizationProfile, ClerkProvider } from '@clerk/clerk-react';`,
  ],
  [
    'peer',
    '@workos-inc/widgets UsersManagement (JS)',
    `export { UsersManagement, WorkOsWidgets } from '@workos-inc/widgets';`,
  ],
  [
    'peer',
    '@daveyplate/better-auth-ui OrganizationMembersCard (JS)',
    `export { OrganizationMembersCard, AuthUIProvider } from '@daveyplate/better-auth-ui';`,
  ],
];

const entries = [];
for (const [group, name, source] of ENTRIES) {
  try {
    entries.push({ group, name, ...(await bundle(source)) });
  } catch (error) {
    entries.push({ group, name, error: String(error?.message ?? error).split('\n')[0] });
  }
}

// Clerk: the runtime script @clerk/clerk-react loads (clerk.browser.js), and its lazily loaded chunks.
try {
  const clerkDist = join(benchDir, 'node_modules', '@clerk', 'clerk-js');
  const main = fileSize(join(clerkDist, 'dist', 'clerk.browser.js'));
  entries.push({
    group: 'peer',
    name: '@clerk/clerk-js clerk.browser.js (the script loaded at run time)',
    ...main,
  });
  let all = { minified: main.minified, gzip: main.gzip };
  for (const file of readdirSync(join(clerkDist, 'dist'))) {
    if (!/^\d+_clerk\.browser_/.test(file)) continue;
    const size = fileSize(join(clerkDist, 'dist', file));
    all = { minified: all.minified + size.minified, gzip: all.gzip + size.gzip };
  }
  entries.push({ group: 'peer', name: '@clerk/clerk-js browser bundle with all its lazy chunks', ...all });
} catch (error) {
  entries.push({
    group: 'peer',
    name: '@clerk/clerk-js clerk.browser.js',
    error: String(error?.message ?? error),
  });
}

// WorkOS: the CSS its widgets require (Radix Themes' styles and the widgets' own).
try {
  const css = await cssSize([
    require.resolve('@radix-ui/themes/styles.css'),
    join(benchDir, 'node_modules', '@workos-inc', 'widgets', 'dist', 'css', 'styles.css'),
  ]);
  entries.push({
    group: 'peer',
    name: '@workos-inc/widgets required CSS (@radix-ui/themes + widgets styles.css)',
    ...css,
  });
} catch (error) {
  entries.push({
    group: 'peer',
    name: '@workos-inc/widgets required CSS',
    error: String(error?.message ?? error),
  });
}

console.log(JSON.stringify({ entries }));
