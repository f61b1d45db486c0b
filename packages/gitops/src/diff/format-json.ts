import type { ClusterDiff } from './types.js';

/** Version of the JSON shape below; raised when a field changes meaning or goes away. */
export const DIFF_JSON_VERSION = 1;

/**
 * Stable JSON for pipelines and bots: `{ version, clusters: ClusterDiff[] }`, keys sorted at every
 * level (the values read from YAML and Bicep included), two-space indent, final newline.
 */
export function diffJson(diffs: readonly ClusterDiff[]): string {
  return `${JSON.stringify(sortKeys({ version: DIFF_JSON_VERSION, clusters: diffs }), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
