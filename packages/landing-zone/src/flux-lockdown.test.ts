import { describe, expect, it } from 'vitest';
import { FLUX_CONFIGURATION_NAME, FLUX_NAMESPACE, fluxKustomizations } from './flux-kustomizations.js';
import { deployed } from './testing/deployed.js';
import { exampleSpec } from './testing/example.js';

const EXTENSION = 'Microsoft.KubernetesConfiguration/extensions';
const CONFIGURATION = 'Microsoft.KubernetesConfiguration/fluxConfigurations';

// docs/decisions/0106: https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2#multi-tenancy
describe('Flux multi-tenant lockdown (bicep snapshot)', () => {
  const spec = exampleSpec();
  const lz = deployed('example');

  it('GIVEN the example WHEN deployed THEN the extension is sent multiTenancy.enforce=true itself (the snapshot shows only what the template sets, not the default)', () => {
    const settings = lz.template.one(EXTENSION).properties!.configurationSettings as Record<string, string>;
    expect(settings['multiTenancy.enforce']).toBe('true');
  });

  it('THEN the only Flux configuration is cluster-scoped in the namespace of every Kustomization it creates, so they are applied as its flux-applier', () => {
    const configs = lz.template.resourcesOfType(CONFIGURATION);
    expect(configs.map((c) => c.name)).toEqual([FLUX_CONFIGURATION_NAME]);
    expect(configs[0]!.properties).toMatchObject({ scope: 'cluster', namespace: FLUX_NAMESPACE });
    expect(Object.keys(configs[0]!.properties!.kustomizations as object)).toEqual(fluxKustomizations(spec).map((k) => k.name));
  });
});
