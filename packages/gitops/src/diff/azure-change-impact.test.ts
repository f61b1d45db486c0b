import { beforeAll, describe, expect, it } from 'vitest';
import { AKS_CHANGE_IMPACT, aksPropertyOf, changeImpactOf } from './azure-change-impact.js';
import { diffCluster } from './diff-cluster.js';
import { diffJson } from './format-json.js';
import { formatDiffMarkdown } from './format-markdown.js';
import { CLUSTER, exampleSide, PLATFORM, userPoolIndex, type Side } from '../testing/diff-sides.js';
import type { ClusterDiff } from './types.js';

let base: Side;
beforeAll(() => {
  base = exampleSide();
});
const diffTo = (edits: Array<[Array<string | number>, unknown]>): Promise<ClusterDiff> => {
  const head = exampleSide({ [PLATFORM]: edits });
  return diffCluster(base.files, head.files, { cluster: CLUSTER, base: 'origin/main' });
};

describe('the AKS change-impact table', () => {
  it('THEN every row says what happens and cites a Microsoft Learn page', () => {
    for (const [property, row] of Object.entries(AKS_CHANGE_IMPACT)) {
      expect(row.source, property).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\//);
      expect(row.summary, property).toBe(row.kind === 'rebuildsPool' ? 'AKS rebuilds the pool' : 'AKS refuses this change; create a new cluster');
      expect(row.detail.length, property).toBeGreaterThan(40);
    }
  });

  it.each([
    ['agentPools[memory].vmSize', 'agentPool.vmSize'],
    ['primaryAgentPoolProfile.osDiskType', 'agentPool.osDiskType'],
    ['primaryAgentPoolProfiles[system].zones', 'agentPool.availabilityZones'],
    ['agentPools[general].availabilityZones', 'agentPool.availabilityZones'],
    ['main.bicepparam: agentPools[general].vmSize', 'agentPool.vmSize'],
    ['enablePrivateCluster', 'cluster.enablePrivateCluster'],
    ['apiServerAccessProfile.enablePrivateCluster', 'cluster.enablePrivateCluster'],
    ['podCidr', 'cluster.podCidr'],
    ['networkPlugin', 'cluster.networkPlugin'],
  ])('maps the parameter field %s to %s', (path, property) => {
    expect(aksPropertyOf(path)).toBe(property);
  });

  it.each([
    'agentPools[memory].maxCount',
    'primaryAgentPoolProfile.minCount',
    'availabilityZones',
    'agentPools[memory]',
    'kubernetesVersion',
    'authorizedIPRanges',
    'names.cluster',
  ])('GIVEN %s, which AKS changes in place (or is not a pool property) THEN there is no impact', (path) => {
    expect(changeImpactOf(path)).toBeUndefined();
  });
});

describe('the desired-state diff says which changes AKS cannot apply in place', () => {
  it('GIVEN a user pool resized (vmSize) THEN the parameter change, the warning and the JSON say AKS rebuilds the pool', async () => {
    const memory = userPoolIndex('memory');
    const d = await diffTo([[['spec', 'cluster', 'userPools', memory, 'vmSize'], 'Standard_E32ds_v5']]);
    expect(d.bicep.impacts.map((i) => `${i.what}: ${i.kind}`)).toEqual(['agentPools[memory].vmSize: rebuildsPool']);
    const md = formatDiffMarkdown([d]);
    expect(md).toContain('agentPools[memory].vmSize: `Standard_E16ds_v5` → `Standard_E32ds_v5` — **AKS rebuilds the pool**');
    expect(md).toContain('> **AKS rebuilds the pool**: `agentPools[memory].vmSize`.');
    expect(md).toContain('https://learn.microsoft.com/en-us/azure/aks/resize-node-pool');
    const json = JSON.parse(diffJson([d]));
    const change = json.clusters[0].bicep.parameters
      .find((p: { name: string }) => p.name === 'agentPools')
      .changes.find((c: { what: string }) => c.what === 'agentPools[memory].vmSize');
    expect(change.impact.kind).toBe('rebuildsPool');
  });

  it('GIVEN the API server made private THEN the diff says AKS refuses it and a new cluster is needed', async () => {
    const d = await diffTo([[['spec', 'cluster', 'apiServer'], { access: 'private' }]]);
    const impact = d.bicep.impacts.find((i) => i.what === 'enablePrivateCluster');
    expect(impact?.kind).toBe('newCluster');
    expect(formatDiffMarkdown([d])).toContain('enablePrivateCluster: `false` → `true` — **AKS refuses this change; create a new cluster**');
  });

  it('GIVEN only a pool maximum raised THEN nothing is flagged: AKS scales in place', async () => {
    const memory = userPoolIndex('memory');
    const d = await diffTo([[['spec', 'cluster', 'userPools', memory, 'maxCount'], 20]]);
    expect(d.bicep.parameters.length).toBeGreaterThan(0);
    expect(d.bicep.impacts).toEqual([]);
    expect(formatDiffMarkdown([d])).not.toMatch(/AKS rebuilds|AKS refuses/);
  });
});
