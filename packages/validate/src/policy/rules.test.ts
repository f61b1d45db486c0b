import type { ClusterSpec } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { POLICY_RULES } from '@aks-hybrid/policy';
import { deliveryFile, gitRepository, tenantKustomization, withTenantSources } from '../testing/flux-objects.js';
import {
  addObject,
  ADMISSION_FILE,
  exampleSpec,
  exampleTree,
  editBicep,
  gate,
  objectIn,
  pod,
  REASON,
  removeObject,
  withPlatformException,
  withTeamException,
  type Tree,
} from '../testing/policy-gate.js';

const DEV = 'gitops/clusters/weu-prod/teams/dev';
const STOREFRONT = `${DEV}/workload-storefront.yaml`;
/** The Azure rules judge what the compiled deployment of this file creates (bicep snapshot). */
const BICEPPARAM = 'gitops/azure/weu-prod/main.bicepparam';

/** One hand-made unsafe change per rule, the finding it must cause, and the exception that waives it. */
interface Case {
  readonly rule: string;
  readonly change: string;
  /** Breaks the tree (in place); may return a changed spec. */
  readonly breakIt: (tree: Tree, spec: ClusterSpec) => ClusterSpec | void;
  readonly object: string;
  readonly file: string | RegExp;
  readonly message: RegExp;
  readonly exception: { readonly team: string; readonly object: string } | { readonly platform: string };
  /** KIT-ADM-001 tests the tree's own policies, so they are not regenerated from the spec. */
  readonly syncAdmission?: boolean;
}

const storefront = (tree: Tree) => objectIn(tree, 'Deployment', 'dev', 'storefront');
const container = (tree: Tree) => pod(storefront(tree)).containers[0];

