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
import type { ClusterSpec, Team } from '@aks-hybrid/spec';
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
  const gate = new PolicyGate(spec);
  gate.checkObjects(input.objects, spec.teams);
  if (input.azure && input.azure.length > 0) gate.checkAzure(input.azure);
  return gate.report();
}

/**
 * evaluatePolicies a part of the tree at a time, for a render that checks each batch of teams and lets
 * its objects go (decision 0013): the platform's objects first, then each batch of teams with the
 * platform's objects beside it. Every cross-object rule looks within one namespace, at the spec's teams
 * and at the admission objects of the platform, so each batch gives exactly the findings the whole tree
 * gives for it; a finding reported by more than one batch (the platform's, seen again beside each) is
 * kept once. Exceptions are counted over all batches before one is said to waive nothing.
 */
export class PolicyGate {
  private readonly exceptions: ExceptionSet;
  private readonly findings: Finding[];
  private readonly reported = new Set<string>();
  private readonly notes: string[] = [];
  private readonly applied = new Map<DeclaredException, AppliedException>();
  private readonly ranRules = new Set<string>(CEL_RULES.map((r) => r.id));
  private readonly admission: { objects: AdmissionObject[]; compiled: CompiledAdmissionPolicy[] };
  private readonly byKind = new Map<string, CompiledAdmissionPolicy[]>();
  private readonly celById = new Map<string, CelRule>(CEL_RULES.map((r) => [r.id, r]));

  constructor(private readonly spec: ClusterSpec) {
    this.exceptions = declaredExceptions(spec, RULE_IDS);
    this.findings = [...this.exceptions.problems];
    this.admission = admissionSet(spec, this.exceptions);
    for (const policy of this.admission.compiled) for (const kind of policy.kinds) this.byKind.set(kind, [...(this.byKind.get(kind) ?? []), policy]);
  }

  /**
   * The CEL rules on every object of `objects`, and the cross-object rules for the namespaces of
   * `teams` (and any rendered tenant namespace), over an index of `beside` (objects already checked
   * that these may refer to: the platform's) and `objects`.
   */
  checkObjects(objects: ReadonlyMap<string, readonly unknown[]>, teams: readonly Team[], beside?: ReadonlyMap<string, readonly unknown[]>): void {
    const index = new ObjectIndex(beside ? new Map([...beside, ...objects]) : objects);
    for (const entry of index.all) {
      if (beside?.has(entry.file) && !objects.has(entry.file)) continue; // checked with its own batch
      for (const policy of this.byKind.get(entry.ref.kind) ?? []) {
        const verdict = policy.evaluate(entry, index);
        if (!verdict.applies) continue;
        const rule = this.celById.get(policy.ruleId)!;
        const suffix = messageSuffix(rule);
        for (const failure of verdict.failures) {
          const message = failure.endsWith(suffix) ? failure.slice(0, -suffix.length) : failure;
          // The exceptions condition decides in the cluster; here it also names the exception.
          if (verdict.excepted) {
            const exception = this.exceptions.find(rule.id, entry.ref);
            if (exception) {
              this.applied.set(exception, { rule: rule.id, object: refLabel(entry.ref), reason: exception.reason, file: exception.file });
              continue;
            }
          }
          this.push({ file: entry.file, object: refLabel(entry.ref), rule: rule.id, message, hint: rule.hint });
        }
      }
    }
    // Cross-object rules, seeing the teams of this batch only.
    const context = { spec: { ...this.spec, teams }, index, expectedAdmissionObjects: this.admission.objects };
    for (const rule of POLICY_RULES) {
      if (rule.engine !== 'objects') continue;
      this.ranRules.add(rule.id);
      for (const v of rule.check(context)) this.violation(rule, v.ref, v.file, v.message, v.path ? { path: v.path } : {});
    }
  }

  /** The Bicep rules, on the compiler's prediction of the deployment. */
  checkAzure(azure: readonly PredictedDeployment[]): void {
    const bicep = BicepTree.fromDeployments(azure);
    for (const rule of POLICY_RULES) {
      if (rule.engine !== 'bicep') continue;
      this.ranRules.add(rule.id);
      const result = rule.check({ spec: this.spec, bicep });
      this.notes.push(...result.unknown);
      for (const v of result.violations)
        this.violation(rule, v.ref, v.file, v.message, { ...(v.path ? { path: v.path } : {}), ...(v.line ? { line: v.line } : {}) });
    }
  }

  /** Everything found, exceptions that waived nothing included, in a stable order. */
  report(): PolicyReport {
    const findings = [...this.findings];
    for (const e of this.exceptions.valid) {
      if (this.applied.has(e) || !this.ranRules.has(e.rule)) continue;
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
    const list = [...this.applied.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.object.localeCompare(b.object));
    return { findings, exceptions: list, notes: [...this.notes] };
  }

  private violation(rule: PolicyRule, ref: ObjectRef, file: string, message: string, extra: { path?: string; line?: number } = {}): void {
    const exception = this.exceptions.find(rule.id, ref);
    if (exception) {
      this.applied.set(exception, { rule: rule.id, object: refLabel(ref), reason: exception.reason, file: exception.file });
      return;
    }
    this.push({ file, object: refLabel(ref), rule: rule.id, message, hint: rule.hint, ...extra });
  }

  private push(finding: Finding): void {
    const key = JSON.stringify([finding.file, finding.object, finding.rule, finding.message, finding.path ?? '', finding.line ?? 0]);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.findings.push(finding);
  }
}
