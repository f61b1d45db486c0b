import { describe, expect, it } from 'vitest';
import { exampleCluster } from '../testing/example-cluster.js';
import { largestNode, tolerationFor, userPool } from './scheduling.js';

describe('tolerationFor', () => {
  it.each([
    [
      'kit.aks-hybrid.dev/workload-class=memory:NoSchedule',
      { key: 'kit.aks-hybrid.dev/workload-class', operator: 'Equal', value: 'memory', effect: 'NoSchedule' },
    ],
    ['CriticalAddonsOnly=true:NoSchedule', { key: 'CriticalAddonsOnly', operator: 'Equal', value: 'true', effect: 'NoSchedule' }],
    ['dedicated:NoExecute', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }],
  ])('GIVEN taint %s THEN the toleration matches it', (taint, expected) => {
    expect(tolerationFor(taint)).toEqual(expected);
  });

  it.each(['no-effect', 'a=b:Sometimes', '=x:NoSchedule'])('GIVEN malformed taint %s THEN it throws', (taint) => {
    expect(() => tolerationFor(taint)).toThrow(/key=value:Effect/);
  });
});

describe('pools', () => {
  it('GIVEN an unknown pool name THEN userPool names the cluster', () => {
    expect(() => userPool(exampleCluster(), 'system')).toThrow(/weu-prod/);
  });

  it('GIVEN general and memory pools THEN the largest node is the memory node on both axes', () => {
    const spec = exampleCluster();
    const general = largestNode([userPool(spec, 'general')]);
    const both = largestNode([userPool(spec, 'general'), userPool(spec, 'memory')]);
    expect(both.memoryBytes).toBeGreaterThan(general.memoryBytes);
    expect(both.cores).toBeGreaterThan(general.cores);
  });
});
