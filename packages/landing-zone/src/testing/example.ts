import { fileURLToPath } from 'node:url';
import { fileSystemSource, loadCluster, sharedKeyVaultName, type ClusterSpec } from '@aks-hybrid/spec';

/** The repository root: the example cluster lives in apps/weu-prod/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

let example: ClusterSpec | undefined;

/** The example cluster weu-prod, loaded and checked by the spec package. */
export function exampleSpec(): ClusterSpec {
  example ??= loadCluster(fileSystemSource(REPO_ROOT), 'weu-prod');
  return example;
}

export type Draft<T> = T extends ReadonlyArray<infer U> ? Array<Draft<U>> : T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T;

/** The example with some fields changed: a variation of the normalised model (defaults already applied). */
export function variant(edit: (spec: Draft<ClusterSpec>) => void): ClusterSpec {
  const draft = structuredClone(exampleSpec()) as Draft<ClusterSpec>;
  edit(draft);
  return draft as ClusterSpec;
}

export const CENTRAL_ZONE = (name: string) =>
  `/subscriptions/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${name}`;

export const HUB_ID = '/subscriptions/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub-weu';

/** The spec without Key Vault: no vault, no private endpoint or zone of its own, no Secrets User grant. */
function withoutKeyVault(s: Draft<ClusterSpec>): void {
  delete s.keyVault;
  for (const team of s.teams) if (team.azureIdentity) delete team.azureIdentity.keyVault;
}

/**
 * Every spec the landing-zone tests deploy, by name. `bicep snapshot` of each is computed once per
 * test run (src/testing/global-setup.ts); the first four are the template's `if (...)` branches.
 */
export const VARIANTS = {
  /** apps/weu-prod: ExpressRoute with VPN failover in this VNet, public ingress, private registry. */
  example: () => exampleSpec(),
  noVpn: () => variant((s) => void delete s.connectivity.vpn),
  /** A private API server, no public ingress IP, no registry replicas, no private endpoint (and no Key Vault). */
  privateNoIngress: () =>
    variant((s) => {
      withoutKeyVault(s);
      s.cluster.apiServer.access = 'private';
      s.ingress.publicIp = false;
      s.registry.replicaLocations = [];
      s.registry.privateEndpoint = false;
    }),
  /** A spoke peered to a hub that holds the gateways. */
  spoke: () =>
    variant((s) => {
      s.network.topology = 'spoke';
      s.network.hubVirtualNetworkId = HUB_ID;
    }),
  azurePolicyNoAutoUpgrade: () =>
    variant((s) => {
      s.cluster.networkPolicy = 'azure';
      s.cluster.autoUpgradeChannel = 'none';
    }),
  /** One more user pool (2..5 nodes), and a system pool whose minimum is 0. */
  morePools: () =>
    variant((s) => {
      s.cluster.userPools.push({
        ...s.cluster.userPools[0]!,
        name: 'batch',
        workloadClass: 'batch',
        isDefault: false,
        minCount: 2,
        maxCount: 5,
        taints: ['kit.aks-hybrid.dev/workload-class=batch:NoSchedule'],
      });
      s.cluster.systemPool.minCount = 0;
    }),
  /** An active-passive VPN on VpnGw1AZ, a circuit in the same subscription (no authorization key), two replicas. */
  singleVpnSameSubscription: () =>
    variant((s) => {
      s.connectivity.vpn!.activeActive = false;
      s.connectivity.vpn!.gatewaySku = 'VpnGw1AZ';
      delete s.connectivity.expressRoute.authorizationKey;
      s.registry.replicaLocations = ['northeurope', 'swedencentral'];
    }),
  /** A private cluster whose private zones are existing central ones (Azure Landing Zone style), without a resolver or Key Vault. */
  centralZonesPrivate: () =>
    variant((s) => {
      withoutKeyVault(s);
      s.cluster.apiServer.access = 'private';
      s.network.privateDnsZones = { registry: CENTRAL_ZONE('privatelink.azurecr.io'), apiServer: CENTRAL_ZONE('privatelink.westeurope.azmk8s.io') };
      delete s.network.subnets.dnsResolverInbound;
      delete s.network.subnets.dnsResolverOutbound;
      s.network.dnsForwarding = [];
    }),
  /** One shared Key Vault, read by both teams' identities. */
  sharedKeyVault: () =>
    variant((s) => {
      const vault = sharedKeyVaultName(s.name);
      s.keyVault = { ...s.keyVault!, mode: 'shared', vaults: [{ name: vault, teams: s.teams.map((t) => t.name) }] };
      for (const team of s.teams) if (team.azureIdentity) team.azureIdentity.keyVault = vault;
    }),
} as const;

export type VariantName = keyof typeof VARIANTS;
