import { FLUX_NAMESPACE, TENANT_RECONCILER_SERVICE_ACCOUNT } from '@aks-hybrid/spec';
import { celString, celStringList } from '../cel-literals.js';
import { POD_KINDS } from '../kinds.js';
import { hasPath, POD_SPEC } from '../pod-spec.js';
import type { CelRule } from '../types.js';

/*
 * Tenant delivery: a team reconciles its own Flux sources in its namespace, locked down as Flux's
 * multi-tenancy guide says (https://fluxcd.io/flux/installation/configuration/multitenancy/: impersonate
 * a ServiceAccount of the tenant, no cross-namespace references, no remote clusters) and as the reference
 * repository enforces with admission policies (fluxcd/flux2-multi-tenancy,
 * infrastructure/kyverno-policies/flux-multi-tenancy.yaml: `serviceAccountName` required, `sourceRef.namespace`
 * equal to the object's own, for Kustomizations and HelmReleases outside flux-system). The AKS Flux extension
 * also runs its controllers with `--no-cross-namespace-refs` (decision 0106); these rules make the same
 * promises checkable in CI and enforced by the API server, whatever the controllers' flags.
 *
 * Field names are those of the vendored CRDs (packages/validate/schemas/crds):
 * Kustomization kustomize.toolkit.fluxcd.io/v1 `spec.serviceAccountName`, `targetNamespace`, `kubeConfig`,
 * `sourceRef.namespace`, `dependsOn[].namespace`; HelmRelease helm.toolkit.fluxcd.io/v2 the same plus
 * `storageNamespace`, `chart.spec.sourceRef.namespace`, `chartRef.namespace`; GitRepository, OCIRepository,
 * HelmRepository source.toolkit.fluxcd.io/v1 `spec.url`, HelmRepository `spec.type` (`default` | `oci`).
 */

/**
 * ServiceAccount names a tenant reconciler may not impersonate: `default` (in every namespace, and whatever
 * anyone bound to it), the AKS extension's default account `flux-applier` (cluster-admin in the
 * configuration's namespace; https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2#multi-tenancy)
 * and the names of Flux's and the extension's own controllers.
 */
export const PLATFORM_SERVICE_ACCOUNTS = [
  'default',
  'flux-applier',
  'kustomize-controller',
  'helm-controller',
  'source-controller',
  'notification-controller',
  'image-reflector-controller',
  'image-automation-controller',
  'fluxconfig-agent',
  'fluxconfig-controller',
] as const;

const RECONCILERS = ['Kustomization', 'HelmRelease'] as const;
const OWN = 'request.namespace';

