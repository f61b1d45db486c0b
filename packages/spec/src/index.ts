// Named exports only (tools/named-exports.test.ts): the public surface is this list, reviewed in api/spec.api.md.
// (`PolicyException`, the type in model.ts, is not exported: the name is the spec schema's, below.)
export {
  AGENT_POOL_LABEL,
  WORKLOAD_CLASS_TAINT,
  type ClusterSpec,
  type CronJobSettings,
  type EgressRule,
  type ExternalRange,
  type KeyVaultSettings,
  type NodePool,
  type NotificationTarget,
  type PoolUpgradeSettings,
  type ResourceNames,
  type SecretRef,
  type StatefulSettings,
  type StorageSettings,
  type Team,
  type TeamAzureIdentity,
  type TeamDelivery,
  type TeamSecret,
  type TenantGitSource,
  type TenantHelmSource,
  type TenantOciSource,
  type TenantSource,
  type TenantSourceAllowList,
  type TenantSourceCredentials,
  type VolumeClaim,
  type Workload,
  type WorkloadKind,
  type Zone,
} from './model.js';
export { formatIssue, SpecError, type SpecIssue } from './errors.js';
export { FLUX_NAMESPACE, KIT_LABEL_PREFIX, TENANT_LABEL, MANAGED_BY_LABEL, MANAGED_BY, TENANT_RECONCILER_SERVICE_ACCOUNT } from './constants.js';
export { asArray, asRecord, at, isRecord, type JsonRecord } from './json-narrow.js';
export { sortKeys, stableJson } from './stable-json.js';
export { SPEC_API_VERSION } from './schema/common.js';
export { PlatformFile, type UserPoolInput, type SystemPoolInput } from './schema/platform.js';
export { TeamFile, PolicyException, type WorkloadInput, type EgressRuleInput, type PolicyExceptionInput } from './schema/team.js';
export { APPS_DIR, listClusters, loadCluster, loadFleet, platformPath, teamPath } from './load/load-cluster.js';
export { fileSystemSource, memorySource, type SpecSource } from './load/source.js';
export {
  codeCacheFile,
  runKeyedCode,
  runValidatorCode,
  storeKeyedCode,
  storeValidatorCode,
  validatorCacheDir,
  validatorSourceCode,
} from './load/validator-cache.js';
export { parseCidr, isCidr, overlaps, contains, formatIpv4, parseIpv4, type Cidr } from './net/cidr.js';
export { parseQuantity, formatCores, formatGiB, GiB } from './net/quantity.js';
export { apiServerAuthorizedRanges, isNonPublicAddress, isNonPublicRange } from './net/public-ranges.js';
export { lookupVmSize, allocatable, type VmShape } from './vm-sizes.js';
export { poolCapacity } from './checks/capacity.js';
export { reservedNameReason } from './checks/reserved-names.js';
export {
  aksVersionCalendar,
  checkKubernetesLifecycle,
  kubernetesMinor,
  kubernetesVersionSupport,
  parseAsOf,
  supportedMinors,
  END_OF_SUPPORT_WARNING_DAYS,
  type AksVersionCalendar,
  type AksVersionEntry,
  type KubernetesLifecycleReport,
  type VersionSupport,
} from './checks/kubernetes-version.js';
export { jsonSchemas } from './schema/json-schemas.js';
export { LIMITS, formatBytes, type PlatformLimit, type LimitName } from './limits.js';
export { NIL_GUID } from './checks/groups.js';
export { POOL_UPGRADE_DEFAULTS } from './normalize.js';
export { CRON_JOB_DEFAULTS } from './normalize-workloads.js';
export { SECRET_SYNC_SERVICE_ACCOUNT, type SecretsAndMounts, secretSyncWorkloadName, unmountedSyncedSecrets } from './checks/secrets-sync.js';
export { BUILT_IN_STORAGE_CLASSES, DEFAULT_STORAGE_CLASS } from './checks/storage.js';
export {
  WORKLOAD_IDENTITY_AUDIENCE,
  WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION,
  WORKLOAD_IDENTITY_USE_LABEL,
  TEAM_IDENTITY_CLIENT_IDS_OUTPUT,
  teamIdentityName,
  federatedCredentialName,
  workloadIdentitySubject,
  teamKeyVaultName,
  sharedKeyVaultName,
  keyVaultPrivateEndpointName,
  keyVaultNameProblem,
} from './azure-names.js';
export { NOTIFICATION_CHANNEL_USE, NOTIFICATION_PROVIDER_TYPES, type NotificationProviderType } from './schema/notifications.js';
export { TENANT_SOURCE_DEFAULTS } from './normalize-delivery.js';
export { parseFluxDuration, MIN_TENANT_INTERVAL_MS, MAX_TENANT_TIMEOUT_MS } from './checks/tenant-delivery.js';
export type { TeamDeliveryInput, TenantSourceInput, TenantSourcesInput } from './schema/tenant-delivery.js';
