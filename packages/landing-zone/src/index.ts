export { renderLandingZone, renderMainBicepParam, TEMPLATE_USING_PATH } from './render-landing-zone.js';
export { landingZoneTemplateFiles, landingZoneTemplateVersion, LANDING_ZONE_TEMPLATE_DIR } from './template-files.js';
export {
  landingZoneParameters,
  initialNodeCount,
  azureTags,
  clusterUserGroups,
  APP_ROUTING_NAMESPACE,
  type LandingZoneParameters,
  type AgentPoolParameter,
} from './parameters.js';
export { renderBicepParam } from './bicepparam.js';
export { fixedAddresses, EGRESS_PREFIX_OUTPUT, INGRESS_ADDRESS_OUTPUT, type FixedAddresses, type AddressStatus } from './fixed-addresses.js';
export { fluxKustomizations, FLUX_CONFIGURATION_NAME, FLUX_NAMESPACE, type FluxKustomization } from './flux-kustomizations.js';
export { toBicepLiteral, keyVaultSecret, KeyVaultSecretReference, type BicepValue } from './bicep-literal.js';
export { deploymentName } from './readme.js';
