/**
 * The normalised model every renderer reads: defaults applied, names derived, references resolved.
 * Built only by `loadCluster`, after every check passed.
 */
import type { SpecIssue } from './errors.js';
import type { NotificationProviderType } from './schema/notifications.js';

export type Zone = '1' | '2' | '3';

export interface SecretRef {
  readonly keyVaultName: string;
  readonly resourceGroup: string;
  readonly subscriptionId: string;
  readonly secretName: string;
}

export interface NodePool {
  readonly name: string;
  readonly mode: 'System' | 'User';
  readonly vmSize: string;
  readonly vcpus: number;
  readonly memoryGiB: number;
  readonly minCount: number;
  readonly maxCount: number;
  readonly zones: readonly Zone[];
  readonly osDiskType: 'Ephemeral' | 'Managed';
  readonly osDiskSizeGB: number;
  readonly osSku: 'AzureLinux' | 'Ubuntu';
  readonly maxPods: number;
  readonly labels: Readonly<Record<string, string>>;
  /** `key=value:Effect` */
  readonly taints: readonly string[];
  /** User pools only. */
  readonly workloadClass?: string;
  readonly isDefault: boolean;
  /** How AKS upgrades the pool (surge, drain timeout, soak), defaults applied. */
  readonly upgradeSettings: PoolUpgradeSettings;
}

/** AgentPoolUpgradeSettings of Microsoft.ContainerService (https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling). */
export interface PoolUpgradeSettings {
  /** A node count ('1') or a percentage of the pool ('33%'). */
  readonly maxSurge: string;
  readonly drainTimeoutInMinutes: number;
  readonly nodeSoakDurationInMinutes: number;
}

export interface ExternalRange {
  readonly name: string;
  readonly description: string;
  readonly cidrs: readonly string[];
}

export interface ResourceNames {
  readonly virtualNetwork: string;
  readonly cluster: string;
  readonly nodeResourceGroup: string;
  readonly logAnalyticsWorkspace: string;
  readonly controlPlaneIdentity: string;
  readonly kubeletIdentity: string;
  readonly natGateway: string;
  readonly egressPublicIpPrefix: string;
  readonly ingressPublicIp: string;
  /** Subnet of the internal ingress load balancer (the Bicep network module and the internal NginxIngressController both use it). */
  readonly ingressSubnet: string;
  readonly expressRouteGateway: string;
  readonly expressRouteConnection: string;
  readonly vpnGateway: string;
  readonly vpnConnection: string;
  readonly localNetworkGateway: string;
  readonly routeTable: string;
  readonly registryPrivateEndpoint: string;
}

