import {
  checkMetadataLimits,
  DEFAULT_PAGE_SIZE,
  MAX_FILTER_VALUES,
  MAX_PAGE_SIZE,
  type Metadata,
} from '@roster/core';
import { ClerkHttpError, paramInvalid, paramMissing, paramUnknown, requestBodyInvalid } from './clerk-error';
import type { IdInclusion } from './sql-fragments';

/**
 * The largest JSON body accepted (bytes): a larger `Content-Length` is refused before reading, and a
 * body without one (chunked) is counted while it streams and refused as soon as it passes the limit.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The most values an array query parameter may carry. */
export const MAX_ARRAY_VALUES = MAX_FILTER_VALUES;

/**
 * Typed, validated access to a query string. Every reader throws Clerk's 422 with the parameter's
 * name for a value it cannot accept; absent parameters read as their default.
 */
export class QueryParams {
  private readonly params: URLSearchParams;

  constructor(params: URLSearchParams) {
    this.params = params;
  }

  /** The first value of a parameter (`name` or `name[]`), or `null`. */
  string(name: string): string | null {
    return this.params.get(name) ?? this.params.get(`${name}[]`);
  }

  /** Every value of an array parameter (`name=a&name=b` or `name[]=a`), empty strings dropped. */
  array(name: string): string[] {
    const values = [...this.params.getAll(name), ...this.params.getAll(`${name}[]`)].filter((v) => v !== '');
    if (values.length > MAX_ARRAY_VALUES) {
      throw new ClerkHttpError(
        422,
        'form_param_array_size_exceeded',
        'exceeds maximum size',
        `${name} should not exceed ${MAX_ARRAY_VALUES} items.`,
        { paramName: name },
      );
    }
    return values;
  }

  /** An ID array split by `+`/`-` prefixes. */
  inclusion(name: string): IdInclusion {
    const ids: IdInclusion = { include: [], exclude: [] };
    for (const value of this.array(name)) {
      if (value.startsWith('-')) ids.exclude.push(value.slice(1));
      else ids.include.push(value.startsWith('+') ? value.slice(1) : value);
    }
    return ids;
  }

  /**
   * A non-empty text filter, or `null`. Control characters (U+0000–U+001F, U+007F–U+009F) are
   * refused with a 422 before the text reaches SQL: no search text holds them.
   */
  text(name: string): string | null {
    const value = this.string(name);
    if (value !== null && hasControlCharacter(value)) {
      throw paramInvalid(name, `${name} must not contain control characters.`);
    }
    return value === null || value.trim() === '' ? null : value.trim();
  }

  /** An integer in `[min, max]`, or the default when absent. */
  integer(name: string, options: { defaultValue: number; min: number; max?: number }): number {
    const value = this.string(name);
    if (value === null || value === '') return options.defaultValue;
    const max = options.max ?? Number.MAX_SAFE_INTEGER;
    if (!/^-?\d+$/.test(value.trim())) {
      throw paramInvalid(name, `${name} must be an integer between ${options.min} and ${max}.`);
    }
    const n = Number(value.trim());
    if (!Number.isSafeInteger(n) || n < options.min || n > max) {
      throw paramInvalid(name, `${name} must be an integer between ${options.min} and ${max}.`);
    }
    return n;
  }

  /** A Unix-ms timestamp filter, or `null`. */
  timestamp(name: string): number | null {
    const value = this.string(name);
    if (value === null || value === '') return null;
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value.trim()))) {
      throw paramInvalid(name, `${name} must be a Unix timestamp in milliseconds.`);
    }
    return Number(value.trim());
  }

  /** A boolean flag (`true`/`false`), or the default when absent. */
  boolean(name: string, defaultValue: boolean): boolean {
    const value = this.string(name);
    if (value === null || value === '') return defaultValue;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw paramInvalid(name, `${name} must be true or false.`);
  }

  /** `limit` (1..500, default 10) and `offset` (>= 0, default 0). */
  paging(): { limit: number; offset: number } {
    return {
      limit: this.integer('limit', { defaultValue: DEFAULT_PAGE_SIZE, min: 1, max: MAX_PAGE_SIZE }),
      offset: this.integer('offset', { defaultValue: 0, min: 0 }),
    };
  }

  /**
   * `order_by`: one of `fields`, optionally prefixed with `+` (ascending, the default) or `-`. Only
   * the first `order_by` counts, as in the Backend API.
   */
  orderBy<F extends string>(
    fields: readonly F[],
    fallback: `${'+' | '-'}${F}`,
  ): { field: F; descending: boolean } {
    const value = this.string('order_by') ?? fallback;
    const descending = value.startsWith('-');
    const field = value.replace(/^[+-]/, '');
    if (!(fields as readonly string[]).includes(field)) {
      throw paramInvalid(
        'order_by',
        `${value} does not match the allowed values for parameter order_by. Allowed values: ${fields.join(', ')}`,
      );
    }
    return { field: field as F, descending };
  }
}

/** Whether a text holds a C0 or C1 control character (NUL included). */
export function hasControlCharacter(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return /[\u0000-\u001f\u007f-\u009f]/.test(text);
}

/**
 * 422 when metadata breaks one of core's metadata limits: nested deeper than `MAX_METADATA_DEPTH`
 * (`form_param_value_invalid`, checked first and without recursion) or larger than 8 KB serialized
 * (`form_param_exceeds_allowed_size`).
 */
