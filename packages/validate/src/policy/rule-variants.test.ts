// Edges of each rule, both ways: what still passes, and what else fails.
import { describe, expect, it } from 'vitest';
import { editBicep, exampleSpec, exampleTree, gate, objectIn, pod, removeObject, withTeamChange, type Tree } from '../testing/policy-gate.js';

const storefront = (tree: Tree) => objectIn(tree, 'Deployment', 'dev', 'storefront');
const rulesOf = async (tree: Tree, spec = exampleSpec()) => (await gate(tree, spec)).findings.map((f) => `${f.rule} ${f.object}`);

describe('RBAC', () => {
  it('GIVEN a Role rule with a subresource wildcard (pods/*) THEN KIT-RBAC-001 fails it', async () => {
    const tree = exampleTree();
    objectIn(tree, 'Role', 'dev', 'team-edit').rules.push({ apiGroups: [''], resources: ['pods/*'], verbs: ['get'] });
    expect(await rulesOf(tree)).toEqual(['KIT-RBAC-001 Role dev/team-edit']);
  });

  it('GIVEN a Role that may mint ServiceAccount tokens THEN KIT-RBAC-002 fails it with its own message', async () => {
    const tree = exampleTree();
    objectIn(tree, 'Role', 'dev', 'team-edit').rules.push({ apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] });
    const { findings } = await gate(tree, exampleSpec());
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/mint ServiceAccount tokens/)]);
  });

  it('GIVEN a RoleBinding to the ClusterRole view THEN KIT-RBAC-003 passes; to cluster-admin THEN it fails', async () => {
    const tree = exampleTree();
    expect(objectIn(tree, 'RoleBinding', 'dev', 'team-view').roleRef.name).toBe('view');
    expect(await rulesOf(tree)).toEqual([]);
    objectIn(tree, 'RoleBinding', 'dev', 'team-view').roleRef.name = 'cluster-admin';
    expect(await rulesOf(tree)).toEqual(['KIT-RBAC-003 RoleBinding dev/team-view']);
  });

  it('GIVEN a Role outside the team namespaces (flux-system) THEN the tenant rules do not judge it', async () => {
    const tree = exampleTree();
    tree.objects.set('gitops/clusters/weu-prod/extra.yaml', [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'ops', namespace: 'flux-system' },
        rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
      },
    ]);
    expect(await rulesOf(tree)).toEqual([]);
  });

  it('GIVEN a second platform admin group in the spec and bound THEN KIT-RBAC-004 passes', async () => {
    const tree = exampleTree();
    const second = '9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0';
    const spec = { ...exampleSpec(), access: { platformAdminGroupObjectIds: [...exampleSpec().access.platformAdminGroupObjectIds, second] } };
    objectIn(tree, 'ClusterRoleBinding', undefined, 'kit-platform-admins').subjects.push({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Group',
      name: second,
    });
    expect(await rulesOf(tree, spec)).toEqual([]);
  });
});

