import { loadCluster, listClusters, type ClusterSpec, type SpecSource } from '@aks-hybrid/spec';
import type { Finding } from '@aks-hybrid/policy';
import { ValidationSession } from '@aks-hybrid/validate';
import { renderClusterStreaming } from './render-cluster.js';

export interface RenderOutcome {
  readonly spec: ClusterSpec;
  /** Read them one at a time: a large render keeps most of its text in a temporary file (RenderedFiles). */
  readonly files: ReadonlyMap<string, string>;
  /** Schema, index, Bicep and policy findings over the rendered files. Empty means safe to write. */
  readonly findings: readonly Finding[];
}

/**
 * Load -> check -> render -> validate, all in memory: the one code path behind `render`, `--check`,
 * the team generator and the benchmark. Throws SpecError on a bad spec; returns findings otherwise.
 * The objects are checked a batch of teams at a time while the render runs and then let go, so only
 * the YAML is held for every team (decision 0013).
 */
export async function renderAndValidate(source: SpecSource, cluster: string): Promise<RenderOutcome> {
  const spec = loadCluster(source, cluster);
  const fleet = loadServiceFleet(source, spec);
  const validation = new ValidationSession(spec);
  const files = renderClusterStreaming(spec, fleet, (objects, teams) => validation.add(objects, teams));
  const { findings } = await validation.finish(files);
  return { spec, files, findings };
}

/**
 * The other clusters of the same service, for the SLA report's fleet view. A sibling whose spec is
 * broken is left out here: its own render reports the problem, and it must not block this cluster.
 */
export function loadServiceFleet(source: SpecSource, spec: ClusterSpec): ClusterSpec[] {
  return listClusters(source).flatMap((name) => {
    if (name === spec.name) return [spec];
    try {
      const other = loadCluster(source, name);
      return other.service === spec.service ? [other] : [];
    } catch {
      return [];
    }
  });
}
