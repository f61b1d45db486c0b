import { describe, expect, it } from 'vitest';
import type { SpecIssue } from '../errors.js';
import { loadCluster } from '../load/load-cluster.js';
import { POOL_UPGRADE_DEFAULTS } from '../normalize.js';
import { EXAMPLE_CLUSTER, exampleWith, issuesOfExampleWith } from '../testing/example.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const GENERAL = ['spec', 'cluster', 'userPools', 0, 'upgradeSettings'];
const SYSTEM = ['spec', 'cluster', 'systemPool', 'upgradeSettings'];
type Edits = Array<[Array<string | number>, unknown]>;

const issuesOf = (edits: Edits): readonly SpecIssue[] => issuesOfExampleWith({ [PLATFORM]: edits });

// Ranges: AgentPoolUpgradeSettings of Microsoft.ContainerService 2026-05-01 (drainTimeoutInMinutes
// 1..1440, nodeSoakDurationInMinutes 0..30) and https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling.
describe('node pool upgradeSettings', () => {
  it('GIVEN pools that state none THEN each gets 33% surge, a 30-minute drain and no soak; a pool that states them keeps its own', () => {
    const spec = loadCluster(exampleWith({}), EXAMPLE_CLUSTER);
    expect(POOL_UPGRADE_DEFAULTS).toEqual({ maxSurge: '33%', drainTimeoutInMinutes: 30, nodeSoakDurationInMinutes: 0 });
    expect(spec.cluster.systemPool.upgradeSettings).toEqual(POOL_UPGRADE_DEFAULTS);
    expect(spec.cluster.userPools.find((p) => p.name === 'general')!.upgradeSettings).toEqual(POOL_UPGRADE_DEFAULTS);
    expect(spec.cluster.userPools.find((p) => p.name === 'storage')!.upgradeSettings).toEqual({
      maxSurge: '1',
      drainTimeoutInMinutes: 60,
      nodeSoakDurationInMinutes: 5,
    });
  });

  it('GIVEN one field only THEN the others keep their defaults', () => {
    const spec = loadCluster(exampleWith({ [PLATFORM]: [[[...SYSTEM, 'nodeSoakDurationInMinutes'], 10]] }), EXAMPLE_CLUSTER);
    expect(spec.cluster.systemPool.upgradeSettings).toEqual({ ...POOL_UPGRADE_DEFAULTS, nodeSoakDurationInMinutes: 10 });
  });

  it.each([
    ['a node count', 'maxSurge', '3'],
    ['100%', 'maxSurge', '100%'],
    ['1%', 'maxSurge', '1%'],
    ['the longest drain, 1440', 'drainTimeoutInMinutes', 1440],
    ['the shortest drain, 1', 'drainTimeoutInMinutes', 1],
    ['the longest soak, 30', 'nodeSoakDurationInMinutes', 30],
  ])('GIVEN %s THEN accepted', (_name, field, value) => {
    expect(issuesOf([[[...GENERAL, field], value]])).toEqual([]);
  });

  it.each([
    ['a surge of 0 (valid only with maxUnavailable, which the kit does not set)', 'maxSurge', '0'],
    ['a surge above 100%', 'maxSurge', '150%'],
    ['a surge of 0%', 'maxSurge', '0%'],
    ['a surge that is no number', 'maxSurge', 'many'],
    ['a drain of 0 minutes', 'drainTimeoutInMinutes', 0],
    ['a drain above a day', 'drainTimeoutInMinutes', 1441],
    ['a soak above 30 minutes', 'nodeSoakDurationInMinutes', 31],
    ['a negative soak', 'nodeSoakDurationInMinutes', -1],
  ])('GIVEN %s THEN refused at the field, with its line', (_name, field, value) => {
    const issues = issuesOf([[[...GENERAL, field], value]]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: `spec.cluster.userPools[0].upgradeSettings.${field}` });
    expect(issues[0]!.line).toBeGreaterThan(0);
  });

  it('GIVEN an unknown upgrade setting THEN refused', () => {
    expect(issuesOf([[[...SYSTEM, 'maxUnavailable'], '1']])).toHaveLength(1);
  });
});
