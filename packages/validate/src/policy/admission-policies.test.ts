import { parse } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { compileAdmissionPolicies } from './admission-evaluator.js';
import { admissionPolicyObjects, policyName } from './admission-policies.js';
import { CEL_RULES } from './catalogue.js';
import { EXCEPTIONS_CONDITION } from './exceptions.js';
import { KINDS } from './kinds.js';
import { policyValues } from './policy-values.js';
import { ADMISSION_FILE, exampleSpec, exampleTree, withPlatformException, withTeamException, type Obj } from './test-support.js';

const objects = admissionPolicyObjects(exampleSpec()) as Obj[];
const policies = objects.filter((o) => o.kind === 'ValidatingAdmissionPolicy');
const bindings = objects.filter((o) => o.kind === 'ValidatingAdmissionPolicyBinding');

/** Every CEL source text of a policy: matchConditions, variables, validations, messageExpressions. */
function expressionsOf(policy: Obj): string[] {
  const spec = policy.spec;
  return [
    ...(spec.matchConditions ?? []).map((c: Obj) => c.expression),
    ...(spec.variables ?? []).map((v: Obj) => v.expression),
    ...spec.validations.flatMap((v: Obj) => [v.expression, ...(v.messageExpression ? [v.messageExpression] : [])]),
  ];
}

describe('the rendered admission policies', () => {
  it('GIVEN the example spec THEN there is one policy and one binding of the same name per CEL rule, in catalogue order', () => {
    expect(policies.map((p) => p.metadata.name)).toEqual(CEL_RULES.map((r) => policyName(r.id)));
    expect(bindings.map((b) => b.metadata.name)).toEqual(policies.map((p) => p.metadata.name));
    for (const b of bindings) {
      expect(b.spec.policyName).toBe(b.metadata.name);
      expect(b.spec.validationActions).toEqual(['Deny']);
      expect(b.apiVersion).toBe('admissionregistration.k8s.io/v1');
    }
  });

  it('THEN each policy fails closed, matches CREATE and UPDATE of exactly the kinds of its rule, and has validations with messages', () => {
    for (const rule of CEL_RULES) {
      const policy = policies.find((p) => p.metadata.labels['kit.aks-hybrid.dev/policy-rule'] === rule.id)!;
      expect(policy.spec.failurePolicy).toBe('Fail');
      const covered = policy.spec.matchConstraints.resourceRules.flatMap((r: Obj) => {
        expect(r.operations).toEqual(['CREATE', 'UPDATE']);
        return r.resources.map((res: string) => `${r.apiGroups[0]}/${r.apiVersions[0]}/${res}`);
      });
      expect(covered.sort()).toEqual(rule.kinds.map((k) => `${KINDS[k].group}/${KINDS[k].version}/${KINDS[k].resource}`).sort());
      expect(policy.spec.validations.length).toBeGreaterThan(0);
      for (const v of policy.spec.validations) {
        expect(v.message).toMatch(/\(fix: .+\)$/);
        expect(v.message).not.toMatch(/\n/);
      }
    }
  });

  it('THEN tenant rules select the tenant label and cluster rules only what Flux applies', () => {
    for (const rule of CEL_RULES) {
      const policy = policies.find((p) => p.metadata.name === policyName(rule.id))!;
      if (rule.scope === 'tenant-namespaces') {
        expect(policy.spec.matchConstraints.namespaceSelector).toEqual({ matchLabels: { 'kit.aks-hybrid.dev/tenant': 'true' } });
      } else {
        expect(policy.spec.matchConstraints.namespaceSelector).toBeUndefined();
        expect(policy.spec.matchConditions).toEqual([
          { name: 'applied-by-flux', expression: "request.userInfo.username in ['system:serviceaccount:flux-system:flux-applier', 'system:serviceaccount:flux-system:kustomize-controller']" },
        ]);
      }
    }
  });

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

  it('THEN the spec values are literals in the CEL: registry, user pools, admin groups', () => {
    const values = policyValues(exampleSpec());
    const variable = (rule: string, name: string) => policies.find((p) => p.metadata.name === rule)!.spec.variables.find((v: Obj) => v.name === name).expression;
    expect(variable('kit-img-001', 'allowedRegistries')).toBe("['acrcontosoweuprod.azurecr.io']");
    expect(variable('kit-sched-001', 'userPools')).toBe(`[${values.userPools.map((p) => `'${p}'`).join(', ')}]`);
    expect(variable('kit-rbac-004', 'platformAdminGroups')).toBe(`['${exampleSpec().access.platformAdminGroupObjectIds[0]}']`);
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

  it('GIVEN the same spec twice THEN the objects are equal, and no object or array is shared', () => {
    const again = admissionPolicyObjects(exampleSpec());
    expect(again).toEqual(objects);
    const seen = new Set<unknown>();
    const visit = (v: unknown) => {
      if (typeof v !== 'object' || v === null) return;
      expect(seen.has(v)).toBe(false);
      seen.add(v);
      for (const x of Object.values(v)) visit(x);
    };
    visit(again);
  });
});

describe('exceptions in the policies', () => {
  it('GIVEN a team exception THEN only its rule gets a matchCondition that leaves that object (and its pods) out', () => {
    const spec = withTeamException(exampleSpec(), 'dev', 'KIT-IMG-001', 'Deployment/legacy-api');
    const changed = admissionPolicyObjects(spec) as Obj[];
    const img = changed.find((o) => o.kind === 'ValidatingAdmissionPolicy' && o.metadata.name === 'kit-img-001')!;
    const condition = img.spec.matchConditions.find((c: Obj) => c.name === EXCEPTIONS_CONDITION);
    expect(condition.expression).toContain("request.namespace == 'dev'");
    expect(condition.expression).toContain("request.kind.kind == 'Deployment' && request.name == 'legacy-api'");
    expect(condition.expression).toContain("object.metadata.labels['app.kubernetes.io/name'] == 'legacy-api'");
    const others = changed.filter((o) => o.metadata.name !== 'kit-img-001');
    expect(others).toEqual(objects.filter((o) => o.metadata.name !== 'kit-img-001'));
  });

  it('GIVEN a platform exception for a cluster-scoped object THEN the condition names it without a namespace', () => {
    const spec = withPlatformException(exampleSpec(), 'KIT-RBAC-004', 'ClusterRoleBinding/ci-readers');
    const crb = (admissionPolicyObjects(spec) as Obj[]).find((o) => o.kind === 'ValidatingAdmissionPolicy' && o.metadata.name === 'kit-rbac-004')!;
    expect(crb.spec.matchConditions.map((c: Obj) => c.name)).toEqual(['applied-by-flux', EXCEPTIONS_CONDITION]);
    expect(crb.spec.matchConditions[1].expression).toBe("!((request.kind.kind == 'ClusterRoleBinding' && request.name == 'ci-readers'))");
  });
});
