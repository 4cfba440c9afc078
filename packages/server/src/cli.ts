#!/usr/bin/env node
import { createBackendApi } from './backend-api';
import { parseCliOptions } from './cli-options';

/** `roster-server`: starts the local Backend API and stops it cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const parsed = parseCliOptions(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`roster-server: ${parsed.message}\n\n${parsed.text}`);
    process.exitCode = 2;
    return;
  }
  const { options } = parsed;
  const api = createBackendApi({
    database: options.database,
    secretKey: options.secretKey,
    seed: options.seed,
    latency: options.latency,
    failRate: options.failRate,
    rateLimit: options.rateLimit,
  });
  let listening: Awaited<ReturnType<typeof api.listen>>;
  try {
    listening = await api.listen({ port: options.port, host: options.host });
  } catch (error) {
    api.close();
    throw error;
  }
  const seedText = options.seed === false ? 'none' : String(options.seed);
  process.stdout.write(
    [
      `Roster local Backend API listening on ${listening.url}/v1`,
      `  secret key: ${options.secretKey}   (send "Authorization: Bearer ${options.secretKey}")`,
      `  database:   ${options.database}   seed: ${seedText} (empty databases only)`,
      `  Clerk SDK:  createClerkClient({ secretKey: '${options.secretKey}', apiUrl: '${listening.url}' })`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: closing the server and the database.\n`);
    void listening.close().then(() => {
      api.close();
      process.exitCode = 0;
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`roster-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
