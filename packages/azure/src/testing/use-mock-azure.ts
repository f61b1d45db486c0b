import type { ClusterSpec } from '@aks-hybrid/spec';
import { afterEach, beforeEach } from 'vitest';
import type { AzureOptions } from '../options.js';
import { seedFromSpec, startMockAzure, type ClusterRecord, type MockAzure } from './arm-mock-server.js';
import { exampleSpec } from './example-spec.js';
import { mockOptions } from './mock-options.js';

export interface UseMockAzureOptions {
  /** Put the example cluster (apps/weu-prod, see `exampleSpec`) into the mock before each test. Default true. */
  readonly seed?: boolean;
}

/** What a test reads from `useMockAzure()`: the current test's mock, spec and live cluster. */
export interface MockAzureFixture {
  /** The loopback ARM/Graph server of the current test (a new one per test). */
  readonly mock: MockAzure;
  /** A fresh copy of the example spec per test. */
  readonly spec: ClusterSpec;
  /** The cluster the mock holds for `spec`; throws when the mock was not seeded. */
  readonly live: ClusterRecord;
  /** Puts a cluster deployed from `spec` into the mock; it becomes `live`. */
  seed(spec: ClusterSpec): ClusterRecord;
  /** Options that point every call at the mock (see `mockOptions`). */
  options(overrides?: AzureOptions): AzureOptions;
}

/**
 * Starts a fresh mock Azure before each test of the calling file (or `describe`) and stops it after,
 * so no state or hanging answer leaks from one test to the next. Call it at the top level of a test
 * file; read the handles inside tests and hooks, never at collection time.
 */
export function useMockAzure(options: UseMockAzureOptions = {}): MockAzureFixture {
  let current: { mock: MockAzure; spec: ClusterSpec; live?: ClusterRecord } | undefined;
  const now = () => {
    if (!current) throw new Error('useMockAzure: the mock exists only while a test runs (read it inside it/beforeEach, not at collection time)');
    return current;
  };

  beforeEach(async () => {
    const mock = await startMockAzure();
    const spec = exampleSpec();
    current = { mock, spec, ...(options.seed === false ? {} : { live: seedFromSpec(mock, spec) }) };
  });
  afterEach(async () => {
    const stopping = current;
    current = undefined;
    await stopping?.mock.close();
  });

  return {
    get mock() {
      return now().mock;
    },
    get spec() {
      return now().spec;
    },
    get live() {
      const { live } = now();
      if (!live) throw new Error('useMockAzure: nothing seeded yet (seed: false); call seed(spec) first');
      return live;
    },
    seed(spec) {
      const state = now();
      state.live = seedFromSpec(state.mock, spec);
      return state.live;
    },
    options(overrides) {
      return mockOptions(now().mock, overrides);
    },
  };
}
