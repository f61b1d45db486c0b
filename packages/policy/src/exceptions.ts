import type { ClusterSpec, Team } from '@aks-hybrid/spec';
import { RULE_IDS } from './catalogue.js';
import { celString } from './cel-literals.js';
import type { Finding } from './finding.js';
import { isClusterScopedKind } from './kinds.js';
import { parseExceptionObject, refKey, refLabel, type ObjectRef } from './object-ref.js';
import type { AppliedException } from './types.js';

type PolicyException = Team['policyExceptions'][number];

/** An exception from the spec, resolved to the object it covers. */
export interface DeclaredException {
  readonly rule: string;
  readonly ref: ObjectRef;
  readonly reason: string;
  /** Spec file that declares it (team file or platform.yaml). */
  readonly file: string;
}

/** The spec's exceptions, checked: the valid ones by rule, and findings for the rest. */
export interface ExceptionSet {
  readonly valid: readonly DeclaredException[];
  readonly problems: readonly Finding[];
  forRule(rule: string): readonly DeclaredException[];
  find(rule: string, ref: ObjectRef): DeclaredException | undefined;
}

/** Rule ID of findings about exceptions themselves (unknown rule, stale, malformed); not exceptionable. */
export const EXCEPTION_RULE = 'policy-exception';

/**
 * Collects team exceptions (objects of the team namespace, or the team's Namespace itself) and
 * platform exceptions (anything else). A team cannot waive a rule for a cluster-scoped object other
 * than its own Namespace: that is the platform's call, in platform.yaml.
 */
export function declaredExceptions(spec: ClusterSpec, knownRules: ReadonlySet<string>): ExceptionSet {
  const valid: DeclaredException[] = [];
  const problems: Finding[] = [];
  const seen = new Set<string>();
  const add = (e: PolicyException, file: string, team?: string) => {
    const problem = (message: string, hint: string) =>
      problems.push({ file, object: e.object, rule: EXCEPTION_RULE, message: `exception ${e.rule} ${e.object}: ${message}`, hint });
    if (!knownRules.has(e.rule)) return problem(`there is no rule ${e.rule}`, 'use a rule ID from docs/policies.md');
    const ref = parseExceptionObject(e.object, team);
    if ('error' in ref) return problem(ref.error, team ? 'write Kind/name, e.g. Deployment/legacy-api' : 'write Kind/namespace/name or Kind/name');
    if (team && !ref.namespace && !(ref.kind === 'Namespace' && ref.name === team)) {
      return problem(
        `a team can only waive rules for objects of its namespace (and Namespace/${team})`,
        'move the exception to platform.yaml (spec.policyExceptions) if the platform team agrees',
      );
    }
    const key = `${e.rule} ${refKey(ref)}`;
    if (seen.has(key)) return problem('declared twice', 'keep one of them');
    seen.add(key);
    valid.push({ rule: e.rule, ref, reason: e.reason, file });
  };
  for (const e of spec.policyExceptions ?? []) add(e, spec.file);
  for (const team of spec.teams) for (const e of team.policyExceptions) add(e, team.file, team.name);

  const byRule = new Map<string, DeclaredException[]>();
  for (const e of valid) byRule.set(e.rule, [...(byRule.get(e.rule) ?? []), e]);
  const byKey = new Map(valid.map((e) => [`${e.rule} ${refKey(e.ref)}`, e]));
  return {
    valid,
    problems,
    forRule: (rule) => byRule.get(rule) ?? [],
    find: (rule, ref) => byKey.get(`${rule} ${refKey(ref)}`),
  };
}

/** Name of the matchCondition that carries a policy's exceptions. */
export const EXCEPTIONS_CONDITION = 'kit-policy-exceptions';

/** Label the kit puts on a workload's pods; an exception for the workload covers them too. */
const APP_NAME_LABEL = 'app.kubernetes.io/name';
const POD_OWNER_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/**
 * CEL that is true for the request an exception covers. The API server sees a workload's pods under
 * generated names, so an exception for a workload also covers pods labelled
 * `app.kubernetes.io/name: <workload>` in the same namespace (the label the kit gives them).
 */
export function exceptionTerm(ref: ObjectRef): string {
  const self = `request.kind.kind == ${celString(ref.kind)} && request.name == ${celString(ref.name)}`;
  if (!ref.namespace || isClusterScopedKind(ref.kind)) return `(${self})`;
  const pods = POD_OWNER_KINDS.has(ref.kind)
    ? ` || (request.kind.kind == 'Pod' && has(object.metadata.labels) && ${celString(APP_NAME_LABEL)} in object.metadata.labels && object.metadata.labels[${celString(APP_NAME_LABEL)}] == ${celString(ref.name)})`
    : '';
  return `(request.namespace == ${celString(ref.namespace)} && ((${self})${pods}))`;
}

/** The matchCondition that leaves the excepted objects out of a policy (undefined: no exceptions). */
export function exceptionsCondition(exceptions: readonly DeclaredException[]): { name: string; expression: string } | undefined {
  if (exceptions.length === 0) return undefined;
  return { name: EXCEPTIONS_CONDITION, expression: `!(${exceptions.map((e) => exceptionTerm(e.ref)).join(' || ')})` };
}

/**
 * The spec's exceptions as a report lists them. After a gate run without findings every one of them
 * was applied (an unused one is a finding), so `kit render` can print these.
 */
export function declaredPolicyExceptions(spec: ClusterSpec): AppliedException[] {
  return declaredExceptions(spec, RULE_IDS)
    .valid.map((e) => ({ rule: e.rule, object: refLabel(e.ref), reason: e.reason, file: e.file }))
    .sort((a, b) => a.rule.localeCompare(b.rule) || a.object.localeCompare(b.object));
}

/** "exceptions: KIT-IMG-001 Deployment dev/legacy-api — reason: ... (apps/weu-prod/teams/dev.yaml)". */
export function formatPolicyExceptions(exceptions: readonly AppliedException[]): string[] {
  return exceptions.map((e) => `${e.rule} ${e.object} — reason: ${e.reason} (${e.file})`);
}
