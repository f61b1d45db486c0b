import { FLUX_NAMESPACE, type ClusterSpec } from '@aks-hybrid/spec';
import type { PolicyValues } from './types.js';

/*
 * FLUX_NAMESPACE (@aks-hybrid/spec): namespace of the Flux controllers and of the kit's fluxConfiguration.
 * The AKS Flux extension, with multi-tenancy enforced (its default), runs kustomize-controller with
 * `--default-service-account=flux-applier` and creates that ServiceAccount, bound to cluster-admin,
 * in the configuration's namespace: Flux applies the tree as
 * `system:serviceaccount:flux-system:flux-applier`
 * (https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2#multi-tenancy;
 * fluxcd/flux2#3182). Plain Flux applies as its `kustomize-controller` ServiceAccount.
 */
/** The identities that apply this repository's tree, and only those. */
export const FLUX_APPLIERS = [`system:serviceaccount:${FLUX_NAMESPACE}:flux-applier`, `system:serviceaccount:${FLUX_NAMESPACE}:kustomize-controller`] as const;

/** The spec values rules write into their CEL. Deterministic: spec order, no duplicates. */
export function policyValues(spec: ClusterSpec): PolicyValues {
  return {
    registries: [...new Set([spec.registry.loginServer, ...spec.images.allowedRegistries])],
    userPools: spec.cluster.userPools.map((p) => p.name),
    platformAdminGroups: [...spec.access.platformAdminGroupObjectIds],
    loadBalancerNamespaces: spec.teams.filter((t) => t.quota.loadBalancers > 0).map((t) => t.name),
    fluxAppliers: [...FLUX_APPLIERS],
    // Undefined lists mean none: a tenant source is then refused until the platform allows its host.
    tenantSources: {
      git: [...new Set(spec.tenantSources?.git ?? [])],
      oci: [...new Set(spec.tenantSources?.oci ?? [])],
      helm: [...new Set(spec.tenantSources?.helm ?? [])],
    },
  };
}
