import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSystemSource, loadCluster, type ClusterSpec } from '@aks-hybrid/spec';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Kubernetes version of the region the fixtures describe (`kubernetesVersionsJson`: its default). */
export const FIXTURE_KUBERNETES_VERSION = '1.33';

/**
 * The example cluster of the repository, apps/weu-prod, on the fixtures' Kubernetes version: the
 * example follows AKS's calendar, the fixtures stay fixed, and version cases set their own version.
 */
export function exampleSpec(): ClusterSpec {
  const spec = loadCluster(fileSystemSource(repoRoot), 'weu-prod');
  return { ...spec, cluster: { ...spec.cluster, kubernetesVersion: FIXTURE_KUBERNETES_VERSION } };
}

/** A deep, writable copy for tests that change the spec. */
export function mutableSpec(spec: ClusterSpec): any {
  return structuredClone(spec);
}
