import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AzureCheckError, GroupLookupError } from './errors.js';
import { resolveGroupObjectId } from './group-lookup.js';
import { FakeTokenCredential, NoSignInCredential } from './testing/test-credential.js';
import { useMockAzure } from './testing/use-mock-azure.js';

const azure = useMockAzure();

const graphCalls = () => azure.mock.requests.filter((r) => r.route === 'groups');
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('resolveGroupObjectId', () => {
  it('GIVEN one group with the name WHEN resolved THEN its object ID comes back, asked with a Graph-scoped token', async () => {
    const credential = new FakeTokenCredential();

    const id = await resolveGroupObjectId('Namespace-DEV', azure.options({ credential }));

    expect(id).toBe('5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d');
    expect(graphCalls()[0]).toMatchObject({ path: '/v1.0/groups', authorization: 'Bearer kit-test-token' });
    expect(graphCalls()[0]!.query.$filter).toBe("displayName eq 'Namespace-DEV'");
    expect(credential.scopes).toEqual([[`${azure.mock.endpoint}/.default`]]);
  });

  it('GIVEN a name with a quote WHEN resolved THEN the OData literal doubles it and the group is found', async () => {
    const id = await resolveGroupObjectId("O'Brien Analytics", azure.options());

    expect(id).toBe('b2c3d4e5-0000-4000-8000-00000000000c');
    expect(graphCalls()[0]!.query.$filter).toBe("displayName eq 'O''Brien Analytics'");
  });

  it('GIVEN two groups with the name WHEN resolved THEN it refuses and lists both candidates', async () => {
    const error = await failure(resolveGroupObjectId('AKS Operators', azure.options()));

    expect(error).toBeInstanceOf(GroupLookupError);
    const e = error as GroupLookupError;
    expect(e.reason).toBe('ambiguous');
    expect(e.candidates.map((c) => c.id)).toEqual(['a1b2c3d4-0000-4000-8000-00000000000a', 'a1b2c3d4-0000-4000-8000-00000000000b']);
    expect(e.message).toContain('EMEA on-call');
    expect(e.message).toContain('Americas on-call');
    expect(e.fix).toContain('--groupObjectId');
  });

  it('GIVEN the candidates span two pages WHEN resolved THEN both pages are read before deciding', async () => {
    azure.mock.pageSize = 1;

    const error = (await failure(resolveGroupObjectId('AKS Operators', azure.options()))) as GroupLookupError;

    expect(error.candidates).toHaveLength(2);
    expect(graphCalls()).toHaveLength(2);
  });

  it('GIVEN no group with the name WHEN resolved THEN it refuses with an unknown-group error', async () => {
    const error = await failure(resolveGroupObjectId('Namespace-QA', azure.options()));

    expect(error).toBeInstanceOf(GroupLookupError);
    expect(error).toMatchObject({ reason: 'unknown', displayName: 'Namespace-QA', candidates: [] });
  });

  it('GIVEN a blank name WHEN resolved THEN it refuses without asking Graph', async () => {
    const error = await failure(resolveGroupObjectId('  ', azure.options()));

    expect(error).toBeInstanceOf(GroupLookupError);
    expect(graphCalls()).toEqual([]);
  });

  it('GIVEN the identity may not read groups (403) WHEN resolved THEN it names the Graph permissions and the GUID alternative', async () => {
    azure.mock.fail('groups', {
      kind: 'status',
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });

    const error = (await failure(resolveGroupObjectId('Namespace-DEV', azure.options()))) as AzureCheckError;

    expect(error).toBeInstanceOf(AzureCheckError);
    expect(error).toMatchObject({ kind: 'forbidden', code: 'Authorization_RequestDenied' });
    expect(error.fix).toContain('GroupMember.Read.All');
    expect(error.fix).toContain('--groupObjectId');
  });

  it('GIVEN no sign-in WHEN resolved THEN it says how to sign in and Graph sees nothing', async () => {
    const error = (await failure(resolveGroupObjectId('Namespace-DEV', azure.options({ credential: new NoSignInCredential() })))) as AzureCheckError;

    expect(error.kind).toBe('no-credential');
    expect(error.fix).toContain('az login');
    expect(graphCalls()).toEqual([]);
  });

  it('GIVEN Graph answers a group without an ID WHEN resolved THEN it is malformed', async () => {
    azure.mock.fail('groups', { kind: 'raw', body: JSON.stringify({ value: [{ displayName: 'Namespace-DEV' }] }) });

    const error = (await failure(resolveGroupObjectId('Namespace-DEV', azure.options()))) as AzureCheckError;

    expect(error.kind).toBe('malformed');
  });

  it('GIVEN Graph cannot be reached WHEN resolved THEN it is a network error that offers the GUID path', async () => {
    // A loopback port that was just closed: connection refused, without leaving the machine.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = (await failure(resolveGroupObjectId('Namespace-DEV', azure.options({ graphEndpoint: `https://127.0.0.1:${port}` })))) as AzureCheckError;

    expect(error).toBeInstanceOf(AzureCheckError);
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(error.fix).toContain('--groupObjectId');
  });
});
