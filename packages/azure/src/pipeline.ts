import { ContainerServiceClient, type ContainerServiceClientOptionalParams } from '@azure/arm-containerservice';
import { createContainerService, type ContainerServiceContext } from '@azure/arm-containerservice/api';
import { scopeFor, type ResolvedOptions } from './options.js';

type AdditionalPolicy = NonNullable<ContainerServiceClientOptionalParams['additionalPolicies']>[number];
type PipelinePolicy = AdditionalPolicy['policy'];
type PipelineRequest = Parameters<PipelinePolicy['sendRequest']>[0];
type PipelineResponse = Awaited<ReturnType<PipelinePolicy['sendRequest']>>;

/** The typed AKS client, pointed at `armEndpoint`, with the kit's bounded retries and time-outs. */
export function containerServiceClient(subscriptionId: string, options: ResolvedOptions): ContainerServiceClient {
  return new ContainerServiceClient(options.credential, subscriptionId, clientOptions(options.armEndpoint, options));
}

/**
 * A client for paths the AKS SDK has no operation for (Compute resource SKUs, Microsoft Graph
 * groups). It is the SDK's own REST client (`@azure/arm-containerservice/api`), so it shares the
 * pipeline, retries, throttling and sign-in of the typed client: no extra dependency, one
 * behaviour to test. Non-2xx answers come back as responses, not exceptions.
 */
export function restClient(endpoint: string, options: ResolvedOptions): ContainerServiceContext {
  return createContainerService(options.credential, '', clientOptions(endpoint, options));
}

/** Endpoint, sign-in scope, bounded retries and time-outs: the same for every ARM client of the kit. */
export function clientOptions(endpoint: string, options: ResolvedOptions): ContainerServiceClientOptionalParams {
  return {
    endpoint,
    credentials: { scopes: [scopeFor(endpoint)] },
    retryOptions: {
      maxRetries: options.retry.maxRetries,
      retryDelayInMs: options.retry.retryDelayMs,
      maxRetryDelayInMs: options.retry.maxRetryDelayMs,
    },
    userAgentOptions: { userAgentPrefix: 'aks-hybrid-kit' },
    additionalPolicies: [
      { policy: timeoutPolicy(options.timeoutMs), position: 'perCall' },
      { policy: attemptPolicy(options.retry.maxRetryAfterMs), position: 'perRetry' },
    ],
    ...(options.agent ? { agent: options.agent } : {}),
  };
}

/** The SDK has no client-wide time-out; each attempt gets one, so a hanging answer cannot stall a run. */
function timeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: 'kitTimeout',
    sendRequest(request, next) {
      if (!request.timeout) request.timeout = timeoutMs;
      return next(request);
    },
  };
}

const attempts = new WeakMap<object, number>();

/** HTTP attempts made for a request (retries included); the error messages quote it. */
export function attemptsOf(request: unknown): number | undefined {
  return typeof request === 'object' && request !== null ? attempts.get(request) : undefined;
}

/** Thrown when the service asks to wait longer than the kit is willing to. */
export class RetryAfterTooLong extends Error {
  constructor(
    readonly retryAfterMs: number,
    readonly status: number,
    readonly attempts: number,
  ) {
    super(`asked to retry after ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'RetryAfterTooLong';
  }
}

/**
 * Runs under the retry policy, once per attempt: counts attempts, and caps Retry-After. The SDK
 * honours any Retry-After, even an hour; past `maxRetryAfterMs` the kit stops instead of waiting.
 */
function attemptPolicy(maxRetryAfterMs: number): PipelinePolicy {
  return {
    name: 'kitAttempts',
    async sendRequest(request: PipelineRequest, next): Promise<PipelineResponse> {
      const count = (attempts.get(request) ?? 0) + 1;
      attempts.set(request, count);
      const response = await next(request);
      if (response.status === 429 || response.status === 503) {
        const wait = retryAfterMs(response.headers.get('retry-after-ms') ?? response.headers.get('x-ms-retry-after-ms'), response.headers.get('retry-after'));
        if (wait !== undefined && wait > maxRetryAfterMs) throw new RetryAfterTooLong(wait, response.status, count);
      }
      return response;
    },
  };
}

/** Retry-After in ms: `retry-after-ms` headers, else `Retry-After` as seconds or an HTTP date. */
export function retryAfterMs(msHeader: string | undefined, secondsOrDate: string | undefined, now = Date.now()): number | undefined {
  if (msHeader !== undefined && /^\d+$/.test(msHeader.trim())) return Number(msHeader);
  if (secondsOrDate === undefined) return undefined;
  if (/^\d+$/.test(secondsOrDate.trim())) return Number(secondsOrDate) * 1000;
  const date = Date.parse(secondsOrDate);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
