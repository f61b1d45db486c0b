import { describe, expect, it } from 'vitest';
import { EXCEPTIONS_CONDITION, ObjectIndex } from '@aks-hybrid/policy';
import { CompiledAdmissionPolicy } from './admission-evaluator.js';

type Obj = Record<string, any>;

const namespace = (name: string, labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const deployment = (ns: string, name: string, replicas = 3) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns, labels: { tier: 'web' } },
  spec: { replicas },
});

function policy(spec: Obj): Obj {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: 'p', labels: { 'kit.aks-hybrid.dev/policy-rule': 'KIT-TEST-001' } },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments'] }] },
      validations: [{ expression: 'object.spec.replicas >= 2', message: 'too few replicas' }],
      ...spec,
    },
  };
}
const binding = (extra: Obj = {}) => ({
  kind: 'ValidatingAdmissionPolicyBinding',
  metadata: { name: 'p' },
  spec: { policyName: 'p', validationActions: ['Deny'], ...extra },
});

/** Evaluates `p` on every Deployment of a small tree: tenant namespace `a`, plain namespace `b`. */
function run(p: Obj, b: Obj | null = binding(), objects: Obj[] = [deployment('a', 'one', 1), deployment('b', 'two', 1)]) {
  const index = new ObjectIndex(new Map([['tree.yaml', [namespace('a', { tenant: 'true' }), namespace('b', {}), ...objects]]]));
  const compiled = new CompiledAdmissionPolicy(p, b ?? undefined);
  return Object.fromEntries(index.all.filter((e) => e.ref.kind !== 'Namespace').map((e) => [e.ref.name, compiled.evaluate(e, index)]));
}

describe('CompiledAdmissionPolicy', () => {
  it('GIVEN a failing validation THEN the verdict carries its message', () => {
    expect(run(policy({})).one).toEqual({ applies: true, excepted: false, failures: ['too few replicas'] });
  });

  it('GIVEN a namespaceSelector THEN only objects in namespaces with those labels are judged (plus the implicit name label)', () => {
    const verdicts = run(policy({ matchConstraints: { ...policy({}).spec.matchConstraints, namespaceSelector: { matchLabels: { tenant: 'true' } } } }));
    expect(verdicts.one!.applies).toBe(true);
    expect(verdicts.two!.applies).toBe(false);
    const byName = run(
      policy({
        matchConstraints: {
          ...policy({}).spec.matchConstraints,
          namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['b'] }] },
        },
      }),
    );
    expect([byName.one!.applies, byName.two!.applies]).toEqual([false, true]);
  });

  it('GIVEN resourceRules for other resources or an objectSelector that does not match THEN nothing applies', () => {
    const other = policy({
      matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['statefulsets'] }] },
    });
    expect(run(other).one!.applies).toBe(false);
    const selected = policy({ matchConstraints: { ...policy({}).spec.matchConstraints, objectSelector: { matchLabels: { tier: 'db' } } } });
    expect(run(selected).one!.applies).toBe(false);
  });

  it('GIVEN a binding without Deny, or none at all THEN the policy enforces nothing', () => {
    expect(run(policy({}), binding({ validationActions: ['Audit'] })).one!.applies).toBe(false);
    expect(run(policy({}), null).one!.applies).toBe(false);
  });

  it('GIVEN binding matchResources THEN they narrow the policy further', () => {
    expect(run(policy({}), binding({ matchResources: { namespaceSelector: { matchLabels: { tenant: 'true' } } } })).two!.applies).toBe(false);
  });

  it('GIVEN matchConditions THEN false skips the policy even when another errs; an error alone fails closed', () => {
    const skip = run(
      policy({
        matchConditions: [
          { name: 'never', expression: 'false' },
          { name: 'broken', expression: 'object.nothing.here' },
        ],
      }),
    );
    expect(skip.one!.applies).toBe(false);
    const broken = run(policy({ matchConditions: [{ name: 'broken', expression: 'object.nothing.here' }] }));
    expect(broken.one!.failures).toEqual([expect.stringMatching(/^matchCondition broken could not be evaluated .*failurePolicy Fail/), 'too few replicas']);
  });

  it('GIVEN the exceptions condition is false THEN the object is excepted and its failures are still known (to tell a needed exception from a stale one)', () => {
    const p = policy({ matchConditions: [{ name: EXCEPTIONS_CONDITION, expression: "!(request.namespace == 'a' && request.name == 'one')" }] });
    expect(run(p).one).toEqual({ applies: true, excepted: true, failures: ['too few replicas'] });
    expect(run(p).two).toEqual({ applies: true, excepted: false, failures: ['too few replicas'] });
  });

  it('GIVEN variables THEN they are evaluated lazily: one that would fail but is not used costs nothing', () => {
    const p = policy({
      variables: [
        { name: 'unused', expression: 'object.does.not.exist' },
        { name: 'min', expression: '2' },
      ],
      validations: [{ expression: 'object.spec.replicas >= variables.min', message: 'below min' }],
    });
    expect(run(p).one!.failures).toEqual(['below min']);
  });

  it('GIVEN a messageExpression THEN its text is the message; WHEN it fails THEN the static message is used', () => {
    const named = policy({ validations: [{ expression: 'false', message: 'static', messageExpression: "'replicas: ' + string(object.spec.replicas)" }] });
    expect(run(named).one!.failures).toEqual(['replicas: 1']);
    const broken = policy({ validations: [{ expression: 'false', message: 'static', messageExpression: 'object.missing' }] });
    expect(run(broken).one!.failures).toEqual(['static']);
  });

  it('GIVEN the request context THEN it is a CREATE by Flux with kind, resource, name and namespace, no old object and the namespace object', () => {
    const p = policy({
      validations: [
        {
          expression:
            "request.operation == 'CREATE' && request.kind.kind == 'Deployment' && request.resource.resource == 'deployments' && request.name == 'one' && request.namespace == 'a' && oldObject == null && params == null && namespaceObject.metadata.name == 'a' && 'system:serviceaccounts:flux-system' in request.userInfo.groups",
          message: 'context',
        },
      ],
    });
    expect(run(p).one!.failures).toEqual([]);
  });

  it('GIVEN an expression that does not compile THEN compiling the policy throws with its name', () => {
    expect(() => new CompiledAdmissionPolicy(policy({ validations: [{ expression: 'object.spec.replicas >=', message: 'x' }] }), binding())).toThrow(
      /p: validation "0" does not compile/,
    );
  });

  it('kinds: the kind-table entries its resourceRules cover', () => {
    expect([...new CompiledAdmissionPolicy(policy({}), binding()).kinds]).toEqual(['Deployment']);
  });
});
