import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST, DEFAULT_PORT, parseCliOptions } from '../src/cli-options';
import { DEFAULT_SECRET_KEY } from '../src/index';

function run(argv: string[]) {
  const result = parseCliOptions(argv);
  if (result.kind !== 'run') throw new Error(`Expected options, got ${result.kind}`);
  return result.options;
}

describe('given the roster-server command line', () => {
  it('when no option is given, it uses the documented defaults', () => {
    expect(run([])).toEqual({
      port: DEFAULT_PORT,
      host: DEFAULT_HOST,
      database: ':memory:',
      secretKey: DEFAULT_SECRET_KEY,
      seed: 'demo',
      latency: 0,
      failureRate: 0,
      rateLimit: false,
    });
    expect(DEFAULT_PORT).toBe(4319);
  });

  it('when every option is given (both --name value and --name=value), it reads each one', () => {
    expect(
      run([
        '--port=0',
        '--host',
        '0.0.0.0',
        '--db',
        'data/roster.sqlite',
        '--secret-key=sk_test_x',
        '--seed',
        '100000',
        '--latency',
        '100-600',
        '--fail-rate',
        '0.25',
        '--rate-limit',
        '100/10s',
      ]),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      database: 'data/roster.sqlite',
      secretKey: 'sk_test_x',
      seed: 100000,
      latency: { min: 100, max: 600 },
      failureRate: 0.25,
      rateLimit: { requests: 100, windowMs: 10_000 },
    });
  });

  it.each([
    ['10/s', { requests: 10, windowMs: 1000 }],
    ['10', { requests: 10, windowMs: 1000 }],
    ['600/min', { requests: 600, windowMs: 60_000 }],
    ['5/250ms', { requests: 5, windowMs: 250 }],
  ])('when --rate-limit is %s, it means %o', (value, expected) => {
    expect(run(['--rate-limit', value]).rateLimit).toEqual(expected);
  });

  it('when --seed none or --latency 250 is given, it reads them', () => {
    expect(run(['--seed', 'none']).seed).toBe(false);
    expect(run(['--latency', '250']).latency).toBe(250);
  });

  it('when --help is given, it answers the usage, which names every option', () => {
    const result = parseCliOptions(['--help']);
    expect(result.kind).toBe('help');
    const text = result.kind === 'help' ? result.text : '';
    for (const option of [
      '--port',
      '--host',
      '--db',
      '--secret-key',
      '--seed',
      '--latency',
      '--fail-rate',
      '--rate-limit',
    ]) {
      expect(text).toContain(option);
    }
  });

  it.each([
    [['--port', 'http']],
    [['--port', '70000']],
    [['--seed', 'lots']],
    [['--seed', '1']],
    [['--latency', '9-3']],
    [['--fail-rate', '1.5']],
    [['--rate-limit', 'fast']],
    [['--verbose']],
    [['serve']],
    [['--db']],
  ])('when the arguments are %j, it answers an error with the usage', (argv) => {
    const result = parseCliOptions(argv);
    expect(result.kind).toBe('error');
  });
});
