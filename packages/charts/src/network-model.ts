import type { ClusterSpec, EgressRule, Team } from '@aks-hybrid/spec';

/**
 * One model of the networks outside the cluster, read by both renderings of team egress (Calico sets
 * or Kubernetes ipBlocks) and by the Calico folder. The on-premises set is `spec.onPremises.ranges`:
 * the very list the VNet routes to over ExpressRoute and VPN.
 */
export const ON_PREMISES_SET = 'on-premises';
export const CLUSTER_EGRESS_SET = 'cluster-egress';
export const externalSetName = (range: string): string => `external-${range}`;

export interface NetworkSetModel {
  readonly name: string;
  readonly description: string;
  readonly cidrs: readonly string[];
}

/** Every set the Calico folder renders, in a stable order: on-premises, the external ranges, cluster egress. */
export function networkSets(spec: ClusterSpec): NetworkSetModel[] {
  const sets: NetworkSetModel[] = [
    { name: ON_PREMISES_SET, description: 'On-premises ranges routed over ExpressRoute (VPN as failover)', cidrs: spec.onPremises.ranges },
  ];
  for (const range of spec.externalRanges) sets.push({ name: externalSetName(range.name), description: range.description, cidrs: range.cidrs });
  if (spec.egress.allocatedPrefix) {
    sets.push({
      name: CLUSTER_EGRESS_SET,
      description: 'Public prefix of the cluster NAT gateway (hairpin traffic to the public ingress)',
      cidrs: [spec.egress.allocatedPrefix],
    });
  }
  return sets;
}

/** Every address the ingress path admits from outside the cluster: the CIDRs of all the sets, in their order. */
export function admittedIngressCidrs(spec: ClusterSpec): string[] {
  return networkSets(spec).flatMap((set) => set.cidrs);
}

/** Where one egress rule may go: a named set (with the CIDRs it stands for) or literal CIDRs. */
export type EgressDestination =
  | { readonly kind: 'network-set'; readonly set: string; readonly cidrs: readonly string[] }
  | { readonly kind: 'cidrs'; readonly cidrs: readonly string[] };

export interface EgressIntent {
  readonly name: string;
  readonly destination: EgressDestination;
  /** TCP ports. */
  readonly ports: readonly number[];
}

export function egressIntent(spec: ClusterSpec, rule: EgressRule): EgressIntent {
  return { name: rule.name, destination: egressDestination(spec, rule), ports: rule.ports };
}

export function egressIntents(spec: ClusterSpec, team: Team): EgressIntent[] {
  const seen = new Set<string>();
  for (const rule of team.egress) {
    // Each rule becomes a policy named after it; two rules of one name would collide.
    if (seen.has(rule.name)) throw new Error(`${team.file}: egress rule "${rule.name}" is defined twice; give each rule of team ${team.name} its own name`);
    seen.add(rule.name);
  }
  return team.egress.map((rule) => egressIntent(spec, rule));
}

function egressDestination(spec: ClusterSpec, rule: EgressRule): EgressDestination {
  if (rule.onPremises) return { kind: 'network-set', set: ON_PREMISES_SET, cidrs: spec.onPremises.ranges };
  if (rule.externalRange !== undefined) {
    const range = spec.externalRanges.find((r) => r.name === rule.externalRange);
    if (!range) throw new Error(`egress rule "${rule.name}" names external range "${rule.externalRange}", which cluster ${spec.name} does not define`);
    return { kind: 'network-set', set: externalSetName(range.name), cidrs: range.cidrs };
  }
  return { kind: 'cidrs', cidrs: rule.cidrs };
}

/**
 * Sources that count as "inside the cluster" for the ingress guard: the VNet (nodes, internal load
 * balancer frontends, private endpoints), the pod and service ranges, and Azure's platform address
 * 168.63.129.16 (load balancer health probes).
 */
export const AZURE_PLATFORM_ADDRESS = '168.63.129.16/32';

export function clusterNetworks(spec: ClusterSpec): string[] {
  return [...spec.network.addressSpace, spec.network.podCidr, spec.network.serviceCidr, AZURE_PLATFORM_ADDRESS];
}
