import type { ClusterSpec } from '@aks-hybrid/spec';
import { AdmissionPolicies } from '../constructs/admission-policies.js';
import { IngressControllerGuard } from '../constructs/ingress-controller-guard.js';
import { NginxIngressControllers } from '../constructs/nginx-ingress-controllers.js';
import { PlatformAdminBinding } from '../constructs/platform-admin-binding.js';
import { admittedIngressCidrs, clusterNetworks } from '../network-model.js';
import { UnitBuilder, type ManifestUnit } from '../manifest.js';

/**
 * The cluster baseline: only what the spec states, and only APIs a stock AKS cluster serves. The
 * platform admin groups' cluster-wide binding, the admission policies of the policy gate, and the
 * ingress path: the app routing add-on's controllers (public on the fixed IP, internal on the ingress
 * subnet) and the Kubernetes NetworkPolicy that guards them. Controllers the cluster runs come from
 * AKS add-ons, not from this folder.
 */
export function infrastructureUnit(spec: ClusterSpec): ManifestUnit {
  const unit = new UnitBuilder('infrastructure');
  composeInfrastructure(unit, spec);
  return unit.render();
}

/** Adds the charts of the folder to `unit`. */
export function composeInfrastructure(unit: UnitBuilder, spec: ClusterSpec): void {
  new PlatformAdminBinding(unit.file('rbac.yaml'), 'PlatformAdmins', { groupObjectIds: spec.access.platformAdminGroupObjectIds });
  new AdmissionPolicies(unit.file('admission-policies.yaml'), 'AdmissionPolicies', { spec });
  const ingress = unit.file('ingress.yaml');
  new NginxIngressControllers(ingress, 'Controllers', {
    // The same names the landing zone gives the IP and the subnet (spec.names, one definition).
    ...(spec.ingress.publicIp ? { publicIp: { name: spec.names.ingressPublicIp, resourceGroup: spec.azure.resourceGroup } } : {}),
    internalSubnet: spec.names.ingressSubnet,
  });
  new IngressControllerGuard(ingress, 'Guard', {
    controllerNamespace: spec.ingress.controllerNamespace,
    admittedCidrs: admittedIngressCidrs(spec),
    clusterNetworks: clusterNetworks(spec),
  });
}
