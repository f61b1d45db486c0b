import { apiServerAuthorizedRanges, type ClusterSpec, type NodePool, type SecretRef } from '@aks-hybrid/spec';
import type { BicepValue } from './bicep-literal.js';
import { composition } from './composition.js';
import { FLUX_CONFIGURATION_NAME, FLUX_NAMESPACE, fluxKustomizations } from './flux-kustomizations.js';

export interface ParameterSection {
  readonly title: string;
  /** Parameter name -> value, in the order they are written. */
  readonly values: ReadonlyArray<readonly [string, BicepValue]>;
}

/**
 * The values of main.bicep's parameters, taken from the spec and grouped as main.bicep groups them.
 * Only values: which resources exist follows from them inside Bicep.
 */
export function landingZoneParameters(spec: ClusterSpec): ParameterSection[] {
  const shape = composition(spec);
  const { expressRoute, vpn } = spec.connectivity;
  const subnets = spec.network.subnets;
  const cluster = spec.cluster;

  return [
    {
      title: 'Where and what',
      values: [
        ['clusterKey', spec.name],
        ['location', spec.azure.location],
        ['availabilityZones', spec.azure.zones],
        ['tags', azureTags(spec.azure.tags)],
        ['names', { ...spec.names }],
      ],
    },
    {
      title: 'Network',
      values: [
        ['virtualNetworkAddressPrefixes', spec.network.addressSpace],
        ['dnsServers', spec.network.dnsServers],
        [
          'subnetPrefixes',
          {
            systemNodes: subnets.systemNodes,
            userNodes: subnets.userNodes,
            ingress: subnets.ingress,
            privateEndpoints: subnets.privateEndpoints,
            // A spoke has no gateways of its own, so no GatewaySubnet either.
            ...(shape.gateways && subnets.gateway ? { gateway: subnets.gateway } : {}),
          },
        ],
        ['onPremisesAddressPrefixes', spec.onPremises.ranges],
        ...(shape.hubPeering ? [['hubVirtualNetworkResourceId', spec.network.hubVirtualNetworkId ?? ''] as const] : []),
      ],
    },
    ...(shape.gateways
      ? [
          {
            title: shape.vpn ? 'Hybrid connectivity: ExpressRoute preferred, site-to-site VPN as failover' : 'Hybrid connectivity: ExpressRoute',
            values: [
              ['expressRouteCircuitResourceId', expressRoute.circuitId] as const,
              ['expressRouteGatewaySkuName', expressRoute.gatewaySku] as const,
              ['expressRouteRoutingWeight', expressRoute.routingWeight] as const,
              ...(shape.expressRouteAuthorizationKey && expressRoute.authorizationKey
                ? [['expressRouteAuthorizationKeyReference', secretReference(expressRoute.authorizationKey)] as const]
                : []),
              ...(shape.vpn && vpn
                ? ([
                    ['vpnGatewaySkuName', vpn.gatewaySku],
                    ['vpnGatewayActiveActive', vpn.activeActive],
                    ['vpnGatewayBgpAsn', vpn.azureBgpAsn],
                    ['vpnPeer', { gatewayIpAddress: vpn.peer.deviceIp, bgpAsn: vpn.peer.bgpAsn, bgpPeeringAddress: vpn.peer.bgpPeeringAddress }],
                    ['vpnSharedKeyReference', secretReference(vpn.sharedKey)],
                  ] as const)
                : []),
            ],
          },
        ]
      : []),
    {
      title: 'Fixed addresses',
      values: [
        ['egressPublicIpPrefixLength', spec.egress.publicIpPrefixLength],
        ['natGatewayIdleTimeoutInMinutes', spec.egress.idleTimeoutMinutes],
        ['ingressPublicIpEnabled', spec.ingress.publicIp],
      ],
    },
    {
      title: 'AKS',
      values: [
        ['kubernetesVersion', cluster.kubernetesVersion],
        ['skuTier', cluster.tier],
        ['aadProfileTenantId', spec.azure.tenantId],
        ['networkPolicy', cluster.networkPolicy],
        ['podCidr', spec.network.podCidr],
        ['serviceCidr', spec.network.serviceCidr],
        ['dnsServiceIP', spec.network.dnsServiceIp],
        ['enablePrivateCluster', cluster.apiServer.access === 'private'],
        ['authorizedIPRanges', apiServerAuthorizedRanges(spec)],
        ['autoUpgradeProfileUpgradeChannel', cluster.autoUpgradeChannel],
        ['autoNodeOsUpgradeProfileUpgradeChannel', cluster.nodeOsUpgradeChannel],
        ['maintenanceWindow', { ...cluster.maintenanceWindow }],
        ['primaryAgentPoolProfile', agentPool(cluster.systemPool)],
        ['agentPools', cluster.userPools.map(agentPool)],
        ['webApplicationRoutingEnabled', spec.ingress.controllerNamespace === APP_ROUTING_NAMESPACE],
      ],
    },
    {
      title: 'Registry',
      values: [
        ['registryName', spec.registry.name],
        ['registryReplicationLocations', spec.registry.replicaLocations],
        ['registryPublicNetworkAccess', spec.registry.publicNetworkAccess],
        ['registryPrivateEndpointEnabled', spec.registry.privateEndpoint],
      ],
    },
    {
      title: 'Access and GitOps',
      values: [
        ['platformAdminGroupObjectIds', spec.access.platformAdminGroupObjectIds],
        ['clusterUserGroupObjectIds', clusterUserGroups(spec)],
        ['gitRepositoryUrl', spec.gitops.repositoryUrl],
        ['gitRepositoryBranch', spec.gitops.branch],
        ['fluxConfigurationName', FLUX_CONFIGURATION_NAME],
        ['fluxNamespace', FLUX_NAMESPACE],
        [
          'fluxKustomizations',
          Object.fromEntries(fluxKustomizations(spec).map(({ name, ...rest }) => [name, { ...rest }])),
        ],
      ],
    },
  ];
}

