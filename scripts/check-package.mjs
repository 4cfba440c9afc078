// `pnpm check:package` in a package folder: packs it the way it is published (pnpm applies
// `publishConfig`, so the workspace-only `source` condition is gone), then checks the tarball:
// publint (strict), Are the Types Wrong (ESM only), a LICENSE and a README inside, and no export
// condition pointing at a file the tarball does not ship.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'roster-pack-'));
const bin = (name) => resolve(import.meta.dirname, '../node_modules/.bin', name);
const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...options });

try {
  run('pnpm', ['pack', '--pack-destination', dir]);
  const tarball = join(
    dir,
    readdirSync(dir).find((name) => name.endsWith('.tgz')),
  );
  run('tar', ['xzf', tarball, '-C', dir]);
  const root = join(dir, 'package');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const problems = [];
  for (const file of ['LICENSE', 'README.md']) {
    if (!existsSync(join(root, file))) problems.push(`${file} is not in the tarball`);
  }
  const walk = (value, path) => {
    if (typeof value === 'string') {
      if (!existsSync(join(root, value)))
        problems.push(`exports${path} points at ${value}, which is not shipped`);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'source') problems.push(`exports${path} keeps the workspace-only "source" condition`);
        walk(item, `${path}[${JSON.stringify(key)}]`);
      }
    }
  };
  walk(manifest.exports, '');
  for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
    if (/^\d/.test(range)) problems.push(`dependency ${name} is pinned to ${range}: use a range`);
  }
  if (problems.length > 0) {
    console.error(`${manifest.name}:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  process.stdout.write(run(bin('publint'), ['run', root, '--strict', '--pack', 'false']));
  process.stdout.write(run(bin('attw'), [tarball, '--profile', 'esm-only']));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
