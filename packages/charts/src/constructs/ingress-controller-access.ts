import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { APP_NAME_LABEL, managedBy, NAMESPACE_NAME_LABEL } from '../labels.js';

export interface IngressControllerAccessProps {
  readonly namespace: string;
  /** Workload whose pods (selected by `app.kubernetes.io/name`) the ingress controller may reach. */
  readonly workload: string;
  /** Container port of the workload. */
  readonly port: number;
  /** Namespace of the ingress controller. */
  readonly controllerNamespace: string;
}

/** Lets the ingress controller reach one workload, on its container port only. */
export class IngressControllerAccess extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: IngressControllerAccessProps) {
    super(scope, id);
    this.resource = createApiObject(k8s.KubeNetworkPolicy, this, 'Resource', {
      metadata: { name: `allow-ingress-${props.workload}`, namespace: props.namespace, labels: managedBy() },
      spec: {
        podSelector: { matchLabels: { [APP_NAME_LABEL]: props.workload } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: props.controllerNamespace } } }],
            ports: [{ protocol: 'TCP', port: props.port }],
          },
        ],
      },
    });
  }
}