/**
 * The spec's tags with names Azure accepts: tag names cannot contain `< > % & \ ? /`, so each of
 * those becomes `_` (the kit's own `kit.aks-hybrid.dev/cluster` tag is written
 * `kit.aks-hybrid.dev_cluster`). Two names that collide that way are an error.
 */
export function azureTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(tags)) {
    const safe = name.replace(/[<>%&\\?/]/g, '_');
    if (safe in out) throw new Error(`tags "${name}" and another tag both become "${safe}" in Azure, where tag names cannot contain < > % & \\ ? /`);
    out[safe] = value;
  }
  return out;
}

/** Namespace of the AKS application routing add-on's ingress controller. */
export const APP_ROUTING_NAMESPACE = 'app-routing-system';


/** Team groups that get the cluster user role: members and readers of every team, each once. */
export function clusterUserGroups(spec: ClusterSpec): string[] {
  const groups = spec.teams.flatMap((team) => [team.groupObjectId, ...(team.readOnlyGroupObjectId ? [team.readOnlyGroupObjectId] : [])]);
  return [...new Set(groups)];
}

function agentPool(pool: NodePool): BicepValue {
  return {
    name: pool.name,
    vmSize: pool.vmSize,
    minCount: pool.minCount,
    maxCount: pool.maxCount,
    availabilityZones: pool.zones,
    osDiskType: pool.osDiskType,
    osDiskSizeGB: pool.osDiskSizeGB,
    osSku: pool.osSku,
    maxPods: pool.maxPods,
    nodeLabels: pool.labels,
    nodeTaints: pool.taints,
  };
}

function secretReference(ref: SecretRef): BicepValue {
  return {
    subscriptionId: ref.subscriptionId,
    resourceGroupName: ref.resourceGroup,
    vaultName: ref.keyVaultName,
    secretName: ref.secretName,
  };
}
