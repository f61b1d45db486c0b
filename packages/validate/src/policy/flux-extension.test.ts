// KIT-RBAC-004 against the AKS Flux extension: its own controllers manage the flux-applier binding
// unhindered; whatever Flux applies from the repository is still judged.
import { describe, expect, it } from 'vitest';
import { admissionPolicyObjects, ObjectIndex, policyName } from '@aks-hybrid/policy';
import { CompiledAdmissionPolicy } from './admission-evaluator.js';
import { exampleSpec, type Obj } from '../testing/policy-gate.js';

const RBAC_004 = policyName('KIT-RBAC-004');
const serviceAccount = (namespace: string, name: string) => ({
  username: `system:serviceaccount:${namespace}:${name}`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
});

function compiled(): CompiledAdmissionPolicy {
  const objects = admissionPolicyObjects(exampleSpec()) as Obj[];
  const policy = objects.find((o) => o.kind === 'ValidatingAdmissionPolicy' && o.metadata.name === RBAC_004)!;
  const binding = objects.find((o) => o.kind === 'ValidatingAdmissionPolicyBinding' && o.metadata.name === RBAC_004)!;
  return new CompiledAdmissionPolicy(policy, binding);
}

function clusterRoleBinding(name: string, roleRef: string, subjects: Obj[]): Obj {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleRef },
    subjects,
  };
}

/** The verdict of the API server on creating `object`, sent by `requester`. */
function admit(object: Obj, requester: { username: string; groups: string[] }) {
  const index = new ObjectIndex(new Map([['request.yaml', [object]]]));
  return compiled().evaluate(index.all[0]!, index, requester);
}

// What the extension creates in the configuration's namespace under multi-tenancy: the applier
// ServiceAccount, bound to cluster-admin (https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2#multi-tenancy).
const extensionBinding = clusterRoleBinding('flux-applier-binding', 'cluster-admin', [
  { kind: 'ServiceAccount', name: 'flux-applier', namespace: 'flux-system' },
]);
const teamBinding = clusterRoleBinding('dev-everywhere', 'edit', [
  { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: '11111111-2222-4333-8444-555555555555' },
]);

describe('KIT-RBAC-004 and the AKS Flux extension', () => {
  it.each([
    ['fluxconfig-controller', serviceAccount('flux-system', 'fluxconfig-controller')],
    ['fluxconfig-agent', serviceAccount('flux-system', 'fluxconfig-agent')],
    ['the extension manager', serviceAccount('kube-system', 'extension-manager')],
  ])('GIVEN %s creating the flux-applier ClusterRoleBinding THEN the policy does not apply: the extension is not blocked', (_who, requester) => {
    expect(admit(extensionBinding, requester)).toEqual({ applies: false, excepted: false, failures: [] });
  });

  it.each([
    ['flux-applier (the AKS extension, multi-tenancy)', serviceAccount('flux-system', 'flux-applier')],
    ['kustomize-controller (plain Flux)', serviceAccount('flux-system', 'kustomize-controller')],
  ])('GIVEN a team ClusterRoleBinding in the repository applied by %s THEN it is denied, naming the subject', (_who, requester) => {
    const verdict = admit(teamBinding, requester);
    expect(verdict.applies).toBe(true);
    expect(verdict.failures).toEqual([expect.stringMatching(/not platform admin groups: Group 11111111-2222-4333-8444-555555555555/)]);
  });

  it('GIVEN a repository ClusterRoleBinding that binds a team ServiceAccount under the extension binding name THEN still denied', () => {
    const disguised = clusterRoleBinding('flux-applier-binding', 'cluster-admin', [{ kind: 'ServiceAccount', name: 'storefront', namespace: 'dev' }]);
    expect(admit(disguised, serviceAccount('flux-system', 'flux-applier')).failures).toEqual([expect.stringMatching(/ServiceAccount storefront/)]);
  });

  it('GIVEN the platform admins binding applied by Flux THEN admitted', () => {
    const admins = clusterRoleBinding(
      'kit-platform-admins',
      'cluster-admin',
      exampleSpec().access.platformAdminGroupObjectIds.map((id) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: id })),
    );
    expect(admit(admins, serviceAccount('flux-system', 'flux-applier'))).toEqual({ applies: true, excepted: false, failures: [] });
  });
});