describe('pods', () => {
  it('GIVEN runAsNonRoot only at pod level THEN KIT-POD-004 passes; GIVEN runAsUser 0 THEN it fails', async () => {
    const tree = exampleTree();
    delete pod(storefront(tree)).containers[0].securityContext.runAsNonRoot;
    expect(await rulesOf(tree)).toEqual([]);
    pod(storefront(tree)).securityContext.runAsUser = 0;
    const { findings } = await gate(tree, exampleSpec());
    expect(findings.map((f) => f.message)).toEqual(['the pod or a container sets runAsUser: 0 (root)']);
  });

  it('GIVEN an init container from a public registry THEN KIT-IMG-001 names its image', async () => {
    const tree = exampleTree();
    const main = pod(storefront(tree)).containers[0];
    pod(storefront(tree)).initContainers = [{ ...structuredClone(main), name: 'migrate', image: 'ghcr.io/acme/migrate:1' }];
    const { findings } = await gate(tree, exampleSpec());
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([expect.stringMatching(/^KIT-IMG-001: .*ghcr\.io\/acme\/migrate:1/)]);
  });

  it('GIVEN the registry listed in spec.images.allowedRegistries THEN its images pass, and a look-alike host does not', async () => {
    const spec = { ...exampleSpec(), images: { allowedRegistries: ['mcr.microsoft.com/oss'] } };
    const tree = exampleTree();
    pod(storefront(tree)).containers[0].image = 'mcr.microsoft.com/oss/nginx/nginx:1.27';
    expect(await rulesOf(tree, spec)).toEqual([]);
    pod(storefront(tree)).containers[0].image = 'acrcontosoweuprod.azurecr.io.evil.example/dev/storefront:2.14.1';
    expect(await rulesOf(tree, spec)).toEqual(['KIT-IMG-001 Deployment dev/storefront']);
  });

  it('GIVEN a nodeSelector on a user pool instead of affinity THEN KIT-SCHED-001 passes; on the system pool THEN it fails', async () => {
    const tree = exampleTree();
    delete pod(storefront(tree)).affinity;
    pod(storefront(tree)).nodeSelector = { 'kubernetes.azure.com/agentpool': 'general' };
    expect(await rulesOf(tree)).toEqual([]);
    pod(storefront(tree)).nodeSelector = { 'kubernetes.azure.com/agentpool': 'system' };
    expect(await rulesOf(tree)).toEqual(['KIT-SCHED-001 Deployment dev/storefront']);
  });

  it('GIVEN a soft zone spread (ScheduleAnyway) THEN KIT-SCHED-002 fails it', async () => {
    const tree = exampleTree();
    for (const c of pod(storefront(tree)).topologySpreadConstraints) c.whenUnsatisfiable = 'ScheduleAnyway';
    expect(await rulesOf(tree)).toEqual(['KIT-SCHED-002 Deployment dev/storefront']);
  });

  it('GIVEN a bare Pod and a CronJob in a team namespace THEN the pod rules judge them too', async () => {
    const tree = exampleTree();
    const template = structuredClone(storefront(tree).spec.template);
    template.spec.containers[0].image = 'docker.io/busybox:1';
    tree.objects.set('gitops/clusters/weu-prod/teams/dev/extra.yaml', [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug', namespace: 'dev' }, spec: template.spec },
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'nightly', namespace: 'dev' },
        spec: { schedule: '0 1 * * *', jobTemplate: { spec: { template } } },
      },
    ]);
    expect(await rulesOf(tree)).toEqual(['KIT-IMG-001 CronJob dev/nightly', 'KIT-IMG-001 Pod dev/debug']);
  });

  it('GIVEN a pod spec the rule cannot read (no containers) THEN the gate fails closed, as failurePolicy Fail does', async () => {
    const tree = exampleTree();
    delete pod(storefront(tree)).containers;
    const { findings } = await gate(tree, exampleSpec());
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => /could not be evaluated/.test(f.message))).toBe(true);
  });
});

describe('services', () => {
  it('GIVEN quota.loadBalancers 1 for the team THEN its LoadBalancer Service passes', async () => {
    const tree = exampleTree();
    objectIn(tree, 'Service', 'dev', 'storefront').spec.type = 'LoadBalancer';
    const spec = withTeamChange(exampleSpec(), 'dev', (t) => ({ ...t, quota: { ...t.quota, loadBalancers: 1 } }));
    expect(await rulesOf(tree, spec)).toEqual([]);
    expect(await rulesOf(tree)).toEqual(['KIT-SVC-001 Service dev/storefront']);
  });
});

describe('namespaces', () => {
  it('GIVEN default deny split into an ingress and an egress policy THEN KIT-NS-005 passes', async () => {
    const tree = exampleTree();
    const deny = objectIn(tree, 'NetworkPolicy', 'dev', 'default-deny', 'networking.k8s.io/v1');
    deny.spec.policyTypes = ['Ingress'];
    tree.objects
      .get('gitops/clusters/weu-prod/teams/dev/network-policies.yaml')!
      .push({ ...structuredClone(deny), metadata: { name: 'deny-egress', namespace: 'dev' }, spec: { podSelector: {}, policyTypes: ['Egress'] } });
    expect(await rulesOf(tree)).toEqual([]);
  });

  it('GIVEN the default deny selects only some pods THEN KIT-NS-005 fails it', async () => {
    const tree = exampleTree();
    objectIn(tree, 'NetworkPolicy', 'dev', 'default-deny', 'networking.k8s.io/v1').spec.podSelector = { matchLabels: { app: 'x' } };
    expect(await rulesOf(tree)).toEqual(['KIT-NS-005 Namespace dev']);
  });

  it('GIVEN a quota scoped to BestEffort pods only THEN KIT-NS-003 fails (it bounds nothing the team runs)', async () => {
    const tree = exampleTree();
    objectIn(tree, 'ResourceQuota', 'dev', 'team-quota').spec.scopes = ['BestEffort'];
    expect(await rulesOf(tree)).toEqual(['KIT-NS-003 Namespace dev']);
  });

  it('GIVEN a team of the spec whose namespace is missing from the tree THEN KIT-NS-001 names the team file', async () => {
    const tree = exampleTree();
    removeObject(tree, 'Namespace', undefined, 'dev');
    const { findings } = await gate(tree, exampleSpec());
    const ns001 = findings.filter((f) => f.rule === 'KIT-NS-001');
    expect(ns001).toEqual([expect.objectContaining({ object: 'Namespace dev', file: 'apps/weu-prod/teams/dev.yaml' })]);
  });
});

