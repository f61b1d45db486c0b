import { allocatable, type ClusterSpec, type NodePool } from '@aks-hybrid/spec';

/** The user pool of that name; the spec checks guarantee it exists, so a miss is a bug. */
export function userPool(spec: ClusterSpec, name: string): NodePool {
  const pool = spec.cluster.userPools.find((p) => p.name === name);
  if (!pool) throw new Error(`node pool "${name}" is not a user pool of cluster ${spec.name}`);
  return pool;
}

export interface Toleration {
  readonly key: string;
  readonly operator: 'Equal' | 'Exists';
  readonly value?: string;
  readonly effect: string;
}

/** The toleration that matches one taint written `key=value:Effect` (or `key:Effect`). */
export function tolerationFor(taint: string): Toleration {
  const match = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(taint);
  if (!match) throw new Error(`taint "${taint}" is not of the form key=value:Effect`);
  const [, key, value, effect] = match as unknown as [string, string, string | undefined, string];
  return value === undefined ? { key, operator: 'Exists', effect } : { key, operator: 'Equal', value, effect };
}

/** What the largest node among the given pools can hand to pods (CPU and memory taken separately). */
export function largestNode(pools: readonly NodePool[]): { cores: number; memoryBytes: number } {
  let cores = 0;
  let memoryBytes = 0;
  for (const pool of pools) {
    const node = allocatable({ vcpus: pool.vcpus, memoryGiB: pool.memoryGiB }, pool.maxPods);
    cores = Math.max(cores, node.cores);
    memoryBytes = Math.max(memoryBytes, node.memoryBytes);
  }
  return { cores, memoryBytes };
}
