/** Label keys and values the kit puts on what it renders; policies and tests select by them. */
import { KIT_LABEL_PREFIX, MANAGED_BY, MANAGED_BY_LABEL } from '@aks-hybrid/spec';

// Shared with the checkers and the diff, so defined once in @aks-hybrid/spec.
export { TENANT_LABEL, MANAGED_BY_LABEL, MANAGED_BY } from '@aks-hybrid/spec';
export const KIT_PREFIX = KIT_LABEL_PREFIX;
export const TEAM_LABEL = `${KIT_PREFIX}/team`;
/** On Calico GlobalNetworkSets: the set's name, which policies select. */
export const NETWORK_SET_LABEL = `${KIT_PREFIX}/network-set`;

export const APP_NAME_LABEL = 'app.kubernetes.io/name';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';

/** Set by the API server on every namespace (Kubernetes >= 1.22); NetworkPolicies select namespaces by it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
/** Calico's automatic namespace-name label, for Calico selectors. */
export const CALICO_NAMESPACE_NAME_LABEL = 'projectcalico.org/name';

export const managedBy = (): Record<string, string> => ({ [MANAGED_BY_LABEL]: MANAGED_BY });
