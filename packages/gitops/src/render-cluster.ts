import { synthClusterManifests } from '@aks-hybrid/charts';
import { landingZoneTemplateFiles, renderLandingZone } from '@aks-hybrid/landing-zone';
import { renderSlaReport } from '@aks-hybrid/sla';
import type { ClusterSpec } from '@aks-hybrid/spec';
import { layoutFluxTree } from './flux-tree.js';
import { azureDir, azureTemplateDir, docsDir, generatedHeader } from './layout.js';

/**
 * Everything one cluster renders to, as repo-relative path -> content. Pure: the spec (and the fleet,
 * for the SLA's multi-region view) in, bytes out; nothing touches the disk.
 */
export function renderCluster(spec: ClusterSpec, fleet: readonly ClusterSpec[] = [spec], objectsOut?: Map<string, readonly unknown[]>): Map<string, string> {
  const files = layoutFluxTree(spec.name, synthClusterManifests(spec), objectsOut);
  for (const [path, content] of renderLandingZone(spec)) {
    files.set(`${azureDir(spec.name)}/${path}`, withHeader(spec.name, path, content));
  }
  // The shared template: the same bytes from every cluster (its header names no cluster).
  for (const [path, content] of landingZoneTemplateFiles()) files.set(`${azureTemplateDir}/${path}`, content);
  files.set(...slaReportFile(spec, fleet));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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
