import { createBackendApi } from './backend-api';
import { parseCliOptions } from './cli-options';

/** What `runCli` talks to: the process in `cli.ts`, fakes in tests. */
export interface CliEnvironment {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Registers a one-time handler for SIGINT and SIGTERM. */
  onSignal: (signal: 'SIGINT' | 'SIGTERM', handler: () => void) => void;
}

/** A started `roster-server`: where it listens, and a promise that settles once it has stopped. */
export interface CliRun {
  /** The exit code: 0 after a clean stop or `--help`, 2 for bad arguments. */
  exitCode: Promise<number>;
  /** The API origin (`.../v1`) when the server started. */
  url?: string;
}

/**
 * `roster-server`'s behaviour, without touching `process`: parses the arguments, starts the server,
 * prints where it listens and which key to use, and on SIGINT/SIGTERM closes the HTTP server and
 * then the database before resolving the exit code.
 */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<CliRun> {
  const parsed = parseCliOptions(argv);
  if (parsed.kind === 'help') {
    env.stdout(parsed.text);
    return { exitCode: Promise.resolve(0) };
  }
  if (parsed.kind === 'error') {
    env.stderr(`roster-server: ${parsed.message}\n\n${parsed.text}`);
    return { exitCode: Promise.resolve(2) };
  }
  const { options } = parsed;
  const api = createBackendApi({
    database: options.database,
    secretKey: options.secretKey,
    seed: options.seed,
    latency: options.latency,
    failureRate: options.failureRate,
    rateLimit: options.rateLimit,
  });
  let listening: Awaited<ReturnType<typeof api.listen>>;
  try {
    listening = await api.listen({ port: options.port, host: options.host });
  } catch (error) {
    api.close();
    throw error;
  }
  const url = `${listening.url}/v1`;
  const seedText = options.seed === false ? 'none' : String(options.seed);
  env.stdout(
    [
      `Roster local Backend API listening on ${url}`,
      `  secret key: ${options.secretKey}   (send "Authorization: Bearer ${options.secretKey}")`,
      `  database:   ${options.database}   seed: ${seedText} (applied to an empty database only)`,
      `  Clerk SDK:  createClerkClient({ secretKey: '${options.secretKey}', apiUrl: '${listening.url}' })`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const exitCode = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      env.stdout(`\n${signal}: closing the server and the database.\n`);
      void listening.close().then(() => {
        api.close();
        resolve(0);
      });
    };
    env.onSignal('SIGINT', () => stop('SIGINT'));
    env.onSignal('SIGTERM', () => stop('SIGTERM'));
  });
  return { exitCode, url };
}
