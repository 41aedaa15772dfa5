import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extend } from './extend';

describe('extend', () => {
  it('gives what the spread gives: the same keys, in the same order, with the same values', () => {
    const key = fc.constantFrom('file', 'page', 'block', 'row', 'column', 'start', 'end', 'path', '1', 'reason');
    const value = fc.oneof(fc.string(), fc.integer());
    fc.assert(
      fc.property(fc.option(fc.dictionary(key, value), { nil: undefined }), fc.dictionary(key, value), (base, more) => {
        const got = extend(base, more);
        const want = { ...(base ?? {}), ...more };
        expect(Object.entries(got)).toEqual(Object.entries(want));
      }),
    );
  });

  it('keeps an own __proto__ key as an own key, as the spread does', () => {
    const base = JSON.parse('{"__proto__": {"x": 1}, "file": "a"}') as object;
    const got = extend(base, { path: 'p' });
    expect(Object.keys(got)).toEqual(['__proto__', 'file', 'path']);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
  });
});
