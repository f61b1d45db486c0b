import { describe, expect, it } from 'vitest';
import { canonicalRange, versionMatches } from './compare.js';

describe('versionMatches', () => {
  it.each<[string, string | undefined, boolean]>([
    ['1.33', '1.33', true],
    ['1.33', '1.33.4', true],
    ['1.33', '1.34.0', false],
    ['1.3', '1.33.0', false], // a prefix of the minor is not the minor
    ['1.33.2', '1.33.2', true],
    ['1.33.2', '1.33.3', false],
    ['1.33', undefined, false],
  ])('GIVEN spec %s and live %s THEN match is %s', (spec, live, expected) => {
    expect(versionMatches(spec, live)).toBe(expected);
  });
});

describe('canonicalRange', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5/32'],
    [' 10.0.0.0/16 ', '10.0.0.0/16'],
    ['010.000.0.0/16', '10.0.0.0/16'],
  ])('GIVEN %s THEN %s', (input, expected) => {
    expect(canonicalRange(input)).toBe(expected);
  });
});
