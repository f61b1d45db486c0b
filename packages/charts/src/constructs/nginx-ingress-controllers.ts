import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { NginxIngressController } from '../imports/approuting.kubernetes.azure.com.js';
import { managedBy } from '../labels.js';

/** IngressClass of the public controller: Ingresses that set it are served on the fixed public IP. */
export const PUBLIC_INGRESS_CLASS = 'nginx-public';
/** IngressClass of the internal controller: Ingresses that set it are served on the ingress subnet. */
export const INTERNAL_INGRESS_CLASS = 'nginx-internal';

// Service annotations of the Azure cloud provider, read by the app routing add-on from
// `loadBalancerAnnotations` (https://learn.microsoft.com/azure/aks/app-routing-nginx-configuration,
// "Create an NGINX ingress controller with a static IP address" and "... with a private IP address";
// https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/#loadbalancer-annotations).
export const AZURE_PIP_NAME = 'service.beta.kubernetes.io/azure-pip-name';
export const AZURE_LB_RESOURCE_GROUP = 'service.beta.kubernetes.io/azure-load-balancer-resource-group';
export const AZURE_LB_INTERNAL = 'service.beta.kubernetes.io/azure-load-balancer-internal';
export const AZURE_LB_INTERNAL_SUBNET = 'service.beta.kubernetes.io/azure-load-balancer-internal-subnet';

export interface NginxIngressControllersProps {
  /**
   * The fixed public ingress IP the landing zone creates, by name and resource group; omit for a
   * cluster without public ingress.
   */
  readonly publicIp?: { readonly name: string; readonly resourceGroup: string };
  /** Name of the VNet subnet the internal load balancer takes its frontend address from. */
  readonly internalSubnet: string;
}

/**
 * The application routing add-on's controllers, declared instead of its default one (the landing
 * zone sets `webAppRouting.nginx.defaultIngressControllerType: None`, so the add-on creates none with
 * a dynamic IP): `nginx-public`, bound to the fixed public IP the landing zone created (the cluster
 * identity holds Network Contributor on it, which the cloud provider needs to use an IP outside the
 * node resource group), and `nginx-internal`, an internal load balancer on the ingress subnet that the
 * NSG rules and on-premises routes assume. Both are cluster-scoped `approuting.kubernetes.azure.com/v1alpha1`
 * objects (CRD vendored in packages/validate/schemas/crds); the add-on runs their pods in
 * `app-routing-system`.
 */
export class NginxIngressControllers extends Construct {
  public readonly public?: ApiObject;
  public readonly internal: ApiObject;

  constructor(scope: Construct, id: string, props: NginxIngressControllersProps) {
    super(scope, id);
    const controller = (childId: string, name: string, loadBalancerAnnotations: Record<string, string>) =>
      createApiObject(NginxIngressController, this, childId, {
        metadata: { name, labels: managedBy() },
        spec: { ingressClassName: name, controllerNamePrefix: name, loadBalancerAnnotations },
      });
    if (props.publicIp) {
      this.public = controller('Public', PUBLIC_INGRESS_CLASS, {
        [AZURE_PIP_NAME]: props.publicIp.name,
        [AZURE_LB_RESOURCE_GROUP]: props.publicIp.resourceGroup,
      });
    }
    this.internal = controller('Internal', INTERNAL_INGRESS_CLASS, {
      [AZURE_LB_INTERNAL]: 'true',
      [AZURE_LB_INTERNAL_SUBNET]: props.internalSubnet,
    });
  }
}
