// `pnpm check:install`: installs the packages as a user gets them. Packs every publishable package
// (after `pnpm build`), installs the tarballs with npm into a fresh folder outside the workspace (no
// workspace links, no `source` condition), and imports every entry of every package in Node. A
// manifest that only works inside the monorepo fails here. Then it checks that installing the
// browser-facing packages compiled nothing native (no `binding.gyp` anywhere in that install).
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'roster-install-'));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

/** Every publishable package: its name, folder and entry points (from `exports`, minus CSS and JSON). */
function publishable() {
  return readdirSync(join(repo, 'packages'))
    .map((folder) => ({
      folder: join(repo, 'packages', folder),
      file: join(repo, 'packages', folder, 'package.json'),
    }))
    .filter(({ file }) => existsSync(file))
    .map(({ folder, file }) => ({ folder, manifest: JSON.parse(readFileSync(file, 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ folder, manifest }) => ({
      name: manifest.name,
      folder,
      entries: Object.keys(manifest.exports)
        .filter((key) => !key.endsWith('.json') && !key.endsWith('.css'))
        .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`)),
      native: Object.keys(manifest.dependencies ?? {}).includes('better-sqlite3'),
    }));
}

/** Installs `packages` (tarballs) with npm into a new folder and imports each entry. */
function installAndImport(label, packages, tarballs) {
  const app = join(work, label);
  mkdirSync(app);
  const dependencies = { react: '^19.0.0', 'react-dom': '^19.0.0' };
  for (const pkg of packages) dependencies[pkg.name] = `file:${tarballs.get(pkg.name)}`;
  // Roster packages depend on each other by range: the local tarballs satisfy those ranges.
  for (const [name, tarball] of tarballs) dependencies[name] ??= `file:${tarball}`;
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: `roster-${label}`, private: true, type: 'module', dependencies }),
  );
  const started = Date.now();
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app);
  const entries = packages.flatMap((pkg) => pkg.entries);
  const script = entries.map((entry) => `await import(${JSON.stringify(entry)});`).join('\n');
  writeFileSync(join(app, 'check.mjs'), `${script}\nconsole.log('imported ${entries.length} entries');\n`);
  console.log(
    `${label}: installed in ${((Date.now() - started) / 1000).toFixed(1)} s; ${run('node', ['check.mjs'], app).trim()}: ${entries.join(', ')}`,
  );
  return app;
}

function findNativeBuilds(folder) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'binding.gyp') found.push(path);
    }
  };
  walk(join(folder, 'node_modules'));
  return found;
}

try {
  const packages = publishable();
  const tarballs = new Map();
  for (const pkg of packages) {
    const out = join(work, 'tarballs', pkg.name.replace('/', '-'));
    mkdirSync(out, { recursive: true });
    run('pnpm', ['pack', '--pack-destination', out], pkg.folder);
    tarballs.set(pkg.name, join(out, readdirSync(out)[0]));
  }
  const browserFacing = packages.filter((pkg) => !pkg.native);
  const webTarballs = new Map(
    [...tarballs].filter(([name]) => browserFacing.some((pkg) => pkg.name === name)),
  );
  const web = installAndImport('web', browserFacing, webTarballs);
  const native = findNativeBuilds(web);
  if (native.length > 0)
    throw new Error(
      `installing ${browserFacing.map((p) => p.name).join(', ')} built native code: ${native.join(', ')}`,
    );
  console.log(`web: no native build (${browserFacing.map((p) => p.name).join(', ')})`);
  installAndImport('all', packages, tarballs);
} finally {
  rmSync(work, { recursive: true, force: true });
}
