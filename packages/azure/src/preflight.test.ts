import { describe, expect, it } from 'vitest';
import type { ClusterSpec } from '@aks-hybrid/spec';
import { AzureCheckError } from './errors.js';
import { runPreflight } from './preflight.js';
import type { PreflightCheck } from './preflight-report.js';
import { resourceSkuJson } from './testing/arm-fixtures.js';
import { mutableSpec } from './testing/example-spec.js';
import { useMockAzure } from './testing/use-mock-azure.js';

const azure = useMockAzure();

const problems = (checks: readonly PreflightCheck[]) => checks.filter((c) => c.status !== 'ok');
const sku = (name: string) => azure.mock.skus.find((s) => s.name === name)!;

describe('runPreflight: the example spec in its region', () => {
  it('GIVEN the version and all sizes are offered WHEN running preflight THEN it passes with one result per pool', async () => {
    const report = await runPreflight(azure.spec, azure.options());

    expect(problems(report.checks)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.subject)).toEqual(['kubernetes', 'pool system', 'pool general', 'pool memory', 'pool storage']);
  });

  it('GIVEN the mock WHEN running preflight THEN versions come from the AKS SDK and sizes from Compute skus filtered to the region, all pages', async () => {
    await runPreflight(azure.spec, azure.options());

    const versions = azure.mock.requests.filter((r) => r.route === 'kubernetesVersions');
    const skus = azure.mock.requests.filter((r) => r.route === 'skus');
    expect(versions.map((r) => r.path)).toEqual([
      `/subscriptions/${azure.spec.azure.subscriptionId}/providers/Microsoft.ContainerService/locations/westeurope/kubernetesVersions`,
    ]);
    expect(skus[0]!.query).toMatchObject({ 'api-version': '2021-07-01', $filter: "location eq 'westeurope'" });
    expect(skus.length).toBeGreaterThan(1); // 6 entries in the region, 2 per page
  });
});

describe('runPreflight: Kubernetes version', () => {
  const withVersion = (version: string, tier?: string) => {
    const s = mutableSpec(azure.spec);
    s.cluster.kubernetesVersion = version;
    if (tier) s.cluster.tier = tier;
    return s as ClusterSpec;
  };

  it('GIVEN a version the region does not offer WHEN running preflight THEN it fails and lists the offered versions', async () => {
    const report = await runPreflight(withVersion('1.29'), azure.options());

    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ subject: 'kubernetes', status: 'error', message: 'Kubernetes 1.29 is not offered in westeurope' });
    expect(report.checks[0]!.fix).toContain('1.33 (default)');
    expect(report.checks[0]!.fix).toContain('cluster.kubernetesVersion in apps/weu-prod/platform.yaml');
  });

  it('GIVEN a pinned patch that is offered WHEN running preflight THEN it passes', async () => {
    const report = await runPreflight(withVersion('1.33.2'), azure.options());
    expect(report.checks[0]!.status).toBe('ok');
  });

  it('GIVEN a pinned patch that is not offered WHEN running preflight THEN it fails and lists the offered patches', async () => {
    const report = await runPreflight(withVersion('1.33.9'), azure.options());

    expect(report.checks[0]).toMatchObject({ status: 'error', message: 'Kubernetes 1.33.9 is not offered in westeurope' });
    expect(report.checks[0]!.fix).toContain('1.33.2, 1.33.3');
  });

  it('GIVEN a version offered only with Long-Term Support WHEN the tier is Standard THEN it fails; WHEN Premium THEN it passes', async () => {
    const standard = await runPreflight(withVersion('1.30'), azure.options());
    const premium = await runPreflight(withVersion('1.30', 'Premium'), azure.options());

    expect(standard.checks[0]).toMatchObject({ status: 'error' });
    expect(standard.checks[0]!.message).toContain('Premium tier');
    expect(premium.checks[0]!.status).toBe('ok');
  });

  it('GIVEN a preview version WHEN running preflight THEN it warns but passes', async () => {
    const report = await runPreflight(withVersion('1.34'), azure.options());

    expect(report.checks[0]).toMatchObject({ status: 'warning' });
    expect(report.ok).toBe(true);
  });
});

