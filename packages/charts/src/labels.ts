/** Label keys and values the kit puts on what it renders; policies and tests select by them. */
export const KIT_PREFIX = 'kit.aks-hybrid.dev';
export const TEAM_LABEL = `${KIT_PREFIX}/team`;
/** Marks every team namespace, so platform tooling can select all tenants at once. */
export const TENANT_LABEL = `${KIT_PREFIX}/tenant`;
/** On Calico GlobalNetworkSets: the set's name, which policies select. */
export const NETWORK_SET_LABEL = `${KIT_PREFIX}/network-set`;

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'aks-hybrid-kit';
export const APP_NAME_LABEL = 'app.kubernetes.io/name';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';

/** Set by the API server on every namespace (Kubernetes >= 1.22); NetworkPolicies select namespaces by it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
/** Calico's automatic namespace-name label, for Calico selectors. */
export const CALICO_NAMESPACE_NAME_LABEL = 'projectcalico.org/name';

export const managedBy = (): Record<string, string> => ({ [MANAGED_BY_LABEL]: MANAGED_BY });
