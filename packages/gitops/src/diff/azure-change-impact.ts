import type { ChangeImpact } from './types.js';

/**
 * Which landing-zone parameter changes AKS cannot apply in place, with the Microsoft Learn page that
 * says so. Keyed by the AKS property (`agentPool.vmSize`, `cluster.podCidr`), not by the kit's
 * parameter names: `aksPropertyOf` maps a changed parameter path to that key, so a renamed
 * parameter needs a change there, not here. A property missing from the table is not "safe": the
 * table lists what is known to rebuild or to be refused.
 */
export const AKS_CHANGE_IMPACT: Readonly<Record<string, ChangeImpact>> = {
  'agentPool.vmSize': {
    kind: 'rebuildsPool',
    summary: 'AKS rebuilds the pool',
    detail:
      "A node pool's VM size cannot be changed after it is created: a new pool with the new size replaces it, and the old pool's nodes are cordoned and drained.",
    source: 'https://learn.microsoft.com/en-us/azure/aks/resize-node-pool',
  },
  'agentPool.osDiskType': {
    kind: 'rebuildsPool',
    summary: 'AKS rebuilds the pool',
    detail:
      'The OS disk type (Ephemeral or Managed) is set when a pool is created: only `az aks nodepool add` takes `--node-osdisk-type`, `az aks nodepool update` does not.',
    source: 'https://learn.microsoft.com/en-us/cli/azure/aks/nodepool',
  },
  'agentPool.osDiskSizeGB': {
    kind: 'rebuildsPool',
    summary: 'AKS rebuilds the pool',
    detail: 'The OS disk size is set when a pool is created: only `az aks nodepool add` takes `--node-osdisk-size`, `az aks nodepool update` does not.',
    source: 'https://learn.microsoft.com/en-us/cli/azure/aks/nodepool',
  },
  'agentPool.availabilityZones': {
    kind: 'rebuildsPool',
    summary: 'AKS rebuilds the pool',
    detail:
      "A node pool's availability zones cannot be changed after it is created: a new pool with the desired zones replaces it and the workloads move to it.",
    source: 'https://learn.microsoft.com/en-us/azure/aks/availability-zones',
  },
  'cluster.enablePrivateCluster': {
    kind: 'newCluster',
    summary: 'AKS refuses this change; create a new cluster',
    detail:
      'A Private Link cluster is private from its creation; switching an existing cluster between public and private is only possible with API Server VNet Integration, which this landing zone does not use.',
    source: 'https://learn.microsoft.com/en-us/azure/aks/private-clusters',
  },
  'cluster.networkPlugin': {
    kind: 'newCluster',
    summary: 'AKS refuses this change; create a new cluster',
    detail:
      'The only network plugin change AKS supports is the one-way migration of kubenet or Azure CNI (node subnet) clusters to Azure CNI Overlay; this cluster already uses Azure CNI Overlay.',
    source: 'https://learn.microsoft.com/en-us/azure/aks/upgrade-aks-ipam-and-dataplane',
  },
  'cluster.networkPluginMode': {
    kind: 'newCluster',
    summary: 'AKS refuses this change; create a new cluster',
    detail: 'Moving to Azure CNI Overlay is one-way: an Overlay cluster cannot go back to a node-subnet mode.',
    source: 'https://learn.microsoft.com/en-us/azure/aks/upgrade-aks-ipam-and-dataplane',
  },
  'cluster.podCidr': {
    kind: 'newCluster',
    summary: 'AKS refuses this change; create a new cluster',
    detail: 'With Azure CNI Overlay, pods take their addresses from the private CIDR given when the cluster is created; each node holds a /24 of it.',
    source: 'https://learn.microsoft.com/en-us/azure/aks/azure-cni-overlay',
  },
};

/** Agent pool properties as AKS names them; `zones` is what some modules call availabilityZones. */
const POOL_PROPERTIES: Readonly<Record<string, string>> = {
  vmSize: 'vmSize',
  osDiskType: 'osDiskType',
  osDiskSizeGB: 'osDiskSizeGB',
  availabilityZones: 'availabilityZones',
  zones: 'availabilityZones',
};
const CLUSTER_PROPERTIES = new Set(['enablePrivateCluster', 'networkPlugin', 'networkPluginMode', 'podCidr']);

/**
 * The AKS property behind a changed parameter field, as the diff names it: `agentPools[memory].vmSize`
 * and `primaryAgentPoolProfile.vmSize` are `agentPool.vmSize`; `podCidr` or `networkProfile.podCidr`
 * is `cluster.podCidr`. Undefined for anything else (the top-level `availabilityZones` places the
 * gateways and IPs; each pool states its own zones). Adapt here when parameters are renamed.
 */
export function aksPropertyOf(parameterPath: string): string | undefined {
  // Several parameter files prefix the path with the file (`main.bicepparam: podCidr`).
  const path = parameterPath.replace(/^.*\.bicepparam: /, '');
  const segments = path
    .replace(/\[[^\]]*\]/g, '')
    .split('.')
    .filter(Boolean);
  const [parameter, ...rest] = segments;
  const leaf = segments[segments.length - 1];
  if (!parameter || !leaf) return undefined;
  const isPool = /pool/i.test(parameter) && rest.length > 0;
  if (isPool && POOL_PROPERTIES[leaf]) return `agentPool.${POOL_PROPERTIES[leaf]}`;
  if (!isPool && CLUSTER_PROPERTIES.has(leaf)) return `cluster.${leaf}`;
  return undefined;
}

/** The impact of changing one parameter field, from the table; undefined when AKS applies it in place (or nobody knows better). */
export function changeImpactOf(parameterPath: string): ChangeImpact | undefined {
  const property = aksPropertyOf(parameterPath);
  return property ? AKS_CHANGE_IMPACT[property] : undefined;
}
