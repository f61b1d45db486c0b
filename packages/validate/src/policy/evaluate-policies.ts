import {
  admissionPolicyFor,
  BicepTree,
  CEL_RULES,
  declaredExceptions,
  EXCEPTION_RULE,
  messageSuffix,
  ObjectIndex,
  POLICY_RULES,
  policyValues,
  refKey,
  refLabel,
  RULE_IDS,
  type AdmissionObject,
  type AppliedException,
  type CelRule,
  type DeclaredException,
  type ExceptionSet,
  type Finding,
  type ObjectRef,
  type PolicyRule,
} from '@aks-hybrid/policy';
import type { ClusterSpec } from '@aks-hybrid/spec';
import type { PredictedDeployment } from '../bicep-compile/index.js';
import { compileAdmissionPolicies, type CompiledAdmissionPolicy } from './admission-evaluator.js';

/** What the gate looks at: the objects of each rendered YAML file, and what the compiled Bicep deploys. */
export interface PolicyInput {
  readonly objects: ReadonlyMap<string, readonly unknown[]>;
  /** The `bicep snapshot` of each .bicepparam (compileBicep); absent or empty when there is no compiled Bicep. */
  readonly azure?: readonly PredictedDeployment[];
}

export interface PolicyReport {
  /** Violations no exception covers, stale or malformed exceptions. Empty means the gate passes. */
  readonly findings: Finding[];
  /** Exceptions that waived at least one violation, with their reasons, for the reviewer. */
  readonly exceptions: AppliedException[];
  /** What the gate could not decide (Azure values known only during the deployment). */
  readonly notes: string[];
}

/** The admission objects of one spec (as the charts render them) and their compiled form. */
function admissionSet(spec: ClusterSpec, exceptions: ExceptionSet): { objects: AdmissionObject[]; compiled: CompiledAdmissionPolicy[] } {
  const values = policyValues(spec);
  const objects = CEL_RULES.flatMap((rule) => admissionPolicyFor(rule, values, exceptions.forRule(rule.id)));
  return { objects, compiled: compileAdmissionPolicies(objects) };
}

/**
 * The policy gate over one cluster's rendered output: every rule of the catalogue, CEL rules through
 * the very ValidatingAdmissionPolicies the cluster gets, cross-object and Bicep rules in TypeScript.
 * Exceptions come only from the spec (per rule and object, with a reason); each one applied is
 * reported, each one that waives nothing is a finding.
 */
export async function evaluatePolicies(input: PolicyInput, spec: ClusterSpec): Promise<PolicyReport> {
  const exceptions = declaredExceptions(spec, RULE_IDS);
  const findings: Finding[] = [...exceptions.problems];
  const notes: string[] = [];
  const applied = new Map<DeclaredException, AppliedException>();
  const ranRules = new Set<string>();

  const report = (rule: PolicyRule, ref: ObjectRef, file: string, message: string, extra: { path?: string; line?: number } = {}) => {
    const exception = exceptions.find(rule.id, ref);
    if (exception) {
      applied.set(exception, { rule: rule.id, object: refLabel(ref), reason: exception.reason, file: exception.file });
      return;
    }
    findings.push({ file, object: refLabel(ref), rule: rule.id, message, hint: rule.hint, ...extra });
  };

  // Single-object rules: evaluate the generated admission policies on every rendered object.
  const index = new ObjectIndex(input.objects);
  const admission = admissionSet(spec, exceptions);
  const byKind = new Map<string, CompiledAdmissionPolicy[]>();
  for (const policy of admission.compiled) for (const kind of policy.kinds) byKind.set(kind, [...(byKind.get(kind) ?? []), policy]);
  const celById = new Map<string, CelRule>(CEL_RULES.map((r) => [r.id, r]));
  for (const entry of index.all) {
    for (const policy of byKind.get(entry.ref.kind) ?? []) {
      const verdict = policy.evaluate(entry, index);
      if (!verdict.applies) continue;
      const rule = celById.get(policy.ruleId)!;
      ranRules.add(rule.id);
      const suffix = messageSuffix(rule);
      for (const failure of verdict.failures) {
        const message = failure.endsWith(suffix) ? failure.slice(0, -suffix.length) : failure;
        // The exceptions condition decides in the cluster; here it also names the exception.
        if (verdict.excepted) {
          const exception = exceptions.find(rule.id, entry.ref);
          if (exception) {
            applied.set(exception, { rule: rule.id, object: refLabel(entry.ref), reason: exception.reason, file: exception.file });
            continue;
          }
        }
        findings.push({ file: entry.file, object: refLabel(entry.ref), rule: rule.id, message, hint: rule.hint });
      }
    }
  }
  for (const rule of CEL_RULES) ranRules.add(rule.id);

  // Cross-object rules.
  for (const rule of POLICY_RULES) {
    if (rule.engine !== 'objects') continue;
    ranRules.add(rule.id);
    for (const v of rule.check({ spec, index, expectedAdmissionObjects: admission.objects }))
      report(rule, v.ref, v.file, v.message, v.path ? { path: v.path } : {});
  }

  // Bicep rules, on the compiler's prediction of the deployment, when there is compiled Bicep.
  if (input.azure && input.azure.length > 0) {
    const bicep = BicepTree.fromDeployments(input.azure);
    for (const rule of POLICY_RULES) {
      if (rule.engine !== 'bicep') continue;
      ranRules.add(rule.id);
      const result = rule.check({ spec, bicep });
      notes.push(...result.unknown);
      for (const v of result.violations) report(rule, v.ref, v.file, v.message, { ...(v.path ? { path: v.path } : {}), ...(v.line ? { line: v.line } : {}) });
    }
  }

  for (const e of exceptions.valid) {
    if (applied.has(e) || !ranRules.has(e.rule)) continue;
    findings.push({
      file: e.file,
      object: refLabel(e.ref),
      rule: EXCEPTION_RULE,
      message: `the exception for ${e.rule} ${refKey(e.ref)} waives nothing: the object does not exist or passes the rule`,
      hint: 'remove the exception from the spec (or fix its rule or object)',
    });
  }

  findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.object ?? '').localeCompare(b.object ?? '') || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message),
  );
  const list = [...applied.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.object.localeCompare(b.object));
  return { findings, exceptions: list, notes };
}
