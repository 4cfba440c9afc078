import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_METADATA_DEPTH } from '../src/metadata-limits';
import { mergeMetadata } from '../src/metadata-merge';
import type { Metadata } from '../src/models';

/** JSON metadata with few distinct keys, so patches often collide with the base at every depth. */
const key = fc.constantFrom('a', 'b', 'c', 'plan', 'tags');
const { metadata } = fc.letrec<{ value: unknown; metadata: Metadata }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string({ maxLength: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
    tie('metadata'),
  ),
  metadata: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
}));

/** Whether `null` appears as an object member outside arrays (arrays are opaque values, kept as given). */
function hasNullMember(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).some((item) => item === null || hasNullMember(item));
}

describe('given a base metadata object', () => {
  const base = { plan: 'pro', seats: 3, address: { city: 'Lyon', zip: '69001', geo: { lat: 45, lng: 4 } } };

  it('when the patch adds a key, it keeps the others', () => {
    expect(mergeMetadata(base, { team: 'blue' })).toEqual({ ...base, team: 'blue' });
  });

  it('when the patch has a nested object, it merges it key by key', () => {
    expect(mergeMetadata(base, { address: { city: 'Paris' } })).toEqual({
      plan: 'pro',
      seats: 3,
      address: { city: 'Paris', zip: '69001', geo: { lat: 45, lng: 4 } },
    });
  });

  it('when the patch sets a top-level key to null, it deletes the key', () => {
    const result = mergeMetadata(base, { seats: null });
    expect(result).not.toHaveProperty('seats');
    expect(result.plan).toBe('pro');
  });

  it('when the patch sets a nested key to null, it deletes only that key', () => {
    expect(mergeMetadata(base, { address: { geo: { lng: null }, zip: null } })).toEqual({
      plan: 'pro',
      seats: 3,
      address: { city: 'Lyon', geo: { lat: 45 } },
    });
  });

  it('when the patch deletes a key that does not exist, it changes nothing', () => {
    expect(mergeMetadata(base, { missing: null, address: { nothing: null } })).toEqual(base);
  });

  it('when the patch sets an array, it replaces the old array instead of concatenating', () => {
    expect(mergeMetadata({ tags: ['a', 'b', 'c'] }, { tags: ['z'] })).toEqual({ tags: ['z'] });
  });

  it('when the patch sets a scalar over an object, or an object over a scalar, it replaces', () => {
    expect(mergeMetadata(base, { address: 'unknown' })).toEqual({
      plan: 'pro',
      seats: 3,
      address: 'unknown',
    });
    expect(mergeMetadata(base, { plan: { tier: 'pro' } })).toEqual({ ...base, plan: { tier: 'pro' } });
  });

  it('when a new nested object contains nulls, it drops them (nothing to delete)', () => {
    expect(mergeMetadata({}, { a: { b: null, c: 1 } })).toEqual({ a: { c: 1 } });
  });

  it('when an array contains null items, it keeps them (they are values)', () => {
    expect(mergeMetadata({}, { list: [null, 1, { x: null }] })).toEqual({ list: [null, 1, { x: null }] });
  });

  it('when a patch value is undefined, it ignores it', () => {
    expect(mergeMetadata(base, { plan: undefined })).toEqual(base);
  });

  it('when the patch is later mutated, the result does not change', () => {
    const patch = { address: { extra: { deep: 1 } }, tags: ['x'] };
    const result = mergeMetadata(base, patch);
    patch.address.extra.deep = 2;
    patch.tags.push('y');
    expect(result.address).toEqual({
      city: 'Lyon',
      zip: '69001',
      geo: { lat: 45, lng: 4 },
      extra: { deep: 1 },
    });
    expect((result as Metadata).tags).toEqual(['x']);
  });
});

describe('given a patch from untrusted JSON', () => {
  it('when it carries a __proto__ key, it stores it as data and never changes a prototype', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}, "a": {"__proto__": {"polluted": true}}}');
    const result = mergeMetadata({}, patch);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect((result as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('given a patch that is not a plain object', () => {
  it.each([
    ['null', null],
    ['an array', [1]],
    ['a string', 'x'],
    ['a number', 1],
    ['a date', new Date(0)],
  ])('when the patch is %s, it throws a TypeError', (_label, patch) => {
    expect(() => mergeMetadata({ a: 1 }, patch as unknown as Metadata)).toThrow(TypeError);
  });

  it('when the base is not a plain object, it throws a TypeError', () => {
    expect(() => mergeMetadata([] as unknown as Metadata, {})).toThrow(TypeError);
  });
});

describe('given any JSON metadata (property-based)', () => {
  it('when merging an empty patch, it returns an equal object (identity)', () => {
    fc.assert(
      fc.property(metadata, (base) => {
        expect(mergeMetadata(base, {})).toEqual(base);
      }),
    );
  });

  it('when merging any patch, it never mutates the base or the patch', () => {
    fc.assert(
      fc.property(metadata, metadata, (base, patch) => {
        const baseBefore = structuredClone(base);
        const patchBefore = structuredClone(patch);
        mergeMetadata(base, patch);
        expect(base).toEqual(baseBefore);
        expect(patch).toEqual(patchBefore);
      }),
    );
  });

  it('when merging the same patch twice, the second merge changes nothing (idempotent)', () => {
    fc.assert(
      fc.property(metadata, metadata, (base, patch) => {
        const once = mergeMetadata(base, patch);
        expect(mergeMetadata(once, patch)).toEqual(once);
      }),
    );
  });

  it('when merging a patch, every null in the patch leaves its key absent and other patch keys win', () => {
    fc.assert(
      fc.property(metadata, metadata, (base, patch) => {
        const result = mergeMetadata(base, patch) as Record<string, unknown>;
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) expect(Object.hasOwn(result, k)).toBe(false);
          else if (Array.isArray(v) || typeof v !== 'object') expect(result[k]).toEqual(v);
        }
        for (const k of Object.keys(base)) {
          if (!Object.hasOwn(patch, k)) expect(result[k]).toEqual(base[k]);
        }
      }),
    );
  });

  it('when the base holds no null members, the result holds none either', () => {
    fc.assert(
      fc.property(metadata, metadata, (base, patch) => {
        const cleanBase = mergeMetadata({}, base);
        expect(hasNullMember(cleanBase)).toBe(false);
        expect(hasNullMember(mergeMetadata(cleanBase, patch))).toBe(false);
      }),
    );
  });
});

describe('given metadata nested deeper than the limit', () => {
  const deepArrays = (levels: number) => JSON.parse(`{"a":${'['.repeat(levels)}${']'.repeat(levels)}}`);

  it('when the patch nests 10,000 levels in arrays, it throws a RangeError naming the limit instead of overflowing the stack', () => {
    expect(() => mergeMetadata({}, deepArrays(10_000))).toThrow(
      new RangeError(`mergeMetadata: patch nests deeper than ${MAX_METADATA_DEPTH} levels`),
    );
  });

  it('when the base is too deep, it names the base', () => {
    expect(() => mergeMetadata(deepArrays(MAX_METADATA_DEPTH), { b: 1 })).toThrow(/base nests deeper/);
  });

  it('when both are at the limit, it merges', () => {
    const atLimit = deepArrays(MAX_METADATA_DEPTH - 2);
    expect(mergeMetadata(atLimit, { b: 1 })).toEqual({ ...atLimit, b: 1 });
  });
});
