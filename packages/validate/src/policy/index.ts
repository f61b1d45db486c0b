export { evaluatePolicies, PolicyGate, type PolicyInput, type PolicyReport } from './evaluate-policies.js';
export { CompiledAdmissionPolicy, compileAdmissionPolicies, CI_USER_INFO, type PolicyVerdict } from './admission-evaluator.js';
