/** Where a Kubernetes kind lives in the API: what a ValidatingAdmissionPolicy's resourceRules name. */
export interface KindInfo {
  readonly group: string;
  readonly version: string;
  /** Plural resource name, as in resourceRules and `request.resource.resource`. */
  readonly resource: string;
  readonly namespaced: boolean;
}

/**
 * The kinds policies can match, with their preferred version. One table serves both the rendered
 * policies (resourceRules) and the CI evaluator (which request a rendered object would be), so the
 * two select the same objects. Core Kubernetes groups and Flux's: a kind is told apart by its group
 * (Calico's NetworkPolicy is not networking.k8s.io's; kustomize's own `kustomization.yaml` Kustomization
 * is not Flux's). Flux versions are the ones the vendored CRDs store and serve
 * (packages/validate/schemas/crds); `matchPolicy: Equivalent` also covers their older served versions.
 */
export const KINDS = {
  Pod: { group: '', version: 'v1', resource: 'pods', namespaced: true },
  Service: { group: '', version: 'v1', resource: 'services', namespaced: true },
  Namespace: { group: '', version: 'v1', resource: 'namespaces', namespaced: false },
  ServiceAccount: { group: '', version: 'v1', resource: 'serviceaccounts', namespaced: true },
  ResourceQuota: { group: '', version: 'v1', resource: 'resourcequotas', namespaced: true },
  LimitRange: { group: '', version: 'v1', resource: 'limitranges', namespaced: true },
  ConfigMap: { group: '', version: 'v1', resource: 'configmaps', namespaced: true },
  Deployment: { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true },
  StatefulSet: { group: 'apps', version: 'v1', resource: 'statefulsets', namespaced: true },
  DaemonSet: { group: 'apps', version: 'v1', resource: 'daemonsets', namespaced: true },
  ReplicaSet: { group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true },
  Job: { group: 'batch', version: 'v1', resource: 'jobs', namespaced: true },
  CronJob: { group: 'batch', version: 'v1', resource: 'cronjobs', namespaced: true },
  HorizontalPodAutoscaler: { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespaced: true },
  PodDisruptionBudget: { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespaced: true },
  NetworkPolicy: { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', namespaced: true },
  Role: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', namespaced: true },
  RoleBinding: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', namespaced: true },
  ClusterRole: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', namespaced: false },
  ClusterRoleBinding: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', namespaced: false },
  Kustomization: { group: 'kustomize.toolkit.fluxcd.io', version: 'v1', resource: 'kustomizations', namespaced: true },
  HelmRelease: { group: 'helm.toolkit.fluxcd.io', version: 'v2', resource: 'helmreleases', namespaced: true },
  GitRepository: { group: 'source.toolkit.fluxcd.io', version: 'v1', resource: 'gitrepositories', namespaced: true },
  OCIRepository: { group: 'source.toolkit.fluxcd.io', version: 'v1', resource: 'ocirepositories', namespaced: true },
  HelmRepository: { group: 'source.toolkit.fluxcd.io', version: 'v1', resource: 'helmrepositories', namespaced: true },
  ValidatingAdmissionPolicy: { group: 'admissionregistration.k8s.io', version: 'v1', resource: 'validatingadmissionpolicies', namespaced: false },
  ValidatingAdmissionPolicyBinding: {
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    resource: 'validatingadmissionpolicybindings',
    namespaced: false,
  },
} as const satisfies Record<string, KindInfo>;

export type KindName = keyof typeof KINDS;

/** Kinds that run pods from a template (plus Pod itself): the pod-spec rules match these. */
export const POD_KINDS: readonly KindName[] = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** Cluster-scoped kinds outside the table that the kit renders (for exception parsing). */
const OTHER_CLUSTER_SCOPED = new Set([
  'GlobalNetworkSet',
  'GlobalNetworkPolicy',
  'PriorityClass',
  'StorageClass',
  'CustomResourceDefinition',
  'PersistentVolume',
]);

export function isClusterScopedKind(kind: string): boolean {
  const info = (KINDS as Record<string, KindInfo>)[kind];
  return info ? !info.namespaced : OTHER_CLUSTER_SCOPED.has(kind);
}

/** `apps/v1` -> group `apps`, version `v1`; `v1` -> core group. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export type ObjectKindInfo = KindInfo & { readonly kind: KindName; readonly objectVersion: string };

/** Looked up once per apiVersion and kind: the gate asks for every object and policy. */
const resolvedKinds = new Map<string, ObjectKindInfo | undefined>();

/** The table entry of a rendered object, when its group and kind are in the table. */
export function kindInfoOf(apiVersion: string, kind: string): ObjectKindInfo | undefined {
  const key = `${apiVersion} ${kind}`;
  if (resolvedKinds.has(key)) return resolvedKinds.get(key);
  const info = Object.hasOwn(KINDS, kind) ? (KINDS as Record<string, KindInfo>)[kind] : undefined;
  const { group, version } = splitApiVersion(apiVersion);
  const resolved = info && group === info.group ? { ...info, kind: kind as KindName, objectVersion: version } : undefined;
  resolvedKinds.set(key, resolved);
  return resolved;
}
