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
    process.stderr.write(`roster-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
