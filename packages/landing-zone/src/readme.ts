import type { ClusterSpec } from '@aks-hybrid/spec';
import { fixedAddresses, privateZonesToForward } from './fixed-addresses.js';
import { packageFile, referencedModules } from './package-files.js';
import { LANDING_ZONE_TEMPLATE_DIR, landingZoneTemplateVersion } from './template-files.js';
import { renderTemplate } from './templates.js';

/** Name of the deployment the pipeline runs; stable, so `az deployment group show` finds the outputs. */
export const deploymentName = (spec: ClusterSpec) => `aks-hybrid-${spec.name}`;

/** README.md next to the Bicep: what it deploys, the fixed addresses and the commands a pipeline runs. */
export function renderReadme(spec: ClusterSpec): string {
  return renderTemplate('README.md.hbs', readmeData(spec));
}

/** What the README template is filled with. */
export function readmeData(spec: ClusterSpec): object {
  const gateways = spec.network.topology === 'combined';
  const shape = { gateways, hubPeering: !gateways, vpn: gateways && spec.connectivity.vpn !== undefined };
  const { expressRoute, vpn } = spec.connectivity;
  const privateZones = privateZonesToForward(spec).map((zone) => `\`${zone}\``);
  const keyVaults = [
    ...(gateways && expressRoute.authorizationKey ? [{ ...expressRoute.authorizationKey, purpose: 'ExpressRoute circuit authorization key' }] : []),
    ...(shape.vpn && vpn ? [{ ...vpn.sharedKey, purpose: 'IPsec pre-shared key' }] : []),
  ].map((ref) => ({ vaultName: ref.keyVaultName, resourceGroup: ref.resourceGroup, secretName: ref.secretName, purpose: ref.purpose }));

  const addresses = fixedAddresses(spec);
  return {
    cluster: spec.name,
    environment: spec.environment,
    location: spec.azure.location,
    zones: spec.azure.zones.join(', '),
    source: spec.file,
    subscriptionId: spec.azure.subscriptionId,
    resourceGroup: spec.azure.resourceGroup,
    deploymentName: deploymentName(spec),
    directory: `gitops/azure/${spec.name}`,
    templateDirectory: `gitops/azure/${LANDING_ZONE_TEMPLATE_DIR}`,
    templateVersion: landingZoneTemplateVersion(),
    modules: referencedModules(packageFile('bicep/main.bicep')).map((path) => ({ path, description: moduleDescription(packageFile(`bicep/${path}`)) })),
    ...shape,
    expressRouteSku: expressRoute.gatewaySku,
    vpnSku: vpn?.gatewaySku ?? '',
    vpnActiveActive: vpn?.activeActive ?? false,
    vpnPeerName: vpn?.peer.name ?? '',
    vpnPeerIp: vpn?.peer.deviceIp ?? '',
    vpnPeerAsn: vpn?.peer.bgpAsn ?? 0,
    vpnAzureAsn: vpn?.azureBgpAsn ?? 0,
    gatewaySubnet: spec.network.subnets.gateway ?? '',
    hubVirtualNetworkId: spec.network.hubVirtualNetworkId ?? '',
    onPremisesRanges: spec.onPremises.ranges,
    keyVaults,
    customDns: spec.network.dnsServers.length > 0,
    dnsServers: spec.network.dnsServers.map((ip) => `\`${ip}\``).join(', '),
    privateZones: privateZones.join(' and '),
    dns: addresses.dns,
    egress: addresses.egress,
    ingress: addresses.ingress,
    workloadIdentities: addresses.workloadIdentities,
  };
}

/** The `metadata description` of a Bicep file: the one place a module says what it is for. */
export function moduleDescription(bicep: string): string {
  const match = /^metadata description = '((?:[^'\\]|\\.)*)'/m.exec(bicep);
  if (!match) throw new Error('Bicep module without a `metadata description`');
  return match[1]!.replace(/\\'/g, "'");
}
