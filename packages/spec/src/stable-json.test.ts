import { describe, expect, it } from 'vitest';
import { sortKeys, stableJson } from './stable-json.js';

describe('stable JSON', () => {
  it('sorts keys at every level, arrays kept in order, undefined members left out', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }, 3], c: undefined }, B: null };
    expect(JSON.stringify(sortKeys(value))).toBe('{"B":null,"a":{"d":[{"y":2,"z":1},3]},"b":1}');
  });

  it('gives the same bytes for the same value whatever the insertion order, indented with a final newline', () => {
    expect(stableJson({ x: 1, a: [true] })).toBe(stableJson({ a: [true], x: 1 }));
    expect(stableJson({ x: 1, a: [true] })).toBe('{\n  "a": [\n    true\n  ],\n  "x": 1\n}\n');
    expect(stableJson({ a: 1 })).not.toBe(stableJson({ a: 2 }));
  });
});
