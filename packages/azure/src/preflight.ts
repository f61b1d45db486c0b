import type { KubernetesVersion } from '@azure/arm-containerservice';
import type { ClusterSpec } from '@aks-hybrid/spec';
import { callAzure, malformed, type CallContext } from './classify-error.js';
import { checkKubernetesVersion } from './kubernetes-versions.js';
import { resolveOptions, type AzureOptions, type ResolvedOptions } from './options.js';
import { containerServiceClient, restClient } from './pipeline.js';
import type { PreflightReport } from './preflight-report.js';
import { checkVmSizes, type ResourceSku } from './resource-skus.js';
import { getAllPages } from './rest-get.js';

/** Compute's resource SKU API; the AKS SDK has no operation for it. */
export const RESOURCE_SKUS_API_VERSION = '2021-07-01';

/**
 * Before a deployment: is the spec's Kubernetes version offered in the region, and is every pool's
 * VM size offered there, unrestricted, in the pool's zones, with room for an ephemeral OS disk?
 */
export async function runPreflight(spec: ClusterSpec, options: AzureOptions = {}): Promise<PreflightReport> {
  const resolved = await resolveOptions({ tenantId: spec.azure.tenantId, ...options });
  const [versions, skus] = await Promise.all([listKubernetesVersions(spec, resolved), listVmSkus(spec, resolved)]);
  const checks = [checkKubernetesVersion(spec, versions), ...checkVmSizes(spec, skus)];
  return {
    cluster: spec.name,
    subscriptionId: spec.azure.subscriptionId,
    location: spec.azure.location,
    ok: checks.every((c) => c.status !== 'error'),
    checks,
  };
}

function context(spec: ClusterSpec, options: ResolvedOptions, action: string, permission: string): CallContext {
  const { subscriptionId, location } = spec.azure;
  return {
    action,
    service: 'Azure Resource Manager',
    endpoint: options.armEndpoint,
    permission: `grant the identity \`Reader\` on subscription ${subscriptionId} (it carries ${permission}); e.g. \`az role assignment create --role Reader --assignee <principal-id> --scope /subscriptions/${subscriptionId}\``,
    tenantId: spec.azure.tenantId,
    notFound: (code) =>
      code === 'SubscriptionNotFound' || code === 'InvalidSubscriptionId'
        ? {
            message: `subscription ${subscriptionId} was not found, or the signed-in identity has no access to it`,
            fix: `check spec.azure.subscriptionId in ${spec.file}, and that \`az account list\` shows it for this identity`,
          }
        : {
            message: `Azure knows no region "${location}" for this request (${code ?? 'no error code'})`,
            fix: `check spec.azure.location in ${spec.file} (\`az account list-locations --output table\`)`,
          },
    timeoutMs: options.timeoutMs,
  };
}

async function listKubernetesVersions(spec: ClusterSpec, options: ResolvedOptions): Promise<KubernetesVersion[]> {
  const ctx = context(
    spec,
    options,
    `list the Kubernetes versions offered in ${spec.azure.location}`,
    'Microsoft.ContainerService/locations/kubernetesVersions/read',
  );
  const client = containerServiceClient(spec.azure.subscriptionId, options);
  const result = await callAzure(ctx, () => client.managedClusters.listKubernetesVersions(spec.azure.location));
  if (!Array.isArray(result?.values)) throw malformed(ctx, 'the version list has no `values` array');
  return result.values;
}

async function listVmSkus(spec: ClusterSpec, options: ResolvedOptions): Promise<ResourceSku[]> {
  const { subscriptionId, location } = spec.azure;
  const ctx = context(spec, options, `list the VM sizes offered in ${location}`, 'Microsoft.Compute/skus/read');
  const items = await getAllPages(restClient(options.armEndpoint, options), ctx, {
    path: `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Compute/skus`,
    query: { 'api-version': RESOURCE_SKUS_API_VERSION, $filter: `location eq '${location.replace(/'/g, "''")}'` },
    nextLinkKey: 'nextLink',
    endpoint: options.armEndpoint,
    maxPages: 100,
  });
  return items.filter((s): s is ResourceSku => typeof s === 'object' && s !== null && (s as ResourceSku).resourceType === 'virtualMachines');
}
