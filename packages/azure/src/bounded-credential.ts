import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

/** Token acquisition took longer than the kit waits. */
export class SignInTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no access token within ${timeoutMs} ms`);
    this.name = 'SignInTimeoutError';
  }
}

/**
 * A credential whose getToken ends within `timeoutMs`. The SDK pipeline bounds each HTTP attempt
 * (pipeline.ts) but not the sign-in before it: MSAL's requests to the authority host, IMDS and the
 * Azure CLI have no overall time-out, so a sign-in endpoint that accepts the connection and never
 * answers would stall a run for minutes. The caller's abort signal and the time-out are both passed
 * on, so the underlying request is cancelled, not left running.
 */
export function boundedCredential(credential: TokenCredential, timeoutMs: number): TokenCredential {
  return {
    async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken | null> {
      const timeout = new AbortController();
      const signals = [timeout.signal, ...(options.abortSignal ? [options.abortSignal as AbortSignal] : [])];
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timeout.abort();
          reject(new SignInTimeoutError(timeoutMs));
        }, timeoutMs);
      });
      try {
        return await Promise.race([credential.getToken(scopes, { ...options, abortSignal: AbortSignal.any(signals) }), expired]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
