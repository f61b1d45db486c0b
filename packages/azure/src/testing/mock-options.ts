import type { AzureOptions } from '../options.js';
import type { MockAzure } from './arm-mock-server.js';
import { FakeTokenCredential } from './test-credential.js';

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
