import { describe, expect, it } from 'vitest';
import { exitCodeFor, runPreflightCommand, runVerifyCommand } from './commands.js';
import { AzureCheckError, GroupLookupError } from './errors.js';
import { useMockAzure } from './testing/use-mock-azure.js';

const azure = useMockAzure();

describe('runVerifyCommand', () => {
  it('GIVEN a cluster in sync WHEN run THEN exit 0 and one line saying so', async () => {
    const result = await runVerifyCommand(azure.spec, azure.options());

    expect(result.exitCode).toBe(0);
    expect(result.output).toMatch(/^weu-prod is in sync: managed cluster aks-weu-prod .* matches the spec \(\d+ values checked\)\.$/);
  });

  it('GIVEN drift WHEN run THEN exit 1 and a table row per difference', async () => {
    azure.live.cluster.sku.tier = 'Free';

    const result = await runVerifyCommand(azure.spec, azure.options());

    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/^SCOPE\s+FIELD\s+SPEC\s+LIVE$/m);
    expect(result.output).toMatch(/^cluster\s+sku\.tier\s+Standard\s+Free$/m);
    expect(result.output).toContain('1 difference in');
  });

  it('GIVEN drift WHEN run with json THEN the JSON lists it and ends with a newline', async () => {
    azure.live.cluster.sku.tier = 'Free';

    const result = await runVerifyCommand(azure.spec, { ...azure.options(), json: true });

    expect(result.exitCode).toBe(1);
    expect(result.output.endsWith('}\n')).toBe(true);
    expect(JSON.parse(result.output)).toMatchObject({
      cluster: 'weu-prod',
      inSync: false,
      drift: [{ scope: 'cluster', field: 'sku.tier', kind: 'changed', spec: 'Standard', live: 'Free' }],
    });
  });

  it('GIVEN the check fails WHEN run THEN exit 2 with the error and the fix, as text or as JSON', async () => {
    azure.mock.fail('managedCluster', { kind: 'status', status: 403, code: 'AuthorizationFailed' }, 2);

    const text = await runVerifyCommand(azure.spec, azure.options());
    const json = await runVerifyCommand(azure.spec, { ...azure.options(), json: true });

    expect(text.exitCode).toBe(2);
    expect(text.output).toMatch(/^error: .*403 AuthorizationFailed.*\nfix: grant the identity `Reader`/);
    expect(json.exitCode).toBe(2);
    expect(JSON.parse(json.output)).toMatchObject({ error: { kind: 'forbidden', status: 403, code: 'AuthorizationFailed' } });
  });
});

describe('runPreflightCommand', () => {
  it('GIVEN everything is offered WHEN run THEN exit 0', async () => {
    const result = await runPreflightCommand(azure.spec, azure.options());

    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('Preflight passed for weu-prod in westeurope.');
  });

  it('GIVEN a size that is not offered WHEN run THEN exit 1 with what to do', async () => {
    azure.mock.skus = azure.mock.skus.filter((s) => s.name !== 'Standard_D8ds_v5');

    const result = await runPreflightCommand(azure.spec, azure.options());

    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/^FAIL\s+pool general\s+VM size Standard_D8ds_v5 is not offered in westeurope$/m);
    expect(result.output).toContain('What to do:');
  });

  it('GIVEN a size that is not offered WHEN run with json THEN the check carries status and fix', async () => {
    azure.mock.skus = azure.mock.skus.filter((s) => s.name !== 'Standard_D8ds_v5');

    const result = await runPreflightCommand(azure.spec, { ...azure.options(), json: true });

    const body = JSON.parse(result.output);
    expect(body.ok).toBe(false);
    expect(body.checks).toContainEqual(expect.objectContaining({ subject: 'pool general', status: 'error', fix: expect.stringContaining('az vm list-skus') }));
  });

  it('GIVEN ARM fails WHEN run THEN exit 2', async () => {
    azure.mock.fail('kubernetesVersions', { kind: 'status', status: 500, code: 'InternalServerError' }, Infinity);

    const result = await runPreflightCommand(azure.spec, azure.options());

    expect(result.exitCode).toBe(2);
    expect(result.output).toMatch(/^error: /);
  });
});

describe('exitCodeFor', () => {
  const report = { cluster: 'c', subscriptionId: 's', resourceGroup: 'r', clusterName: 'n', checked: 1, notes: [] };
  it.each<[string, unknown, number]>([
    ['a report in sync', { ...report, inSync: true, drift: [] }, 0],
    ['a report with drift', { ...report, inSync: false, drift: [{}] }, 1],
    ['a passed preflight', { cluster: 'c', subscriptionId: 's', location: 'l', ok: true, checks: [] }, 0],
    ['a failed preflight', { cluster: 'c', subscriptionId: 's', location: 'l', ok: false, checks: [] }, 1],
    ['an AzureCheckError', new AzureCheckError({ kind: 'timeout', message: 'm', fix: 'f' }), 2],
    ['a GroupLookupError', new GroupLookupError('unknown', 'x', []), 2],
    ['any other error', new Error('boom'), 2],
  ])('GIVEN %s THEN exit %i', (_name, value, code) => {
    expect(exitCodeFor(value)).toBe(code);
  });
});

describe('the default credential', () => {
  it('GIVEN AZURE_TOKEN_CREDENTIALS has a bad value WHEN verify runs without a credential THEN exit 2 with how to fix the variable, and nothing is sent', async () => {
    const { credential: _unused, ...withoutCredential } = azure.options();
    const previous = process.env.AZURE_TOKEN_CREDENTIALS;
    process.env.AZURE_TOKEN_CREDENTIALS = 'NoSuchCredential';
    try {
      const result = await runVerifyCommand(azure.spec, withoutCredential);

      expect(result.exitCode).toBe(2);
      expect(result.output).toContain('fix: set AZURE_TOKEN_CREDENTIALS to `prod`');
      expect(azure.mock.requests).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.AZURE_TOKEN_CREDENTIALS;
      else process.env.AZURE_TOKEN_CREDENTIALS = previous;
    }
  });
});
