import { asArray, asRecord, at, TENANT_LABEL } from '@aks-hybrid/spec';
import type { IndexedObject } from '../object-index.js';
import { labelsOf } from '../label-selector.js';
import type { CelRule, ObjectsContext, ObjectsRule, Violation } from '../types.js';

const PSA_ENFORCE = 'pod-security.kubernetes.io/enforce';
const PSA_ENFORCE_VERSION = 'pod-security.kubernetes.io/enforce-version';

/** Team namespaces: those of the spec's teams and any rendered Namespace labelled as a tenant. */
function teamNamespaces(context: ObjectsContext): string[] {
  return [...new Set([...context.spec.teams.map((t) => t.name), ...context.index.tenantNamespaces()])].sort();
}

/** The namespace's own object and file, or the team file when the tree lacks it (KIT-NS-001 says so). */
function namespaceAnchor(context: ObjectsContext, namespace: string): { file: string } {
  const rendered = context.index.namespace(namespace);
  if (rendered) return { file: rendered.file };
  const team = context.spec.teams.find((t) => t.name === namespace);
  return { file: team?.file ?? context.spec.file };
}

function perNamespace(
  context: ObjectsContext,
  check: (namespace: string, objects: (kind: string, group: string) => IndexedObject[]) => string | undefined,
): Violation[] {
  const out: Violation[] = [];
  for (const namespace of teamNamespaces(context)) {
    const message = check(namespace, (kind, group) => context.index.inNamespace(namespace, kind, group));
    if (message) out.push({ ref: { kind: 'Namespace', name: namespace }, ...namespaceAnchor(context, namespace), message });
  }
  return out;
}

const nonEmptyMap = (v: unknown): boolean => typeof v === 'object' && v !== null && Object.keys(v).length > 0;

/** An unscoped ResourceQuota that bounds CPU and memory requests. */
function boundsComputeQuota(q: unknown): boolean {
  const hard = asRecord(at(q, 'spec', 'hard'));
  const scoped = asArray(at(q, 'spec', 'scopes')).length > 0 || at(q, 'spec', 'scopeSelector') !== undefined;
  return !scoped && ('requests.cpu' in hard || 'cpu' in hard) && ('requests.memory' in hard || 'memory' in hard);
}

/** A LimitRange that gives containers without resources a default request and limit. */
function defaultsContainers(l: unknown): boolean {
  return asArray(at(l, 'spec', 'limits')).some((x) => at(x, 'type') === 'Container' && nonEmptyMap(at(x, 'default')) && nonEmptyMap(at(x, 'defaultRequest')));
}

/** Policy types as the API server defaults them: Ingress, plus Egress when egress rules exist. */
function policyTypes(p: unknown): unknown[] {
  const declared = asArray(at(p, 'spec', 'policyTypes'));
  if (declared.length > 0) return [...declared];
  return ['Ingress', ...(at(p, 'spec', 'egress') !== undefined ? ['Egress'] : [])];
}

const selectsAllPods = (p: unknown): boolean => {
  const s = at(p, 'spec', 'podSelector');
  return s !== undefined && s !== null && !nonEmptyMap(at(s, 'matchLabels')) && asArray(at(s, 'matchExpressions')).length === 0;
};
const empty = (rules: unknown): boolean => rules === undefined || rules === null || (Array.isArray(rules) && rules.length === 0);

/** Which directions a NetworkPolicy denies for every pod of its namespace (no allow rules at all). */
export function deniedDirections(p: unknown): { ingress: boolean; egress: boolean } {
  if (!selectsAllPods(p)) return { ingress: false, egress: false };
  const types = policyTypes(p);
  return { ingress: types.includes('Ingress') && empty(at(p, 'spec', 'ingress')), egress: types.includes('Egress') && empty(at(p, 'spec', 'egress')) };
}

