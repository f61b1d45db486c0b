import { createServer, type AddressInfo } from 'node:net';
import {
  AggregateAuthenticationError,
  AuthenticationError,
  ClientSecretCredential,
  CredentialUnavailableError,
  type AccessToken,
  type GetTokenOptions,
  type TokenCredential,
} from '@azure/identity';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundedCredential, SignInTimeoutError } from './bounded-credential.js';
import { networkFailure, toAzureCheckError, type CallContext } from './classify-error.js';
import { AzureCheckError } from './errors.js';
import { DEFAULT_TIMEOUT_MS, resolveOptions, timeoutFromEnvironment, TIMEOUT_ENV } from './options.js';
import { AADSTS_INVALID_SECRET, startSignInMock, type SignInMock } from './testing/sign-in-mock.js';
import { FakeTokenCredential } from './testing/test-credential.js';
import { verifyCluster } from './verify.js';
import { useMockAzure } from './testing/use-mock-azure.js';

const CLIENT_ID = '11111111-2222-4333-8444-555555555555';

let signIn: SignInMock | undefined;

const azure = useMockAzure();
// Registered after useMockAzure's, so it runs first (vitest runs after-hooks in reverse): the sign-in mock stops before the ARM mock.
afterEach(async () => {
  await signIn?.close();
  signIn = undefined;
});

/** A service principal that signs in at `authorityHost`, as AZURE_AUTHORITY_HOST would make it. */
function servicePrincipal(authorityHost: string, agent?: unknown): TokenCredential {
  return new ClientSecretCredential(azure.spec.azure.tenantId, CLIENT_ID, 'not-a-secret', {
    authorityHost,
    disableInstanceDiscovery: true,
    ...(agent ? { agent } : {}),
  } as never);
}

async function verifyError(credential: TokenCredential, signInTimeoutMs: number): Promise<AzureCheckError> {
  const error = await verifyCluster(azure.spec, azure.options({ credential, signInTimeoutMs })).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AzureCheckError);
  return error as AzureCheckError;
}

describe('sign-in is bounded', () => {
  it('GIVEN a sign-in endpoint that accepts the connection and never answers THEN verify ends with a time-out message, and ARM is never called', async () => {
    signIn = await startSignInMock('hang');
    const error = await verifyError(servicePrincipal(signIn.authorityHost), 1_000);

    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/the sign-in to Microsoft Entra ID did not finish within 1000 ms, so the kit could not read managed cluster/);
    expect(error.fix).toContain(TIMEOUT_ENV);
    expect(signIn.connections()).toBeGreaterThan(0);
    expect(azure.mock.requests).toEqual([]);
  });

  it('GIVEN a credential that never returns a token THEN getToken rejects after the time-out and aborts the underlying request', async () => {
    let seen: AbortSignal | undefined;
    const stuck: TokenCredential = {
      getToken: (_scopes: string | string[], options?: GetTokenOptions) => {
        seen = options?.abortSignal as AbortSignal | undefined;
        return new Promise<AccessToken>(() => {});
      },
    };
    await expect(boundedCredential(stuck, 50).getToken('https://management.azure.com/.default')).rejects.toBeInstanceOf(SignInTimeoutError);
    expect(seen?.aborted).toBe(true);
  });

  it('GIVEN a credential that answers THEN its token comes through unchanged', async () => {
    const token = await boundedCredential(new FakeTokenCredential(), 5_000).getToken('https://management.azure.com/.default');
    expect(token?.token).toBe('kit-test-token');
  });
});

