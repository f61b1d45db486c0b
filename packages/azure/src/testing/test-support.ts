import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSystemSource, loadCluster, type ClusterSpec } from '@aks-hybrid/spec';
import type { AzureOptions } from '../options.js';
import type { MockAzure } from './arm-mock-server.js';
import { FakeTokenCredential } from './test-credential.js';

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

/** Options that point every call at the mock, with fast, small retry bounds. */
export function mockOptions(mock: MockAzure, overrides: AzureOptions = {}): AzureOptions {
  return {
    credential: new FakeTokenCredential(),
    armEndpoint: mock.endpoint,
    graphEndpoint: mock.endpoint,
    agent: mock.agent,
    retry: { maxRetries: 2, retryDelayMs: 5, maxRetryDelayMs: 20, maxRetryAfterMs: 2_000 },
    timeoutMs: 500,
    ...overrides,
  };
}
