import type { ClusterSpec } from '@aks-hybrid/spec';
import { renderBicepParam } from './bicepparam.js';
import { renderAddressesJson } from './fixed-addresses.js';
import { landingZoneParameters } from './parameters.js';
import { renderReadme } from './readme.js';
import { LANDING_ZONE_TEMPLATE_DIR, landingZoneTemplateVersion } from './template-files.js';

/** The `using` path of a cluster's main.bicepparam: the shared template, from gitops/azure/<cluster>/. */
export const TEMPLATE_USING_PATH = `../${LANDING_ZONE_TEMPLATE_DIR}/main.bicep`;

/** main.bicepparam of a cluster: its parameter values, `using` the shared template. */
export function renderMainBicepParam(spec: ClusterSpec): string {
  return renderBicepParam(landingZoneParameters(spec), TEMPLATE_USING_PATH, [`Landing-zone template ${landingZoneTemplateVersion()}.`]);
}

/**
 * The cluster's own files under gitops/azure/<cluster>/: main.bicepparam, addresses.json and
 * README.md, keyed by path relative to that folder. The template they use is shared
 * (landingZoneTemplateFiles). Pure and deterministic: the spec in, the same bytes out.
 */
export function renderLandingZone(spec: ClusterSpec): Map<string, string> {
  return new Map<string, string>([
    ['README.md', renderReadme(spec)],
    ['addresses.json', renderAddressesJson(spec)],
    ['main.bicepparam', renderMainBicepParam(spec)],
  ]);
}