export interface Workload {
  readonly name: string;
  readonly image: string;
  readonly workloadClass: string;
  /** Resolved from the class: the user pool the workload is pinned to. */
  readonly nodePool: string;
  readonly port: number;
  readonly replicas: { readonly min: number; readonly max: number };
  readonly resources: {
    readonly requests: { readonly cpu: string; readonly memory: string };
    readonly limits: { readonly cpu: string; readonly memory: string };
  };
  readonly autoscaling: { readonly cpuUtilization?: number; readonly memoryUtilization?: number };
  readonly healthPath: string;
  readonly env: Readonly<Record<string, string>>;
  readonly ingress: boolean;
  /** What runs the pods. Optional only so hand-built specs in tests need not state it (absent: Deployment); `loadCluster` always sets it. */
  readonly kind?: WorkloadKind;
  /** Names of the team's `secrets` entries the pods mount at /mnt/secrets/<name>; `loadCluster` always sets it. */
  readonly secrets?: readonly string[];
  /** StatefulSet only: claims, their retention, and whether an HPA scales it. */
  readonly stateful?: StatefulSettings;
  /** CronJob only: schedule and job limits, defaults applied. For a CronJob `port` is 0 (no Service) and `replicas` is 1..1 (one pod per run). */
  readonly cronJob?: CronJobSettings;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'CronJob';

/** One volume claim template of a StatefulSet (ReadWriteOnce), storage class resolved. */
export interface VolumeClaim {
  readonly name: string;
  readonly size: string;
  readonly mountPath: string;
  readonly storageClass: string;
}

export interface StatefulSettings {
  readonly volumeClaims: readonly VolumeClaim[];
  readonly retention: { readonly whenDeleted: 'Retain' | 'Delete'; readonly whenScaled: 'Retain' | 'Delete' };
  /** True when the team file set `autoscaling`: an HPA owns the replicas; otherwise the StatefulSet runs `replicas.max`. */
  readonly autoscaled: boolean;
}

export interface CronJobSettings {
  readonly schedule: string;
  readonly timeZone?: string;
  readonly concurrencyPolicy: 'Forbid' | 'Allow' | 'Replace';
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
  readonly activeDeadlineSeconds: number;
  readonly backoffLimit: number;
}

/** Key Vault objects a team reads through the Secrets Store CSI driver: one SecretProviderClass. */
export interface TeamSecret {
  readonly name: string;
  readonly objects: ReadonlyArray<{ readonly name: string; readonly type: 'secret' | 'key' | 'cert'; readonly alias?: string }>;
  /** Mirror into a Kubernetes Secret (the driver syncs only while a pod mounts the entry). */
  readonly syncToSecret?: { readonly name: string; readonly type: string; readonly keys: ReadonlyArray<{ readonly key: string; readonly object: string }> };
}

export interface EgressRule {
  readonly name: string;
  /** Literal destination CIDRs (on-premises subsets). */
  readonly cidrs: readonly string[];
  /** True when the rule targets every on-premises range (rendered against the shared set). */
  readonly onPremises: boolean;
  readonly externalRange?: string;
  readonly ports: readonly number[];
}

export interface PolicyException {
  readonly rule: string;
  readonly object: string;
  readonly reason: string;
}

export interface Team {
  readonly name: string;
  readonly description?: string;
  readonly contact?: string;
  /** GitHub users/teams who own the team file and its rendered folder (.github/CODEOWNERS); empty: the platform owners. */
  readonly codeowners?: readonly string[];
  /** Repo-relative path of the team file. */
  readonly file: string;
  readonly groupObjectId: string;
  readonly readOnlyGroupObjectId?: string;
  readonly nodePool: string;
  readonly quota: {
    readonly cpu: string;
    readonly memory: string;
    readonly storage: string;
    readonly pods: number;
    readonly persistentVolumeClaims: number;
    readonly services: number;
    readonly loadBalancers: number;
  };
  readonly defaults: {
    readonly request: { readonly cpu: string; readonly memory: string };
    readonly limit: { readonly cpu: string; readonly memory: string };
  };
  readonly egress: readonly EgressRule[];
  readonly workloads: readonly Workload[];
  readonly labels: Readonly<Record<string, string>>;
  readonly policyExceptions: readonly PolicyException[];
  /** Key Vault secrets of the team. Optional only so hand-built specs in tests need not state it; `loadCluster` always sets it. */
  readonly secrets?: readonly TeamSecret[];
  /** The team's user-assigned managed identity (workload identity), when it asks for one. */
  readonly azureIdentity?: TeamAzureIdentity;
  /** The team's own Flux alerts (Provider + Alert in its namespace), when it asks for them. */
  readonly notifications?: NotificationTarget;
  /** The team's own Flux sources (spec.delivery), defaults applied; absent when the team declares none. */
  readonly delivery?: TeamDelivery;
}

/**
 * What a team delivers itself: each source is fetched by Flux into the team namespace and applied there by
 * a Kustomization (git, oci) or HelmRelease (helm) that impersonates the team's flux-reconciler
 * ServiceAccount, with targetNamespace forced to the team (docs/decisions/0107).
 */
export interface TeamDelivery {
  readonly sources: readonly TenantSource[];
}

export type TenantSource = TenantGitSource | TenantOciSource | TenantHelmSource;

interface TenantSourceCommon {
  /** Name of the source object and of the Kustomization/HelmRelease that applies it. */
  readonly name: string;
  /** Flux duration, e.g. `5m`. */
  readonly interval: string;
  readonly timeout: string;
  /** git/oci: delete what the source no longer contains. */
  readonly prune: boolean;
  /** Other sources of the same team that must be ready first. */
  readonly dependsOn: readonly string[];
  /** How Flux authenticates; absent for a public source. */
  readonly credentials?: TenantSourceCredentials;
}

/** A Secret in the team namespace, created outside git; `github`: it holds a GitHub App. */
export interface TenantSourceCredentials {
  readonly secretRef: string;
  readonly provider: 'generic' | 'github';
}

export interface TenantGitSource extends TenantSourceCommon {
  readonly kind: 'git';
  readonly url: string;
  readonly ref: { readonly branch: string } | { readonly tag: string } | { readonly semver: string } | { readonly commit: string };
  readonly path: string;
}

export interface TenantOciSource extends TenantSourceCommon {
  readonly kind: 'oci';
  readonly url: string;
  readonly ref: { readonly tag: string } | { readonly semver: string } | { readonly digest: string };
  readonly path: string;
}

export interface TenantHelmSource extends TenantSourceCommon {
  readonly kind: 'helm';
  /** `default`: an https:// index; `oci`: an oci:// registry. */
  readonly repository: { readonly url: string; readonly type: 'default' | 'oci' };
  readonly chart: string;
  readonly version: string;
  readonly values?: Readonly<Record<string, unknown>>;
}

/**
 * Where Flux sends reconcile failures (a Provider and an Alert): the Provider type, its channel when the
 * type takes one, and the name of the Secret, created outside git, that holds the address (webhook URL).
 */
export interface NotificationTarget {
  readonly type: NotificationProviderType;
  readonly channel?: string;
  /** Secret in the Provider's namespace with the key `address` (and `token` where the type needs one). */
  readonly secretRef: string;
}

/** A team's user-assigned managed identity, federated with ServiceAccounts of its namespace. */
export interface TeamAzureIdentity {
  /** Name of the identity in Azure (teamIdentityName). */
  readonly name: string;
  /** ServiceAccounts of the team namespace that get a federated credential. */
  readonly serviceAccounts: readonly string[];
  /** The identity's client ID once recorded in the spec; until then the ServiceAccounts carry no annotation. */
  readonly clientId?: string;
  /** The vault whose secrets the identity reads (Key Vault Secrets User), if any. */
  readonly keyVault?: string;
}

/**
 * URL prefixes tenant Flux sources must start with, by source kind. Each prefix names a scheme and a
 * host and ends with `/` (e.g. `https://github.com/contoso/`, `oci://contosoacr.azurecr.io/`), so that
 * `https://github.com.evil.example/` never matches `https://github.com`.
 */
export interface TenantSourceAllowList {
  /** GitRepository `spec.url` prefixes (https:// or ssh://). */
  readonly git: readonly string[];
  /** OCIRepository `spec.url` prefixes, and HelmRepository URLs of `type: oci` (oci://). */
  readonly oci: readonly string[];
  /** HelmRepository `spec.url` prefixes of `type: default` (https://). */
  readonly helm: readonly string[];
}

/** StorageClasses a team's volume claims may name, and the one a claim gets when it names none. */
export interface StorageSettings {
  readonly classes: readonly string[];
  readonly defaultClass: string;
}

/** The cluster's Key Vaults: per team, or one shared. */
export interface KeyVaultSettings {
  readonly mode: 'per-team' | 'shared';
  readonly rotationPollInterval: string;
  readonly softDeleteRetentionInDays: number;
  /** Every vault the landing zone creates, with the teams whose identities read it. */
  readonly vaults: ReadonlyArray<{ readonly name: string; readonly teams: readonly string[] }>;
}

export interface ClusterSpec {
  /** Cluster key (folder under apps/). */
  readonly name: string;
  readonly service: string;
  readonly environment: 'production' | 'staging' | 'development';
  readonly description?: string;
  /** GitHub users/teams who own the cluster's files and everything no team owns (.github/CODEOWNERS). */
  readonly codeowners?: readonly string[];
  /** Repo-relative path of platform.yaml. */
  readonly file: string;
  readonly azure: {
    readonly tenantId: string;
    readonly subscriptionId: string;
    readonly location: string;
    readonly resourceGroup: string;
    readonly zones: readonly Zone[];
    readonly tags: Readonly<Record<string, string>>;
  };
  readonly names: ResourceNames;
  readonly network: {
    readonly topology: 'combined' | 'spoke';
    readonly hubVirtualNetworkId?: string;
    readonly addressSpace: readonly string[];
    readonly dnsServers: readonly string[];
    readonly subnets: {
      readonly systemNodes: string;
      readonly userNodes: string;
      readonly gateway?: string;
      readonly ingress: string;
      readonly privateEndpoints: string;
      readonly dnsResolverInbound?: string;
      readonly dnsResolverOutbound?: string;
    };
    /** On-premises zones the DNS Private Resolver forwards, each with its servers (default: dnsServers); domains end with a dot. */
    readonly dnsForwarding: ReadonlyArray<{ readonly domain: string; readonly servers: readonly string[] }>;
    /** Existing central private DNS zones to use instead of creating them. */
    readonly privateDnsZones: { readonly registry?: string; readonly apiServer?: string };
    readonly podCidr: string;
    readonly serviceCidr: string;
    readonly dnsServiceIp: string;
  };
  readonly onPremises: { readonly ranges: readonly string[] };
  readonly connectivity: {
    readonly expressRoute: {
      readonly circuitId: string;
      readonly authorizationKey?: SecretRef;
      readonly gatewaySku: 'ErGw1AZ' | 'ErGw2AZ' | 'ErGw3AZ';
      readonly routingWeight: number;
      readonly providerSla?: number;
    };
    readonly vpn?: {
      readonly gatewaySku: 'VpnGw1AZ' | 'VpnGw2AZ' | 'VpnGw3AZ' | 'VpnGw4AZ' | 'VpnGw5AZ';
      readonly activeActive: boolean;
      readonly azureBgpAsn: number;
      readonly peer: { readonly name: string; readonly deviceIp: string; readonly bgpAsn: number; readonly bgpPeeringAddress: string };
      readonly sharedKey: SecretRef;
    };
  };
  readonly cluster: {
    readonly kubernetesVersion: string;
    readonly tier: 'Free' | 'Standard' | 'Premium';
    readonly autoUpgradeChannel: 'patch' | 'stable' | 'rapid' | 'node-image' | 'none';
    readonly nodeOsUpgradeChannel: 'NodeImage' | 'SecurityPatch' | 'Unmanaged' | 'None';
    readonly maintenanceWindow: { readonly dayOfWeek: string; readonly startTime: string; readonly durationHours: number; readonly utcOffset: string };
    readonly apiServer: { readonly access: 'public-restricted' | 'private'; readonly authorizedRanges: readonly string[] };
    readonly networkPolicy: 'calico' | 'azure';
    readonly calicoApiPolicies: boolean;
    readonly systemPool: NodePool;
    readonly userPools: readonly NodePool[];
  };
  readonly registry: {
    readonly name: string;
    readonly loginServer: string;
    readonly replicaLocations: readonly string[];
    readonly publicNetworkAccess: 'Disabled' | 'Enabled';
    readonly privateEndpoint: boolean;
  };
  readonly ingress: { readonly controllerNamespace: string; readonly publicIp: boolean; readonly allocatedAddress?: string };
  readonly egress: { readonly publicIpPrefixLength: number; readonly idleTimeoutMinutes: number; readonly allocatedPrefix?: string };
  readonly access: { readonly platformAdminGroupObjectIds: readonly string[] };
  readonly externalRanges: readonly ExternalRange[];
  readonly images: { readonly allowedRegistries: readonly string[] };
  readonly gitops: { readonly repositoryUrl: string; readonly branch: string };
  /**
   * Policy exceptions outside team namespaces (`Kind/namespace/name`, `Kind/name`). Optional only so
   * hand-built specs in tests need not state it; `loadCluster` always sets it.
   */
  readonly policyExceptions?: readonly PolicyException[];
  /** Sorted by name. */
  readonly teams: readonly Team[];
  /** StorageClasses team StatefulSets may use. Optional only so hand-built specs in tests need not state it; `loadCluster` always sets it. */
  readonly storage?: StorageSettings;
  /** Key Vault for team secrets; undefined when the platform spec asks for none. */
  readonly keyVault?: KeyVaultSettings;
  /**
   * Where tenant sources may come from (spec.tenantSources). Optional only so hand-built specs in tests
   * need not state it; `loadCluster` always sets it (empty lists: no tenant may declare a source).
   */
  readonly tenantSources?: TenantSourceAllowList;
  /** The platform's Flux alerts (Provider + Alert in flux-system); undefined when the platform spec asks for none. */
  readonly notifications?: NotificationTarget;
  /** Findings that do not stop a render (e.g. two teams bound to one Entra group); absent when none. */
  readonly warnings?: readonly SpecIssue[];
}

/** Label AKS puts on every node with its agent pool name; workloads pin to pools with it. */
export const AGENT_POOL_LABEL = 'kubernetes.azure.com/agentpool';
/** Taint key the kit puts on user pools that serve a workload class. */
export const WORKLOAD_CLASS_TAINT = 'kit.aks-hybrid.dev/workload-class';
