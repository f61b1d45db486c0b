import type { ClusterSpec, NodePool, Workload } from '@aks-hybrid/spec';

/** How many nodes a pool keeps, why, and over how many zones: what selects its VM figure. */
export interface PoolFloor {
  readonly pool: NodePool;
  readonly nodes: number;
  readonly zones: number;
  readonly figureKey: 'multi-zone' | 'same-zone' | 'single';
  /** Plain words: where the node count comes from. */
  readonly reason: string;
}

/** Every workload of the cluster with its team, in team then workload order. */
function workloadsOf(spec: ClusterSpec): Array<{ team: ClusterSpec['teams'][number]; workload: Workload }> {
  return spec.teams.flatMap((team) => team.workloads.map((workload) => ({ team, workload })));
}

/**
 * The nodes a pool always has: its autoscaler minimum, or more when its workloads' minimum replicas
 * need more (the kit spreads replicas over the pool's zones, so each replica holds a node; while the
 * pods run, the autoscaler cannot remove those nodes). The weakest workload decides, so the smallest
 * replica minimum is taken. Spread over at most one node per zone.
 */
export function poolFloor(spec: ClusterSpec, pool: NodePool): PoolFloor {
  // A CronJob holds no node between runs, so it never keeps a pool up (its model replicas are 1..1).
  const pinned = workloadsOf(spec).filter((w) => w.workload.nodePool === pool.name && w.workload.kind !== 'CronJob');
  const weakest = pinned.reduce<Workload | undefined>((min, w) => (!min || w.workload.replicas.min < min.replicas.min ? w.workload : min), undefined);
  const fromReplicas = weakest?.replicas.min ?? 0;
  let nodes = Math.max(pool.minCount, fromReplicas);
  let reason: string;
  if (weakest && fromReplicas > pool.minCount) {
    reason = `minCount ${pool.minCount}, but ${weakest.name} keeps at least ${fromReplicas} replica${fromReplicas === 1 ? '' : 's'} running`;
  } else if (nodes >= 1) {
    reason = `minCount ${pool.minCount}`;
  } else {
    // Scale-from-zero pool with nothing pinned: the first pod brings one node (failover time is ignored).
    nodes = 1;
    reason = `minCount 0; a single node comes up when a pod needs it`;
  }
  const zones = Math.min(pool.zones.length, nodes);
  const figureKey = nodes >= 2 && zones >= 2 ? 'multi-zone' : nodes >= 2 ? 'same-zone' : 'single';
  return { pool, nodes, zones, figureKey, reason };
}

/**
 * The user pools that serve requests: every pool that runs at least one workload (the kit cannot
 * tell which internal workloads a request needs, so all of them count). With no workload yet, the
 * default pool, where the first workloads will land.
 */
export function workloadPools(spec: ClusterSpec): NodePool[] {
  const used = new Set(workloadsOf(spec).map((w) => w.workload.nodePool));
  const pools = spec.cluster.userPools.filter((p) => used.has(p.name));
  if (pools.length > 0) return pools;
  const fallback = spec.cluster.userPools.find((p) => p.isDefault) ?? spec.cluster.userPools[0];
  return fallback ? [fallback] : [];
}

/** True for egress rules to on-premises (on-premises subsets or the whole on-premises set). */
function isOnPremisesRule(rule: ClusterSpec['teams'][number]['egress'][number]): boolean {
  return rule.onPremises || rule.cidrs.length > 0;
}

/**
 * The pools whose workloads talk to on-premises: pools of the teams that have an on-premises egress
 * rule. When no team has one yet, the request pools (any of them may be given such a rule).
 */
export function hybridPools(spec: ClusterSpec): NodePool[] {
  const hybridTeams = new Set(spec.teams.filter((t) => t.egress.some(isOnPremisesRule)).map((t) => t.name));
  const used = new Set(
    workloadsOf(spec)
      .filter((w) => hybridTeams.has(w.team.name))
      .map((w) => w.workload.nodePool),
  );
  const pools = spec.cluster.userPools.filter((p) => used.has(p.name));
  return pools.length > 0 ? pools : workloadPools(spec);
}

/** Teams that call external (internet) ranges, through the NAT gateway. */
export function internetEgressTeams(spec: ClusterSpec): string[] {
  return spec.teams.filter((t) => t.egress.some((r) => r.externalRange !== undefined)).map((t) => t.name);
}
