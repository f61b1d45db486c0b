import type { ClusterSpec } from '@aks-hybrid/spec';
import { compareCluster } from './compare.js';
import type { DriftReport } from './drift-report.js';
import { resolveOptions, type AzureOptions } from './options.js';
import { readLiveCluster } from './read-cluster.js';

/**
 * Reads the managed cluster and its agent pools and compares them with the spec. Resolves with a
 * report (in sync or drift); rejects with an AzureCheckError when the check itself fails.
 */
export async function verifyCluster(spec: ClusterSpec, options: AzureOptions = {}): Promise<DriftReport> {
  const resolved = await resolveOptions({ tenantId: spec.azure.tenantId, ...options });
  const live = await readLiveCluster(spec, resolved);
  const { checked, drift, notes } = compareCluster(spec, live);
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
