import { RosterApiError } from './errors';

/**
 * The symbol under which a decoded model keeps the wire fields the codec does not know, verbatim
 * (snake_case keys, untouched values). `Symbol.for` so every bundle copy of the kit agrees on it.
 * It is an own enumerable symbol property: object spread and rest copy it, `JSON.stringify` and
 * `Object.keys` ignore it.
 */
export const UNKNOWN_WIRE_FIELDS: unique symbol = Symbol.for('roster.unknownWireFields') as never;

/** The code of the error a decoder throws on a response that does not have the documented shape. */
export const MALFORMED_RESPONSE = 'malformed_response';

/** Build the `malformed_response` error that names the offending wire path. */
export function malformedResponseError(path: string, problem: string, status = 200): RosterApiError {
  const where = path === '' ? 'the response body' : path;
  return new RosterApiError({
    status,
    errors: [
      {
        code: MALFORMED_RESPONSE,
        message: 'Malformed response',
        longMessage: `Malformed response: ${where} ${problem}`,
        meta: { path },
      },
    ],
  });
}

function describe(value: unknown): string {
  if (value === undefined) return 'is missing';
  if (value === null) return 'is null';
  if (Array.isArray(value)) return 'is an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return `is ${String(value)}`;
  return `is a ${typeof value}`;
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Join a wire path and a key: `data[3]` + `public_user_data` -> `data[3].public_user_data`. */
function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * A strict reader of one wire object: every accessor either returns a value of the documented
 * type or throws `malformed_response` naming the full path of the field. It remembers which keys
 * were read, so the rest can be carried as unknown fields.
 */
export class WireReader {
  private readonly read = new Set<string>();

  private constructor(
    private readonly value: Record<string, unknown>,
    readonly path: string,
  ) {}

  /** Read `value` as an object at `path`, or throw. */
  static of(value: unknown, path: string): WireReader {
    if (!isJsonObject(value))
      throw malformedResponseError(path, `should be an object but ${describe(value)}`);
    return new WireReader(value, path);
  }

  private take(key: string): unknown {
    this.read.add(key);
    return this.value[key];
  }

  private fail(key: string, expected: string, actual: unknown): never {
    throw malformedResponseError(childPath(this.path, key), `should be ${expected} but ${describe(actual)}`);
  }

  /** A required literal string, e.g. `object: "organization_membership"`. */
  literal<T extends string>(key: string, expected: T): T {
    const v = this.take(key);
    if (v !== expected) this.fail(key, `"${expected}"`, v);
    return expected;
  }

  string(key: string): string {
    const v = this.take(key);
    if (typeof v !== 'string') this.fail(key, 'a string', v);
    return v;
  }

  /** Required, but may be `null`. */
  nullableString(key: string): string | null {
    const v = this.take(key);
    if (v !== null && typeof v !== 'string') this.fail(key, 'a string or null', v);
    return v;
  }

  /** May be absent; `null` reads as absent. */
  optionalString(key: string): string | undefined {
    const v = this.take(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') this.fail(key, 'a string', v);
    return v;
  }

  /** May be absent (`undefined`) or `null`; both are kept apart. */
  optionalNullableString(key: string): string | null | undefined {
    const v = this.take(key);
    if (v !== undefined && v !== null && typeof v !== 'string') this.fail(key, 'a string or null', v);
    return v;
  }

  boolean(key: string): boolean {
    const v = this.take(key);
    if (typeof v !== 'boolean') this.fail(key, 'a boolean', v);
    return v;
  }

  optionalBoolean(key: string): boolean | undefined {
    const v = this.take(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') this.fail(key, 'a boolean', v);
    return v;
  }

  /** A safe integer (timestamps are Unix ms integers). */
  integer(key: string): number {
    const v = this.take(key);
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) this.fail(key, 'an integer', v);
    return v;
  }

  /** Required, but may be `null`. */
  nullableInteger(key: string): number | null {
    const v = this.take(key);
    if (v !== null && (typeof v !== 'number' || !Number.isSafeInteger(v)))
      this.fail(key, 'an integer or null', v);
    return v;
  }

  optionalInteger(key: string): number | undefined {
    const v = this.take(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) this.fail(key, 'an integer', v);
    return v;
  }

  /** A required JSON object (metadata), returned as is. */
  object(key: string): Record<string, unknown> {
    const v = this.take(key);
    if (!isJsonObject(v)) this.fail(key, 'an object', v);
    return v;
  }

  /** An optional JSON object; `null` reads as absent. */
  optionalObject(key: string): Record<string, unknown> | undefined {
    const v = this.take(key);
    if (v === undefined || v === null) return undefined;
    if (!isJsonObject(v)) this.fail(key, 'an object', v);
    return v;
  }

  stringArray(key: string): string[] {
    return this.array(key, (item, path) => {
      if (typeof item !== 'string')
        throw malformedResponseError(path, `should be a string but ${describe(item)}`);
      return item;
    });
  }

  /** A required array whose items are decoded with their own path (`key[i]`). */
  array<T>(key: string, decodeItem: (item: unknown, path: string) => T): T[] {
    const v = this.take(key);
    if (!Array.isArray(v)) this.fail(key, 'an array', v);
    const base = childPath(this.path, key);
    return v.map((item, i) => decodeItem(item, `${base}[${i}]`));
  }

  /** The path of a child field, for nested decoders. */
  pathOf(key: string): string {
    return childPath(this.path, key);
  }

  /** A required nested value, handed to a nested decoder with its path. */
  nested<T>(key: string, decode: (value: unknown, path: string) => T): T {
    return decode(this.take(key), childPath(this.path, key));
  }

  /** A required nested value that may be `null` (absent is malformed). */
  nullableNested<T>(key: string, decode: (value: unknown, path: string) => T): T | null {
    const v = this.take(key);
    if (v === undefined) this.fail(key, 'an object or null', v);
    if (v === null) return null;
    return decode(v, childPath(this.path, key));
  }

  /** A nested value that may be absent (or `null`). */
  optionalNested<T>(key: string, decode: (value: unknown, path: string) => T): T | undefined {
    const v = this.take(key);
    if (v === undefined || v === null) return undefined;
    return decode(v, childPath(this.path, key));
  }

  /** The fields no accessor read, verbatim; `undefined` when there are none. */
  unknownFields(): Record<string, unknown> | undefined {
    let extra: Record<string, unknown> | undefined;
    for (const [key, v] of Object.entries(this.value)) {
      if (this.read.has(key)) continue;
      extra ??= {};
      extra[key] = v;
    }
    return extra;
  }
}

/** Attach unknown wire fields to a decoded model (no-op when there are none). */
export function withUnknownFields<T extends object>(model: T, extra: Record<string, unknown> | undefined): T {
  if (extra !== undefined) (model as Record<symbol, unknown>)[UNKNOWN_WIRE_FIELDS] = extra;
  return model;
}

/**
 * Write a model's known wire fields, then its carried unknown fields (known fields win), then
 * defaults for spec-required fields the model does not hold (carried values win over defaults).
 */
export function withCarriedFields<J extends object>(
  json: J,
  model: object,
  defaults?: Record<string, unknown>,
): J {
  const out = json as Record<string, unknown>;
  const extra = (model as Record<symbol, unknown>)[UNKNOWN_WIRE_FIELDS];
  if (isJsonObject(extra)) {
    for (const [key, v] of Object.entries(extra)) if (!(key in out)) out[key] = v;
  }
  if (defaults) {
    for (const [key, v] of Object.entries(defaults)) if (!(key in out)) out[key] = v;
  }
  return json;
}

/**
 * The wire fields a decoded model carries because the codec does not know them (snake_case keys,
 * values as received); `{}` for a model built in code. Encoders write them back.
 */
export function getUnknownWireFields(model: object): Readonly<Record<string, unknown>> {
  const extra = (model as Record<symbol, unknown>)[UNKNOWN_WIRE_FIELDS];
  return isJsonObject(extra) ? extra : {};
}

/** Decode a paginated list (`{ data, total_count }`) at the root, items at `data[i]`. */
export function decodeWireList<T>(
  json: unknown,
  decodeItem: (item: unknown, path: string) => T,
): { data: T[]; totalCount: number } {
  const r = WireReader.of(json, '');
  return { data: r.array('data', decodeItem), totalCount: r.integer('total_count') };
}
