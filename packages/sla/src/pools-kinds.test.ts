import type { ClusterSpec, Workload } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { poolFloor } from './pools.js';
import { fixtureSpec } from './testing/fixture.js';

/** The fixture with its user pool scaled from zero and one more workload on it. */
function withWorkload(extra: Workload): ClusterSpec {
  const spec = fixtureSpec();
  return {
    ...spec,
    cluster: { ...spec.cluster, userPools: spec.cluster.userPools.map((p) => ({ ...p, minCount: 0 })) },
    teams: spec.teams.map((t) => ({ ...t, workloads: [...t.workloads, extra] })),
  };
}

describe('pool floor by workload kind', () => {
  const api = fixtureSpec().teams[0]!.workloads[0]!;
  const nightly: Workload = { ...api, name: 'nightly', kind: 'CronJob', port: 0, replicas: { min: 1, max: 1 }, ingress: false };

  it('GIVEN a CronJob beside a 3-replica Deployment on a scale-from-zero pool THEN the Deployment still keeps 3 nodes', () => {
    const spec = withWorkload(nightly);
    const floor = poolFloor(spec, spec.cluster.userPools[0]!);
    expect(floor.nodes).toBe(3);
    expect(floor.reason).toMatch(/api keeps at least 3 replicas/);
  });

  it('GIVEN a 1-replica Deployment instead THEN it is the weakest and the floor drops to 1 (a CronJob is not counted, a Deployment is)', () => {
    const spec = withWorkload({ ...nightly, kind: 'Deployment' });
    expect(poolFloor(spec, spec.cluster.userPools[0]!).nodes).toBe(1);
  });
});