export const tenantDeliveryRules: readonly CelRule[] = [
  {
    id: 'KIT-TEN-001',
    title: "Tenant Flux reconcilers impersonate the team's own ServiceAccount",
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: [...RECONCILERS],
    hint: `set spec.serviceAccountName: ${TENANT_RECONCILER_SERVICE_ACCOUNT} (the team's reconciler, bound to its Role); never default, flux-applier or a Flux controller`,
    rationale:
      "Without serviceAccountName the controller applies with its default account, which on AKS is flux-applier with cluster-admin rights: a team's repository could then change anything in the cluster.",
    variables: () => [
      { name: 'account', expression: "has(object.spec.serviceAccountName) ? object.spec.serviceAccountName : ''" },
      { name: 'platformAccounts', expression: celStringList(PLATFORM_SERVICE_ACCOUNTS) },
    ],
    validations: () => [
      {
        expression: "variables.account != ''",
        message: 'a tenant reconciler names no serviceAccountName, so Flux would apply it with its own (cluster-wide) account',
      },
      {
        expression: '!(variables.account in variables.platformAccounts)',
        message: 'a tenant reconciler impersonates a platform ServiceAccount',
        messageExpression: "'serviceAccountName ' + variables.account + ' is a platform account; a tenant reconciler impersonates its own'",
      },
    ],
  },
  {
    id: 'KIT-TEN-002',
    title: 'Tenant Flux reconcilers apply only into their own namespace, in this cluster',
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: [...RECONCILERS],
    hint: 'set spec.targetNamespace to the team namespace (HelmRelease: targetNamespace and storageNamespace unset or the team namespace) and remove spec.kubeConfig',
    rationale:
      "targetNamespace moves every object of the source into that namespace, and kubeConfig reconciles into another cluster: either takes a team's delivery outside the namespace its Role and quota govern.",
    variables: () => [
      { name: 'target', expression: "has(object.spec.targetNamespace) ? object.spec.targetNamespace : ''" },
      // A Kustomization must say it; a HelmRelease without one installs into its own namespace.
      { name: 'targetRequired', expression: "object.kind == 'Kustomization'" },
      { name: 'storage', expression: `has(object.spec.storageNamespace) ? object.spec.storageNamespace : ${OWN}` },
    ],
    validations: () => [
      {
        expression: `variables.target == '' ? !variables.targetRequired : variables.target == ${OWN}`,
        message: 'a tenant reconciler does not target its own namespace (spec.targetNamespace)',
        messageExpression: `variables.target == '' ? 'a tenant Kustomization must set spec.targetNamespace to ' + ${OWN} : 'spec.targetNamespace ' + variables.target + ' is not the team namespace ' + ${OWN}`,
      },
      {
        expression: `variables.storage == ${OWN}`,
        message: 'a tenant HelmRelease stores its release in another namespace (spec.storageNamespace)',
      },
      {
        expression: '!has(object.spec.kubeConfig)',
        message: 'a tenant reconciler applies to a remote cluster (spec.kubeConfig)',
      },
    ],
  },
  {
    id: 'KIT-TEN-003',
    title: 'Tenant Flux reconcilers reference nothing in another namespace',
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: [...RECONCILERS],
    hint: 'leave out the namespace of sourceRef, chart.spec.sourceRef, chartRef and dependsOn (or set it to the team namespace); keep the source in the team namespace',
    rationale:
      "A reference to another namespace's source reconciles what another team (or the platform) publishes, with this team's rights; a dependsOn across namespaces couples the team's delivery to objects it does not own.",
    variables: () => [
      { name: 'sourceRefNamespace', expression: 'has(object.spec.sourceRef) && has(object.spec.sourceRef.namespace) ? [object.spec.sourceRef.namespace] : []' },
      { name: 'hasChartSource', expression: hasPath('object.spec', ['chart', 'spec', 'sourceRef']) },
      {
        name: 'chartSourceNamespace',
        expression: 'variables.hasChartSource && has(object.spec.chart.spec.sourceRef.namespace) ? [object.spec.chart.spec.sourceRef.namespace] : []',
      },
      { name: 'chartRefNamespace', expression: 'has(object.spec.chartRef) && has(object.spec.chartRef.namespace) ? [object.spec.chartRef.namespace] : []' },
      { name: 'sourceNamespaces', expression: 'variables.sourceRefNamespace + variables.chartSourceNamespace + variables.chartRefNamespace' },
      { name: 'dependsOnNamespaces', expression: 'has(object.spec.dependsOn) ? object.spec.dependsOn.filter(d, has(d.namespace)).map(d, d.namespace) : []' },
    ],
    validations: () => [
      {
        expression: `variables.sourceNamespaces.all(n, n == ${OWN})`,
        message: 'a tenant reconciler uses a source of another namespace',
        messageExpression: `'sources referenced in other namespaces: ' + variables.sourceNamespaces.filter(n, n != ${OWN}).join(', ')`,
      },
      {
        expression: `variables.dependsOnNamespaces.all(n, n == ${OWN})`,
        message: 'a tenant reconciler depends on an object of another namespace',
        messageExpression: `'dependsOn objects in other namespaces: ' + variables.dependsOnNamespaces.filter(n, n != ${OWN}).join(', ')`,
      },
    ],
  },
  {
    id: 'KIT-TEN-004',
    title: "Tenant sources come from the platform's allowed hosts",
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: ['GitRepository', 'OCIRepository', 'HelmRepository'],
    hint: 'point spec.url at a repository under an allowed prefix, or ask the platform team to add its host and organisation to spec.tenantSources in platform.yaml',
    rationale:
      'What a tenant reconciles is only as trustworthy as where it comes from: the platform decides which Git hosts, organisations and registries teams may deliver from.',
    variables: (v) => [
      { name: 'gitPrefixes', expression: celStringList(v.tenantSources.git) },
      { name: 'ociPrefixes', expression: celStringList(v.tenantSources.oci) },
      { name: 'helmPrefixes', expression: celStringList(v.tenantSources.helm) },
      // A HelmRepository of type oci is a registry (https://fluxcd.io/flux/components/source/helmrepositories/#type).
      {
        name: 'isOci',
        expression: "object.kind == 'OCIRepository' || (object.kind == 'HelmRepository' && has(object.spec.type) && object.spec.type == 'oci')",
      },
      {
        name: 'allowed',
        expression: "object.kind == 'GitRepository' ? variables.gitPrefixes : (variables.isOci ? variables.ociPrefixes : variables.helmPrefixes)",
      },
    ],
    validations: () => [
      {
        expression: 'variables.allowed.exists(p, object.spec.url.startsWith(p))',
        message: 'a tenant source URL is not under a prefix of spec.tenantSources',
        messageExpression:
          "'source URL ' + object.spec.url + ' is not under an allowed prefix (' + (size(variables.allowed) == 0 ? 'none listed' : variables.allowed.join(', ')) + ')'",
      },
    ],
  },
  {
    id: 'KIT-FLUX-001',
    title: `Platform Flux reconcilers live in ${FLUX_NAMESPACE}`,
    severity: 'high',
    engine: 'cel',
    scope: 'platform-namespaces',
    kinds: [...RECONCILERS],
    hint: `put platform Kustomizations and HelmReleases in ${FLUX_NAMESPACE}; a team's own delivery goes in the team namespace (KIT-TEN-001..004)`,
    rationale: `Outside ${FLUX_NAMESPACE} and the team namespaces, a reconciler would be applied as that namespace's flux-applier, which is not the platform's account, and would escape both the platform's review and the tenant rules (decision 0106).`,
    validations: () => [
      {
        expression: `${OWN} == ${celString(FLUX_NAMESPACE)}`,
        message: `a platform Flux reconciler outside ${FLUX_NAMESPACE} and the team namespaces`,
        messageExpression: `'a Flux ' + object.kind + ' in namespace ' + ${OWN} + ', which is neither ${FLUX_NAMESPACE} nor a team namespace'`,
      },
    ],
  },
  {
    id: 'KIT-TEN-005',
    title: "No pod runs as the team's Flux reconciler",
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: POD_KINDS,
    hint: `run the pod as its own ServiceAccount (the kit renders one per workload); ${TENANT_RECONCILER_SERVICE_ACCOUNT} is for Flux to impersonate only`,
    rationale: `Flux impersonates ${TENANT_RECONCILER_SERVICE_ACCOUNT}; with a helm source it may also write the namespace's Secrets (Helm's release storage, docs/decisions/0107). Anyone who may create pods could otherwise run one as that account and mount its token (automountServiceAccountToken is per pod too), gaining what the team's members are not given.`,
    variables: () => [POD_SPEC, { name: 'account', expression: "has(variables.podSpec.serviceAccountName) ? variables.podSpec.serviceAccountName : ''" }],
    validations: () => [
      {
        expression: `variables.account != ${celString(TENANT_RECONCILER_SERVICE_ACCOUNT)}`,
        message: `the pod runs as ${TENANT_RECONCILER_SERVICE_ACCOUNT}, the account Flux impersonates for the team`,
      },
    ],
  },
];
