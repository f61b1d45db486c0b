import { describe, expect, it } from 'vitest';
import { Dec, parallel, serial } from './decimal.js';

const d = Dec.parse;

describe('Dec: exact decimals', () => {
  it('parses and prints without drift', () => {
    expect(d('0.9995').toString()).toBe('0.9995');
    expect(d('99.950').toString()).toBe('99.95');
    expect(d('1e-7').toString()).toBe('0.0000001');
    expect(Dec.fromNumber(0.9995).toString()).toBe('0.9995');
    expect(Dec.fromPercent('99.99').toString()).toBe('0.9999');
    expect(d('2592000').toString()).toBe('2592000');
  });

  it('GIVEN values a float gets wrong WHEN combined THEN the result is exact', () => {
    // 0.1 + 0.2 and 0.9995 * 100 are the classic float failures.
    expect(d('0.1').add(d('0.2')).toString()).toBe('0.3');
    expect(d('0.9995').shift(2).toString()).toBe('99.95');
    expect(d('1').sub(d('0.9999')).toString()).toBe('0.0001');
  });

  it('compares, floors and ceils exactly', () => {
    expect(d('0.99940005').cmp(d('0.9994'))).toBe(1);
    expect(d('0.5').eq(d('0.50'))).toBe(true);
    expect(d('1555.0704').floor()).toBe(1555n);
    expect(d('1555.0704').ceil()).toBe(1556n);
    expect(d('7').ceil()).toBe(7n);
  });

  it('rejects text that is not a decimal', () => {
    expect(() => d('99,95')).toThrow(/not a decimal/);
  });
});

describe('composition (hand-computed)', () => {
  it('serial: 0.9995 x 0.9999 = 0.99940005', () => {
    expect(serial([d('0.9995'), d('0.9999')]).toString()).toBe('0.99940005');
  });

  it('parallel: 1 - (1 - 0.9995)(1 - 0.9995) = 0.99999975', () => {
    expect(parallel([d('0.9995'), d('0.9995')]).toString()).toBe('0.99999975');
  });

  it('parallel of three 99.9% regions: 1 - 0.001^3 = 0.999999999', () => {
    expect(parallel([d('0.999'), d('0.999'), d('0.999')]).toString()).toBe('0.999999999');
  });

  it('empty serial is 1 (nothing can fail), empty parallel is 0 (no alternative)', () => {
    expect(serial([]).toString()).toBe('1');
    expect(parallel([]).toString()).toBe('0');
  });
});
