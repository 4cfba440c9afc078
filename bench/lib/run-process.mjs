// Runs one measuring process and reads its result: the JSON object on its last stdout line.
import { spawn } from 'node:child_process';

/**
 * Runs `command args` (cwd `cwd`, extra `env`); resolves `{ ok: true, value }` with the last stdout
 * line parsed as JSON, or `{ ok: false, error }` (exit code, stderr tail) when it fails or prints none.
 */
export function runProcess(command, args, { cwd, env = {}, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, error: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        const value = JSON.parse(last);
        if (code === 0 && value && typeof value === 'object') return resolve({ ok: true, value });
      } catch {
        // falls through to the failure below
      }
      resolve({ ok: false, error: `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
    });
  });
}

/** Runs the same measuring script in `count` separate processes, one after another. */
export async function runInProcesses(count, command, args, options) {
  const results = [];
  for (let i = 0; i < count; i += 1) results.push(await runProcess(command, args, options));
  return results;
}
