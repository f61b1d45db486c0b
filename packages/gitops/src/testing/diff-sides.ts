/** For the tests: the example cluster rendered in memory, as committed and with spec edits. */
import { fileURLToPath } from 'node:url';
import { computeSla } from '@aks-hybrid/sla';
import { fileSystemSource, loadCluster, memorySource } from '@aks-hybrid/spec';
import { parseDocument } from 'yaml';
import { renderCluster } from '../render-cluster.js';
import { slaFigures } from '../diff/sla-diff.js';
import type { SlaFigures } from '../diff/types.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const CLUSTER = 'weu-prod';
export const PLATFORM = `apps/${CLUSTER}/platform.yaml`;
export const DEV_TEAM = `apps/${CLUSTER}/teams/dev.yaml`;

/** A spec file edit: field path -> new value (`undefined` deletes), or a whole file (`undefined` deletes it). */
export type SpecEdits = Record<string, Array<[Array<string | number>, unknown]> | string | undefined>;

export interface Side {
  readonly files: Map<string, string>;
  readonly sla: SlaFigures;
}

/**
 * The example cluster with `edits` applied to its spec files, rendered the way `kit render` does.
 * The fleet is the cluster alone, so sibling clusters in apps/ do not move these tests.
 */
export function exampleSide(edits: SpecEdits = {}): Side {
  const disk = fileSystemSource(REPO_ROOT);
  const overrides = new Map<string, string | undefined>();
  for (const [file, edit] of Object.entries(edits)) {
    if (edit === undefined || typeof edit === 'string') {
      overrides.set(file, edit);
      continue;
    }
    const doc = parseDocument(disk.read(file) ?? '');
    for (const [path, value] of edit) {
      if (value === undefined) doc.deleteIn(path);
      else doc.setIn(path, value);
    }
    overrides.set(file, doc.toString());
  }
  const spec = loadCluster(memorySource(overrides, disk), CLUSTER);
  return { files: renderCluster(spec, [spec]), sla: slaFigures(computeSla(spec, [spec])) };
}

/** Index of the user pool called `name` in the example platform file (so edits do not hard-code positions). */
export function userPoolIndex(name: string): number {
  const doc = parseDocument(fileSystemSource(REPO_ROOT).read(PLATFORM) ?? '');
  const pools = (doc.toJS() as { spec: { cluster: { userPools: Array<{ name: string }> } } }).spec.cluster.userPools;
  const index = pools.findIndex((p) => p.name === name);
  if (index < 0) throw new Error(`the example has no user pool ${name}`);
  return index;
}

/** Index of the egress rule called `name` of the dev team. */
export function devEgressIndex(name: string): number {
  const doc = parseDocument(fileSystemSource(REPO_ROOT).read(DEV_TEAM) ?? '');
  const rules = (doc.toJS() as { spec: { egress: Array<{ name: string }> } }).spec.egress;
  const index = rules.findIndex((r) => r.name === name);
  if (index < 0) throw new Error(`the dev team has no egress rule ${name}`);
  return index;
}

/** A new team file, as `nx g team-namespace` or a person would write it. */
export function teamFile(name: string, groupObjectId: string, cpu: string, egressCidr: string): string {
  return `apiVersion: kit.aks-hybrid.dev/v1alpha1
kind: Team
metadata:
  name: ${name}
  description: Payments team
  contact: ${name}@contoso.example
spec:
  groupObjectId: ${groupObjectId}
  nodePool: general
  quota:
    cpu: '${cpu}'
    memory: 64Gi
    storage: 200Gi
    pods: 100
    persistentVolumeClaims: 10
  egress:
    - name: onprem-settlement
      cidrs: [${egressCidr}]
      ports: [443]
  workloads:
    - name: gateway
      image: acrcontosoweuprod.azurecr.io/${name}/gateway:1.0.0
      port: 8080
      replicas: { min: 3, max: 10 }
      resources:
        requests: { cpu: 250m, memory: 256Mi }
        limits: { cpu: '1', memory: 512Mi }
      autoscaling: { cpuUtilization: 70 }
`;
}
