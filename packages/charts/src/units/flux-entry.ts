import type { ClusterSpec } from '@aks-hybrid/spec';
import { FluxKustomization } from '../constructs/flux-kustomization.js';
import { UnitBuilder, type ManifestUnit } from '../manifest.js';

/** Path of a folder of the cluster's Flux tree, as Flux sees it from the repository root. */
export function clusterPath(spec: ClusterSpec, dir: string): string {
  return `./gitops/clusters/${spec.name}/${dir}`;
}

/**
 * The entry folder, applied by the AKS fluxConfiguration `platform`: one Kustomization per folder.
 * Infrastructure (cluster baseline) first; Calico network sets and the ingress guard next (when the
 * cluster serves the Calico API); teams last, so no tenant workload starts before the baseline and
 * the policies that confine it exist.
 */
export function fluxEntryUnit(spec: ClusterSpec): ManifestUnit {
  const unit = new UnitBuilder('');
  composeFluxEntry(unit, spec);
  return unit.render();
}

/** Adds the charts of the folder to `unit`. */
export function composeFluxEntry(unit: UnitBuilder, spec: ClusterSpec): void {
  new FluxKustomization(unit.file('infrastructure.yaml'), 'Infrastructure', { name: 'infrastructure', path: clusterPath(spec, 'infrastructure') });
  const teamsDependOn = ['infrastructure'];
  if (spec.cluster.calicoApiPolicies) {
    new FluxKustomization(unit.file('calico.yaml'), 'Calico', { name: 'calico', path: clusterPath(spec, 'calico'), dependsOn: ['infrastructure'] });
    teamsDependOn.push('calico');
  }
  new FluxKustomization(unit.file('teams.yaml'), 'Teams', { name: 'teams', path: clusterPath(spec, 'teams'), dependsOn: teamsDependOn });
}
