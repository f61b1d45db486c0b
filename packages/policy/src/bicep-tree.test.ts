import { describe, expect, it } from 'vitest';
import { BicepTree, propertyAt } from './bicep-tree.js';

describe('BicepTree.resolve', () => {
  const tree = new BicepTree([]);

  it('GIVEN an ARM expression left for deployment time THEN the value is unknown, not guessed', () => {
    expect(tree.resolve("[reference('x').outputs.y.value]")).toEqual({ known: false, expression: "[reference('x').outputs.y.value]" });
  });

  it('GIVEN a literal, or a string escaping its bracket THEN the value is known', () => {
    expect(tree.resolve(false)).toEqual({ known: true, value: false });
    expect(tree.resolve('[[not an expression]')).toEqual({ known: true, value: '[[not an expression]' });
    expect(tree.resolve(['10.0.0.0/8'])).toEqual({ known: true, value: ['10.0.0.0/8'] });
  });
});

describe('propertyAt', () => {
  it('GIVEN a path THEN it walks objects, stops at an expression and says undefined for what is missing', () => {
    expect(propertyAt({ properties: { a: { b: 1 } } }, ['properties', 'a', 'b'])).toBe(1);
    expect(propertyAt({ properties: "[variables('p')]" }, ['properties', 'a'])).toBe("[variables('p')]");
    expect(propertyAt({ properties: {} }, ['properties', 'missing', 'deeper'])).toBeUndefined();
  });
});
