import { synthPlatformManifests, synthTeamManifests } from '@aks-hybrid/charts';
import { landingZoneTemplateFiles, renderLandingZone } from '@aks-hybrid/landing-zone';
import { renderSlaReport } from '@aks-hybrid/sla';
import type { ClusterSpec, Team } from '@aks-hybrid/spec';
import { FluxTreeLayout } from './flux-tree.js';
import { IN_MEMORY_TEXT_BYTES, RenderedFiles } from './rendered-files.js';
import { azureDir, azureTemplateDir, docsDir, generatedHeader } from './layout.js';

/**
 * Everything one cluster renders to, as repo-relative path -> content. Pure: the spec (and the fleet,
 * for the SLA's multi-region view) in, bytes out; nothing touches the disk.
 */
export function renderCluster(spec: ClusterSpec, fleet: readonly ClusterSpec[] = [spec], objectsOut?: Map<string, readonly unknown[]>): Map<string, string> {
  const files = renderClusterStreaming(spec, fleet, (objects) => {
    if (objectsOut) for (const [path, list] of objects) objectsOut.set(path, list);
  });
  return new Map(files);
}

/**
 * Receives the Kubernetes objects behind the rendered YAML while the render runs: the platform folders
 * first (`teams` empty), then the teams' folders a batch at a time, each file's objects by path. The
 * render keeps only the YAML, so a sink that checks a batch and lets it go keeps memory flat in the
 * number of teams (decision 0013).
 */
export type RenderedObjectsSink = (objects: ReadonlyMap<string, readonly unknown[]>, teams: readonly Team[]) => void;

/** Teams per batch handed to a sink: large enough that per-batch work is noise, small enough to stay a few MiB. */
export const TEAMS_PER_BATCH = 100;

/**
 * renderCluster, handing the objects to `sink` as they are rendered (the same bytes, whatever the batch
 * size). The files come back as RenderedFiles: text beyond `inMemoryBytes` waits in a temporary file, so
 * read them one at a time (as planWrite, applyPlan and the validator do) to keep memory flat.
 */
export function renderClusterStreaming(
  spec: ClusterSpec,
  fleet: readonly ClusterSpec[],
  sink: RenderedObjectsSink,
  teamsPerBatch: number = TEAMS_PER_BATCH,
  inMemoryBytes: number = IN_MEMORY_TEXT_BYTES,
): RenderedFiles {
  const layout = new FluxTreeLayout(spec.name, new RenderedFiles(inMemoryBytes));
  const platform = new Map<string, readonly unknown[]>();
  for (const unit of synthPlatformManifests(spec)) for (const [path, objects] of layout.add(unit)) platform.set(path, objects);
  sink(platform, []);
  for (let first = 0; first < spec.teams.length; first += teamsPerBatch) {
    const teams = spec.teams.slice(first, first + teamsPerBatch);
    const batch = new Map<string, readonly unknown[]>();
    for (const team of teams) for (const [path, objects] of layout.add(synthTeamManifests(spec, team))) batch.set(path, objects);
    sink(batch, teams);
  }
  const files = layout.finish();
  for (const [path, content] of renderLandingZone(spec)) {
    files.set(`${azureDir(spec.name)}/${path}`, withHeader(spec.name, path, content));
  }
  // The shared template: the same bytes from every cluster (its header names no cluster).
  for (const [path, content] of landingZoneTemplateFiles()) files.set(`${azureTemplateDir}/${path}`, content);
  files.set(...slaReportFile(spec, fleet));
  return files.sortByPath();
}

/** The SLA report alone, exactly as the full render writes it (for `kit sla`). */
export function slaReportFile(spec: ClusterSpec, fleet: readonly ClusterSpec[]): [string, string] {
  return [`${docsDir(spec.name)}/sla.md`, withHeader(spec.name, 'sla.md', renderSlaReport(spec, fleet))];
}

/** Marks generated text files in the comment syntax of their format; JSON has none and stays as is. */
function withHeader(cluster: string, path: string, content: string): string {
  if (path.endsWith('.bicep') || path.endsWith('.bicepparam')) return generatedHeader(cluster, '//') + content;
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return generatedHeader(cluster, '#') + content;
  if (path.endsWith('.md')) return `<!-- ${generatedHeader(cluster, '').trim()} -->\n` + content;
  return content;
}
