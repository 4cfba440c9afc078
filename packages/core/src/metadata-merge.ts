import { MAX_METADATA_DEPTH, metadataDepth } from './metadata-limits';
import type { Metadata, MetadataPatch } from './models';

/**
 * Whether a value is a plain JSON-like object (`{}` literal, `JSON.parse` output or
 * `Object.create(null)`), as opposed to an array, a date, a class instance or a scalar. Only plain
 * objects merge; everything else replaces.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Sets an own enumerable key, also for `__proto__` (which plain assignment would treat as the
 * prototype): a patch parsed from JSON can carry that key and must never change a prototype.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of a JSON-like value, with `null` object members dropped (they mean "delete"). */
function copyPatchValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyArrayItem);
  if (isPlainObject(value)) return mergeObjects({}, value);
  return value;
}

/** Array items replace as a whole: copy them, keeping `null` items (they are values, not deletions). */
function copyArrayItem(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyArrayItem);
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(copy, key, copyArrayItem(item));
    return copy;
  }
  return value;
}

function mergeObjects(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) setOwn(result, key, value);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    const current = Object.hasOwn(result, key) ? result[key] : undefined;
    if (isPlainObject(value) && isPlainObject(current)) {
      setOwn(result, key, mergeObjects(current, value));
    } else {
      setOwn(result, key, copyPatchValue(value));
    }
  }
  return result;
}

/**
 * Applies a metadata patch the way the Backend API's `PATCH .../metadata` endpoints do: nested
 * objects merge key by key, `null` deletes the key at any depth, arrays and scalars replace the
 * old value. `undefined` members are ignored (JSON cannot carry them).
 *
 * Pure: neither argument is mutated. The result is a new object at every level the patch touches;
 * values taken from the patch are copied, so later changes to the patch do not leak into the result;
 * subtrees of `base` the patch does not touch are shared (treat the result as immutable, or copy it).
 *
 * @throws TypeError when `base` or `patch` is not a plain object (a programmer error: the Backend API
 * rejects such bodies before merging).
 * @throws RangeError when `base` or `patch` nests deeper than `MAX_METADATA_DEPTH` (checked without
 * recursion before the merge walks them; the Backend API refuses such values with a 422 first).
 */
export function mergeMetadata<T extends Metadata>(base: T, patch: MetadataPatch<T> | Metadata): T {
  if (!isPlainObject(base)) throw new TypeError('mergeMetadata: base must be a plain object');
  if (!isPlainObject(patch)) throw new TypeError('mergeMetadata: patch must be a plain object');
  for (const [name, value] of [
    ['base', base],
    ['patch', patch],
  ] as const) {
    if (metadataDepth(value, MAX_METADATA_DEPTH) > MAX_METADATA_DEPTH) {
      throw new RangeError(`mergeMetadata: ${name} nests deeper than ${MAX_METADATA_DEPTH} levels`);
    }
  }
  return mergeObjects(base, patch) as T;
}
