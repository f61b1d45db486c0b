import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { GlobalNetworkPolicy, GlobalNetworkPolicySpecIngressAction, GlobalNetworkPolicySpecTypes } from '../imports/projectcalico.org.js';
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
   * Calico policy order; lower runs first. Kubernetes NetworkPolicies run at 1000 in the same tier.
   * @default 100
   */
  readonly order?: number;
  /**
   * @default 'kit-ingress-guard'
   */
  readonly name?: string;
}

/**
 * The cluster-wide half of the ingress guard (clusters with the Calico API server only): a
 * GlobalNetworkPolicy in the default tier for inbound traffic to the pods of the ingress controller
 * namespace. Its companion is the Kubernetes NetworkPolicy `IngressControllerGuard` in that namespace,
 * rendered in every mode; this policy makes its outside-world half impossible to widen.
 *
 * Rules, evaluated in order; the first match decides:
 * 1. Allow TCP 80/443 from the admitted GlobalNetworkSets (on-premises, each external range, the
 *    cluster's own egress prefix for hairpin calls): what the Kubernetes guard allows them too.
 *    `namespaceSelector: global()` limits the selector to non-namespaced sets, so no pod label can widen it.
 * 2. Deny everything else whose source is outside the cluster networks (`notNets`): internet clients
 *    arriving through the public load balancer, and admitted sources on other ports.
 * No third rule, in particular no `Pass`: a Pass in the default tier jumps to the next tier and so
 * skips every Kubernetes NetworkPolicy ordered after it (https://docs.tigera.io/calico/latest/reference/resources/tier,
 * "How policy is evaluated"). Sources inside the cluster match no rule here, so evaluation goes on to
 * the next policy of the tier: the Kubernetes guard at order 1000, which allows them; without it the
 * tier would drop them ("If the Tier applies to the endpoint, but takes no action on the packet the
 * packet is dropped"), which is why the two are rendered together. A dedicated tier ordered first
 * would need the projectcalico.org/v3 Tier kind, whose CRD the kit does not vendor (docs/decisions/0203).
 *
 * Order 100 puts the deny before every Kubernetes NetworkPolicy, so no namespaced policy can re-open
 * the path from outside. Source-IP rules need the client IP at the pod: the controller's LoadBalancer
 * Service must use `externalTrafficPolicy: Local` (the application routing default); with `Cluster`,
 * kube-proxy SNATs clients to node IPs, which count as inside the cluster.
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
        ],
      },
    });
  }
}
