import type { Agent } from 'node:https';
import type { TokenCredential } from '@azure/identity';
import { boundedCredential } from './bounded-credential.js';
import { AzureCheckError } from './errors.js';

export const DEFAULT_ARM_ENDPOINT = 'https://management.azure.com';
export const DEFAULT_GRAPH_ENDPOINT = 'https://graph.microsoft.com';

/** Bounds on retries. Every call ends within about `(maxRetries + 1) * (timeoutMs + maxRetryAfterMs)`. */
export interface RetryOptions {
  /** Retries after the first attempt, for 429, 408 and 5xx answers and dropped connections. @default 3 */
  readonly maxRetries?: number;
  /** First back-off delay; doubles per retry with jitter. @default 1000 */
  readonly retryDelayMs?: number;
  /** Longest back-off delay. @default 8000 */
  readonly maxRetryDelayMs?: number;
  /** Longest Retry-After the kit honours; a longer one stops at once with a `throttled` error. @default 30000 */
  readonly maxRetryAfterMs?: number;
}

export interface AzureOptions {
  /** How to sign in. @default new DefaultAzureCredential({ tenantId }) */
  readonly credential?: TokenCredential;
  /** Tenant to sign in to with the default credential; verify and preflight pass the spec's. */
  readonly tenantId?: string;
  /** @default https://management.azure.com */
  readonly armEndpoint?: string;
  /** @default https://graph.microsoft.com */
  readonly graphEndpoint?: string;
  readonly retry?: RetryOptions;
  /** Time-out of each HTTP attempt, in milliseconds. @default KIT_AZURE_TIMEOUT_MS, else 30000 */
  readonly timeoutMs?: number;
  /**
   * Time-out of one sign-in (token acquisition, all credentials of the chain), in milliseconds.
   * @default KIT_AZURE_TIMEOUT_MS, else 30000
   */
  readonly signInTimeoutMs?: number;
  /**
   * HTTPS agent for every request. Tests pass one that trusts the loopback mock's certificate;
   * leave it unset against Azure.
   */
  readonly agent?: Agent;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  readonly credential: TokenCredential;
  readonly armEndpoint: string;
  readonly graphEndpoint: string;
  readonly retry: Required<RetryOptions>;
  readonly timeoutMs: number;
  readonly agent?: Agent;
}

/** Environment variable that sets both time-outs for the CLI (`KIT_AZURE_TIMEOUT_MS=60000 pnpm kit verify ...`). */
export const TIMEOUT_ENV = 'KIT_AZURE_TIMEOUT_MS';
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The time-out from KIT_AZURE_TIMEOUT_MS, or the default; a value that is not a positive integer is refused. */
export function timeoutFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[TIMEOUT_ENV];
  if (text === undefined || text.trim() === '') return DEFAULT_TIMEOUT_MS;
  if (!/^\d+$/.test(text.trim()) || Number(text) <= 0) {
    throw new AzureCheckError({
      kind: 'configuration',
      message: `${TIMEOUT_ENV}=${JSON.stringify(text)} is not a time-out in milliseconds`,
      fix: `set ${TIMEOUT_ENV} to a positive whole number of milliseconds, e.g. 60000, or unset it for the 30 s default`,
    });
  }
  return Number(text);
}

export async function resolveOptions(options: AzureOptions = {}): Promise<ResolvedOptions> {
  const fallback = options.timeoutMs === undefined || options.signInTimeoutMs === undefined ? timeoutFromEnvironment() : DEFAULT_TIMEOUT_MS;
  return {
    // Every token request is bounded too, whichever credential signs in.
    credential: boundedCredential(options.credential ?? (await defaultCredential(options.tenantId)), options.signInTimeoutMs ?? fallback),
    armEndpoint: trimSlash(options.armEndpoint ?? DEFAULT_ARM_ENDPOINT),
    graphEndpoint: trimSlash(options.graphEndpoint ?? DEFAULT_GRAPH_ENDPOINT),
    retry: {
      maxRetries: options.retry?.maxRetries ?? 3,
      retryDelayMs: options.retry?.retryDelayMs ?? 1000,
      maxRetryDelayMs: options.retry?.maxRetryDelayMs ?? 8000,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 30_000,
    },
    timeoutMs: options.timeoutMs ?? fallback,
    ...(options.agent ? { agent: options.agent } : {}),
  };
}

/**
 * Loaded on first use so that importing this package (e.g. for the GUID-only generator path)
 * never loads MSAL. Constructing the credential sends nothing; it signs in on the first token.
 */
async function defaultCredential(tenantId: string | undefined): Promise<TokenCredential> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  try {
    return new DefaultAzureCredential(tenantId ? { tenantId } : {});
  } catch (error) {
    // The constructor only throws for a bad AZURE_TOKEN_CREDENTIALS value.
    throw new AzureCheckError({
      kind: 'no-credential',
      message: `cannot set up Azure sign-in: ${(error as Error).message}`,
      fix: 'set AZURE_TOKEN_CREDENTIALS to `prod` (pipelines), `dev` (workstations) or one credential name such as `AzureCliCredential`, or unset it',
      cause: error,
    });
  }
}

/** `.default` scope of the service at an endpoint: `https://management.azure.com/.default`. */
export function scopeFor(endpoint: string): string {
  return `${new URL(endpoint).origin}/.default`;
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');
