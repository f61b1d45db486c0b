import { describe, expect, it } from 'vitest';
import { UNTYPED_AZURE_RESOURCE_TYPES, validateBicepFiles } from '@aks-hybrid/validate';
import { renderLandingZone } from './render-landing-zone.js';
import { exampleSpec, variant } from './test-support/example.js';

/** The rendered Bicep against Azure's own type data (bicep-types-az), offline. */
async function findingsFor(spec = exampleSpec()) {
  const files = new Map([...renderLandingZone(spec)].map(([path, content]) => [`gitops/azure/${spec.name}/${path}`, content]));
  return validateBicepFiles(files, { untypedResourceTypes: UNTYPED_AZURE_RESOURCE_TYPES });
}

describe('rendered Bicep against the vendored Azure type data', () => {
  it.each([
    ['the example cluster', () => exampleSpec()],
    ['a cluster without VPN failover', () => variant((s) => void delete s.connectivity.vpn)],
    ['a private cluster without ingress IP, replicas or private endpoint', () =>
      variant((s) => {
        s.cluster.apiServer.access = 'private';
        s.ingress.publicIp = false;
        s.registry.replicaLocations = [];
        s.registry.privateEndpoint = false;
      })],
    ['a spoke behind a hub', () =>
      variant((s) => {
        s.network.topology = 'spoke';
        s.network.hubVirtualNetworkId = '/subscriptions/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';
      })],
  ])('%s parses and every type, API version and property is known', async (_name, spec) => {
    expect(await findingsFor(spec())).toEqual([]);
  });

  it('fails when the template writes a property Azure does not know', async () => {
    const spec = exampleSpec();
    const files = new Map([...renderLandingZone(spec)].map(([path, content]) => [path, content.replace('disableLocalAccounts:', 'disableLocalAccount:')]));
    const findings = await validateBicepFiles(files, { untypedResourceTypes: UNTYPED_AZURE_RESOURCE_TYPES });
    expect(findings.some((f) => f.rule === 'bicep-type' && /disableLocalAccount/.test(f.message))).toBe(true);
  });
});
