import { asRecord, at } from '@aks-hybrid/spec';
import { labelsOf, selectorMatches } from '../label-selector.js';
import type { IndexedObject } from '../object-index.js';
import type { ObjectsContext, ObjectsRule, Violation } from '../types.js';

/** A replicated workload of a team namespace with the fewest replicas it may run at. */
interface Replicated {
  readonly workload: IndexedObject;
  /** The HPA that scales it, if any. */
  readonly hpa?: IndexedObject;
  readonly minReplicas: number;
  readonly podLabels: Readonly<Record<string, string>>;
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet'];

function replicatedWorkloads(context: ObjectsContext, namespace: string): Replicated[] {
  const hpas = context.index.inNamespace(namespace, 'HorizontalPodAutoscaler', 'autoscaling');
  const out: Replicated[] = [];
  for (const kind of WORKLOAD_KINDS) {
    for (const workload of context.index.inNamespace(namespace, kind, 'apps')) {
      const o = workload.object;
      const hpa = hpas.find(
        (h) => at(h.object, 'spec', 'scaleTargetRef', 'kind') === kind && at(h.object, 'spec', 'scaleTargetRef', 'name') === workload.ref.name,
      );
      // An HPA's minReplicas defaults to 1; so does a workload's replicas.
      const minReplicas = hpa ? Number(at(hpa.object, 'spec', 'minReplicas') ?? 1) : Number(at(o, 'spec', 'replicas') ?? 1);
      out.push({ workload, ...(hpa ? { hpa } : {}), minReplicas, podLabels: labelsOf(at(o, 'spec', 'template')) });
    }
  }
  return out;
}

/** PDBs of the namespace and the workloads whose pods each selects (policy/v1: a null selector selects none). */
function budgets(context: ObjectsContext, namespace: string): Array<{ pdb: IndexedObject; workloads: Replicated[] }> {
  const workloads = replicatedWorkloads(context, namespace);
  return context.index.inNamespace(namespace, 'PodDisruptionBudget', 'policy').map((pdb) => {
    const selector = at(pdb.object, 'spec', 'selector');
    return { pdb, workloads: selector === undefined || selector === null ? [] : workloads.filter((w) => selectorMatches(selector, w.podLabels)) };
  });
}

/** An int-or-percent of `total`, rounded up as the disruption controller does. */
function scaled(value: unknown, total: number): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const percent = /^(\d+)%$/.exec(value);
    if (percent) return Math.ceil((Number(percent[1]) * total) / 100);
    if (/^\d+$/.test(value)) return Number(value);
  }
  return undefined;
}

/** Evictions a PDB allows when its pods run at `replicas` (undefined: the PDB states neither field). */
export function allowedDisruptions(pdb: unknown, replicas: number): number | undefined {
  const spec = asRecord(at(pdb, 'spec'));
  if (spec.maxUnavailable !== undefined) {
    const max = scaled(spec.maxUnavailable, replicas);
    return max === undefined ? undefined : Math.min(max, replicas);
  }
  if (spec.minAvailable !== undefined) {
    const min = scaled(spec.minAvailable, replicas);
    return min === undefined ? undefined : Math.max(replicas - min, 0);
  }
  return undefined;
}

function tenantNamespaces(context: ObjectsContext): string[] {
  return [...new Set([...context.spec.teams.map((t) => t.name), ...context.index.tenantNamespaces()])].sort();
}

export const availabilityRules: readonly ObjectsRule[] = [
  {
    id: 'KIT-AVAIL-001',
    title: 'Workloads with a PodDisruptionBudget run at least 2 replicas',
    severity: 'medium',
    engine: 'objects',
    kinds: ['HorizontalPodAutoscaler', 'Deployment', 'StatefulSet', 'PodDisruptionBudget'],
    hint: 'set replicas.min to 2 or more in the team file (the HPA minReplicas)',
    rationale: 'With one replica a node drain either evicts the only pod (an outage) or, with a strict budget, blocks the drain and the cluster upgrade.',
    check(context) {
      const out: Violation[] = [];
      for (const namespace of tenantNamespaces(context)) {
        const all = budgets(context, namespace);
        for (const w of replicatedWorkloads(context, namespace)) {
          const pdbs = all.filter((b) => b.workloads.some((x) => x.workload === w.workload)).map((b) => b.pdb.ref.name);
          if (pdbs.length === 0 || w.minReplicas >= 2) continue;
          const subject = w.hpa ?? w.workload;
          out.push({
            ref: subject.ref,
            file: subject.file,
            path: w.hpa ? '/spec/minReplicas' : '/spec/replicas',
            message: `${w.workload.ref.kind} ${w.workload.ref.name} may run with ${w.minReplicas} replica while PodDisruptionBudget ${pdbs.join(', ')} protects it: draining a node takes it down or blocks`,
          });
        }
      }
      return out;
    },
  },
  {
    id: 'KIT-AVAIL-002',
    title: 'PodDisruptionBudgets leave room to drain a node',
    severity: 'medium',
    engine: 'objects',
    kinds: ['PodDisruptionBudget', 'HorizontalPodAutoscaler', 'Deployment', 'StatefulSet'],
    hint: 'use maxUnavailable: 1 (the Workload construct does), or a minAvailable below the minimum replicas',
    rationale: 'A budget that allows no eviction at the minimum replica count blocks every node drain, so node image and Kubernetes upgrades stall.',
    check(context) {
      const out: Violation[] = [];
      for (const namespace of tenantNamespaces(context)) {
        for (const { pdb, workloads } of budgets(context, namespace)) {
          if (workloads.length === 0) continue;
          const replicas = workloads.reduce((n, w) => n + w.minReplicas, 0);
          const allowed = allowedDisruptions(pdb.object, replicas);
          if (allowed === undefined) {
            out.push({
              ref: pdb.ref,
              file: pdb.file,
              path: '/spec',
              message: 'the PodDisruptionBudget states neither a valid minAvailable nor maxUnavailable',
            });
          } else if (allowed < 1) {
            out.push({
              ref: pdb.ref,
              file: pdb.file,
              path: '/spec',
              message: `at the minimum of ${replicas} replica(s) of ${workloads.map((w) => `${w.workload.ref.kind} ${w.workload.ref.name}`).join(', ')} the budget allows no eviction: node drains block`,
            });
          }
        }
      }
      return out;
    },
  },
];
