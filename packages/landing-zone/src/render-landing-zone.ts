import type { ClusterSpec } from '@aks-hybrid/spec';
import { renderBicepParam } from './bicepparam.js';
import { composition } from './composition.js';
import { renderAddressesJson } from './fixed-addresses.js';
import { landingZoneParameters } from './parameters.js';
import { packageFile, referencedModules } from './package-files.js';
import { renderReadme } from './readme.js';
import { renderTemplate } from './templates.js';

/** Types main.bicep imports; which ones depends on the composition (no unused imports). */
function typeImports(spec: ClusterSpec): string {
  const shape = composition(spec);
  const names = [
    'agentPoolType',
    'fluxKustomizationType',
    'maintenanceWindowType',
    'resourceNamesType',
    'subnetPrefixesType',
    ...(shape.expressRouteAuthorizationKey || shape.vpn ? ['keyVaultSecretReferenceType'] : []),
    ...(shape.vpn ? ['vpnPeerType'] : []),
  ];
  return names.sort().join(', ');
}

/** main.bicep: the composition of the modules for this cluster. */
export function renderMainBicep(spec: ClusterSpec): string {
  const shape = composition(spec);
  return renderTemplate('main.bicep.hbs', {
    ...shape,
    clusterKey: spec.name,
    imports: typeImports(spec),
    topologyDescription: shape.gateways
      ? `hub-style VNet with ExpressRoute${shape.vpn ? ' and VPN failover' : ''}`
      : 'spoke VNet peered to the hub gateways',
    onPremisesPath: shape.gateways ? 'expressRoute' : 'spokePeering',
  });
}

/**
 * Everything under gitops/azure/<cluster>/: main.bicep, main.bicepparam, the modules it uses,
 * bicepconfig.json, addresses.json and README.md, keyed by path relative to that folder. Pure and
 * deterministic: the spec in, the same bytes out.
 */
export function renderLandingZone(spec: ClusterSpec): Map<string, string> {
  const main = renderMainBicep(spec);
  const modules = referencedModules(main);
  const files = new Map<string, string>([
    ['main.bicep', main],
    ['main.bicepparam', renderBicepParam(landingZoneParameters(spec))],
    ...modules.map((path): [string, string] => [path, packageFile(`bicep/${path}`)]),
    ['bicepconfig.json', packageFile('bicep/bicepconfig.json')],
    ['addresses.json', renderAddressesJson(spec)],
    ['README.md', renderReadme(spec, modules)],
  ]);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
