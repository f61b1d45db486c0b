import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { verifyCluster } from '../verify.js';
import { useMockAzure } from './use-mock-azure.js';

/** Resolves with the status, or with the error code when nothing answers at `endpoint`. */
function probe(endpoint: string, agent: unknown): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${endpoint}/v1.0/groups`, { agent: agent as never, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.end();
  });
}

// The tests of this file run in order: the second checks what the first left behind.
describe('useMockAzure: one fresh mock per test, stopped after it', () => {
  const azure = useMockAzure();
  let previous: { endpoint: string; agent: unknown } | undefined;

  it('GIVEN the default WHEN a test runs THEN the mock holds the example cluster and the options reach it', async () => {
    previous = { endpoint: azure.mock.endpoint, agent: azure.mock.agent };

    const report = await verifyCluster(azure.spec, azure.options());

    expect(report.inSync).toBe(true);
    expect(azure.live.cluster.name).toBe(azure.spec.names.cluster);
    expect(azure.mock.requests.length).toBeGreaterThan(0);
    azure.mock.fail('managedCluster', { kind: 'status', status: 500, code: 'LeftOver' }, 5);
  });

  it('GIVEN a previous test WHEN the next one runs THEN the old server is closed and the new one starts clean', async () => {
    expect(previous).toBeDefined();
    expect(azure.mock.endpoint).not.toBe(previous!.endpoint);
    expect(await probe(previous!.endpoint, false)).toBe('ECONNREFUSED');
    expect(azure.mock.requests).toEqual([]);
    // The fault programmed in the previous test is gone with its server.
    expect((await verifyCluster(azure.spec, azure.options())).inSync).toBe(true);
  });

  it('GIVEN a test WHEN it re-seeds another spec THEN `live` is the new record', () => {
    const before = azure.live;
    const other = structuredClone(azure.spec);

    const record = azure.seed(other);

    expect(azure.live).toBe(record);
    expect(azure.live).not.toBe(before);
  });
});

describe('useMockAzure({ seed: false })', () => {
  const azure = useMockAzure({ seed: false });

  it('GIVEN no seed WHEN the cluster is read THEN the mock knows no subscription, and `live` says to seed first', async () => {
    const error = await verifyCluster(azure.spec, azure.options()).catch((e: unknown) => e);

    expect(String(error)).toMatch(/subscription/i);
    expect(() => azure.live).toThrow(/seed\(spec\) first/);
  });
});

describe('useMockAzure outside a test', () => {
  const azure = useMockAzure();
  const readAtCollection = (() => {
    try {
      return azure.mock.endpoint;
    } catch (e) {
      return (e as Error).message;
    }
  })();

  it('GIVEN a read at collection time THEN it is refused with what to do instead', () => {
    expect(readAtCollection).toMatch(/only while a test runs/);
  });
});
