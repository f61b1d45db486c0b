export * from './model.js';
export * from './errors.js';
export { FLUX_NAMESPACE, KIT_LABEL_PREFIX, TENANT_LABEL, MANAGED_BY_LABEL, MANAGED_BY, TENANT_RECONCILER_SERVICE_ACCOUNT } from './constants.js';
export { asArray, asRecord, at, isRecord, type JsonRecord } from './json-narrow.js';
export { sortKeys, stableJson } from './stable-json.js';
export { SPEC_API_VERSION } from './schema/common.js';
export { PlatformFile, type UserPoolInput, type SystemPoolInput } from './schema/platform.js';
export { TeamFile, PolicyException, type WorkloadInput, type EgressRuleInput, type PolicyExceptionInput } from './schema/team.js';
export { APPS_DIR, listClusters, loadCluster, loadFleet, platformPath, teamPath } from './load/load-cluster.js';
export { fileSystemSource, memorySource, type SpecSource } from './load/source.js';
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
