import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { SpecError, type SpecIssue } from '../errors.js';
import { loadCluster } from '../load/load-cluster.js';
import { fileSystemSource, memorySource, type SpecSource } from '../load/source.js';

/** The repository root, for tests that read the bundled example cluster. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const EXAMPLE_CLUSTER = 'weu-prod';

/**
 * The example repository with some spec files edited in memory: `edits` maps a repo-relative file
 * to field edits (path -> new value, `undefined` deletes the field) or to raw content.
 */
export function exampleWith(edits: Record<string, Array<[Array<string | number>, unknown]> | string | undefined> = {}): SpecSource {
  const base = fileSystemSource(REPO_ROOT);
  const overrides = new Map<string, string | undefined>();
  for (const [file, edit] of Object.entries(edits)) {
    if (edit === undefined || typeof edit === 'string') {
      overrides.set(file, edit);
      continue;
    }
    const doc = parseDocument(base.read(file) ?? '');
    for (const [path, value] of edit) {
      if (value === undefined) doc.deleteIn(path);
      else doc.setIn(path, value);
    }
    overrides.set(file, doc.toString());
  }
  return memorySource(overrides, base);
}

/** What loading the example with these edits reports: its issues, or none when it loads. */
export function issuesOfExampleWith(edits: Parameters<typeof exampleWith>[0] = {}): readonly SpecIssue[] {
  try {
    loadCluster(exampleWith(edits), EXAMPLE_CLUSTER);
    return [];
  } catch (error) {
    if (error instanceof SpecError) return error.issues;
    throw error;
  }
}
