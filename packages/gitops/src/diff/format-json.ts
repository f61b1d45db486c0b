import { stableJson } from '@aks-hybrid/spec';
import type { ClusterDiff } from './types.js';

/** Version of the JSON shape below; raised when a field changes meaning or goes away. */
export const DIFF_JSON_VERSION = 1;

/**
 * Stable JSON for pipelines and bots: `{ version, clusters: ClusterDiff[] }`, keys sorted at every
 * level (the values read from YAML and Bicep included), two-space indent, final newline.
 */
export function diffJson(diffs: readonly ClusterDiff[]): string {
  return stableJson({ version: DIFF_JSON_VERSION, clusters: diffs });
}
