import { stableJson } from '@aks-hybrid/spec';
import type { SlaModel } from './model.js';

/**
 * Stable JSON for pipelines (`--json`): keys sorted at every level, two-space indent, final newline.
 * Availabilities are exact decimal strings (`"0.99940005"`) next to their rounded-down percent.
 */
export function slaJson(model: SlaModel): string {
  return stableJson(model);
}

/** A few lines for the terminal: each path's figure, its monthly downtime and what dominates it. */
export function formatSlaSummary(model: SlaModel): string {
  const names = new Map(model.components.map((c) => [c.id, c.label]));
  const width = Math.max(...model.paths.map((p) => p.percent.length));
  const lines = [`${model.cluster} (${model.service}): composite SLA, rounded down`];
  for (const p of model.paths) {
    const dominant = p.dominant.componentIds.map((id) => names.get(id) ?? id).join(', ') || '—';
    lines.push(`  ${p.title.toLowerCase().padEnd(14)} ${p.percent.padStart(width)}  ≤ ${p.downtimePerMonth.text} down per month  dominant: ${dominant}`);
  }
  if (model.fleet) {
    for (const p of model.fleet.paths) lines.push(`  ${p.title.toLowerCase()} (${model.fleet.clusters.length} clusters): ${p.percent}`);
  }
  for (const best of model.bestChanges) {
    if (!best.changeId) continue;
    const change = model.changes.find((c) => c.id === best.changeId)!;
    const e = change.effects.find((x) => x.path === best.path)!;
    // A gain below the printed precision is not worth a design change; say nothing rather than "x -> x".
    if (e.beforePercent === e.afterPercent) continue;
    lines.push(`  best change for ${best.path}: ${change.title} (${e.beforePercent} -> ${e.afterPercent})`);
  }
  const lowering = model.findings.filter((f) => f.effect === 'lowers').map((f) => f.topic);
  if (lowering.length > 0) lines.push(`  spec choices lowering the figures: ${lowering.join(', ')}`);
  return lines.join('\n');
}
