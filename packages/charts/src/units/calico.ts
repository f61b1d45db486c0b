import type { ClusterSpec } from '@aks-hybrid/spec';
import { CalicoApiServer } from '../constructs/calico-api-server.js';
import { IngressGuardPolicy } from '../constructs/ingress-guard-policy.js';
import { NetworkSet } from '../constructs/network-set.js';
import { clusterNetworks, networkSets } from '../network-model.js';
import { UnitBuilder, type ManifestUnit } from '../manifest.js';

/** Folder of the Calico API server request (clusters that opt into `calicoApiPolicies` only). */
export const CALICO_API_SERVER_DIR = 'calico-apiserver';
/** Folder of the projectcalico.org/v3 objects, applied only once that API is served. */
export const CALICO_DIR = 'calico';

/**
 * `calico-apiserver/`: the operator.tigera.io APIServer that makes AKS-managed Calico serve
 * projectcalico.org/v3. Only operator.tigera.io objects, which AKS-managed Calico always serves, so
 * this folder's dry run passes on a cluster that has no v3 API yet.
 */
export function calicoApiServerUnit(): ManifestUnit {
  const unit = new UnitBuilder(CALICO_API_SERVER_DIR);
  composeCalicoApiServer(unit);
  return unit.render();
}

export function composeCalicoApiServer(unit: UnitBuilder): void {
  new CalicoApiServer(unit.file('apiserver.yaml'), 'ApiServer');
}

/**
 * `calico/`: the GlobalNetworkSets of the one network model and the cluster-wide ingress guard.
 * Every projectcalico.org/v3 object the kit renders is here and nowhere else (never in team folders),
 * because this folder is applied only after Flux has seen the v3 APIService available.
 */
export function calicoUnit(spec: ClusterSpec): ManifestUnit {
  const unit = new UnitBuilder(CALICO_DIR);
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
