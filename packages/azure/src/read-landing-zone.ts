import { ContainerRegistryManagementClient, type Registry, type Replication } from '@azure/arm-containerregistry';
import {
  NetworkManagementClient,
  type LocalNetworkGateway,
  type NatGateway,
  type NetworkSecurityGroup,
  type PublicIPAddress,
  type PublicIPPrefix,
  type VirtualNetwork,
  type VirtualNetworkGateway,
  type VirtualNetworkGatewayConnection,
} from '@azure/arm-network';
import type { ClusterSpec } from '@aks-hybrid/spec';
import { callAzure, type CallContext } from './classify-error.js';
import { expectedSecurityGroups } from './expected-landing-zone.js';
import type { ResolvedOptions } from './options.js';
import { clientOptions } from './pipeline.js';

/** The landing zone's resources beyond the cluster, as the SDKs return them; undefined: not found (404). */
export interface LiveLandingZone {
  readonly virtualNetwork?: VirtualNetwork;
  /** By NSG name. */
  readonly securityGroups: ReadonlyMap<string, NetworkSecurityGroup | undefined>;
  /** Read only when the spec's topology is `combined` (the gateways live in this resource group). */
  readonly gateways?: {
    readonly expressRoute?: VirtualNetworkGateway;
    readonly expressRouteConnection?: VirtualNetworkGatewayConnection;
    readonly vpn?: VirtualNetworkGateway;
    readonly vpnConnection?: VirtualNetworkGatewayConnection;
    readonly localNetworkGateway?: LocalNetworkGateway;
  };
  readonly registry?: Registry;
  readonly replications: readonly Replication[];
  readonly natGateway?: NatGateway;
  readonly egressPrefix?: PublicIPPrefix;
  readonly ingressPublicIp?: PublicIPAddress;
}

/** Reader on the resource group covers every read here (Microsoft.Network/.../read, Microsoft.ContainerRegistry/registries/read). */
function landingZonePermission(spec: ClusterSpec): string {
  const scope = `/subscriptions/${spec.azure.subscriptionId}/resourceGroups/${spec.azure.resourceGroup}`;
  return `grant the identity \`Reader\` on resource group ${spec.azure.resourceGroup}. Example: \`az role assignment create --role Reader --assignee <principal-id> --scope ${scope}\``;
}

/**
 * Reads what the landing zone deploys besides the cluster, with the official SDK clients (same
 * pipeline, retries and time-outs as the AKS client). A resource that does not exist is not an
 * error: it comes back undefined and the comparison reports it as missing.
 */
export async function readLiveLandingZone(spec: ClusterSpec, options: ResolvedOptions): Promise<LiveLandingZone> {
  const { subscriptionId, resourceGroup: rg } = spec.azure;
  const network = new NetworkManagementClient(options.credential, subscriptionId, clientOptions(options.armEndpoint, options));
  const registries = new ContainerRegistryManagementClient(options.credential, subscriptionId, clientOptions(options.armEndpoint, options));
  const read = <T>(what: string, call: () => Promise<T>): Promise<T | undefined> => {
    const context: CallContext = {
      action: `read ${what} in resource group ${rg}`,
      service: 'Azure Resource Manager',
      endpoint: options.armEndpoint,
      permission: landingZonePermission(spec),
      tenantId: spec.azure.tenantId,
      timeoutMs: options.timeoutMs,
    };
    return callAzure(context, async () => {
      try {
        return await call();
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      }
    });
  };
  const n = spec.names;
  const nsgNames = [...expectedSecurityGroups(spec).keys()];
  const [virtualNetwork, groups, registry, natGateway, egressPrefix, ingressPublicIp] = await Promise.all([
    read(`virtual network ${n.virtualNetwork}`, () => network.virtualNetworks.get(rg, n.virtualNetwork)),
    Promise.all(nsgNames.map((name) => read(`network security group ${name}`, () => network.networkSecurityGroups.get(rg, name)))),
    read(`container registry ${spec.registry.name}`, () => registries.registries.get(rg, spec.registry.name)),
    read(`NAT gateway ${n.natGateway}`, () => network.natGateways.get(rg, n.natGateway)),
    read(`public IP prefix ${n.egressPublicIpPrefix}`, () => network.publicIPPrefixes.get(rg, n.egressPublicIpPrefix)),
    spec.ingress.publicIp ? read(`public IP ${n.ingressPublicIp}`, () => network.publicIPAddresses.get(rg, n.ingressPublicIp)) : Promise.resolve(undefined),
  ]);
  const replications = registry
    ? ((await read(`the replications of container registry ${spec.registry.name}`, async () => {
        const list: Replication[] = [];
        for await (const r of registries.replications.list(rg, spec.registry.name)) list.push(r);
        return list;
      })) ?? [])
    : [];
  const gateways = spec.network.topology === 'combined' ? await readGateways(spec, network, read) : undefined;
  return {
    ...(virtualNetwork ? { virtualNetwork } : {}),
    securityGroups: new Map(nsgNames.map((name, i) => [name, groups[i]])),
    ...(gateways ? { gateways } : {}),
    ...(registry ? { registry } : {}),
    replications,
    ...(natGateway ? { natGateway } : {}),
    ...(egressPrefix ? { egressPrefix } : {}),
    ...(ingressPublicIp ? { ingressPublicIp } : {}),
  };
}

async function readGateways(
  spec: ClusterSpec,
  network: NetworkManagementClient,
  read: <T>(what: string, call: () => Promise<T>) => Promise<T | undefined>,
): Promise<NonNullable<LiveLandingZone['gateways']>> {
  const rg = spec.azure.resourceGroup;
  const n = spec.names;
  const vpn = spec.connectivity.vpn;
  const [expressRoute, expressRouteConnection, vpnGateway, vpnConnection, localNetworkGateway] = await Promise.all([
    read(`ExpressRoute gateway ${n.expressRouteGateway}`, () => network.virtualNetworkGateways.get(rg, n.expressRouteGateway)),
    read(`connection ${n.expressRouteConnection}`, () => network.virtualNetworkGatewayConnections.get(rg, n.expressRouteConnection)),
    vpn ? read(`VPN gateway ${n.vpnGateway}`, () => network.virtualNetworkGateways.get(rg, n.vpnGateway)) : Promise.resolve(undefined),
    vpn ? read(`connection ${n.vpnConnection}`, () => network.virtualNetworkGatewayConnections.get(rg, n.vpnConnection)) : Promise.resolve(undefined),
    vpn
      ? read(`local network gateway ${n.localNetworkGateway}`, () => network.localNetworkGateways.get(rg, n.localNetworkGateway))
      : Promise.resolve(undefined),
  ]);
  return {
    ...(expressRoute ? { expressRoute } : {}),
    ...(expressRouteConnection ? { expressRouteConnection } : {}),
    ...(vpnGateway ? { vpn: vpnGateway } : {}),
    ...(vpnConnection ? { vpnConnection } : {}),
    ...(localNetworkGateway ? { localNetworkGateway } : {}),
  };
}