const CASES: Case[] = [
  {
    rule: 'KIT-RBAC-001',
    change: 'a team Role with a wildcard verb',
    breakIt: (t) => void objectIn(t, 'Role', 'dev', 'team-edit').rules.push({ apiGroups: [''], resources: ['pods'], verbs: ['*'] }),
    object: 'Role dev/team-edit',
    file: `${DEV}/rbac.yaml`,
    message: /wildcard/,
    exception: { team: 'dev', object: 'Role/team-edit' },
  },
  {
    rule: 'KIT-RBAC-002',
    change: 'a team Role that may impersonate',
    breakIt: (t) => void objectIn(t, 'Role', 'dev', 'team-edit').rules.push({ apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] }),
    object: 'Role dev/team-edit',
    file: `${DEV}/rbac.yaml`,
    message: /escalate, bind or impersonate/,
    exception: { team: 'dev', object: 'Role/team-edit' },
  },
  {
    rule: 'KIT-RBAC-003',
    change: 'a team RoleBinding to the built-in edit ClusterRole',
    breakIt: (t) =>
      void (objectIn(t, 'RoleBinding', 'dev', 'team-edit').roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' }),
    object: 'RoleBinding dev/team-edit',
    file: `${DEV}/rbac.yaml`,
    message: /binds ClusterRole edit/,
    exception: { team: 'dev', object: 'RoleBinding/team-edit' },
  },
  {
    rule: 'KIT-RBAC-004',
    change: 'a team group bound cluster-wide',
    breakIt: (t) =>
      void objectIn(t, 'ClusterRoleBinding', undefined, 'kit-platform-admins').subjects.push({
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Group',
        name: 'team-group-id',
      }),
    object: 'ClusterRoleBinding kit-platform-admins',
    file: 'gitops/clusters/weu-prod/infrastructure/rbac.yaml',
    message: /not platform admin groups: Group team-group-id/,
    exception: { platform: 'ClusterRoleBinding/kit-platform-admins' },
  },
  {
    rule: 'KIT-POD-001',
    change: 'a privileged container',
    breakIt: (t) => void (container(t).securityContext.privileged = true),
    object: 'Deployment dev/storefront',
    file: STOREFRONT,
    message: /privileged containers: storefront/,
    exception: { team: 'dev', object: 'Deployment/storefront' },
  },
  {
    rule: 'KIT-POD-002',
    change: 'a pod on the host network',
    breakIt: (t) => void (pod(storefront(t)).hostNetwork = true),
    object: 'Deployment dev/storefront',
    file: STOREFRONT,
    message: /hostNetwork/,
    exception: { team: 'dev', object: 'Deployment/storefront' },
  },
  {
    rule: 'KIT-POD-003',
    change: 'a hostPath volume',
    breakIt: (t) => void pod(storefront(t)).volumes.push({ name: 'docker-sock', hostPath: { path: '/var/run/docker.sock' } }),
    object: 'Deployment dev/storefront',
    file: STOREFRONT,
    message: /hostPath volumes: docker-sock/,
    exception: { team: 'dev', object: 'Deployment/storefront' },
  },
  {
    rule: 'KIT-POD-004',
    change: 'a container allowed to run as root',
    breakIt: (t) => void (container(t).securityContext.runAsNonRoot = false),
    object: 'Deployment dev/storefront',
    file: STOREFRONT,
    message: /may run as root .*: storefront/,
    exception: { team: 'dev', object: 'Deployment/storefront' },
  },
  {
    rule: 'KIT-RES-001',
    change: 'a container without limits',
    breakIt: (t) => void delete container(t).resources.limits,
    object: 'Deployment dev/storefront',
    file: STOREFRONT,
    message: /without cpu and memory requests and limits: storefront/,
    exception: { team: 'dev', object: 'Deployment/storefront' },
  },
  {
    rule: 'KIT-IMG-001',
    change: 'a workload image from a public registry',
    breakIt: (t) => void (container(t).image = 'docker.io/library/nginx:1.27'),
    object: 'Deployment dev/storefront',
    file: STOREFRONT,
    message: /not allowed: docker\.io\/library\/nginx:1\.27 \(allowed: acrcontosoweuprod\.azurecr\.io\)/,
    exception: { team: 'dev', object: 'Deployment/storefront' },
  },
  {
    rule: 'KIT-SCHED-001',
    change: 'a workload pinned to the system pool',
    breakIt: (t) =>
      void (pod(storefront(t)).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values = [
        'system',
      ]),
    object: 'Deployment dev/storefront',
    file: STOREFRONT,
    message: /not pinned to user pools of the cluster \(general, memory, storage\)/,
    exception: { team: 'dev', object: 'Deployment/storefront' },
  },
  {
    rule: 'KIT-SCHED-002',
    change: 'a workload without zone spread',
    breakIt: (t) =>
      void (pod(storefront(t)).topologySpreadConstraints = pod(storefront(t)).topologySpreadConstraints.filter(
        (c: { topologyKey: string }) => c.topologyKey !== 'topology.kubernetes.io/zone',
      )),
    object: 'Deployment dev/storefront',
    file: STOREFRONT,
    message: /no zone spread/,
    exception: { team: 'dev', object: 'Deployment/storefront' },
  },
  {
    rule: 'KIT-SVC-001',
    change: 'a LoadBalancer Service in a team without load balancer quota',
    breakIt: (t) => void (objectIn(t, 'Service', 'dev', 'storefront').spec.type = 'LoadBalancer'),
    object: 'Service dev/storefront',
    file: STOREFRONT,
    message: /LoadBalancer/,
    exception: { team: 'dev', object: 'Service/storefront' },
  },
  {
    rule: 'KIT-NS-001',
    change: 'a team namespace without the tenant label',
    breakIt: (t) => void delete objectIn(t, 'Namespace', undefined, 'dev').metadata.labels['kit.aks-hybrid.dev/tenant'],
    object: 'Namespace dev',
    file: `${DEV}/namespace.yaml`,
    message: /lacks the label kit\.aks-hybrid\.dev\/tenant/,
    exception: { team: 'dev', object: 'Namespace/dev' },
  },
  {
    rule: 'KIT-NS-002',
    change: 'a team namespace at Pod Security baseline',
    breakIt: (t) => void (objectIn(t, 'Namespace', undefined, 'dev').metadata.labels['pod-security.kubernetes.io/enforce'] = 'baseline'),
    object: 'Namespace dev',
    file: `${DEV}/namespace.yaml`,
    message: /does not enforce Pod Security restricted/,
    exception: { team: 'dev', object: 'Namespace/dev' },
  },
  {
    rule: 'KIT-NS-003',
    change: 'a team namespace without a quota',
    breakIt: (t) => removeObject(t, 'ResourceQuota', 'dev', 'team-quota'),
    object: 'Namespace dev',
    file: `${DEV}/namespace.yaml`,
    message: /no unscoped ResourceQuota/,
    exception: { team: 'dev', object: 'Namespace/dev' },
  },
  {
    rule: 'KIT-NS-004',
    change: 'a team namespace without a limit range',
    breakIt: (t) => removeObject(t, 'LimitRange', 'dev', 'team-defaults'),
    object: 'Namespace dev',
    file: `${DEV}/namespace.yaml`,
    message: /no LimitRange/,
    exception: { team: 'dev', object: 'Namespace/dev' },
  },
  {
    rule: 'KIT-NS-005',
    change: 'a team namespace without default-deny',
    breakIt: (t) => removeObject(t, 'NetworkPolicy', 'dev', 'default-deny', 'networking.k8s.io/v1'),
    object: 'Namespace dev',
    file: `${DEV}/namespace.yaml`,
    message: /no default-deny NetworkPolicy for ingress and egress/,
    exception: { team: 'dev', object: 'Namespace/dev' },
  },
  {
    rule: 'KIT-TEN-001',
    change: 'a tenant Kustomization without serviceAccountName',
    breakIt: (t) => {
      const kustomization = tenantKustomization('dev');
      delete kustomization.spec.serviceAccountName;
      addObject(t, deliveryFile('dev'), kustomization);
    },
    object: 'Kustomization dev/app',
    file: deliveryFile('dev'),
    message: /names no serviceAccountName/,
    exception: { team: 'dev', object: 'Kustomization/app' },
  },
  {
    rule: 'KIT-TEN-002',
    change: 'a tenant Kustomization with a foreign targetNamespace',
    breakIt: (t) => addObject(t, deliveryFile('dev'), tenantKustomization('dev', 'app', { targetNamespace: 'checkout' })),
    object: 'Kustomization dev/app',
    file: deliveryFile('dev'),
    message: /targetNamespace checkout is not the team namespace dev/,
    exception: { team: 'dev', object: 'Kustomization/app' },
  },
  {
    rule: 'KIT-TEN-003',
    change: "a tenant Kustomization of the platform's source",
    breakIt: (t) =>
      addObject(
        t,
        deliveryFile('dev'),
        tenantKustomization('dev', 'app', { sourceRef: { kind: 'GitRepository', name: 'platform', namespace: 'flux-system' } }),
      ),
    object: 'Kustomization dev/app',
    file: deliveryFile('dev'),
    message: /sources referenced in other namespaces: flux-system/,
    exception: { team: 'dev', object: 'Kustomization/app' },
  },
  {
    rule: 'KIT-TEN-004',
    change: 'a tenant GitRepository outside the allow-list',
    breakIt: (t, spec) => {
      addObject(t, deliveryFile('dev'), gitRepository('dev', 'https://gitlab.example/someone/app'));
      return withTenantSources(spec);
    },
    object: 'GitRepository dev/app',
    file: deliveryFile('dev'),
    message: /source URL https:\/\/gitlab.example\/someone\/app is not under an allowed prefix/,
    exception: { team: 'dev', object: 'GitRepository/app' },
  },
  {
    rule: 'KIT-TEN-005',
    change: "a team Deployment running as the team's Flux reconciler",
    breakIt: (t) => void (pod(storefront(t)).serviceAccountName = 'flux-reconciler'),
    object: 'Deployment dev/storefront',
    file: STOREFRONT,
    message: /the pod runs as flux-reconciler, the account Flux impersonates for the team/,
    exception: { team: 'dev', object: 'Deployment/storefront' },
  },
  {
    rule: 'KIT-FLUX-001',
    change: 'a platform Kustomization outside flux-system',
    breakIt: (t) =>
      addObject(t, 'gitops/clusters/weu-prod/infrastructure/extra.yaml', {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'extra', namespace: 'tools' },
        spec: { sourceRef: { kind: 'GitRepository', name: 'platform' }, path: './x', interval: '10m', prune: true },
      }),
    object: 'Kustomization tools/extra',
    file: 'gitops/clusters/weu-prod/infrastructure/extra.yaml',
    message: /neither flux-system nor a team namespace/,
    exception: { platform: 'Kustomization/tools/extra' },
  },
  {
    rule: 'KIT-AVAIL-001',
    change: 'an HPA that scales a PDB-protected workload down to one replica',
    breakIt: (t) => void (objectIn(t, 'HorizontalPodAutoscaler', 'dev', 'storefront').spec.minReplicas = 1),
    object: 'HorizontalPodAutoscaler dev/storefront',
    file: STOREFRONT,
    message: /may run with 1 replica while PodDisruptionBudget storefront protects it/,
    exception: { team: 'dev', object: 'HorizontalPodAutoscaler/storefront' },
  },
  {
    rule: 'KIT-AVAIL-002',
    change: 'a PDB that allows no eviction',
    breakIt: (t) => void (objectIn(t, 'PodDisruptionBudget', 'dev', 'storefront').spec.maxUnavailable = 0),
    object: 'PodDisruptionBudget dev/storefront',
    file: STOREFRONT,
    message: /at the minimum of 3 replica\(s\) of Deployment storefront the budget allows no eviction/,
    exception: { team: 'dev', object: 'PodDisruptionBudget/storefront' },
  },
  {
    rule: 'KIT-AZ-001',
    change: 'AKS local accounts enabled',
    breakIt: (t) => editBicep(t, 'modules/aks.bicep', 'disableLocalAccounts: true', 'disableLocalAccounts: false'),
    object: 'managedClusters aks-weu-prod',
    file: BICEPPARAM,
    message: /disableLocalAccounts is false; it must be true/,
    exception: { platform: 'managedClusters/aks-weu-prod' },
  },
  {
    rule: 'KIT-AZ-002',
    change: 'AKS without Azure RBAC',
    breakIt: (t) => editBicep(t, 'modules/aks.bicep', 'enableAzureRBAC: true', 'enableAzureRBAC: false'),
    object: 'managedClusters aks-weu-prod',
    file: BICEPPARAM,
    message: /enableAzureRBAC is false/,
    exception: { platform: 'managedClusters/aks-weu-prod' },
  },
  {
    rule: 'KIT-AZ-003',
    change: 'the registry admin user enabled',
    breakIt: (t) => editBicep(t, 'modules/registry.bicep', 'adminUserEnabled: false', 'adminUserEnabled: true'),
    object: 'registries acrcontosoweuprod',
    file: BICEPPARAM,
    message: /adminUserEnabled is true; it must be false/,
    exception: { platform: 'registries/acrcontosoweuprod' },
  },
  {
    rule: 'KIT-AZ-004',
    change: 'anonymous pull on the registry',
    breakIt: (t) => editBicep(t, 'modules/registry.bicep', 'anonymousPullEnabled: false', 'anonymousPullEnabled: true'),
    object: 'registries acrcontosoweuprod',
    file: BICEPPARAM,
    message: /anonymousPullEnabled is true/,
    exception: { platform: 'registries/acrcontosoweuprod' },
  },
  {
    rule: 'KIT-AZ-005',
    change: 'the registry opened to the internet in the parameters while the spec says Disabled',
    breakIt: (t) => editBicep(t, 'main.bicepparam', "param registryPublicNetworkAccess = 'Disabled'", "param registryPublicNetworkAccess = 'Enabled'"),
    object: 'registries acrcontosoweuprod',
    file: BICEPPARAM,
    message: /publicNetworkAccess is "Enabled"; it must be 'Disabled'/,
    exception: { platform: 'registries/acrcontosoweuprod' },
  },
  {
    rule: 'KIT-AZ-006',
    change: 'a private cluster rendered for a spec that says public-restricted',
    breakIt: (t) => editBicep(t, 'main.bicepparam', 'param enablePrivateCluster = false', 'param enablePrivateCluster = true'),
    object: 'managedClusters aks-weu-prod',
    file: BICEPPARAM,
    message: /enablePrivateCluster is true; it must be false/,
    exception: { platform: 'managedClusters/aks-weu-prod' },
  },
  {
    rule: 'KIT-ADM-001',
    change: 'an admission policy weakened by hand in the tree',
    breakIt: (t) => {
      const policy = t.objects.get(ADMISSION_FILE)!.find((o) => o.kind === 'ValidatingAdmissionPolicy' && o.metadata.name === 'kit-img-001')!;
      policy.spec.validations[0].expression = 'true';
    },
    object: 'ValidatingAdmissionPolicy kit-img-001',
    file: ADMISSION_FILE,
    message: /differs from what the rule catalogue generates/,
    exception: { platform: 'ValidatingAdmissionPolicy/kit-img-001' },
    syncAdmission: false,
  },
];

