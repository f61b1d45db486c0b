import { fileURLToPath } from 'node:url';
import { fileSystemSource, loadCluster, type ClusterSpec } from '@aks-hybrid/spec';

/** The repository root: the example cluster lives in apps/weu-prod/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

let example: ClusterSpec | undefined;

/** The example cluster weu-prod, loaded and checked by the spec package. */
export function exampleSpec(): ClusterSpec {
  example ??= loadCluster(fileSystemSource(REPO_ROOT), 'weu-prod');
  return example;
}

export type Draft<T> = T extends ReadonlyArray<infer U> ? Array<Draft<U>> : T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T;

/** The example with some fields changed: a variation of the normalised model (defaults already applied). */
export function variant(edit: (spec: Draft<ClusterSpec>) => void): ClusterSpec {
  const draft = structuredClone(exampleSpec()) as Draft<ClusterSpec>;
  edit(draft);
  return draft as ClusterSpec;
}
