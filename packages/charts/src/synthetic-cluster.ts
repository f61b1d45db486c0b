import type { ClusterSpec, Team, Workload } from '@aks-hybrid/spec';

export interface SyntheticClusterOptions {
  /** Number of teams to generate. */
  readonly teams: number;
  /**
   * Workloads per team, cycling through the user pools' workload classes.
   * @default 3
   */
  readonly workloadsPerTeam?: number;
}

/**
 * A cluster spec with `teams` generated teams on top of a real (loaded) spec, for benchmarks and
 * scale tests. Each team has an on-premises, an external-range and a literal-CIDR egress rule and
 * workloads spread over the pools' classes. Deterministic: same input, same spec. It skips the spec
 * checks on purpose (1,000 teams' quotas would not fit the example pools).
 */
export function syntheticCluster(base: ClusterSpec, options: SyntheticClusterOptions): ClusterSpec {
  const perTeam = options.workloadsPerTeam ?? 3;
  const pools = base.cluster.userPools;
  const defaultPool = pools.find((p) => p.isDefault) ?? pools[0];
  if (!defaultPool) throw new Error(`cluster ${base.name} has no user pool`);
  const firstRange = base.onPremises.ranges[0];
  if (!firstRange) throw new Error(`cluster ${base.name} has no on-premises range`);
  const external = base.externalRanges[0];

  const teams: Team[] = [];
  for (let t = 0; t < options.teams; t++) {
    const name = `team-${String(t).padStart(4, '0')}`;
    const workloads: Workload[] = [];
    for (let w = 0; w < perTeam; w++) {
      const pool = pools[w % pools.length]!;
      workloads.push({
        name: `svc-${w}`,
        image: `${base.registry.loginServer}/${name}/svc-${w}:1.0.${w}`,
        workloadClass: pool.workloadClass ?? pool.name,
        nodePool: pool.name,
        port: 8080 + w,
        replicas: { min: 2, max: 6 },
        resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
        autoscaling: w % 2 === 0 ? { cpuUtilization: 70 } : { cpuUtilization: 65, memoryUtilization: 80 },
        healthPath: '/healthz',
        env: { LOG_LEVEL: 'info', TEAM: name },
        ingress: w === 0,
      });
    }
    teams.push({
      name,
      file: `apps/${base.name}/teams/${name}.yaml`,
      groupObjectId: syntheticGuid(t, 1),
      readOnlyGroupObjectId: syntheticGuid(t, 2),
      nodePool: defaultPool.name,
      quota: { cpu: '8', memory: '32Gi', storage: '100Gi', pods: 50, persistentVolumeClaims: 10, services: 20, loadBalancers: 0 },
      defaults: { request: { cpu: '100m', memory: '128Mi' }, limit: { cpu: '500m', memory: '512Mi' } },
      egress: [
        { name: 'onprem', cidrs: [], onPremises: true, ports: [443] },
        ...(external ? [{ name: 'partner', cidrs: [], onPremises: false, externalRange: external.name, ports: [443] }] : []),
        { name: 'onprem-db', cidrs: [firstRange], onPremises: false, ports: [1433, 5432] },
      ],
      workloads,
      labels: { 'cost-center': `cc-${t % 10}` },
      policyExceptions: [],
    });
  }
  return { ...base, teams };
}

function syntheticGuid(index: number, kind: number): string {
  const hex = index.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${hex}`;
}
