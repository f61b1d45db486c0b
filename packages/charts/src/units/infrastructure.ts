import type { ClusterSpec } from '@aks-hybrid/spec';
import { AdmissionPolicies } from '../constructs/admission-policies.js';
import { PlatformAdminBinding } from '../constructs/platform-admin-binding.js';
import { UnitBuilder, type ManifestUnit } from '../manifest.js';

/**
 * The cluster baseline: only what the spec states. The platform admin groups' cluster-wide binding
 * and the admission policies of the policy gate; controllers the cluster runs come from AKS add-ons,
 * not from this folder.
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
}
