import type { ClusterSpec } from '@aks-hybrid/spec';
import { Collector } from './compare.js';
import { present } from './compare-gateways.js';
import type { LiveLandingZone } from './read-landing-zone.js';

/**
 * The registry as registry.bicep deploys it: Premium (geo-replication and zone redundancy need it:
 * https://learn.microsoft.com/en-us/azure/container-registry/zone-redundancy), zone-redundant,
 * admin user off, public access as the spec says, one zone-redundant replica per replica location.
 */
export function compareRegistry(c: Collector, spec: ClusterSpec, live: LiveLandingZone): void {
  const scope = `registry ${spec.registry.name}`;
  if (!present(c, scope, live.registry)) return;
  const r = live.registry!;
  c.check(scope, 'sku.name', 'Premium', r.sku?.name);
  c.check(scope, 'zoneRedundancy', 'Enabled', r.zoneRedundancy ?? 'Disabled');
  c.check(scope, 'adminUserEnabled', false, r.adminUserEnabled ?? false);
  c.check(scope, 'publicNetworkAccess', spec.registry.publicNetworkAccess, r.publicNetworkAccess ?? 'Enabled');
  // ARM lists the home region as a replication too; only the others are the spec's replicas.
  const home = normalizeLocation(r.location ?? spec.azure.location);
  const replicas = live.replications.filter((rep) => normalizeLocation(rep.location ?? '') !== home);
  c.compareSet(
    scope,
    'replications',
    new Set(spec.registry.replicaLocations.map(normalizeLocation)),
    new Set(replicas.map((rep) => normalizeLocation(rep.location ?? ''))),
  );
  for (const rep of replicas) {
    c.check(scope, `replications.${normalizeLocation(rep.location ?? '')}.zoneRedundancy`, 'Enabled', rep.zoneRedundancy ?? 'Disabled');
  }
}

/** `West Europe` and `westeurope` are one location. */
const normalizeLocation = (location: string) => location.replace(/\s+/g, '').toLowerCase();
