export { renderLandingZone, renderMainBicep } from './render-landing-zone.js';
export { landingZoneParameters, azureTags, clusterUserGroups, type ParameterSection } from './parameters.js';
export { fixedAddresses, EGRESS_PREFIX_OUTPUT, INGRESS_ADDRESS_OUTPUT, type FixedAddresses, type AddressStatus } from './fixed-addresses.js';
export { fluxKustomizations, FLUX_CONFIGURATION_NAME, FLUX_NAMESPACE, type FluxKustomization } from './flux-kustomizations.js';
export { composition, type Composition } from './composition.js';
export { toBicepLiteral, type BicepValue } from './bicep-literal.js';
export { deploymentName } from './readme.js';