export function assertMetadataLimits(name: string, value: Metadata): void {
  const violation = checkMetadataLimits(name, value);
  if (violation) {
    throw new ClerkHttpError(422, violation.code, violation.shortMessage, violation.message, {
      paramName: name,
    });
  }
}

/** 413 `request_body_too_large`: the body passed {@link MAX_BODY_BYTES}. */
function bodyTooLarge(): ClerkHttpError {
  return new ClerkHttpError(
    413,
    'request_body_too_large',
    'Request body too large',
    `The request body must be at most ${MAX_BODY_BYTES} bytes.`,
  );
}

/**
 * A request body's text, read with a running byte count: reading stops (and the stream is
 * cancelled) as soon as the count passes {@link MAX_BODY_BYTES}, so a chunked body never sits in
 * memory whole before the limit applies.
 */
async function readBodyText(request: Request): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw bodyTooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    total += chunk.value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge();
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Reads a JSON object body. An empty body reads as `{}`; a body over {@link MAX_BODY_BYTES} is 413;
 * a body that is not JSON, or JSON that is not an object, is 400 `request_body_invalid` (Clerk's
 * answer to a malformed body).
 */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const value = await readJsonValue(request, {});
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw requestBodyInvalid();
  return value as Record<string, unknown>;
}

/**
 * Reads any JSON body (an array for the bulk endpoints): `empty` when there is none, 413 over
 * {@link MAX_BODY_BYTES}, 400 `request_body_invalid` when it is not JSON.
 */
export async function readJsonValue(request: Request, empty: unknown): Promise<unknown> {
  const text = await readBodyText(request);
  if (text.trim() === '') return empty;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw requestBodyInvalid();
  }
}

/** Typed, validated access to a JSON body's fields; throws Clerk's 422s. */
export class BodyParams {
  private readonly body: Record<string, unknown>;

  constructor(body: Record<string, unknown>) {
    this.body = body;
  }

  /** A field's value: own properties only (`constructor`, `toString`, ... are not fields). */
  private field(name: string): unknown {
    return Object.hasOwn(this.body, name) ? this.body[name] : undefined;
  }

  /** Refuses any field outside `allowed` (422 `form_param_unknown`). */
  onlyKnown(allowed: readonly string[]): this {
    for (const key of Object.keys(this.body)) {
      if (!allowed.includes(key)) throw paramUnknown(key);
    }
    return this;
  }

  /** Whether the field is present (even as `null`). */
  has(name: string): boolean {
    return Object.hasOwn(this.body, name);
  }

  /** A required non-empty string. */
  requiredString(name: string): string {
    const value = this.field(name);
    if (value === undefined || value === null || value === '') throw paramMissing(name);
    if (typeof value !== 'string') throw paramInvalid(name, `${name} must be a string.`);
    if (value.trim() === '') throw paramMissing(name);
    return value;
  }

  /** An optional string; `null` and absent read as `null`. */
  optionalString(name: string, options: { maxLength?: number } = {}): string | null {
    const value = this.field(name);
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw paramInvalid(name, `${name} must be a string.`);
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      throw new ClerkHttpError(
        422,
        'form_param_max_length_exceeded',
        'exceeds maximum length',
        `${name} should not exceed ${options.maxLength} characters.`,
        { paramName: name },
      );
    }
    return value;
  }

  /** An optional array of strings (a single string is accepted as a one-item array). */
  stringArray(name: string): string[] {
    const value = this.field(name);
    if (value === undefined || value === null) return [];
    const values = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      throw paramInvalid(name, `${name} must be an array of strings.`);
    }
    if (values.length > MAX_ARRAY_VALUES)
      throw paramInvalid(name, `${name} accepts at most ${MAX_ARRAY_VALUES} items.`);
    return values as string[];
  }

  /** An optional integer in `[min, max]`; `null` and absent read as `null`. */
  optionalInteger(name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
    const value = this.field(name);
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      throw paramInvalid(name, `${name} must be an integer between ${min} and ${max}.`);
    }
    return value;
  }

  /** An optional boolean; `null` and absent read as `null`. */
  optionalBoolean(name: string): boolean | null {
    const value = this.field(name);
    if (value === undefined || value === null) return null;
    if (typeof value !== 'boolean') throw paramInvalid(name, `${name} must be true or false.`);
    return value;
  }

  /** An optional RFC 3339 date as Unix ms; `null` and absent read as `null`. */
  optionalDate(name: string): number | null {
    const value = this.optionalString(name);
    if (value === null) return null;
    const time = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) {
      throw paramInvalid(name, `${name} must be a date in RFC 3339 format, e.g. 2012-10-20T07:15:20.902Z.`);
    }
    return time;
  }

  /**
   * An optional metadata object: absent reads as `undefined`, `null` as `{}` when `nullAsEmpty`
   * (create endpoints) and is refused otherwise; anything but a JSON object is 422; so is an object
   * beyond core's metadata limits (see {@link assertMetadataLimits}).
   */
  metadata(name: string, options: { nullAsEmpty: boolean }): Metadata | undefined {
    const value = this.field(name);
    if (value === undefined) return undefined;
    if (value === null && options.nullAsEmpty) return {};
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw paramInvalid(name, `${name} must be a JSON object.`);
    }
    assertMetadataLimits(name, value as Metadata);
    return value as Metadata;
  }
}
