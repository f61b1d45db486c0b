import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { NetworkPolicy as CalicoNetworkPolicy, NetworkPolicySpecEgressAction, NetworkPolicySpecTypes } from '../imports/projectcalico.org.js';
import { managedBy, NETWORK_SET_LABEL } from '../labels.js';
import type { EgressIntent } from '../network-model.js';

export type EgressRendering = 'calico' | 'kubernetes';

export interface EgressPolicyProps {
  readonly namespace: string;
  /** What the team may reach, from the one network model. */
  readonly intent: EgressIntent;
  /**
   * `calico` selects the shared GlobalNetworkSet (or `nets` for literal CIDRs) in a Calico
   * NetworkPolicy; `kubernetes` expands the same destinations into `ipBlock`s.
   */
  readonly rendering: EgressRendering;
  /**
   * Calico policy order (ignored for the Kubernetes rendering). Kubernetes NetworkPolicies run at 1000.
   * @default 500
   */
  readonly order?: number;
}

/**
 * One allowed egress destination of a team namespace, for every pod in it, TCP on the rule's ports.
 * Both renderings allow the same addresses: the Calico one by reference to the set (a change of the
 * on-premises ranges updates one GlobalNetworkSet, not every team), the Kubernetes one by value.
 */
export class EgressPolicy extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: EgressPolicyProps) {
    super(scope, id);
    const { intent } = props;
    if (intent.ports.length === 0) throw new Error(`egress rule "${intent.name}" has no ports`);
    const metadata = { name: `allow-egress-${intent.name}`, namespace: props.namespace, labels: managedBy() };

    if (props.rendering === 'calico') {
      const destination = intent.destination;
      this.resource = createApiObject(CalicoNetworkPolicy, this, 'Resource', {
        metadata,
        spec: {
          order: props.order ?? 500,
          selector: 'all()',
          types: [NetworkPolicySpecTypes.EGRESS],
          egress: [
            {
              action: NetworkPolicySpecEgressAction.ALLOW,
              protocol: 'TCP',
              destination: {
                ...(destination.kind === 'network-set'
                  ? { namespaceSelector: 'global()', selector: `${NETWORK_SET_LABEL} == '${destination.set}'` }
                  : { nets: [...destination.cidrs] }),
                ports: [...intent.ports],
              },
            },
          ],
        },
      });
    } else {
      this.resource = createApiObject(k8s.KubeNetworkPolicy, this, 'Resource', {
        metadata,
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [
            {
              to: intent.destination.cidrs.map((cidr) => ({ ipBlock: { cidr } })),
              ports: intent.ports.map((p) => ({ protocol: 'TCP', port: p })),
            },
          ],
        },
      });
    }
  }
}
