import { DEFAULT_SECRET_KEY } from './backend-api';
import type { Latency, RateLimit } from './fault-injection';

/** The default port of `roster-server`. */
export const DEFAULT_PORT = 4319;
/** The default host of `roster-server` (loopback only). */
export const DEFAULT_HOST = '127.0.0.1';

/** What `roster-server`'s command line asks for. */
export interface CliOptions {
  port: number;
  host: string;
  database: string;
  secretKey: string;
  seed: 'demo' | number | false;
  latency: Latency;
  failureRate: number;
  rateLimit: RateLimit | false;
}

/** The result of reading the command line: options to run with, the help text, or an error. */
export type CliParseResult =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string; text: string };

/** `roster-server --help`. */
export const CLI_USAGE = `roster-server: a local Clerk-compatible Backend API on SQLite

Usage: roster-server [options]

Options:
  --port <n>             Port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --host <host>          Host to bind (default ${DEFAULT_HOST})
  --db <file|:memory:>   SQLite database file, created when missing (default :memory:)
  --secret-key <key>     Key clients send as "Authorization: Bearer <key>" (default ${DEFAULT_SECRET_KEY})
  --seed <demo|N|none>   Seed an empty database: the demo data, the demo with N members in Acme,
                         or nothing (default demo). A database with data is never re-seeded.
  --latency <ms|min-max> Delay every request, e.g. 200 or 100-600 (default 0)
  --fail-rate <0..1>     Fail this share of mutations with an injected 500 (default 0)
  --rate-limit <N/s>     Answer 429 with Retry-After beyond N requests per window: N/s, N/10s,
                         N/min, or N (per second) (default: no limit)
  --help                 Show this help
`;

const VALUE_OPTIONS = new Set([
  'port',
  'host',
  'db',
  'secret-key',
  'seed',
  'latency',
  'fail-rate',
  'rate-limit',
]);

function parseLatency(value: string): Latency | null {
  const range = /^(\d+)-(\d+)$/.exec(value);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    return min <= max ? { min, max } : null;
  }
  return /^\d+$/.test(value) ? Number(value) : null;
}

function parseRateLimit(value: string): RateLimit | null {
  const match = /^(\d+)(?:\/(\d*)(ms|s|sec|m|min|h)?)?$/.exec(value.trim());
  if (!match) return null;
  const requests = Number(match[1]);
  const count = match[2] === undefined || match[2] === '' ? 1 : Number(match[2]);
  const unitMs = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[match[3] ?? 's'] ?? 1000;
  if (requests < 1 || count < 1) return null;
  return { requests, windowMs: count * unitMs };
}

function parseSeed(value: string): CliOptions['seed'] | null {
  if (value === 'demo') return 'demo';
  if (value === 'none' || value === 'false') return false;
  if (/^\d+$/.test(value) && Number(value) >= 2 && Number.isSafeInteger(Number(value))) return Number(value);
  return null;
}

/** Reads `roster-server`'s arguments (`--name value` or `--name=value`). Pure: no I/O. */
export function parseCliOptions(argv: readonly string[]): CliParseResult {
  const options: CliOptions = {
    port: DEFAULT_PORT,
    host: DEFAULT_HOST,
    database: ':memory:',
    secretKey: DEFAULT_SECRET_KEY,
    seed: 'demo',
    latency: 0,
    failureRate: 0,
    rateLimit: false,
  };
  const fail = (message: string): CliParseResult => ({ kind: 'error', message, text: CLI_USAGE });
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return { kind: 'help', text: CLI_USAGE };
    if (!arg.startsWith('--')) return fail(`Unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!VALUE_OPTIONS.has(name)) return fail(`Unknown option: --${name}`);
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined || value === '') return fail(`--${name} needs a value`);
    switch (name) {
      case 'port': {
        const port = Number(value);
        if (!/^\d+$/.test(value) || port > 65535) return fail(`--port must be 0..65535, got ${value}`);
        options.port = port;
        break;
      }
      case 'host':
        options.host = value;
        break;
      case 'db':
        options.database = value;
        break;
      case 'secret-key':
        options.secretKey = value;
        break;
      case 'seed': {
        const seed = parseSeed(value);
        if (seed === null) return fail(`--seed must be demo, none or a member count >= 2, got ${value}`);
        options.seed = seed;
        break;
      }
      case 'latency': {
        const latency = parseLatency(value);
        if (latency === null) return fail(`--latency must be ms or min-max, got ${value}`);
        options.latency = latency;
        break;
      }
      case 'fail-rate': {
        const rate = Number(value);
        if (!/^\d*\.?\d+$/.test(value) || rate > 1) return fail(`--fail-rate must be 0..1, got ${value}`);
        options.failureRate = rate;
        break;
      }
      case 'rate-limit': {
        const rateLimit = parseRateLimit(value);
        if (rateLimit === null)
          return fail(`--rate-limit must look like 10/s, 100/10s or 600/min, got ${value}`);
        options.rateLimit = rateLimit;
        break;
      }
    }
  }
  return { kind: 'run', options };
}
