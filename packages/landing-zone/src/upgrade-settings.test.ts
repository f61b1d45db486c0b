import { describe, expect, it } from 'vitest';
import { deployed } from './testing/deployed.js';
import { exampleSpec } from './testing/example.js';

const CLUSTER = 'Microsoft.ContainerService/managedClusters';
const POOL = 'Microsoft.ContainerService/managedClusters/agentPools';

// AgentPoolUpgradeSettings: https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling
// (33% surge recommended for production pools; drain timeout and soak time per node).
describe('node pool upgradeSettings (bicep snapshot)', () => {
  const spec = exampleSpec();
  const lz = deployed('example');

  it('GIVEN the example WHEN deployed THEN the inline system pool carries the spec upgrade settings (33% surge, 30-minute drain, no soak)', () => {
    const system = (lz.template.one(CLUSTER).properties as Record<string, any>).agentPoolProfiles[0];
    expect(system.upgradeSettings).toEqual({ maxSurge: '33%', drainTimeoutInMinutes: 30, nodeSoakDurationInMinutes: 0 });
  });

  it.each(exampleSpec().cluster.userPools.map((p) => [p.name, p.upgradeSettings] as const))(
    'THEN user pool %s carries its own upgrade settings',
    (name, settings) => {
      const pool = lz.template.one(POOL, { name: `${spec.names.cluster}/${name}` });
      expect(pool.properties!.upgradeSettings).toEqual(settings);
    },
  );

  it('THEN a pool that states its settings differs from the defaults (storage: one node at a time, 60-minute drain, 5-minute soak)', () => {
    const storage = lz.template.one(POOL, { name: `${spec.names.cluster}/storage` });
    expect(storage.properties!.upgradeSettings).toEqual({ maxSurge: '1', drainTimeoutInMinutes: 60, nodeSoakDurationInMinutes: 5 });
    const general = lz.template.one(POOL, { name: `${spec.names.cluster}/general` });
    expect(general.properties!.upgradeSettings).toEqual({ maxSurge: '33%', drainTimeoutInMinutes: 30, nodeSoakDurationInMinutes: 0 });
  });
});
