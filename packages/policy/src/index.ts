export type { Finding } from './finding.js';
export { POLICY_RULES, CEL_RULES, RULE_IDS, policyRule } from './catalogue.js';
export {
  admissionPolicyObjects,
  admissionPolicyFor,
  policyName,
  messageSuffix,
  ADMISSION_API_VERSION,
  POLICY_RULE_LABEL,
  type AdmissionObject,
} from './admission-policies.js';
export {
  declaredExceptions,
  declaredPolicyExceptions,
  formatPolicyExceptions,
  exceptionTerm,
  EXCEPTION_RULE,
  EXCEPTIONS_CONDITION,
  type DeclaredException,
  type ExceptionSet,
} from './exceptions.js';
export { OFFBOARD_STATEFUL_TEAM } from './rules/offboarding.js';
export { policyValues, FLUX_APPLIERS } from './policy-values.js';
export { KINDS, POD_KINDS, kindInfoOf, isClusterScopedKind, type KindName, type KindInfo, type ObjectKindInfo } from './kinds.js';
export { ObjectIndex, NAMESPACE_NAME_LABEL, type IndexedObject, type KubeObject } from './object-index.js';
export { refKey, refLabel, refOfObject, parseExceptionObject, type ObjectRef } from './object-ref.js';
export { labelsOf, selectorMatches } from './label-selector.js';
export { BicepTree, propertyAt, type BicepResource, type DeploymentPrediction, type Resolved } from './bicep-tree.js';
export { celString, celStringList } from './cel-literals.js';
export type {
  AppliedException,
  AzureCheck,
  AzureContext,
  AzureRule,
  CelRule,
  CelValidation,
  CelVariable,
  DiffRule,
  ObjectsContext,
  ObjectsRule,
  PolicyRule,
  PolicyValues,
  RuleMeta,
  Severity,
  AdmissionScope,
  Violation,
} from './types.js';