describe('runPreflight: VM sizes', () => {
  it('GIVEN a pool size the region does not offer WHEN running preflight THEN that pool fails', async () => {
    azure.mock.skus = azure.mock.skus.filter((s) => s.name !== 'Standard_E16ds_v5');

    const report = await runPreflight(azure.spec, azure.options());

    expect(problems(report.checks)).toEqual([
      expect.objectContaining({ subject: 'pool memory', status: 'error', message: 'VM size Standard_E16ds_v5 is not offered in westeurope' }),
    ]);
  });

  it('GIVEN a size offered only in another region WHEN running preflight THEN it is not offered here', async () => {
    azure.mock.skus = azure.mock.skus.map((s) => (s.name === 'Standard_E16ds_v5' ? resourceSkuJson('Standard_E16ds_v5', 'northeurope') : s));

    const report = await runPreflight(azure.spec, azure.options());

    expect(problems(report.checks).map((c) => c.subject)).toEqual(['pool memory']);
  });

  it('GIVEN a size restricted for the subscription WHEN running preflight THEN it fails with the reason and how to request access', async () => {
    sku('Standard_L16s_v3').restrictions = [
      { type: 'Location', values: ['westeurope'], restrictionInfo: { locations: ['westeurope'] }, reasonCode: 'NotAvailableForSubscription' },
    ];

    const report = await runPreflight(azure.spec, azure.options());

    const [problem] = problems(report.checks);
    expect(problem).toMatchObject({ subject: 'pool storage', status: 'error' });
    expect(problem!.message).toContain('NotAvailableForSubscription');
    expect(problem!.fix).toContain('support request');
  });

  it('GIVEN a size not offered in one of the pool zones WHEN running preflight THEN it names the zone', async () => {
    sku('Standard_D8ds_v5').restrictions = [
      { type: 'Zone', values: ['westeurope'], restrictionInfo: { locations: ['westeurope'], zones: ['3'] }, reasonCode: 'NotAvailableForSubscription' },
    ];

    const report = await runPreflight(azure.spec, azure.options());

    expect(problems(report.checks)).toEqual([
      expect.objectContaining({
        subject: 'pool general',
        check: 'zones',
        status: 'error',
        message: 'VM size Standard_D8ds_v5 is not available in zone 3 of westeurope (available: 1, 2)',
      }),
    ]);
  });

  it('GIVEN an ephemeral OS disk larger than cache and temporary disk WHEN running preflight THEN it says the largest size that fits', async () => {
    const s = mutableSpec(azure.spec);
    s.cluster.systemPool.osDiskSizeGB = 200; // Standard_D4ds_v5: 100 GiB cache, 150 GiB temporary disk

    const report = await runPreflight(s, azure.options());

    const [problem] = problems(report.checks);
    expect(problem).toMatchObject({ subject: 'pool system', check: 'ephemeral OS disk', status: 'error' });
    expect(problem!.fix).toContain('at most 150');
  });

  it('GIVEN an ephemeral OS disk on a size without ephemeral support WHEN running preflight THEN it fails', async () => {
    const s = mutableSpec(azure.spec);
    s.cluster.userPools.find((p: { name: string }) => p.name === 'storage').osDiskType = 'Ephemeral';

    const report = await runPreflight(s, azure.options());

    expect(problems(report.checks)).toEqual([expect.objectContaining({ subject: 'pool storage', check: 'ephemeral OS disk', status: 'error' })]);
  });

  it('GIVEN Azure reports another shape than the spec assumes WHEN running preflight THEN it warns', async () => {
    sku('Standard_D8ds_v5').capabilities.find((c: { name: string }) => c.name === 'vCPUs').value = '16';

    const report = await runPreflight(azure.spec, azure.options());

    expect(report.ok).toBe(true);
    expect(problems(report.checks)).toEqual([expect.objectContaining({ subject: 'pool general', check: 'size shape', status: 'warning' })]);
  });
});

describe('runPreflight: errors', () => {
  const preflightError = async () => {
    const error = await runPreflight(azure.spec, azure.options()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AzureCheckError);
    return error as AzureCheckError;
  };

  it('GIVEN no Reader on the subscription (403 on skus) WHEN running preflight THEN it names the role and the action', async () => {
    azure.mock.fail('skus', { kind: 'status', status: 403, code: 'AuthorizationFailed' });

    const error = await preflightError();

    expect(error.kind).toBe('forbidden');
    expect(error.fix).toContain(`\`Reader\` on subscription ${azure.spec.azure.subscriptionId}`);
    expect(error.fix).toContain('Microsoft.Compute/skus/read');
  });

  it('GIVEN the resource provider is not registered WHEN running preflight THEN it says how to register it', async () => {
    azure.mock.fail('kubernetesVersions', {
      kind: 'status',
      status: 409,
      code: 'MissingSubscriptionRegistration',
      message: "The subscription is not registered to use namespace 'Microsoft.ContainerService'.",
    });

    const error = await preflightError();

    expect(error.fix).toContain('az provider register --namespace Microsoft.ContainerService');
  });

  it('GIVEN the SKU list is throttled on every attempt WHEN running preflight THEN it gives up after the retry bound', async () => {
    azure.mock.fail('skus', { kind: 'status', status: 429, code: 'TooManyRequests', headers: { 'retry-after': '0' } }, Infinity);

    const error = await preflightError();

    expect(error).toMatchObject({ kind: 'throttled', attempts: 3 });
    expect(azure.mock.requests.filter((r) => r.route === 'skus')).toHaveLength(3);
  });

  it('GIVEN the version list never answers WHEN running preflight THEN it times out', async () => {
    azure.mock.fail('kubernetesVersions', { kind: 'hang' });

    const error = await preflightError();

    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('Kubernetes versions offered in westeurope');
  });

  it.each([
    ['not JSON', '<html>gateway</html>', 'not JSON'],
    ['no value array', '{"values": []}', '`value`'],
    ['a next link to another host', JSON.stringify({ value: [], nextLink: 'https://attacker.example/skus?page=2' }), 'nextLink'],
  ])('GIVEN a SKU answer with %s WHEN running preflight THEN it is malformed and nothing else is fetched', async (_name, body, mention) => {
    azure.mock.fail('skus', { kind: 'raw', body });

    const error = await preflightError();

    expect(error.kind).toBe('malformed');
    expect(error.message).toContain(mention);
    expect(azure.mock.requests.filter((r) => r.route === 'skus')).toHaveLength(1);
  });

  it('GIVEN a version list without values WHEN running preflight THEN it is malformed', async () => {
    azure.mock.fail('kubernetesVersions', { kind: 'raw', body: '{"value": []}' });

    const error = await preflightError();

    expect(error.kind).toBe('malformed');
  });
});
