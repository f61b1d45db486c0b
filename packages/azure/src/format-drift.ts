import type { DriftReport } from './drift-report.js';
import { textTable } from './text-table.js';

/** The drift table a person reads in a terminal or a pipeline log. */
export function formatDriftTable(report: DriftReport): string {
  const target = `managed cluster ${report.clusterName} (resource group ${report.resourceGroup}, subscription ${report.subscriptionId})`;
  const notes = report.notes.map((n) => `note: ${n}`);
  if (report.inSync) {
    return [`${report.cluster} is in sync: ${target} matches the spec (${report.checked} values checked).`, ...notes].join('\n');
  }
  const n = report.drift.length;
  return [
    `${report.cluster} has drifted: ${target}`,
    '',
    textTable(
      ['SCOPE', 'FIELD', 'SPEC', 'LIVE'],
      report.drift.map((d) => [d.scope, d.field, d.spec, d.live]),
    ),
    '',
    `${n} difference${n === 1 ? '' : 's'} in ${report.checked} values checked. Redeploy the landing zone to restore the spec, or change the spec to accept the live value.`,
    ...notes,
  ].join('\n');
}

/** Stable JSON (fixed key order, two-space indent, trailing newline) for pipelines. */
export function driftJson(report: DriftReport): string {
  const body = {
    cluster: report.cluster,
    resource: { subscriptionId: report.subscriptionId, resourceGroup: report.resourceGroup, name: report.clusterName },
    inSync: report.inSync,
    checked: report.checked,
    drift: report.drift.map((d) => ({ scope: d.scope, field: d.field, kind: d.kind, spec: d.spec, live: d.live })),
    notes: [...report.notes],
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
