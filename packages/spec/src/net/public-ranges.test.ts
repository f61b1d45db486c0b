import { describe, expect, it } from 'vitest';
import { exampleWith, EXAMPLE_CLUSTER } from '../testing/example.js';
import { loadCluster } from '../load/load-cluster.js';
import { apiServerAuthorizedRanges, isNonPublicAddress, isNonPublicRange } from './public-ranges.js';

describe('non-public ranges', () => {
  it.each([
    ['10.10.0.0/16', true],
    ['172.31.0.0/16', true],
    ['172.32.0.0/16', false],
    ['192.168.100.0/24', true],
    ['100.64.0.0/16', true],
    ['198.51.100.0/28', false],
  ])('%s non-public: %s', (range, expected) => expect(isNonPublicRange(range)).toBe(expected));

  it('classifies single addresses too', () => {
    expect(isNonPublicAddress('10.0.0.1')).toBe(true);
    expect(isNonPublicAddress('203.0.113.10')).toBe(false);
  });
});

describe('apiServerAuthorizedRanges', () => {
  it('GIVEN private on-premises ranges THEN only the listed public ranges are authorized', () => {
    const spec = loadCluster(exampleWith(), EXAMPLE_CLUSTER);
    expect(apiServerAuthorizedRanges(spec)).toEqual(['198.51.100.0/28']);
  });

  it('adds public on-premises ranges, and nothing for a private cluster', () => {
    const withPublic = loadCluster(exampleWith({ 'apps/weu-prod/platform.yaml': [[['spec', 'onPremises', 'ranges', 3], '192.0.2.128/25']] }), EXAMPLE_CLUSTER);
    expect(apiServerAuthorizedRanges(withPublic)).toEqual(['198.51.100.0/28', '192.0.2.128/25']);
    const privateCluster = loadCluster(
      exampleWith({ 'apps/weu-prod/platform.yaml': [[['spec', 'cluster', 'apiServer', 'access'], 'private']] }),
      EXAMPLE_CLUSTER,
    );
    expect(apiServerAuthorizedRanges(privateCluster)).toEqual([]);
  });
});
