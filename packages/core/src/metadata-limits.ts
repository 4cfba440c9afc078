/**
 * The limits of one metadata value (`public_metadata`, `private_metadata`), in one place: the local
 * Backend API and the browser-facing handler both refuse a value outside them with a 422, and
 * {@link mergeMetadata} refuses to walk one.
 */

/** The deepest a metadata value may nest: the metadata object itself is level 1. */
export const MAX_METADATA_DEPTH = 32;

/** The largest a metadata value may be, serialized as JSON (UTF-8 bytes), as Clerk limits it. */
export const MAX_METADATA_BYTES = 8 * 1024;

/** Which limit a metadata value breaks, as the parts of Clerk's 422 error that reports it. */
export interface MetadataLimitViolation {
  limit: 'depth' | 'size' | 'reserved_key';
  /** `form_param_exceeds_allowed_size` for the size, `form_param_value_invalid` otherwise. */
  code: 'form_param_exceeds_allowed_size' | 'form_param_value_invalid';
  /** The short `message`, e.g. `is nested too deeply`. */
  shortMessage: string;
  /** The `long_message`, naming the limit: `public_metadata must not nest deeper than 32 levels.` */
  message: string;
}

/** Options of {@link checkMetadataLimits}. */
export interface MetadataLimitOptions {
  /** Default {@link MAX_METADATA_DEPTH}. */
  maxDepth?: number;
  /** Default {@link MAX_METADATA_BYTES}. */
  maxBytes?: number;
  /** Object keys refused at any depth (the handler refuses backend-only names and `__proto__`). */
  reservedKeys?: ReadonlySet<string>;
}

/**
 * How deeply a JSON-like value nests (a scalar is 0, `{}` and `[]` are 1), walked iteratively, so a
 * value nested far deeper than the call stack allows is measured without overflowing it. Stops as
 * soon as `stopAbove` is exceeded and returns that depth.
 */
export function metadataDepth(value: unknown, stopAbove = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > deepest) deepest = next.depth;
    if (deepest > stopAbove) return deepest;
    for (const item of Object.values(next.value)) stack.push({ value: item, depth: next.depth + 1 });
  }
  return deepest;
}

/** The first reserved key found at any depth (iteratively), or null. */
function findReservedKey(value: unknown, reserved: ReadonlySet<string>): string | null {
  const stack: unknown[] = [value];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next === null || typeof next !== 'object') continue;
    for (const [key, item] of Object.entries(next)) {
      if (!Array.isArray(next) && reserved.has(key)) return key;
      stack.push(item);
    }
  }
  return null;
}

/**
 * Checks a metadata value against the limits: depth first (iteratively, before anything recursive
 * such as `JSON.stringify` touches it), then reserved keys, then the serialized size. Returns the
 * first violation, or null when the value is within every limit. `name` goes into the message.
 */
export function checkMetadataLimits(
  name: string,
  value: unknown,
  options: MetadataLimitOptions = {},
): MetadataLimitViolation | null {
  const maxDepth = options.maxDepth ?? MAX_METADATA_DEPTH;
  const maxBytes = options.maxBytes ?? MAX_METADATA_BYTES;
  if (metadataDepth(value, maxDepth) > maxDepth) {
    return {
      limit: 'depth',
      code: 'form_param_value_invalid',
      shortMessage: 'is nested too deeply',
      message: `${name} must not nest deeper than ${maxDepth} levels.`,
    };
  }
  if (options.reservedKeys) {
    const key = findReservedKey(value, options.reservedKeys);
    if (key !== null) {
      return {
        limit: 'reserved_key',
        code: 'form_param_value_invalid',
        shortMessage: 'contains a reserved key',
        message: `${name} must not contain the reserved key ${key}.`,
      };
    }
  }
  if (new TextEncoder().encode(JSON.stringify(value)).byteLength > maxBytes) {
    return {
      limit: 'size',
      code: 'form_param_exceeds_allowed_size',
      shortMessage: 'exceeds allowed size',
      message: `${name} exceeds the maximum allowed size of ${maxBytes} bytes.`,
    };
  }
  return null;
}
