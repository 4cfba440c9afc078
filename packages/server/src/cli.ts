#!/usr/bin/env node
import { runCli } from './cli-run';

// `roster-server`: see `roster-server --help` and the package README.
runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  onSignal: (signal, handler) => process.once(signal, handler),
})
  .then(async (run) => {
    process.exitCode = await run.exitCode;
  })
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`roster-server: ${message}\n`);
    // better-sqlite3 is native: an install that skipped its build script has no binding.
    if (/bindings file|better_sqlite3\.node/.test(message)) {
      process.stderr.write(
        'roster-server: better-sqlite3 was installed without its native build. Run `npm rebuild better-sqlite3` (pnpm: `pnpm approve-builds`, or list it under allowBuilds), with build tools and Node headers (npm_config_nodedir) available.\n',
      );
    }
    process.exitCode = 1;
  });
