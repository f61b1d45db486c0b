import type { ClusterSpec } from '@aks-hybrid/spec';

/**
 * Name of the AKS Flux configuration, and so of the GitRepository source it creates in
 * {@link FLUX_NAMESPACE}; the entry folder's Kustomizations reference it (docs/decisions/0006).
 */
export const FLUX_CONFIGURATION_NAME = 'platform';
// Namespace of the configuration, its source and every Kustomization (lockdown: one namespace).
export { FLUX_NAMESPACE } from '@aks-hybrid/spec';

export interface FluxKustomization {
  readonly name: string;
  /** Repository path, from the root (`./gitops/clusters/<cluster>`). */
  readonly path: string;
  readonly dependsOn: readonly string[];
  readonly prune: boolean;
  /** Ready only when what it applied is healthy. */
  readonly wait: boolean;
}

/**
 * The Kustomizations of the cluster's Flux configuration: one, for the entry folder. The entry
 * folder holds the Flux Kustomizations of infrastructure, Calico and teams, chained there with
 * dependsOn, so the order is reviewed with the manifests (docs/decisions/0006). `wait` stays off:
 * each step reports its own health, and the entry must not time out while a slow step settles.
 */
export function fluxKustomizations(spec: ClusterSpec): FluxKustomization[] {
  return [{ name: 'cluster', path: `./gitops/clusters/${spec.name}`, dependsOn: [], prune: true, wait: false }];
}
