import { describe, expect, it } from 'vitest';
import { admissionPolicyObjects, policyName } from './admission-policies.js';
import { CEL_RULES } from './catalogue.js';
import { EXCEPTIONS_CONDITION } from './exceptions.js';
import { KINDS } from './kinds.js';
import { policyValues } from './policy-values.js';
import { exampleSpec, withPlatformException, withTeamException, type Obj } from './testing/example.js';

const objects = admissionPolicyObjects(exampleSpec()) as Obj[];
const policies = objects.filter((o) => o.kind === 'ValidatingAdmissionPolicy');
const bindings = objects.filter((o) => o.kind === 'ValidatingAdmissionPolicyBinding');

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
        // Platform-namespace rules: every namespace that is not a tenant's; cluster rules: no selector.
        expect(policy.spec.matchConstraints.namespaceSelector).toEqual(
          rule.scope === 'platform-namespaces' ? { matchExpressions: [{ key: 'kit.aks-hybrid.dev/tenant', operator: 'NotIn', values: ['true'] }] } : undefined,
        );
        expect(policy.spec.matchConditions).toEqual([
          {
            name: 'applied-by-flux',
            expression:
              "request.userInfo.username in ['system:serviceaccount:flux-system:flux-applier', 'system:serviceaccount:flux-system:kustomize-controller']",
          },
        ]);
      }
    }
  });

  it('THEN the spec values are literals in the CEL: registry, user pools, admin groups', () => {
    const values = policyValues(exampleSpec());
    const variable = (rule: string, name: string) =>
      policies.find((p) => p.metadata.name === rule)!.spec.variables.find((v: Obj) => v.name === name).expression;
    expect(variable('kit-img-001', 'allowedRegistries')).toBe("['acrcontosoweuprod.azurecr.io']");
    expect(variable('kit-sched-001', 'userPools')).toBe(`[${values.userPools.map((p) => `'${p}'`).join(', ')}]`);
    expect(variable('kit-rbac-004', 'platformAdminGroups')).toBe(`['${exampleSpec().access.platformAdminGroupObjectIds[0]}']`);
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
