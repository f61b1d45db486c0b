export type { ManifestFile, ManifestUnit } from './manifest.js';
export { synthClusterManifests, synthPlatformManifests, synthTeamManifests } from './synth.js';
export { clusterPath, ENTRY_KUSTOMIZATION } from './units/flux-entry.js';
export { TEAM_EVENT_SOURCE_KINDS } from './units/team-notifications.js';

export {
  FluxKustomization,
  FLUX_NAMESPACE,
  PLATFORM_SOURCE,
  type FluxKustomizationProps,
  type FluxHealthCheck,
  type FluxHealthCheckExpr,
} from './constructs/flux-kustomization.js';
export { CalicoApiServer, CALICO_API_SERVICE } from './constructs/calico-api-server.js';
export {
  FluxNotification,
  ALERT_PROVIDER_NAME,
  FAILURE_ALERT_NAME,
  type FluxNotificationProps,
  type FluxEventSource,
  type FluxEventSourceKind,
} from './constructs/flux-notification.js';
export {
  NginxIngressControllers,
  PUBLIC_INGRESS_CLASS,
  INTERNAL_INGRESS_CLASS,
  type NginxIngressControllersProps,
} from './constructs/nginx-ingress-controllers.js';
export { IngressControllerGuard, type IngressControllerGuardProps } from './constructs/ingress-controller-guard.js';
export { PlatformAdminBinding, type PlatformAdminBindingProps } from './constructs/platform-admin-binding.js';
export { NetworkSet, type NetworkSetProps } from './constructs/network-set.js';
export { IngressGuardPolicy, type IngressGuardPolicyProps } from './constructs/ingress-guard-policy.js';
export { TeamNamespace, podSecurityVersion, type TeamNamespaceProps, type PodSecurityLevel } from './constructs/team-namespace.js';
export { TeamQuota, type TeamQuotaProps } from './constructs/team-quota.js';
export { TeamLimitRange, type TeamLimitRangeProps, type ComputeQuantities } from './constructs/team-limit-range.js';
export { TeamAccess, TEAM_EDIT_ROLE, type TeamAccessProps } from './constructs/team-access.js';
export { WorkloadServiceAccount, type WorkloadServiceAccountProps } from './constructs/workload-service-account.js';
export { NamespaceIsolation, type NamespaceIsolationProps } from './constructs/namespace-isolation.js';
export { IngressControllerAccess, type IngressControllerAccessProps } from './constructs/ingress-controller-access.js';
export { EgressPolicy, type EgressPolicyProps, type EgressRendering } from './constructs/egress-policy.js';
export { Workload, type WorkloadProps } from './constructs/workload.js';
export { StatefulWorkload, type StatefulWorkloadProps } from './constructs/stateful-workload.js';
export { CronWorkload, type CronWorkloadProps } from './constructs/cron-workload.js';
export { SecretProviderClass, type SecretProviderClassProps } from './constructs/secret-provider-class.js';
export { SecretSync, pauseImage, type SecretSyncProps } from './constructs/secret-sync.js';
export { restrictedPodTemplate, secretMountPath, SECRETS_MOUNT_ROOT, type PodTemplateProps } from './constructs/pod-template.js';
export { TenantDelivery, HELM_STORAGE_ROLE, type TenantDeliveryProps } from './constructs/tenant-delivery.js';
export { AdmissionPolicies, type AdmissionPoliciesProps } from './constructs/admission-policies.js';

export {
  networkSets,
  egressIntents,
  clusterNetworks,
  admittedIngressCidrs,
  ON_PREMISES_SET,
  CLUSTER_EGRESS_SET,
  externalSetName,
  type NetworkSetModel,
  type EgressIntent,
  type EgressDestination,
} from './network-model.js';
export { NETWORK_SET_LABEL, TEAM_LABEL, TENANT_LABEL, MANAGED_BY, MANAGED_BY_LABEL } from './labels.js';
export { syntheticCluster, type SyntheticClusterOptions } from './synthetic-cluster.js';
