import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import { formatCores, formatGiB, parseQuantity } from '../net/quantity.js';
import { allocatable, lookupVmSize } from '../vm-sizes.js';
import type { UserPoolInput } from '../schema/platform.js';
import type { CheckContext } from './context.js';

export interface PoolCapacity {
  readonly pool: string;
  /** Allocatable at max scale. */
  readonly cores: number;
  readonly memoryBytes: number;
  /** Sum of the quotas of the teams whose node pool this is. */
  readonly quotaCores: number;
  readonly quotaMemoryBytes: number;
}

export function poolCapacity(pool: UserPoolInput): { cores: number; memoryBytes: number } {
  const shape = lookupVmSize(pool.vmSize) ?? { vcpus: pool.vcpus ?? 0, memoryGiB: pool.memoryGiB ?? 0 };
  const node = allocatable(shape, pool.maxPods ?? 110);
  return { cores: node.cores * pool.maxCount, memoryBytes: node.memoryBytes * pool.maxCount };
}

/**
 * Quotas are promises: the teams of a pool must be able to use them all at once when the pool is at
 * max scale. Each team's quota is charged to its node pool. Pod requests must also fit one node.
 */
export function checkCapacity(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const pools = ctx.platform.spec.cluster.userPools;
  const defaultClass = (team: CheckContext['teams'][number]['team']) => pools.find((p) => p.name === team.spec.nodePool)?.workloadClass;

  for (const pool of pools) {
    if (!lookupVmSize(pool.vmSize) && (pool.vcpus === undefined || pool.memoryGiB === undefined)) continue;
    const capacity = poolCapacity(pool);
    const teams = ctx.teams.filter((t) => t.team.spec.nodePool === pool.name);
    let cores = 0;
    let memory = 0;
    for (const { parsed, team } of teams) {
      cores += parseQuantity(team.spec.quota.cpu);
      memory += parseQuantity(team.spec.quota.memory);
      const over: string[] = [];
      if (cores > capacity.cores + 1e-9) over.push(`CPU ${formatCores(cores)} > ${formatCores(capacity.cores)}`);
      if (memory > capacity.memoryBytes) over.push(`memory ${formatGiB(memory)} > ${formatGiB(capacity.memoryBytes)}`);
      if (over.length > 0) {
        issues.push(
          issueAt(
            parsed,
            ['spec', 'quota'],
            `the quotas of the teams on pool "${pool.name}" exceed what it offers at max scale (${pool.maxCount} x ${pool.vmSize}): ${over.join(', ')}`,
            `lower this quota, move the team to another pool, or raise maxCount of pool ${pool.name}`,
          ),
        );
        break;
      }
    }
  }

  // A pod that is bigger than a node never schedules.
  for (const { parsed, team } of ctx.teams) {
    (team.spec.workloads ?? []).forEach((w, i) => {
      const cls = w.workloadClass ?? defaultClass(team);
      const pool = pools.find((p) => p.workloadClass === cls);
      if (!pool) return;
      const shape = lookupVmSize(pool.vmSize) ?? (pool.vcpus && pool.memoryGiB ? { vcpus: pool.vcpus, memoryGiB: pool.memoryGiB } : undefined);
      if (!shape) return;
      const node = allocatable(shape, pool.maxPods ?? 110);
      if (parseQuantity(w.resources.requests.cpu) > node.cores || parseQuantity(w.resources.requests.memory) > node.memoryBytes) {
        issues.push(
          issueAt(
            parsed,
            ['spec', 'workloads', i, 'resources', 'requests'],
            `a pod of "${w.name}" requests more than one ${pool.vmSize} node can offer (${formatCores(node.cores)}, ${formatGiB(node.memoryBytes)})`,
            'lower the requests or use a workload class with bigger nodes',
          ),
        );
      }
    });
  }
  return issues;
}
