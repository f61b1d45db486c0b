import type { ClusterSpec } from '@aks-hybrid/spec';
import { compareCluster } from './compare.js';
import { compareLandingZone } from './compare-landing-zone.js';
import type { DriftReport } from './drift-report.js';
import { resolveOptions, type AzureOptions } from './options.js';
import { readLiveCluster } from './read-cluster.js';
import { readLiveLandingZone } from './read-landing-zone.js';

/**
 * Reads the managed cluster and its agent pools, then the rest of the landing zone (network,
 * gateways, registry, fixed IPs), and compares them with the spec. Resolves with a
 * report (in sync or drift); rejects with an AzureCheckError when the check itself fails.
 */
export async function verifyCluster(spec: ClusterSpec, options: AzureOptions = {}): Promise<DriftReport> {
  const resolved = await resolveOptions({ tenantId: spec.azure.tenantId, ...options });
  const live = await readLiveCluster(spec, resolved);
  const cluster = compareCluster(spec, live);
  // Beyond the cluster: network, gateways, registry, NAT gateway and public IPs.
  const landingZone = compareLandingZone(spec, await readLiveLandingZone(spec, resolved));
  const checked = cluster.checked + landingZone.checked;
  const drift = [...cluster.drift, ...landingZone.drift];
  const notes = [...cluster.notes, ...landingZone.notes];
  return {
    cluster: spec.name,
    subscriptionId: spec.azure.subscriptionId,
    resourceGroup: spec.azure.resourceGroup,
    clusterName: spec.names.cluster,
    inSync: drift.length === 0,
    checked,
    drift,
    notes,
  };
}
