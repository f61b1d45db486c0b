import { MANAGED_BY, MANAGED_BY_LABEL, TENANT_LABEL, type ClusterSpec } from '@aks-hybrid/spec';
import { CEL_RULES, RULE_IDS } from './catalogue.js';
import { celString, celStringList } from './cel-literals.js';
import { declaredExceptions, exceptionsCondition, type DeclaredException } from './exceptions.js';
import { KINDS, type KindName } from './kinds.js';
import { policyValues } from './policy-values.js';
import type { CelRule, PolicyValues } from './types.js';

export type AdmissionObject = Record<string, unknown>;

export const ADMISSION_API_VERSION = 'admissionregistration.k8s.io/v1';
/** On every rendered policy and binding: the catalogue rule it enforces. */
export const POLICY_RULE_LABEL = 'kit.aks-hybrid.dev/policy-rule';
/** Name of the matchCondition of `applied-by-flux` rules. */
export const FLUX_CONDITION = 'applied-by-flux';
/** The operations policies check; DELETE carries no object to judge. */
export const POLICY_OPERATIONS = ['CREATE', 'UPDATE'] as const;

/** `KIT-IMG-001` -> `kit-img-001`: the policy and binding name. */
export const policyName = (ruleId: string): string => ruleId.toLowerCase();

/** What the API server shows on a denial: the rule's message and how to fix it. */
export const messageSuffix = (rule: CelRule): string => ` (fix: ${rule.hint})`;

/** resourceRules for a list of kinds: one entry per API group and version, in the order kinds are listed. */
export function resourceRules(kinds: readonly KindName[]): AdmissionObject[] {
  const groups = new Map<string, { group: string; version: string; resources: string[] }>();
  for (const kind of kinds) {
    const info = KINDS[kind];
    const key = `${info.group}/${info.version}`;
    const entry = groups.get(key) ?? { group: info.group, version: info.version, resources: [] };
    entry.resources.push(info.resource);
    groups.set(key, entry);
  }
  return [...groups.values()].map((g) => ({ apiGroups: [g.group], apiVersions: [g.version], operations: [...POLICY_OPERATIONS], resources: g.resources }));
}

/** Tenant rules select the team namespaces by their label; platform-namespace rules every other namespace. */
function namespaceSelector(scope: CelRule['scope']): AdmissionObject {
  if (scope === 'tenant-namespaces') return { namespaceSelector: { matchLabels: { [TENANT_LABEL]: 'true' } } };
  if (scope === 'platform-namespaces') return { namespaceSelector: { matchExpressions: [{ key: TENANT_LABEL, operator: 'NotIn', values: ['true'] }] } };
  return {};
}

/**
 * The ValidatingAdmissionPolicy and its binding for one CEL rule. Spec values are CEL literals
 * (no params), exceptions are one matchCondition, and messages carry the fix, so what the API
 * server enforces and says is exactly what CI evaluates.
 */
export function admissionPolicyFor(rule: CelRule, values: PolicyValues, exceptions: readonly DeclaredException[]): [AdmissionObject, AdmissionObject] {
  const name = policyName(rule.id);
  // A fresh object per use: a shared one would come out as a YAML alias.
  const labels = () => ({ [MANAGED_BY_LABEL]: MANAGED_BY, [POLICY_RULE_LABEL]: rule.id });
  const matchConditions = [
    // The applier's username, not the flux-system group: the extension's own controllers in that
    // namespace (fluxconfig-agent, fluxconfig-controller) create the flux-applier ClusterRoleBinding
    // themselves, and a group match would deny them.
    ...(rule.scope !== 'tenant-namespaces' ? [{ name: FLUX_CONDITION, expression: `request.userInfo.username in ${celStringList(values.fluxAppliers)}` }] : []),
    ...[exceptionsCondition(exceptions)].filter((c) => c !== undefined),
  ];
  const variables = rule.variables?.(values) ?? [];
  const suffix = messageSuffix(rule);
  const validations = rule.validations(values).map((v) => ({
    expression: v.expression,
    message: `${v.message}${suffix}`,
    ...(v.messageExpression ? { messageExpression: `(${v.messageExpression}) + ${celString(suffix)}` } : {}),
    reason: 'Forbidden',
  }));
  const policy: AdmissionObject = {
    apiVersion: ADMISSION_API_VERSION,
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name, labels: labels(), annotations: { 'kit.aks-hybrid.dev/title': rule.title } },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: {
        resourceRules: resourceRules(rule.kinds),
        matchPolicy: 'Equivalent',
        ...namespaceSelector(rule.scope),
      },
      ...(matchConditions.length > 0 ? { matchConditions } : {}),
      ...(variables.length > 0 ? { variables: variables.map((v) => ({ name: v.name, expression: v.expression })) } : {}),
      validations,
    },
  };
  const binding: AdmissionObject = {
    apiVersion: ADMISSION_API_VERSION,
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name, labels: labels() },
    spec: { policyName: name, validationActions: ['Deny'] },
  };
  return [policy, binding];
}

/**
 * Every ValidatingAdmissionPolicy and binding of the catalogue for one cluster, in catalogue order
 * (policy, then its binding). Pure: the spec in, plain objects out. `@aks-hybrid/charts` renders
 * them into `infrastructure/admission-policies.yaml`; CI evaluates these same objects.
 */
export function admissionPolicyObjects(spec: ClusterSpec): AdmissionObject[] {
  const values = policyValues(spec);
  const exceptions = declaredExceptions(spec, RULE_IDS);
  return CEL_RULES.flatMap((rule) => admissionPolicyFor(rule, values, exceptions.forRule(rule.id)));
}
