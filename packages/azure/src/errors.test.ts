import { describe, expect, it } from 'vitest';
import { AzureCheckError } from './errors.js';
import { NoSignInCredential } from './testing/test-credential.js';
import { verifyCluster } from './verify.js';
import { useMockAzure } from './testing/use-mock-azure.js';

const azure = useMockAzure();

async function verifyError(options = azure.options()): Promise<AzureCheckError> {
  const error = await verifyCluster(azure.spec, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AzureCheckError);
  return error as AzureCheckError;
}

const clusterCalls = () => azure.mock.requests.filter((r) => r.route === 'managedCluster');

describe('verify: sign-in problems', () => {
  it('GIVEN no credential is available WHEN verifying THEN it says how to sign in and sends nothing', async () => {
    const error = await verifyError(azure.options({ credential: new NoSignInCredential() }));

    expect(error.kind).toBe('no-credential');
    expect(error.fix).toContain('az login');
    expect(error.fix).toContain('AZURE_FEDERATED_TOKEN_FILE');
    expect(error.fix).toContain(`--tenant ${azure.spec.azure.tenantId}`);
    expect(azure.mock.requests).toEqual([]);
  });

  it('GIVEN ARM rejects the token (401) WHEN verifying THEN it asks to sign in again to the spec tenant', async () => {
    azure.mock.fail('managedCluster', {
      kind: 'status',
      status: 401,
      code: 'InvalidAuthenticationTokenTenant',
      message: 'The access token is from the wrong issuer.',
    });

    const error = await verifyError();

    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, code: 'InvalidAuthenticationTokenTenant' });
    expect(error.fix).toContain(`az login --tenant ${azure.spec.azure.tenantId}`);
  });

  it('GIVEN the identity lacks read access (403) WHEN verifying THEN it names the read-only role and the scope to grant it on', async () => {
    azure.mock.fail('managedCluster', {
      kind: 'status',
      status: 403,
      code: 'AuthorizationFailed',
      message: "The client 'ci@contoso.example' does not have authorization to perform action 'Microsoft.ContainerService/managedClusters/read'.",
    });

    const error = await verifyError();

    expect(error).toMatchObject({ kind: 'forbidden', status: 403, code: 'AuthorizationFailed' });
    expect(error.message).toContain('Microsoft.ContainerService/managedClusters/read');
    expect(error.fix).toContain('`Reader` on resource group rg-aks-weu-prod');
    expect(error.fix).toContain('Azure Kubernetes Service Cluster User Role');
    expect(error.fix).toContain(`--scope /subscriptions/${azure.spec.azure.subscriptionId}/resourceGroups/rg-aks-weu-prod`);
  });

  it('GIVEN 403 on the agent pools only WHEN verifying THEN the message says it was the pool listing', async () => {
    azure.mock.fail('agentPools', { kind: 'status', status: 403, code: 'AuthorizationFailed' });

    const error = await verifyError();

    expect(error.kind).toBe('forbidden');
    expect(error.message).toContain('list the agent pools of managed cluster aks-weu-prod');
  });
});

describe('verify: what is not there', () => {
  it('GIVEN the resource group does not exist WHEN verifying THEN it names the resource group and subscription from the spec', async () => {
    azure.mock.resourceGroups.clear();

    const error = await verifyError();

    expect(error).toMatchObject({ kind: 'not-found', status: 404, code: 'ResourceGroupNotFound' });
    expect(error.message).toBe(`resource group rg-aks-weu-prod does not exist in subscription ${azure.spec.azure.subscriptionId}`);
    expect(error.fix).toContain('spec.azure.resourceGroup');
  });

  it('GIVEN the cluster does not exist WHEN verifying THEN it names the cluster and its resource group', async () => {
    azure.mock.clusters.clear();

    const error = await verifyError();

    expect(error).toMatchObject({ kind: 'not-found', code: 'ResourceNotFound' });
    expect(error.message).toContain('managed cluster aks-weu-prod does not exist in resource group rg-aks-weu-prod');
    expect(error.fix).toContain('gitops/azure/weu-prod/');
  });

  it('GIVEN the subscription is unknown WHEN verifying THEN it points at spec.azure.subscriptionId', async () => {
    azure.mock.subscriptions.clear();

    const error = await verifyError();

    expect(error).toMatchObject({ kind: 'not-found', code: 'SubscriptionNotFound' });
    expect(error.fix).toContain('spec.azure.subscriptionId');
  });
});

