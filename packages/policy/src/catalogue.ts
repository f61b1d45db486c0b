import { admissionRules } from './rules/admission.js';
import { availabilityRules } from './rules/availability.js';
import { azureRules } from './rules/azure.js';
import { namespaceRules } from './rules/namespaces.js';
import { offboardingRules } from './rules/offboarding.js';
import { rbacRules } from './rules/rbac.js';
import { serviceRules } from './rules/services.js';
import { tenantDeliveryRules } from './rules/tenant-delivery.js';
import { workloadRules } from './rules/workloads.js';
import type { CelRule, PolicyRule } from './types.js';

/** Every rule, in the order of docs/policies.md. IDs are stable: a retired ID is never reused. */
export const POLICY_RULES: readonly PolicyRule[] = [
  ...rbacRules,
  ...workloadRules,
  ...serviceRules,
  ...namespaceRules,
  ...tenantDeliveryRules,
  ...availabilityRules,
  ...azureRules,
  ...admissionRules,
  ...offboardingRules,
];

/** The single-object rules, which the cluster enforces as ValidatingAdmissionPolicies. */
export const CEL_RULES: readonly CelRule[] = POLICY_RULES.filter((r): r is CelRule => r.engine === 'cel');

export const RULE_IDS: ReadonlySet<string> = new Set(POLICY_RULES.map((r) => r.id));

export function policyRule(id: string): PolicyRule | undefined {
  return POLICY_RULES.find((r) => r.id === id);
}