export const namespaceRules: readonly (CelRule | ObjectsRule)[] = [
  {
    id: 'KIT-NS-001',
    title: 'Every team has its Namespace, labelled as a tenant',
    severity: 'high',
    engine: 'objects',
    kinds: ['Namespace'],
    hint: `render the team (pnpm kit render) so its Namespace carries ${TENANT_LABEL}: "true"; never remove that label`,
    rationale: 'Every tenant admission policy selects namespaces by this label: a team namespace without it is not policed in the cluster.',
    check(context) {
      const out: Violation[] = [];
      for (const team of context.spec.teams) {
        const ns = context.index.namespace(team.name);
        if (!ns) out.push({ ref: { kind: 'Namespace', name: team.name }, file: team.file, message: `team ${team.name} has no Namespace in the rendered tree` });
        else if (labelsOf(ns.object)[TENANT_LABEL] !== 'true') {
          out.push({
            ref: ns.ref,
            file: ns.file,
            path: '/metadata/labels',
            message: `the team Namespace lacks the label ${TENANT_LABEL}: "true", so no tenant admission policy applies in it`,
          });
        }
      }
      return out;
    },
  },
  {
    id: 'KIT-NS-002',
    title: 'Team namespaces enforce Pod Security restricted',
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: ['Namespace'],
    hint: `label the Namespace ${PSA_ENFORCE}: restricted and ${PSA_ENFORCE_VERSION}: v<minor> (the TeamNamespace construct does)`,
    rationale:
      'Pod Security Admission restricted is the baseline every team pod must meet (no privilege escalation, dropped capabilities, seccomp), enforced by the API server itself.',
    variables: () => [{ name: 'labels', expression: 'has(object.metadata.labels) ? object.metadata.labels : {}' }],
    validations: () => [
      {
        expression: `'${PSA_ENFORCE}' in variables.labels && variables.labels['${PSA_ENFORCE}'] == 'restricted'`,
        message: `the team Namespace does not enforce Pod Security restricted (label ${PSA_ENFORCE})`,
      },
      {
        expression: `'${PSA_ENFORCE_VERSION}' in variables.labels`,
        message: `the team Namespace does not pin the Pod Security version (label ${PSA_ENFORCE_VERSION})`,
      },
    ],
  },
  {
    id: 'KIT-NS-003',
    title: 'Team namespaces have a ResourceQuota for CPU and memory',
    severity: 'medium',
    engine: 'objects',
    kinds: ['Namespace', 'ResourceQuota'],
    hint: 'keep the quota of the team file (spec.quota); the TeamQuota construct renders it as team-quota',
    rationale: 'Without a quota one team can request the whole cluster, and the capacity checks of the spec mean nothing.',
    check: (context) =>
      perNamespace(context, (_, objects) =>
        objects('ResourceQuota', '').some((q) => boundsComputeQuota(q.object))
          ? undefined
          : 'the team namespace has no unscoped ResourceQuota that bounds CPU and memory requests',
      ),
  },
  {
    id: 'KIT-NS-004',
    title: 'Team namespaces have a LimitRange with container defaults',
    severity: 'medium',
    engine: 'objects',
    kinds: ['Namespace', 'LimitRange'],
    hint: 'keep the defaults of the team file (spec.defaults); the TeamLimitRange construct renders them as team-defaults',
    rationale: 'A quota on requests rejects pods that state none; the LimitRange gives them defaults and caps a container at the largest node.',
    check: (context) =>
      perNamespace(context, (_, objects) =>
        objects('LimitRange', '').some((l) => defaultsContainers(l.object))
          ? undefined
          : 'the team namespace has no LimitRange with default requests and limits for containers',
      ),
  },
  {
    id: 'KIT-NS-005',
    title: 'Team namespaces deny ingress and egress by default',
    severity: 'high',
    engine: 'objects',
    kinds: ['Namespace', 'NetworkPolicy'],
    hint: 'keep the default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress, no rules) that the NamespaceIsolation construct renders; open paths with explicit allows',
    rationale: 'Network policies only ever add allows: without a default deny every pod is reachable from, and can reach, anything.',
    check: (context) =>
      perNamespace(context, (_, objects) => {
        const denied = objects('NetworkPolicy', 'networking.k8s.io').map((p) => deniedDirections(p.object));
        const missing = [...(denied.some((d) => d.ingress) ? [] : ['ingress']), ...(denied.some((d) => d.egress) ? [] : ['egress'])];
        return missing.length === 0
          ? undefined
          : `the team namespace has no default-deny NetworkPolicy for ${missing.join(' and ')} (empty podSelector, no rules)`;
      }),
  },
];
