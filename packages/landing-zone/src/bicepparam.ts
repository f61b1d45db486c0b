import { toBicepLiteral, type BicepValue } from './bicep-literal.js';
import type { LandingZoneParameters } from './parameters.js';

/**
 * The section comment each parameter is written under, in the order main.bicep declares them.
 * `satisfies` makes the compiler refuse a parameter of LandingZoneParameters without a place here.
 */
const SECTION_OF = {
  clusterKey: 'Where and what',
  location: 'Where and what',
  availabilityZones: 'Where and what',
  tags: 'Where and what',
  names: 'Where and what',
  virtualNetworkAddressPrefixes: 'Network',
  dnsServers: 'Network',
  subnetPrefixes: 'Network',
  onPremisesAddressPrefixes: 'Network',
  hubVirtualNetwork: 'Network',
  dnsResolverInboundAddress: 'Network',
  dnsForwardingRules: 'Network',
  expressRoute: 'Hybrid connectivity',
  expressRouteAuthorizationKey: 'Hybrid connectivity',
  vpn: 'Hybrid connectivity',
  vpnSharedKey: 'Hybrid connectivity',
  egressPublicIpPrefixLength: 'Fixed addresses',
  natGatewayIdleTimeoutInMinutes: 'Fixed addresses',
  ingressPublicIpEnabled: 'Fixed addresses',
  publicIngressSourcePrefixes: 'Fixed addresses',
  kubernetesVersion: 'AKS',
  skuTier: 'AKS',
  aadProfileTenantId: 'AKS',
  networkPolicy: 'AKS',
  podCidr: 'AKS',
  serviceCidr: 'AKS',
  dnsServiceIP: 'AKS',
  enablePrivateCluster: 'AKS',
  apiServerPrivateDnsZoneResourceId: 'AKS',
  authorizedIPRanges: 'AKS',
  autoUpgradeProfileUpgradeChannel: 'AKS',
  autoNodeOsUpgradeProfileUpgradeChannel: 'AKS',
  maintenanceWindow: 'AKS',
  primaryAgentPoolProfile: 'AKS',
  agentPools: 'AKS',
  webApplicationRoutingEnabled: 'AKS',
  registryName: 'Registry',
  registryReplicationLocations: 'Registry',
  registryPublicNetworkAccess: 'Registry',
  registryPrivateEndpointEnabled: 'Registry',
  registryPrivateDnsZoneResourceId: 'Registry',
  platformAdminGroupObjectIds: 'Access and GitOps',
  clusterUserGroupObjectIds: 'Access and GitOps',
  gitRepositoryUrl: 'Access and GitOps',
  gitRepositoryBranch: 'Access and GitOps',
  fluxConfigurationName: 'Access and GitOps',
  fluxNamespace: 'Access and GitOps',
  fluxKustomizations: 'Access and GitOps',
  teamIdentities: 'Team identities and secrets',
  keyVaultSettings: 'Team identities and secrets',
  keyVaults: 'Team identities and secrets',
} as const satisfies Record<keyof LandingZoneParameters, string>;

/**
 * main.bicepparam: `using` the shared template, then one `param name = <value>` per defined
 * parameter, grouped by section. Undefined (nullable) parameters are left out.
 */
export function renderBicepParam(parameters: LandingZoneParameters, templatePath: string, preamble: readonly string[] = []): string {
  const sections = new Map<string, string[]>();
  for (const [name, section] of Object.entries(SECTION_OF)) {
    const value = parameters[name as keyof LandingZoneParameters];
    if (value === undefined) continue;
    const lines = sections.get(section) ?? [];
    lines.push(`param ${name} = ${toBicepLiteral(value as BicepValue)}`);
    sections.set(section, lines);
  }
  const blocks = [...sections].map(([title, lines]) => `// ${title}\n${lines.join('\n')}`);
  return `${preamble.map((line) => `// ${line}\n`).join('')}using '${templatePath}'\n\n${blocks.join('\n\n')}\n`;
}