describe('"cannot reach" is told apart from "refused"', () => {
  it('GIVEN Entra refuses the client secret (AADSTS) THEN the message says refused and points at the credential', async () => {
    signIn = await startSignInMock('refuse');
    const error = await verifyError(servicePrincipal(signIn.authorityHost, signIn.agent), 20_000);

    expect(error.kind).toBe('unauthorized');
    expect(error.message).toMatch(/Microsoft Entra ID refused the sign-in/);
    expect(error.message).toContain('AADSTS7000215');
    expect(error.fix).toMatch(/client ID, secret/);
  });

  it('GIVEN the sign-in endpoint refuses connections (ECONNREFUSED) THEN the message says it could not reach Entra, not that Entra refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await verifyError(servicePrincipal(`https://127.0.0.1:${port}`), 30_000);

    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/could not reach Microsoft Entra ID at .* to sign in/);
    expect(error.fix).toMatch(/this is the network, not the credential/);
    expect(error.fix).not.toMatch(/client ID, secret/);
  });

  const context: CallContext = {
    action: 'read managed cluster x',
    service: 'Azure Resource Manager',
    endpoint: 'https://management.azure.com',
    permission: 'Reader',
    timeoutMs: 30_000,
  };
  const dnsFailure = (code: string) => Object.assign(new Error(`getaddrinfo ${code} login.microsoftonline.com`), { code });

  it.each([
    [
      'EAI_AGAIN (no network at all)',
      new AuthenticationError(400, { error: 'network_error', error_description: 'Network request failed' }, { cause: dnsFailure('EAI_AGAIN') }),
      'network_error',
    ],
    [
      'ENOTFOUND inside DefaultAzureCredential',
      new AggregateAuthenticationError([new CredentialUnavailableError('EnvironmentCredential: request failed', { cause: dnsFailure('ENOTFOUND') })]),
      'ENOTFOUND',
    ],
    [
      'MSAL could not fetch the authority metadata',
      new CredentialUnavailableError('endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details'),
      'endpoints_resolution_error',
    ],
  ])('GIVEN %s THEN kind network with the code', (_name, error, code) => {
    expect(networkFailure(error)).toBe(code);
    expect(toAzureCheckError(error, context)).toMatchObject({ kind: 'network', code });
  });

  it.each([
    ['an AADSTS refusal', new AuthenticationError(401, { error: 'invalid_client', error_description: AADSTS_INVALID_SECRET }), 'unauthorized'],
    [
      'no credential on the machine (managed identity probe off Azure)',
      new AggregateAuthenticationError([
        new CredentialUnavailableError('ManagedIdentityCredential: connect EHOSTUNREACH 169.254.169.254:80'),
        new CredentialUnavailableError('AzureCliCredential: Azure CLI could not be found.'),
      ]),
      'no-credential',
    ],
  ])('GIVEN %s THEN it is not reported as a network problem', (_name, error, kind) => {
    expect(networkFailure(error)).toBeUndefined();
    expect(toAzureCheckError(error, context).kind).toBe(kind);
  });
});

describe('the time-out is configurable', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    [undefined, DEFAULT_TIMEOUT_MS],
    ['60000', 60_000],
    [' 5000 ', 5_000],
  ])('GIVEN %s=%j THEN %i ms', (value, expected) => {
    expect(timeoutFromEnvironment(value === undefined ? {} : { [TIMEOUT_ENV]: value })).toBe(expected);
  });

  it.each(['abc', '-1', '0', '1.5'])('GIVEN %j THEN a configuration error naming the variable', (value) => {
    expect(() => timeoutFromEnvironment({ [TIMEOUT_ENV]: value })).toThrow(new RegExp(`${TIMEOUT_ENV}=.* is not a time-out in milliseconds`));
  });

  it('GIVEN the variable set and no explicit option THEN both the HTTP and the sign-in time-outs use it', async () => {
    vi.stubEnv(TIMEOUT_ENV, '100');
    const stuck: TokenCredential = { getToken: () => new Promise<AccessToken>(() => {}) };
    const resolved = await resolveOptions({ credential: stuck });
    expect(resolved.timeoutMs).toBe(100);
    await expect(resolved.credential.getToken('https://management.azure.com/.default')).rejects.toMatchObject({ timeoutMs: 100 });
  });
});