describe('availability', () => {
  it('GIVEN minAvailable 50% at 3 replicas THEN KIT-AVAIL-002 passes; minAvailable 3 THEN it fails', async () => {
    const tree = exampleTree();
    const pdb = objectIn(tree, 'PodDisruptionBudget', 'dev', 'storefront');
    delete pdb.spec.maxUnavailable;
    pdb.spec.minAvailable = '50%';
    expect(await rulesOf(tree)).toEqual([]);
    pdb.spec.minAvailable = 3;
    expect(await rulesOf(tree)).toEqual(['KIT-AVAIL-002 PodDisruptionBudget dev/storefront']);
  });

  it('GIVEN a workload without HPA at 1 replica and a PDB THEN KIT-AVAIL-001 names the Deployment', async () => {
    const tree = exampleTree();
    removeObject(tree, 'HorizontalPodAutoscaler', 'dev', 'storefront');
    storefront(tree).spec.replicas = 1;
    const { findings } = await gate(tree, exampleSpec());
    expect(findings.map((f) => `${f.rule} ${f.object} ${f.path}`)).toEqual(['KIT-AVAIL-001 Deployment dev/storefront /spec/replicas']);
  });

  it('GIVEN a single replica without any PDB THEN KIT-AVAIL-001 does not apply', async () => {
    const tree = exampleTree();
    objectIn(tree, 'HorizontalPodAutoscaler', 'dev', 'storefront').spec.minReplicas = 1;
    removeObject(tree, 'PodDisruptionBudget', 'dev', 'storefront');
    expect(await rulesOf(tree)).toEqual([]);
  });
});

describe('Azure', () => {
  it('GIVEN the spec says the registry is public and the Bicep says so too THEN KIT-AZ-005 passes', async () => {
    const tree = exampleTree();
    editBicep(tree, 'main.bicepparam', "param registryPublicNetworkAccess = 'Disabled'", "param registryPublicNetworkAccess = 'Enabled'");
    const spec = { ...exampleSpec(), registry: { ...exampleSpec().registry, publicNetworkAccess: 'Enabled' as const } };
    expect(await rulesOf(tree, spec)).toEqual([]);
  });

  it('GIVEN disableLocalAccounts left out THEN KIT-AZ-001 fails on the Azure default', async () => {
    const tree = exampleTree();
    editBicep(tree, 'modules/aks.bicep', 'disableLocalAccounts: true', '');
    const { findings } = await gate(tree, exampleSpec());
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/absent \(Azure's default: false\)/)]);
  });

  it('GIVEN a public API server with an empty authorized range list THEN KIT-AZ-006 fails it', async () => {
    const tree = exampleTree();
    editBicep(
      tree,
      'modules/aks.bicep',
      'authorizedIPRanges: enablePrivateCluster ? null : union(authorizedIPRanges, [egressPublicIpPrefix])',
      'authorizedIPRanges: enablePrivateCluster ? authorizedIPRanges : []',
    );
    // The compiler would refuse the now unused parameter (no-unused-params is at error level).
    editBicep(tree, 'modules/aks.bicep', 'param egressPublicIpPrefix string', '#disable-next-line no-unused-params\nparam egressPublicIpPrefix string');
    const { findings } = await gate(tree, exampleSpec());
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([
      'KIT-AZ-006: the public API server endpoint has no authorized IP ranges: it is open to the internet',
    ]);
  });

  it('GIVEN a value the compiler evaluates THEN the rule judges the evaluated value', async () => {
    const tree = exampleTree();
    editBicep(tree, 'modules/registry.bicep', 'adminUserEnabled: false', 'adminUserEnabled: length(name) > 3');
    const { findings } = await gate(tree, exampleSpec());
    expect(findings.map((f) => `${f.rule} ${f.object}: ${f.message}`)).toEqual([
      'KIT-AZ-003 registries acrcontosoweuprod: properties.adminUserEnabled is true; it must be false',
    ]);
  });

  it('GIVEN a value known only during the deployment THEN it is a note, not a finding', async () => {
    const tree = exampleTree();
    // The kubelet principal ID is another module's output: the snapshot keeps it as an ARM expression.
    editBicep(tree, 'modules/registry.bicep', 'adminUserEnabled: false', 'adminUserEnabled: empty(kubeletPrincipalId)');
    const report = await gate(tree, exampleSpec());
    expect(report.findings).toEqual([]);
    expect(report.notes).toEqual([
      expect.stringMatching(
        /^KIT-AZ-003 registries acrcontosoweuprod .*adminUserEnabled is `\[empty\(reference\(.*known only during the deployment; not checked/,
      ),
    ]);
  });
});
