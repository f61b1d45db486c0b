import { describe, expect, it } from 'vitest';
import { asArray, asRecord, at, isRecord } from './json-narrow.js';

describe('JSON narrowing helpers', () => {
  it('accepts only plain objects as records', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    for (const v of [null, undefined, [], 'x', 1, true]) expect(isRecord(v), String(v)).toBe(false);
    expect(asRecord({ a: 1 })).toEqual({ a: 1 });
    expect(asRecord(['a'])).toEqual({});
    expect(asRecord(null)).toEqual({});
  });

  it('reads arrays and refuses anything else as empty', () => {
    expect(asArray([1, 2])).toEqual([1, 2]);
    expect(asArray({ 0: 1 })).toEqual([]);
    expect(asArray(undefined)).toEqual([]);
  });

  it('walks a path through objects and stops at a missing or non-object step', () => {
    const manifest = { spec: { hard: { cpu: '4' }, scopes: ['x'] } };
    expect(at(manifest, 'spec', 'hard', 'cpu')).toBe('4');
    expect(at(manifest)).toBe(manifest);
    expect(at(manifest, 'spec', 'missing', 'cpu')).toBeUndefined();
    expect(at(manifest, 'spec', 'scopes', '0')).toBeUndefined();
    expect(at('text', 'length')).toBeUndefined();
    expect(at(null, 'spec')).toBeUndefined();
  });
});
