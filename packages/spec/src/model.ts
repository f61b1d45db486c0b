/**
 * The normalised model every renderer reads: defaults applied, names derived, references resolved.
 * Built only by `loadCluster`, after every check passed.
 */
import type { SpecIssue } from './errors.js';

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
  /** The team's user-assigned managed identity (workload identity), when it asks for one. */
  readonly azureIdentity?: TeamAzureIdentity;
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
  /** Key Vault for team secrets; undefined when the platform spec asks for none. */
  readonly keyVault?: KeyVaultSettings;
  /**
   * Where tenant sources may come from (spec.tenantSources). Optional only so hand-built specs in tests
   * need not state it; `loadCluster` always sets it (empty lists: no tenant may declare a source).
   */
  readonly tenantSources?: TenantSourceAllowList;
  /** Findings that do not stop a render (e.g. two teams bound to one Entra group); absent when none. */
  readonly warnings?: readonly SpecIssue[];
}

/** Label AKS puts on every node with its agent pool name; workloads pin to pools with it. */
export const AGENT_POOL_LABEL = 'kubernetes.azure.com/agentpool';
/** Taint key the kit puts on user pools that serve a workload class. */
export const WORKLOAD_CLASS_TAINT = 'kit.aks-hybrid.dev/workload-class';
