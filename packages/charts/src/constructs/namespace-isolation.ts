import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { managedBy, NAMESPACE_NAME_LABEL } from '../labels.js';

export interface NamespaceIsolationProps {
  readonly namespace: string;
  /**
   * Namespace of the cluster DNS.
   * @default 'kube-system'
   */
  readonly dnsNamespace?: string;
  /**
   * Labels of the cluster DNS pods (CoreDNS on AKS).
   * @default { 'k8s-app': 'kube-dns' }
   */
  readonly dnsPodLabels?: Readonly<Record<string, string>>;
}

/**
 * The baseline NetworkPolicies of a team namespace: deny all ingress and egress, then allow traffic
 * within the namespace and DNS lookups to CoreDNS (UDP and TCP 53: large answers fall back to TCP).
 * Kubernetes NetworkPolicies are additive, so later allows (ingress controller, egress rules) open
 * exactly what they name. Traffic from the node to its pods (kubelet probes) is always allowed.
 */
export class NamespaceIsolation extends Construct {
  public readonly defaultDeny: ApiObject;
  public readonly sameNamespace: ApiObject;
  public readonly dns: ApiObject;

  constructor(scope: Construct, id: string, props: NamespaceIsolationProps) {
    super(scope, id);
    const metadata = (name: string) => ({ name, namespace: props.namespace, labels: managedBy() });

    this.defaultDeny = createApiObject(k8s.KubeNetworkPolicy, this, 'DefaultDeny', {
      metadata: metadata('default-deny'),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    this.sameNamespace = createApiObject(k8s.KubeNetworkPolicy, this, 'SameNamespace', {
      metadata: metadata('allow-same-namespace'),
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
      },
    });
    this.dns = createApiObject(k8s.KubeNetworkPolicy, this, 'Dns', {
      metadata: metadata('allow-dns'),
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: props.dnsNamespace ?? 'kube-system' } },
                podSelector: { matchLabels: { ...(props.dnsPodLabels ?? { 'k8s-app': 'kube-dns' }) } },
              },
            ],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    });
  }
}
