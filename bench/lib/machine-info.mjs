// The report's header facts: machine, versions, date and commit.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, release, totalmem, type } from 'node:os';

const require = createRequire(import.meta.url);

function run(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function osName() {
  try {
    const line = readFileSync('/etc/os-release', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('PRETTY_NAME='));
    if (line) return `${line.slice(13).replaceAll('"', '')} (${type()} ${release()})`;
  } catch {
    // not Linux
  }
  return `${type()} ${release()}`;
}

function packageVersion(name) {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    return 'unknown';
  }
}

/** `{ cpu, cores, memoryGb, os, node, chromium, react, date, commit, dirty }`. */
export function machineInfo(repoRoot) {
  const status = run('git', ['-C', repoRoot, 'status', '--porcelain', '--untracked-files=no']);
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: (totalmem() / 1024 ** 3).toFixed(1),
    os: osName(),
    node: process.version,
    chromium: run('/usr/bin/chromium', ['--version']).split('\n').at(-1),
    react: packageVersion('react'),
    date: new Date().toISOString(),
    commit: run('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD']),
    dirty: status !== '' && status !== 'unknown',
  };
}
