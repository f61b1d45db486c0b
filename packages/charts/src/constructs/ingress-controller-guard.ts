import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { k8s } from 'cdk8s-plus-29';
import { createApiObject } from '../api-objects.js';
import { managedBy } from '../labels.js';

export interface IngressControllerGuardProps {
  /** Namespace of the ingress controller pods (the AKS application routing add-on's). */
  readonly controllerNamespace: string;
  /** Sources outside the cluster that may reach the controllers: on-premises, external ranges, the cluster's egress prefix. */
  readonly admittedCidrs: readonly string[];
  /** Source ranges inside the cluster (VNet, pods, services, Azure platform address). */
  readonly clusterNetworks: readonly string[];
  /**
   * Ports of the controller pods that serve traffic.
   * @default [80, 443]
   */
  readonly ports?: readonly number[];
}

/**
 * The ingress guard every cluster gets, with or without the Calico API: a Kubernetes NetworkPolicy
 * selecting every pod of the ingress controller namespace, inbound only. It admits TCP 80/443 from
 * the admitted ranges (the same one network model the Calico sets come from) and anything from
 * inside the cluster (nodes, pods, load balancer probes from 168.63.129.16, the API server reaching
 * the controllers' webhook through the nodes); every other source, the internet first, is dropped,
 * because a pod selected by a policy accepts only what some policy allows
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation).
 *
 * Works on AKS-managed Calico without its API server, which enforces Kubernetes NetworkPolicy only
 * (https://docs.tigera.io/calico/latest/getting-started/kubernetes/managed-public-cloud/aks). With the
 * Calico API, the GlobalNetworkPolicy `kit-ingress-guard` adds a deny no namespaced policy can undo.
 * Client IPs reach the pods because the controller Services keep `externalTrafficPolicy: Local`.
 */
export class IngressControllerGuard extends Construct {
  public readonly namespace: ApiObject;
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: IngressControllerGuardProps) {
    super(scope, id);
    if (props.admittedCidrs.length === 0) throw new Error('IngressControllerGuard needs at least one admitted range');
    const ports = props.ports ?? [80, 443];
    // The add-on owns the namespace. Declared here only so the policy's dry run never meets a missing
    // namespace (Flux applies Namespaces before the rest): created if absent, never updated or pruned
    // (https://fluxcd.io/flux/components/kustomize/kustomizations/#controlling-the-apply-behavior-of-resources).
    this.namespace = createApiObject(k8s.KubeNamespace, this, 'Namespace', {
      metadata: {
        name: props.controllerNamespace,
        annotations: { 'kustomize.toolkit.fluxcd.io/ssa': 'IfNotPresent', 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
      },
    });
    this.resource = createApiObject(k8s.KubeNetworkPolicy, this, 'Resource', {
      metadata: { name: 'kit-ingress-guard', namespace: props.controllerNamespace, labels: managedBy() },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: props.admittedCidrs.map((cidr) => ({ ipBlock: { cidr } })),
            ports: ports.map((port) => ({ protocol: 'TCP', port })),
          },
          { from: [{ namespaceSelector: {} }, ...props.clusterNetworks.map((cidr) => ({ ipBlock: { cidr } }))] },
        ],
      },
    });
  }
}
