/**
 * The rules of the Role `team-edit`: the built-in `edit` ClusterRole of Kubernetes 1.33 (its
 * aggregated `system:aggregate-to-edit` and `system:aggregate-to-view` rules, see
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy in kubernetes/kubernetes), written out, minus:
 * - `impersonate` on serviceaccounts and `create` on serviceaccounts/token: both let a member act as
 *   any ServiceAccount of the namespace;
 * - writing NetworkPolicies: they only ever add allows, so a team-written allow-all would undo the
 *   default deny; the team's network paths come from its spec (read access stays);
 * - the `extensions` group, which no supported Kubernetes serves;
 * - every verb on `secrets` (docs/decisions/0205): the team's apps read Key Vault through the
 *   Secrets Store CSI driver, and the Secrets of the namespace (CSI-synced, Flux source credentials)
 *   are not for people to read or overwrite. Caveat, stated in 0205: whoever may create pods in
 *   the namespace can still mount any Secret of it into a pod and read it there; RBAC cannot close
 *   that without taking pod creation away too.
 * No wildcard, no escalate, bind or impersonate; rules added to `edit` by aggregation (CRDs,
 * add-ons) are not inherited: a team that needs one gets it through the spec.
 */
export interface TeamRoleRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

export const TEAM_EDIT_RULES: readonly TeamRoleRule[] = [
  {
    apiGroups: [''],
    resources: [
      'bindings',
      'configmaps',
      'endpoints',
      'events',
      'limitranges',
      'namespaces',
      'namespaces/status',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'pods/attach',
      'pods/exec',
      'pods/log',
      'pods/portforward',
      'pods/proxy',
      'pods/status',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'replicationcontrollers/status',
      'resourcequotas',
      'resourcequotas/status',
      'serviceaccounts',
      'services',
      'services/proxy',
      'services/status',
    ],
    verbs: READ,
  },
  {
    apiGroups: [''],
    resources: [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'pods',
      'pods/attach',
      'pods/exec',
      'pods/portforward',
      'pods/proxy',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    verbs: WRITE,
  },
  { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  {
    apiGroups: ['apps'],
    resources: [
      'controllerrevisions',
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
    ],
    verbs: READ,
  },
  {
    apiGroups: ['apps'],
    resources: [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'replicasets',
      'replicasets/scale',
      'statefulsets',
      'statefulsets/scale',
    ],
    verbs: WRITE,
  },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], verbs: READ },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: WRITE },
  { apiGroups: ['batch'], resources: ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], verbs: READ },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: WRITE },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets', 'poddisruptionbudgets/status'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: WRITE },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'ingresses/status', 'networkpolicies'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: WRITE },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: [...READ, ...WRITE] },
];
