export { evaluatePolicies, declaredPolicyExceptions, formatPolicyExceptions, type PolicyInput, type PolicyReport } from './evaluate-policies.js';
export {
  admissionPolicyObjects,
  admissionPolicyFor,
  policyName,
  ADMISSION_API_VERSION,
  POLICY_RULE_LABEL,
  type AdmissionObject,
} from './admission-policies.js';
export { CompiledAdmissionPolicy, compileAdmissionPolicies, CI_USER_INFO, type PolicyVerdict } from './admission-evaluator.js';
export { POLICY_RULES, CEL_RULES, RULE_IDS, policyRule } from './catalogue.js';
export { EXCEPTION_RULE, EXCEPTIONS_CONDITION } from './exceptions.js';
export { OFFBOARD_STATEFUL_TEAM } from './rules/offboarding.js';
export { policyValues, FLUX_NAMESPACE } from './policy-values.js';
export { KINDS, POD_KINDS, type KindName, type KindInfo } from './kinds.js';
export type {
  AppliedException,
  AzureRule,
  CelRule,
  CelValidation,
  CelVariable,
  DiffRule,
  ObjectsRule,
  PolicyRule,
  PolicyValues,
  RuleMeta,
  Severity,
  AdmissionScope,
} from './types.js';
