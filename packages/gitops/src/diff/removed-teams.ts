// TENANT_LABEL: the label every team namespace carries (KIT-NS-001 makes sure).
import { asArray, asRecord, at, TENANT_LABEL } from '@aks-hybrid/spec';
import { OFFBOARD_STATEFUL_TEAM } from '@aks-hybrid/policy';
import type { ParsedObject } from './k8s-objects.js';
import type { DeclaredPolicyException, DiffFinding, WaivedFinding } from './types.js';

const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

/**
 * KIT-OFFBOARD-001: a change that removes a team namespace whose base-ref files show it may hold
 * data. Flux leaves the namespace in place (it carries `kustomize.toolkit.fluxcd.io/prune:
 * disabled`, https://fluxcd.io/flux/components/kustomize/kustomizations/#prune), but the runbook
 * then deletes it, and with it its PersistentVolumeClaims; with the default reclaim policy `Delete`
 * their disks go too (https://kubernetes.io/docs/concepts/storage/persistent-volumes/#delete).
 * Only a platform exception (`Namespace/<team>`, with a reason) waives it: the team's own file is
 * the one being removed.
 */
export function removedTeamFindings(
  base: ReadonlyMap<string, ParsedObject>,
  head: ReadonlyMap<string, ParsedObject>,
  exceptions: readonly DeclaredPolicyException[],
): { findings: DiffFinding[]; waived: WaivedFinding[] } {
  const findings: DiffFinding[] = [];
  const waived: WaivedFinding[] = [];
  const headNamespaces = new Set([...head.values()].filter(isNamespace).map((o) => o.ref.name));
  for (const ns of [...base.values()].filter((o) => isNamespace(o) && isTenant(o) && !headNamespaces.has(o.ref.name))) {
    const team = ns.ref.name;
    const evidence = statefulEvidence([...base.values()].filter((o) => o.ref.namespace === team));
    if (evidence.length === 0) continue;
    const object = `Namespace ${team}`;
    const exception = exceptions.find((e) => e.rule === OFFBOARD_STATEFUL_TEAM.id && sameNamespace(e.object, team));
    if (exception) {
      waived.push({ rule: OFFBOARD_STATEFUL_TEAM.id, object, reason: exception.reason, exceptionFile: exception.file });
      continue;
    }
    findings.push({
      rule: OFFBOARD_STATEFUL_TEAM.id,
      object,
      file: ns.ref.file,
      message: `the change removes team ${team}, whose namespace may hold data; deleting the namespace deletes its PersistentVolumeClaims`,
      evidence,
      hint: OFFBOARD_STATEFUL_TEAM.hint.replace('<team>', team),
    });
  }
  return { findings, waived };
}

/** `Namespace/payments` names the team's namespace; so does the cluster-scoped form only. */
function sameNamespace(object: string, team: string): boolean {
  return object === `Namespace/${team}`;
}

const isNamespace = (o: ParsedObject) => o.ref.kind === 'Namespace' && o.ref.apiVersion === 'v1';
const isTenant = (o: ParsedObject) => at(o.value, 'metadata', 'labels', TENANT_LABEL) === 'true';

/** What in the namespace's files says it may hold data, for the reviewer; empty when nothing does. */
export function statefulEvidence(objects: readonly ParsedObject[]): string[] {
  const evidence: string[] = [];
  for (const o of objects) {
    if (o.ref.kind === 'PersistentVolumeClaim') evidence.push(`PersistentVolumeClaim ${o.ref.name} (${o.ref.file})`);
    const templates = asArray(at(o.value, 'spec', 'volumeClaimTemplates'));
    if (o.ref.kind === 'StatefulSet' && templates.length > 0) {
      const names = templates.map((t) => at(t, 'metadata', 'name')).filter(Boolean);
      evidence.push(`StatefulSet ${o.ref.name} with volume claim templates ${names.join(', ')} (${o.ref.file})`);
    }
    const claimNames = podVolumes(o)
      .map((v) => at(v, 'persistentVolumeClaim', 'claimName'))
      .filter(Boolean);
    if (claimNames.length > 0) evidence.push(`${o.ref.kind} ${o.ref.name} mounts ${claimNames.join(', ')} (${o.ref.file})`);
  }
  const quotas = objects.filter((o) => o.ref.kind === 'ResourceQuota');
  // The kit renders no claims: teams create them in the cluster, within their quota. Only a quota
  // that caps claims or storage at zero rules that out.
  const capped = quotas.some((q) => isZero(at(q.value, 'spec', 'hard', 'persistentvolumeclaims')) || isZero(at(q.value, 'spec', 'hard', 'requests.storage')));
  if (!capped) {
    const q = quotas[0];
    const hard = q ? asRecord(at(q.value, 'spec', 'hard')) : {};
    const allowance = [
      hard.persistentvolumeclaims !== undefined ? `up to ${hard.persistentvolumeclaims} PersistentVolumeClaims` : 'PersistentVolumeClaims',
      hard['requests.storage'] !== undefined ? `${hard['requests.storage']} of storage` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    evidence.push(
      q
        ? `ResourceQuota ${q.ref.name} lets the team create ${allowance} in the cluster (${q.ref.file})`
        : 'no ResourceQuota caps PersistentVolumeClaims in the namespace',
    );
  }
  return evidence;
}

function podVolumes(o: ParsedObject): readonly unknown[] {
  const value = o.value;
  const spec =
    o.ref.kind === 'Pod'
      ? at(value, 'spec')
      : o.ref.kind === 'CronJob'
        ? at(value, 'spec', 'jobTemplate', 'spec', 'template', 'spec')
        : POD_TEMPLATE_KINDS.has(o.ref.kind)
          ? at(value, 'spec', 'template', 'spec')
          : undefined;
  return asArray(at(spec, 'volumes'));
}

/** `0`, `"0"`, `0Gi`: a quota of nothing. */
function isZero(quantity: unknown): boolean {
  return quantity !== undefined && quantity !== null && /^[+]?0+(\.0+)?[A-Za-z]*$/.test(String(quantity).trim());
}
