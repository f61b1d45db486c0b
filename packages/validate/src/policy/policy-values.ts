import type { ClusterSpec } from '@aks-hybrid/spec';
import type { PolicyValues } from './types.js';

/**
 * Namespace of the Flux controllers. The AKS Flux extension applies as its `flux-applier`
 * ServiceAccount there (multi-tenancy lockdown), plain Flux as `kustomize-controller`: both are in
 * the group `system:serviceaccounts:flux-system`.
 */
export const FLUX_NAMESPACE = 'flux-system';

/** The spec values rules write into their CEL. Deterministic: spec order, no duplicates. */
export function policyValues(spec: ClusterSpec): PolicyValues {
  return {
    registries: [...new Set([spec.registry.loginServer, ...spec.images.allowedRegistries])],
    userPools: spec.cluster.userPools.map((p) => p.name),
    platformAdminGroups: [...spec.access.platformAdminGroupObjectIds],
    loadBalancerNamespaces: spec.teams.filter((t) => t.quota.loadBalancers > 0).map((t) => t.name),
    fluxGroup: `system:serviceaccounts:${FLUX_NAMESPACE}`,
  };
}
