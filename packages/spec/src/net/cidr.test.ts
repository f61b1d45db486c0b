import { describe, expect, it } from 'vitest';
import { contains, isCidr, overlaps, parseCidr } from './cidr.js';
import { parseQuantity } from './quantity.js';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (!isCidr(parsed)) throw new Error(parsed.message);
  return parsed;
};

describe('parseCidr', () => {
  it.each([
    ['10.0.62.114/8', '10.0.62.114/32', '10.0.0.0/8'],
    ['192.168.1.5/24', '192.168.1.5/32', '192.168.1.0/24'],
    ['172.16.255.255/12', '172.16.255.255/32', '172.16.0.0/12'],
  ])('rejects %s and suggests %s or %s', (text, host, network) => {
    const result = parseCidr(text);
    expect(isCidr(result)).toBe(false);
    expect(!isCidr(result) && result.hint).toBe(`did you mean ${host} or ${network}?`);
  });

  it.each(['10.0.0.0', '10.0.0.256/24', '10.0.0.0/33', 'a.b.c.d/8'])('rejects malformed %s', (text) => {
    const result = parseCidr(text);
    expect(!isCidr(result) && result.kind).toBe('syntax');
  });

  it('computes the range of a canonical CIDR', () => {
    expect(cidr('10.40.8.0/22')).toMatchObject({ first: 0x0a280800, last: 0x0a280bff, prefix: 22 });
    expect(cidr('0.0.0.0/0').last).toBe(2 ** 32 - 1);
  });

  it('tells overlap and containment apart', () => {
    expect(overlaps(cidr('10.0.0.0/16'), cidr('10.0.255.0/24'))).toBe(true);
    expect(overlaps(cidr('10.0.0.0/16'), cidr('10.1.0.0/16'))).toBe(false);
    expect(contains(cidr('10.0.0.0/16'), cidr('10.0.4.0/22'))).toBe(true);
    expect(contains(cidr('10.0.4.0/22'), cidr('10.0.0.0/16'))).toBe(false);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['250m', 0.25],
    ['2', 2],
    ['1.5', 1.5],
    ['512Mi', 512 * 2 ** 20],
    ['64Gi', 64 * 2 ** 30],
    ['1Ti', 2 ** 40],
    ['1G', 1e9],
  ])('%s = %d', (text, value) => expect(parseQuantity(text)).toBeCloseTo(value, 9));

  it('rejects a non-quantity', () => expect(() => parseQuantity('lots')).toThrow(/not a Kubernetes quantity/));
});
