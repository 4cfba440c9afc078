import { describe, expect, it } from 'vitest';
import {
  checkMetadataLimits,
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
  metadataDepth,
} from '../src/metadata-limits';

/** `{"a":{"a":...}}` `levels` objects deep, built from text (JSON.parse does not recurse). */
function nestedObject(levels: number): Record<string, unknown> {
  return JSON.parse(`${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`);
}

/** `{"a":[[[...]]]}` with `levels` levels in all. */
function nestedArrays(levels: number): Record<string, unknown> {
  return JSON.parse(`{"a":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`);
}

describe('given metadata values of known depth', () => {
  it('when measured, a scalar is 0, {} is 1 and each nested container adds 1', () => {
    expect(metadataDepth('x')).toBe(0);
    expect(metadataDepth({})).toBe(1);
    expect(metadataDepth({ a: [1, { b: null }] })).toBe(3);
    expect(metadataDepth(nestedObject(40))).toBe(40);
  });

  it('when nested 100,000 levels deep, it measures without overflowing the stack', () => {
    expect(metadataDepth(nestedArrays(100_000), MAX_METADATA_DEPTH)).toBe(MAX_METADATA_DEPTH + 1);
  });
});

describe('given checkMetadataLimits', () => {
  it('when the value is at the depth limit, it passes', () => {
    expect(checkMetadataLimits('public_metadata', nestedObject(MAX_METADATA_DEPTH))).toBeNull();
  });

  it('when the value is one level deeper, it names the depth limit', () => {
    expect(checkMetadataLimits('public_metadata', nestedObject(MAX_METADATA_DEPTH + 1))).toEqual({
      limit: 'depth',
      code: 'form_param_value_invalid',
      shortMessage: 'is nested too deeply',
      message: `public_metadata must not nest deeper than ${MAX_METADATA_DEPTH} levels.`,
    });
  });

  it('when a 6 KB value nests 2,500 levels, it reports depth before anything serializes it', () => {
    const value = nestedArrays(2_500);
    expect(JSON.stringify(value).length).toBeLessThan(MAX_METADATA_BYTES);
    expect(checkMetadataLimits('public_metadata', value)?.limit).toBe('depth');
  });

  it('when the value serializes to more than 8 KB, it names the size limit', () => {
    expect(checkMetadataLimits('private_metadata', { notes: 'x'.repeat(MAX_METADATA_BYTES) })).toEqual({
      limit: 'size',
      code: 'form_param_exceeds_allowed_size',
      shortMessage: 'exceeds allowed size',
      message: `private_metadata exceeds the maximum allowed size of ${MAX_METADATA_BYTES} bytes.`,
    });
  });

  it('when multi-byte characters push the UTF-8 size over the limit, it counts bytes, not characters', () => {
    expect(checkMetadataLimits('m', { s: 'é'.repeat(MAX_METADATA_BYTES / 2) })?.limit).toBe('size');
  });

  it('when a reserved key appears at any depth of an object, it names the key; inside arrays only objects count', () => {
    const reservedKeys = new Set(['private_metadata', '__proto__']);
    expect(checkMetadataLimits('m', JSON.parse('{"a":[{"__proto__":1}]}'), { reservedKeys })).toEqual({
      limit: 'reserved_key',
      code: 'form_param_value_invalid',
      shortMessage: 'contains a reserved key',
      message: 'm must not contain the reserved key __proto__.',
    });
    expect(checkMetadataLimits('m', { a: ['private_metadata'] }, { reservedKeys })).toBeNull();
  });
});
