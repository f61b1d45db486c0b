import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import {
  GlobalNetworkPolicy,
  GlobalNetworkPolicySpecIngressAction,
  GlobalNetworkPolicySpecIngressDestinationPorts,
  GlobalNetworkPolicySpecIngressProtocol,
  GlobalNetworkPolicySpecTypes,
} from '../imports/projectcalico.org.js';
import { CALICO_NAMESPACE_NAME_LABEL, managedBy, NETWORK_SET_LABEL } from '../labels.js';

export interface IngressGuardPolicyProps {
  /** Namespace of the ingress controller pods (the AKS application routing add-on's). */
  readonly controllerNamespace: string;
  /** Names of the GlobalNetworkSets whose sources may reach the ingress path. */
  readonly admittedSets: readonly string[];
  /** Source ranges that are inside the cluster (VNet, pods, services, Azure platform address). */
  readonly clusterNetworks: readonly string[];
  /**
   * Ports of the ingress controller pods that serve traffic.
   * @default [80, 443]
   */
  readonly ports?: readonly number[];
  /**
   * Calico policy order; lower runs first. Kubernetes NetworkPolicies run at 1000.
   * @default 100
   */
  readonly order?: number;
  /**
   * @default 'kit-ingress-guard'
   */
  readonly name?: string;
}

/**
 * Guards the ingress path: a GlobalNetworkPolicy (default tier) for inbound traffic to the pods of
 * the ingress controller namespace only, so kube-system, DNS, nodes and team pods are untouched.
 *
 * Rules, evaluated in order; the first match decides:
 * 1. Allow TCP 80/443 from the admitted GlobalNetworkSets (on-premises, each external range, the
 *    cluster's own egress prefix for hairpin calls). `namespaceSelector: global()` limits the rule
 *    selector to non-namespaced sets, so no pod label can widen it.
 * 2. Deny everything else whose source is outside the cluster networks (`notNets`): internet clients
 *    arriving through the public load balancer, and admitted sources on other ports.
 * 3. Pass what is left (sources inside the cluster: nodes, pods, internal probes) to the next tier;
 *    it ends at the namespace profile, which allows, i.e. as if this policy were absent. Pass and not
 *    "no match": a tier in which a policy selected the pod but none matched drops the packet.
 *    Consequence: Kubernetes NetworkPolicies in the controller namespace (default tier, order 1000)
 *    are not consulted for in-cluster sources; the kit renders none there.
 *
 * Order 100 puts the guard before every Kubernetes NetworkPolicy, so no namespaced policy can re-open
 * the path from outside. Source-IP rules need the client IP at the pod: the controller's LoadBalancer
 * Service must use `externalTrafficPolicy: Local` (the application routing default); with `Cluster`,
 * kube-proxy SNATs clients to node IPs, which rule 3 would pass.
 */
export class IngressGuardPolicy extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: IngressGuardPolicyProps) {
    super(scope, id);
    if (props.admittedSets.length === 0) throw new Error('IngressGuardPolicy needs at least one admitted network set');
    const ports = props.ports ?? [80, 443];
    const sets = props.admittedSets.map((s) => `'${s}'`).join(', ');
    this.resource = createApiObject(GlobalNetworkPolicy, this, 'Resource', {
      metadata: { name: props.name ?? 'kit-ingress-guard', labels: managedBy() },
      spec: {
        order: props.order ?? 100,
        namespaceSelector: `${CALICO_NAMESPACE_NAME_LABEL} == '${props.controllerNamespace}'`,
        selector: 'all()',
        types: [GlobalNetworkPolicySpecTypes.INGRESS],
        ingress: [
          {
            action: GlobalNetworkPolicySpecIngressAction.ALLOW,
            protocol: 'TCP',
            source: { namespaceSelector: 'global()', selector: `${NETWORK_SET_LABEL} in { ${sets} }` },
            destination: { ports: [...ports] },
          },
          { action: GlobalNetworkPolicySpecIngressAction.DENY, source: { notNets: [...props.clusterNetworks] } },
          { action: GlobalNetworkPolicySpecIngressAction.PASS },
        ],
      },
    });
  }
}
