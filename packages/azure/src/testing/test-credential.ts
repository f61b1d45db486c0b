import { CredentialUnavailableError, type AccessToken, type TokenCredential } from '@azure/identity';

/** Hands out a fixed fake token and records the scopes asked for. */
export class FakeTokenCredential implements TokenCredential {
  readonly scopes: string[][] = [];

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(Array.isArray(scopes) ? [...scopes] : [scopes]);
    return { token: 'kit-test-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

/** What DefaultAzureCredential throws on a machine with no sign-in at all. */
export class NoSignInCredential implements TokenCredential {
  async getToken(): Promise<AccessToken> {
    throw new CredentialUnavailableError(
      'DefaultAzureCredential failed to retrieve a token from the included credentials.\n' +
        'EnvironmentCredential is unavailable. No underlying credential could be used.\n' +
        "AzureCliCredential: Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
    );
  }
}
