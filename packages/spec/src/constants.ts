/**
 * Names and values that several packages must agree on (the renderers write them, the checkers and the
 * diff select by them): one home here, at the bottom of the dependency graph, so they cannot drift apart.
 */

/**
 * Namespace of the AKS Flux extension, of the kit's fluxConfiguration, of the GitRepository it creates and of
 * every Kustomization (lockdown: one namespace). With multi-tenancy enforced (the extension's default),
 * kustomize-controller applies the tree as `system:serviceaccount:flux-system:flux-applier`
 * (https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2#multi-tenancy; fluxcd/flux2#3182).
 */
export const FLUX_NAMESPACE = 'flux-system';

/** Prefix of the kit's own label keys. */
export const KIT_LABEL_PREFIX = 'kit.aks-hybrid.dev';
/** Marks every team namespace (value `"true"`), so tenant policies and platform tooling select all tenants at once. */
export const TENANT_LABEL = `${KIT_LABEL_PREFIX}/tenant`;

/** Recommended label naming the tool that manages an object (https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/). */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** The value of {@link MANAGED_BY_LABEL} on everything the kit renders. */
export const MANAGED_BY = 'aks-hybrid-kit';

/**
 * ServiceAccount in every team namespace that delivers the team's own sources: tenant Flux Kustomizations
 * and HelmReleases name it in `serviceAccountName`, so kustomize-/helm-controller impersonate it and can do
 * no more than the team's Role allows (https://fluxcd.io/flux/installation/configuration/multitenancy/).
 */
export const TENANT_RECONCILER_SERVICE_ACCOUNT = 'flux-reconciler';