describe('the policy gate over the committed example cluster', () => {
  it('GIVEN weu-prod as rendered THEN it passes every rule, with no exception and nothing left undecided', async () => {
    const report = await gate(exampleTree(), exampleSpec(), { syncAdmission: false });
    expect(report.findings).toEqual([]);
    expect(report.exceptions).toEqual([]);
    expect(report.notes).toEqual([]);
  });

  it('THEN every rule of the catalogue has a failing case below', () => {
    // Rules about a change (engine `diff`, e.g. KIT-OFFBOARD-001) need a base ref: kit diff runs them,
    // and their cases are in packages/gitops/src/diff/removed-teams.test.ts.
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(POLICY_RULES.filter((r) => r.engine !== 'diff').map((r) => r.id)));
  });
});

describe.each(CASES)('$rule', (c) => {
  it(`GIVEN ${c.change} THEN the gate fails it with the rule, the object, the file and a fix`, async () => {
    const tree = exampleTree();
    const spec = c.breakIt(tree, exampleSpec()) ?? exampleSpec();
    const { findings } = await gate(tree, spec, { syncAdmission: c.syncAdmission ?? true });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.rule).toBe(c.rule);
      expect(f.object).toBe(c.object);
      expect(f.file).toMatch(c.file);
      expect(f.hint).toBeTruthy();
    }
    expect(findings.map((f) => f.message).join('\n')).toMatch(c.message);
  });

  it('AND WITH a reasoned exception in the spec THEN it passes and the report shows the reason', async () => {
    const tree = exampleTree();
    let spec = c.breakIt(tree, exampleSpec()) ?? exampleSpec();
    spec =
      'team' in c.exception ? withTeamException(spec, c.exception.team, c.rule, c.exception.object) : withPlatformException(spec, c.rule, c.exception.platform);
    const report = await gate(tree, spec, { syncAdmission: c.syncAdmission ?? true });
    expect(report.findings).toEqual([]);
    const file = 'team' in c.exception ? spec.teams.find((t) => t.name === (c.exception as { team: string }).team)!.file : spec.file;
    expect(report.exceptions).toEqual([{ rule: c.rule, object: c.object, reason: REASON, file }]);
  });
});