describe('verify: throttling, server errors and time-outs', () => {
  it('GIVEN one 429 with Retry-After: 1 WHEN verifying THEN it waits as asked, retries and succeeds', async () => {
    azure.mock.fail('managedCluster', { kind: 'status', status: 429, code: 'TooManyRequests', headers: { 'retry-after': '1' } });

    const report = await verifyCluster(azure.spec, azure.options());

    expect(report.inSync).toBe(true);
    const [first, second] = clusterCalls();
    expect(clusterCalls()).toHaveLength(2);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900); // honoured Retry-After, not the 5 ms back-off
  });

  it('GIVEN 429 on every attempt WHEN verifying THEN it stops after the retry bound with a throttling error', async () => {
    azure.mock.fail('managedCluster', { kind: 'status', status: 429, code: 'TooManyRequests', headers: { 'retry-after': '0' } }, Infinity);

    const error = await verifyError();

    expect(error).toMatchObject({ kind: 'throttled', status: 429, attempts: 3 });
    expect(error.message).toContain('after 3 attempts');
    expect(clusterCalls()).toHaveLength(3); // maxRetries 2 + the first attempt
  });

  it('GIVEN a Retry-After longer than the cap WHEN verifying THEN it gives up at once instead of waiting', async () => {
    azure.mock.fail('managedCluster', { kind: 'status', status: 429, code: 'TooManyRequests', headers: { 'retry-after': '3600' } }, Infinity);

    const error = await verifyError();

    expect(error).toMatchObject({ kind: 'throttled', attempts: 1 });
    expect(error.message).toContain('3600 s');
    expect(clusterCalls()).toHaveLength(1);
  });

  it.each([500, 503])('GIVEN %i on every attempt WHEN verifying THEN it retries within the bound and reports a server error', async (status) => {
    azure.mock.fail('managedCluster', { kind: 'status', status, code: status === 500 ? 'InternalServerError' : 'ServiceUnavailable' }, Infinity);

    const error = await verifyError();

    expect(error).toMatchObject({ kind: 'server', status, attempts: 3 });
    expect(error.fix).toContain('Azure side');
    expect(clusterCalls()).toHaveLength(3);
  });

  it('GIVEN one 503 WHEN verifying THEN the retry succeeds', async () => {
    azure.mock.fail('agentPools', { kind: 'status', status: 503, code: 'ServiceUnavailable' });

    const report = await verifyCluster(azure.spec, azure.options());

    expect(report.inSync).toBe(true);
  });

  it('GIVEN ARM never answers WHEN verifying THEN it times out after timeoutMs with a clear message', async () => {
    azure.mock.fail('managedCluster', { kind: 'hang' });

    const error = await verifyError(azure.options({ timeoutMs: 300 }));

    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('within 300 ms');
    expect(error.message).toContain('read managed cluster aks-weu-prod');
  });
});

describe('verify: malformed answers', () => {
  it('GIVEN the cluster body is not JSON WHEN verifying THEN it says which answer could not be read', async () => {
    azure.mock.fail('managedCluster', { kind: 'raw', body: '{"id": "/subscriptions/x", "properties": {' });

    const error = await verifyError();

    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('read managed cluster aks-weu-prod');
    expect(error.message).toContain('not JSON');
  });

  it('GIVEN a cluster body without properties WHEN verifying THEN it is malformed, not "in sync"', async () => {
    azure.mock.fail('managedCluster', { kind: 'raw', body: JSON.stringify({ id: azure.live.cluster.id, name: 'aks-weu-prod' }) });

    const error = await verifyError();

    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('kubernetesVersion');
  });

  it.each([
    ['value is not a list', { value: 'oops' }],
    ['no value at all', { items: [] }],
    ['a pool without a name', { value: [{ properties: { vmSize: 'Standard_D4ds_v5' } }] }],
  ])('GIVEN an agent-pool list where %s WHEN verifying THEN it is malformed', async (_name, body) => {
    azure.mock.fail('agentPools', { kind: 'raw', body: JSON.stringify(body) });

    const error = await verifyError();

    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('agent pools');
  });
});
