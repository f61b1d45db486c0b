import { describe, expect, it } from 'vitest';
import { diffValues, fieldToChange, sameValue } from './field-diff.js';

describe('diffValues', () => {
  it('matches list items by name, so inserting one does not shift the others', () => {
    const before = {
      containers: [
        { name: 'a', image: 'a:1' },
        { name: 'b', image: 'b:1' },
      ],
    };
    const after = {
      containers: [
        { name: 'new', image: 'n:1' },
        { name: 'a', image: 'a:2' },
        { name: 'b', image: 'b:1' },
      ],
    };
    expect(diffValues(before, after)).toEqual([
      { path: 'containers[a].image', kind: 'changed', before: 'a:1', after: 'a:2' },
      { path: 'containers[new]', kind: 'added', after: { name: 'new', image: 'n:1' } },
    ]);
  });

  it('quotes keys that contain dots or slashes', () => {
    expect(diffValues({ hard: { 'requests.cpu': '1' } }, { hard: { 'requests.cpu': '2' } })[0]?.path).toBe('hard["requests.cpu"]');
  });

  it('reports a list of scalars as one change, and object key order as none', () => {
    expect(diffValues({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([]);
    expect(diffValues({ nets: ['x', 'y'] }, { nets: ['y', 'z'] })).toEqual([{ path: 'nets', kind: 'changed', before: ['x', 'y'], after: ['y', 'z'] }]);
  });

  it('compares lists of unnamed objects item by item when the length holds', () => {
    expect(diffValues([{ port: 80 }, { port: 443 }], [{ port: 80 }, { port: 8443 }])).toEqual([
      { path: '[1].port', kind: 'changed', before: 443, after: 8443 },
    ]);
  });
});

describe('fieldToChange', () => {
  it('turns a list of scalars into members added and removed', () => {
    expect(fieldToChange({ path: 'nets', kind: 'changed', before: ['x', 'y'], after: ['y', 'z'] })).toEqual({ what: 'nets', added: ['z'], removed: ['x'] });
  });

  it('keeps a pure reordering as before -> after', () => {
    expect(fieldToChange({ path: 'order', kind: 'changed', before: ['a', 'b'], after: ['b', 'a'] })).toEqual({
      what: 'order',
      before: '["a","b"]',
      after: '["b","a"]',
    });
  });

  it('prefixes the parameter name', () => {
    expect(fieldToChange({ path: '[memory].maxCount', kind: 'changed', before: 12, after: 20 }, 'agentPools').what).toBe('agentPools[memory].maxCount');
    expect(fieldToChange({ path: 'startTime', kind: 'changed', before: '01:00', after: '02:00' }, 'maintenanceWindow').what).toBe(
      'maintenanceWindow.startTime',
    );
  });
});

describe('sameValue', () => {
  it('is deep and order-sensitive for lists only', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false);
  });
});
