import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import { lookupVmSize } from '../vm-sizes.js';
import type { CheckContext } from './context.js';

/** Pools: unique names, sane autoscaler ranges, zones the cluster has, known sizes, one default. */
export function checkPools(ctx: CheckContext): SpecIssue[] {
  const { platformFile: file } = ctx;
  const cluster = ctx.platform.spec.cluster;
  const clusterZones = ctx.platform.spec.azure.zones;
  const issues: SpecIssue[] = [];
  const pools = [
    { pool: cluster.systemPool, path: ['spec', 'cluster', 'systemPool'] },
    ...cluster.userPools.map((pool, i) => ({ pool, path: ['spec', 'cluster', 'userPools', i] })),
  ];
  const seen = new Map<string, number>();
  for (const { pool, path } of pools) {
    if (seen.has(pool.name)) issues.push(issueAt(file, [...path, 'name'], `pool name "${pool.name}" is used twice`, 'give every pool its own name'));
    seen.set(pool.name, 1);
    if (pool.minCount > pool.maxCount) {
      issues.push(
        issueAt(file, [...path, 'minCount'], `minCount ${pool.minCount} is above maxCount ${pool.maxCount}`, 'the autoscaler needs minCount <= maxCount'),
      );
    }
    for (const zone of pool.zones ?? []) {
      if (!clusterZones.includes(zone))
        issues.push(
          issueAt(
            file,
            [...path, 'zones'],
            `zone ${zone} is not one of the cluster zones (${clusterZones.join(', ')})`,
            'use zones listed in spec.azure.zones',
          ),
        );
    }
    if (!lookupVmSize(pool.vmSize) && (pool.vcpus === undefined || pool.memoryGiB === undefined)) {
      issues.push(
        issueAt(
          file,
          [...path, 'vmSize'],
          `VM size ${pool.vmSize} is not in the kit's size table`,
          'state its vcpus and memoryGiB in the pool so capacity can be checked',
        ),
      );
    }
  }
  if (cluster.systemPool.minCount < 2) {
    issues.push(
      issueAt(
        file,
        ['spec', 'cluster', 'systemPool', 'minCount'],
        'a system pool with fewer than 2 nodes has no redundancy for CoreDNS and the add-ons',
        'set minCount to 2 or more (3 spreads one node per zone)',
      ),
    );
  }
  const defaults = cluster.userPools.filter((p) => p.default);
  if (defaults.length !== 1) {
    issues.push(
      issueAt(file, ['spec', 'cluster', 'userPools'], `${defaults.length} user pools are marked default`, 'mark exactly one user pool with default: true'),
    );
  }
  const classes = new Map<string, string>();
  cluster.userPools.forEach((pool, i) => {
    const other = classes.get(pool.workloadClass);
    if (other)
      issues.push(
        issueAt(
          file,
          ['spec', 'cluster', 'userPools', i, 'workloadClass'],
          `workload class "${pool.workloadClass}" is already served by pool ${other}`,
          'one pool per workload class, so placement is unambiguous',
        ),
      );
    classes.set(pool.workloadClass, pool.name);
  });
  return issues;
}
