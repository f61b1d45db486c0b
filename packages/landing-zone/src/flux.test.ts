import { describe, expect, it } from 'vitest';
import { FLUX_CONFIGURATION_NAME, FLUX_NAMESPACE } from './flux-kustomizations.js';
import { exampleSpec, variant } from './test-support/example.js';
import { at, renderFor } from './test-support/landing-zone.js';

const EXTENSION = 'Microsoft.KubernetesConfiguration/extensions';
const CONFIGURATION = 'Microsoft.KubernetesConfiguration/fluxConfigurations';

describe('Flux', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);

  it('GIVEN the example WHEN deployed THEN the AKS Flux extension is installed on the cluster, in multi-tenant lockdown', () => {
    const extension = lz.one(EXTENSION);
    expect(extension.body.scope).toEqual({ $ref: 'managedCluster' });
    expect(extension.body.properties).toMatchObject({
      extensionType: 'microsoft.flux',
      scope: { cluster: { releaseNamespace: 'flux-system' } },
      configurationSettings: { 'multiTenancy.enforce': 'true' },
    });
  });

  it('THEN the Flux configuration follows this repository and branch, after the extension is installed', () => {
    const config = lz.one(CONFIGURATION);
    expect(config.body).toMatchObject({ name: FLUX_CONFIGURATION_NAME, scope: { $ref: 'managedCluster' }, dependsOn: [{ $ref: 'fluxExtension' }] });
    expect(config.body.properties).toMatchObject({
      scope: 'cluster',
      namespace: FLUX_NAMESPACE,
      sourceKind: 'GitRepository',
      gitRepository: { url: spec.gitops.repositoryUrl, repositoryRef: { branch: spec.gitops.branch } },
    });
  });

  it('THEN it reconciles the cluster entry folder, whose own Kustomizations order infrastructure, Calico and teams', () => {
    const kustomizations = at(lz.one(CONFIGURATION).body, 'properties.kustomizations');
    expect(kustomizations).toEqual({ cluster: { path: `./gitops/clusters/${spec.name}`, dependsOn: [], prune: true, wait: false } });
    // The entry folder's Kustomizations name this configuration's GitRepository as their source.
    expect(FLUX_CONFIGURATION_NAME).toBe('platform');
  });

  it('GIVEN a cluster without the Calico API WHEN deployed THEN the configuration is the same: the steps live in the entry folder', () => {
    const plain = renderFor(variant((s) => void (s.cluster.calicoApiPolicies = false)));
    expect(at(plain.one(CONFIGURATION).body, 'properties.kustomizations')).toEqual(at(lz.one(CONFIGURATION).body, 'properties.kustomizations'));
  });

  it('THEN the extension is installed only once the cluster and its pools are complete', () => {
    expect(lz.deployment.modules.find((m) => m.symbol === 'flux')!.body.dependsOn).toEqual([{ $ref: 'aks' }]);
    const pools = lz.outline('modules/aks.bicep').resources.find((r) => r.symbol === 'userAgentPools');
    expect(pools).toBeDefined(); // inside the aks module, so `dependsOn: [aks]` waits for them
  });
});
