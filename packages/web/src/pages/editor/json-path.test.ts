import { describe, expect, it } from 'vitest';
import { applyChanges, changedPaths, getAt, setAt } from './json-path';
import type { JsonObject } from './json-path';

const row = (name: string, actualText = '') => ({ level1: '产出指标', level2: '数量指标', name, targetText: '100', actualText });

describe('field paths over evaluation content', () => {
  it('reads and writes one field, leaving the rest (and the original) alone', () => {
    const base: JsonObject = { title: 't', indicators: [row('a'), row('b')] };
    const next = setAt(base, 'indicators[1].actualText', '90');
    expect(getAt(next, 'indicators[1].actualText')).toBe('90');
    expect(getAt(base, 'indicators[1].actualText')).toBe('');
    expect(next.indicators).not.toBe(base.indicators);
    expect(setAt(base, 'title', undefined)).not.toHaveProperty('title');
    expect(getAt(setAt(base, 'indicators[0]', undefined), 'indicators[0].name')).toBe('b');
  });

  it('names changes as the server does, whatever the key order', () => {
    expect(changedPaths({ a: 1, b: [1, 2] }, { b: [1, 3], a: 1 })).toEqual(['b[1]']);
    expect(changedPaths({ x: [1] }, { x: [1, 2] })).toEqual(['x[1]']);
  });

  it('keeps both sides’ changes on 保留我的修改: theirs everywhere, mine where I changed', () => {
    const base: JsonObject = { title: 't', sections: [{ heading: 'h', text: 'old' }], indicators: [row('a'), row('b'), row('c')] };
    const theirs: JsonObject = { ...base, sections: [{ heading: 'h', text: 'theirs' }] };
    const mine = setAt(setAt(base, 'indicators[0].deviationReason', 'mine'), 'indicators[3]', row('d', '5'));
    const merged = applyChanges(theirs, base, mine);
    expect(getAt(merged, 'sections[0].text')).toBe('theirs');
    expect(getAt(merged, 'indicators[0].deviationReason')).toBe('mine');
    expect(getAt(merged, 'indicators[3].name')).toBe('d');
  });

  it('carries a removed row over without leaving a hole', () => {
    const base: JsonObject = { indicators: [row('a'), row('b'), row('c')] };
    const theirs: JsonObject = { indicators: [row('a', '1'), row('b'), row('c')] };
    const mine = setAt(base, 'indicators[1]', undefined);
    const merged = applyChanges(theirs, base, mine);
    expect((merged.indicators as JsonObject[]).map((r) => r.name)).toEqual(['a', 'c']);
    expect(getAt(merged, 'indicators[0].actualText')).toBe('1');
  });
});
