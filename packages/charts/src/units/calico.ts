import type { ClusterSpec } from '@aks-hybrid/spec';
import { IngressGuardPolicy } from '../constructs/ingress-guard-policy.js';
import { NetworkSet } from '../constructs/network-set.js';
import { clusterNetworks, networkSets } from '../network-model.js';
import { UnitBuilder, type ManifestUnit } from '../manifest.js';

/**
 * Calico folder (clusters with the Calico API only): the GlobalNetworkSets of the one network model
 * and the ingress guard that admits exactly those sets to the ingress path.
 */
export function calicoUnit(spec: ClusterSpec): ManifestUnit {
  const unit = new UnitBuilder('calico');
  composeCalico(unit, spec);
  return unit.render();
}

/** Adds the charts of the folder to `unit`. */
export function composeCalico(unit: UnitBuilder, spec: ClusterSpec): void {
  const sets = networkSets(spec);
  const setsChart = unit.file('network-sets.yaml');
  for (const set of sets) new NetworkSet(setsChart, set.name, set);
  new IngressGuardPolicy(unit.file('ingress-guard.yaml'), 'IngressGuard', {
    controllerNamespace: spec.ingress.controllerNamespace,
    admittedSets: sets.map((s) => s.name),
    clusterNetworks: clusterNetworks(spec),
  });
}
