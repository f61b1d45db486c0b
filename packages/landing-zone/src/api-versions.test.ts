import { describe, expect, it } from 'vitest';
import { deployed } from './testing/deployed.js';
import type { VariantName } from './testing/example.js';

/**
 * The API versions of every resource the template deploys, pinned: the newest stable version of each
 * type in Azure's type data (bicep-types-az) when the template was written. The compiler accepts any
 * version it knows, so the pin is the kit's own check.
 */
const PINNED: Record<string, string> = {
  'Microsoft.ContainerService': '2026-05-01',
  'Microsoft.ContainerRegistry': '2025-11-01',
  'Microsoft.Network': '2025-09-01',
  'Microsoft.Network/privateDnsZones': '2024-06-01',
  'Microsoft.Network/dnsResolvers': '2025-05-01',
  'Microsoft.Network/dnsForwardingRulesets': '2025-05-01',
  'Microsoft.KubernetesConfiguration/extensions': '2025-03-01',
  'Microsoft.KubernetesConfiguration/fluxConfigurations': '2025-04-01',
  'Microsoft.Authorization': '2022-04-01',
  'Microsoft.ManagedIdentity': '2024-11-30',
  'Microsoft.OperationalInsights': '2026-03-01',
  'Microsoft.Insights': '2024-03-11',
  'Microsoft.KeyVault': '2025-05-01',
};

/** The most specific pin for a type: `Microsoft.Network/privateDnsZones/x` before `Microsoft.Network`. */
function pinFor(type: string): string | undefined {
  const key = Object.keys(PINNED)
    .filter((k) => type === k || type.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  return key && PINNED[key];
}

describe('API versions (bicep snapshot)', () => {
  const resources = (['example', 'noVpn', 'privateNoIngress', 'spoke'] as VariantName[]).flatMap((name) =>
    deployed(name).template.resources.map((r) => [`${name}: ${r.type} ${r.name}`, r] as const),
  );

  it.each(resources)('%s uses the pinned API version', (_name, r) => {
    expect(r.apiVersion, r.type).toBe(pinFor(r.type));
  });

  it('GIVEN a type with an unpinned version WHEN checked THEN the check notices', () => {
    expect(pinFor('Microsoft.Network/virtualNetworks')).toBe('2025-09-01');
    expect(pinFor('Microsoft.Network/privateDnsZones/virtualNetworkLinks')).toBe('2024-06-01');
    expect(pinFor('Microsoft.Storage/storageAccounts')).toBeUndefined();
  });
});
