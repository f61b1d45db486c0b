import { describe, expect, it } from 'vitest';
import { renderLandingZone } from './render-landing-zone.js';
import { outline, type ResourceDecl } from './test-support/bicep-outline.js';
import { exampleSpec, variant } from './test-support/example.js';

/**
 * The API versions the offline type data covers (bicep-types-az, vendored by @aks-hybrid/validate):
 * the newest stable version of each type. Microsoft.Insights (Container Insights' data collection
 * rule) is the one provider outside that data.
 */
const PINNED: Record<string, string> = {
  'Microsoft.ContainerService': '2026-05-01',
  'Microsoft.ContainerRegistry': '2025-11-01',
  'Microsoft.Network': '2025-09-01',
  'Microsoft.Network/privateDnsZones': '2024-06-01',
  'Microsoft.KubernetesConfiguration/extensions': '2025-03-01',
  'Microsoft.KubernetesConfiguration/fluxConfigurations': '2025-04-01',
  'Microsoft.Authorization': '2022-04-01',
  'Microsoft.ManagedIdentity': '2024-11-30',
  'Microsoft.OperationalInsights': '2026-03-01',
  'Microsoft.KeyVault': '2026-02-01',
  'Microsoft.Insights': '2024-03-11',
};

/** The most specific pin for a type: `Microsoft.Network/privateDnsZones/x` before `Microsoft.Network`. */
function pinFor(type: string): string | undefined {
  const key = Object.keys(PINNED)
    .filter((k) => type === k || type.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  return key && PINNED[key];
}

function declarations(files: Map<string, string>): Array<{ path: string; r: ResourceDecl }> {
  return [...files]
    .filter(([path]) => path.endsWith('.bicep'))
    .flatMap(([path, text]) => outline(text).resources.map((r) => ({ path, r })));
}

describe('API versions', () => {
  const all = new Map([
    ...renderLandingZone(exampleSpec()),
    ...renderLandingZone(
      variant((s) => {
        s.network.topology = 'spoke';
        s.network.hubVirtualNetworkId = '/subscriptions/x/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';
      }),
    ),
  ]);

  it.each(declarations(all).map(({ path, r }) => [`${path} ${r.symbol}`, r] as const))('%s uses the pinned API version', (_name, r) => {
    expect(r.apiVersion, `${r.type}`).toBe(pinFor(r.type));
  });

  it('GIVEN a type with an unpinned version WHEN checked THEN the check notices', () => {
    expect(pinFor('Microsoft.Network/virtualNetworks')).toBe('2025-09-01');
    expect(pinFor('Microsoft.Network/privateDnsZones/virtualNetworkLinks')).toBe('2024-06-01');
    expect(pinFor('Microsoft.Storage/storageAccounts')).toBeUndefined();
  });
});
