// The rendered policies as the checker sees them: CEL that cel-js compiles, and the very text CI evaluates.
import { admissionPolicyObjects, CEL_RULES, policyName, policyValues } from '@aks-hybrid/policy';
import { parse } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { ADMISSION_FILE, exampleSpec, exampleTree, type Obj } from '../testing/policy-gate.js';
import { compileAdmissionPolicies } from './admission-evaluator.js';

const policies = (admissionPolicyObjects(exampleSpec()) as Obj[]).filter((o) => o.kind === 'ValidatingAdmissionPolicy');

/** Every CEL source text of a policy: matchConditions, variables, validations, messageExpressions. */
function expressionsOf(policy: Obj): string[] {
  const spec = policy.spec;
  return [
    ...(spec.matchConditions ?? []).map((c: Obj) => c.expression),
    ...(spec.variables ?? []).map((v: Obj) => v.expression),
    ...spec.validations.flatMap((v: Obj) => [v.expression, ...(v.messageExpression ? [v.messageExpression] : [])]),
  ];
}

describe('the rendered admission policies, compiled', () => {
  it('THEN every CEL expression compiles with cel-js and uses no params or authorizer (there are none)', () => {
    for (const policy of policies) {
      for (const expression of expressionsOf(policy)) {
        expect(() => parse(expression), `${policy.metadata.name}: ${expression}`).not.toThrow();
        expect(expression).not.toMatch(/\bparams\b|\bauthorizer\b/);
      }
      // The API server gives matchConditions no variables; a condition using one would be rejected.
      for (const c of policy.spec.matchConditions ?? []) expect(c.expression).not.toMatch(/\bvariables\./);
      const names = (policy.spec.variables ?? []).map((v: Obj) => v.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    }
  });

  it('THEN the CEL that CI evaluates is, text for text, the CEL the policies in the tree hold', () => {
    const committed = exampleTree().objects.get(ADMISSION_FILE)!;
    const compiled = compileAdmissionPolicies(committed);
    expect(compiled.map((c) => c.name)).toEqual(policies.map((p) => p.metadata.name));
    for (const c of compiled) expect(c.expressions()).toEqual(expressionsOf(policies.find((p) => p.metadata.name === c.name)!));
    for (const rule of CEL_RULES) {
      const policy = policies.find((p) => p.metadata.name === policyName(rule.id))!;
      expect(policy.spec.validations.map((v: Obj) => v.expression)).toEqual(rule.validations(policyValues(exampleSpec())).map((v) => v.expression));
    }
  });
});
