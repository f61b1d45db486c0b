import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { GlobalNetworkSet } from '../imports/projectcalico.org.js';
import { managedBy, NETWORK_SET_LABEL } from '../labels.js';

export interface NetworkSetProps {
  /** Set name; also the value of the `kit.aks-hybrid.dev/network-set` label that policies select. */
  readonly name: string;
  /** CIDRs of the set. */
  readonly cidrs: readonly string[];
  /**
   * Why the set exists, kept as an annotation for whoever reads the cluster.
   * @default - no annotation
   */
  readonly description?: string;
}

/**
 * A Calico GlobalNetworkSet (cluster-scoped) labelled `kit.aks-hybrid.dev/network-set: <name>`.
 * Policies select it by that label: GlobalNetworkPolicies directly, namespaced NetworkPolicies with
 * `namespaceSelector: global()`.
 */
export class NetworkSet extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: NetworkSetProps) {
    super(scope, id);
    if (props.cidrs.length === 0) throw new Error(`network set "${props.name}" has no CIDRs`);
    this.resource = createApiObject(GlobalNetworkSet, this, 'Resource', {
      metadata: {
        name: props.name,
        labels: { ...managedBy(), [NETWORK_SET_LABEL]: props.name },
        ...(props.description ? { annotations: { 'kit.aks-hybrid.dev/description': props.description } } : {}),
      },
      spec: { nets: [...props.cidrs] },
    });
  }
}
