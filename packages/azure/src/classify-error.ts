import { SignInTimeoutError } from './bounded-credential.js';
import { AzureCheckError } from './errors.js';
import { TIMEOUT_ENV } from './options.js';
import { attemptsOf, RetryAfterTooLong } from './pipeline.js';

/** What a call was for, so that an error can say what to do. */
export interface CallContext {
  /** Completes "while trying to ...": `read managed cluster aks-weu-prod in resource group rg-aks-weu-prod`. */
  readonly action: string;
  readonly service: 'Azure Resource Manager' | 'Microsoft Graph';
  readonly endpoint: string;
  /** For 403: the role or permission that allows this call. */
  readonly permission: string;
  /** Tenant of the spec, for the sign-in hint. */
  readonly tenantId?: string;
  /** For 404: which thing is missing, from the service's error code. */
  readonly notFound?: (code: string | undefined) => { readonly message: string; readonly fix: string };
  readonly timeoutMs: number;
  /** For time-outs and network errors: a way to go on without the network, if there is one. */
  readonly offline?: string;
}

/** A failed HTTP answer, from an SDK RestError or a raw response. */
export interface FailedResponse {
  readonly status: number;
  readonly code?: string;
  readonly message?: string;
  readonly attempts?: number;
}

/** Runs one call and turns anything it throws into an AzureCheckError with a fix. */
export async function callAzure<T>(context: CallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAzureCheckError(error, context);
  }
}

const SIGN_IN_HELP =
  'sign in with `az login` (locally), or give the pipeline an identity: AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET ' +
  '(service principal), AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_FEDERATED_TOKEN_FILE (workload identity), ' +
  'or a managed identity on the agent (with AZURE_CLIENT_ID for a user-assigned one)';

export function toAzureCheckError(error: unknown, context: CallContext): AzureCheckError {
  if (error instanceof AzureCheckError) return error;
  const e = (error ?? {}) as { name?: string; message?: string; code?: string; statusCode?: number; request?: unknown; details?: unknown; cause?: unknown };
  const name = e.name ?? '';
  const firstLine = String(e.message ?? error).split('\n')[0]!;

  if (error instanceof RetryAfterTooLong) {
    return new AzureCheckError({
      kind: 'throttled',
      status: error.status,
      attempts: error.attempts,
      message: `${context.service} throttled the request to ${context.action} and asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s, longer than the kit waits`,
      fix: 'the identity or subscription hit an Azure request limit: wait that long and run again, and avoid running many checks in parallel with one identity',
      cause: error,
    });
  }
  if (error instanceof SignInTimeoutError) {
    return new AzureCheckError({
      kind: 'timeout',
      message: `the sign-in to Microsoft Entra ID did not finish within ${error.timeoutMs} ms, so the kit could not ${context.action}`,
      fix: `check that this machine reaches ${signInHost()} (behind a proxy, set HTTPS_PROXY) and that \`az account get-access-token\` answers, then run again; set ${TIMEOUT_ENV} (ms) for a slow link${offlineHint(context)}`,
      cause: error,
    });
  }
  const unreachable = CREDENTIAL_ERRORS.has(name) ? networkFailure(error) : undefined;
  if (unreachable) {
    // Before "refused" and "no credential": with no network the SDK reports a failed sign-in too.
    return new AzureCheckError({
      kind: 'network',
      code: unreachable,
      message: `could not reach Microsoft Entra ID at ${signInHost()} (${unreachable}) to sign in, so the kit could not ${context.action}`,
      fix: `this is the network, not the credential: check network access and DNS from this machine (and HTTPS_PROXY behind a proxy), then run again${offlineHint(context)}`,
      cause: error,
    });
  }
  if (name === 'CredentialUnavailableError' || name === 'AggregateAuthenticationError') {
    return new AzureCheckError({
      kind: 'no-credential',
      message: `no Azure credential is available to ${context.action}: ${firstLine}`,
      fix: `${SIGN_IN_HELP}${context.tenantId ? `; the spec's tenant is ${context.tenantId} (\`az login --tenant ${context.tenantId}\`)` : ''}`,
      cause: error,
    });
  }
  if (name === 'AuthenticationError' || name === 'AuthenticationRequiredError') {
    return new AzureCheckError({
      kind: 'unauthorized',
      message: `Microsoft Entra ID refused the sign-in needed to ${context.action}: ${firstLine}`,
      fix: `check the identity's client ID, secret or federated credential, or ${SIGN_IN_HELP}`,
      cause: error,
    });
  }
  if (name === 'AbortError') {
    return new AzureCheckError({
      kind: 'timeout',
      message: `${context.service} did not answer within ${context.timeoutMs} ms while trying to ${context.action}`,
      fix: `check that this machine reaches ${context.endpoint} (behind a proxy, set HTTPS_PROXY), then run again; raise timeoutMs for a slow link${offlineHint(context)}`,
      cause: error,
    });
  }
  if (name === 'RestError' && e.code === 'PARSE_ERROR') {
    return malformed(context, `the body is not JSON (${firstLine.slice(0, 160)})`, error);
  }
  if (name === 'RestError' && e.statusCode === undefined && /paginate|Body Property/i.test(firstLine)) {
    // The SDK's pager found no `value` array or a non-string `nextLink`.
    return malformed(context, firstLine, error);
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400) {
    const serviceError = errorBody(e.details);
    return fromResponse(
      {
        status: e.statusCode,
        ...((serviceError.code ?? e.code) ? { code: serviceError.code ?? e.code } : {}),
        message: serviceError.message ?? firstLine,
        ...(attemptsOf(e.request) !== undefined ? { attempts: attemptsOf(e.request)! } : {}),
      },
      context,
      error,
    );
  }
  const systemCode = e.code ?? (e.cause as { code?: string } | undefined)?.code;
  if (typeof systemCode === 'string' && /^E[A-Z]+$/.test(systemCode)) {
    return new AzureCheckError({
      kind: systemCode === 'ETIMEDOUT' || systemCode === 'ESOCKETTIMEDOUT' ? 'timeout' : 'network',
      code: systemCode,
      message: `could not reach ${context.service} at ${context.endpoint} (${systemCode}) to ${context.action}`,
      fix: `check network access and DNS from this machine (and HTTPS_PROXY behind a proxy), then run again${offlineHint(context)}`,
      cause: error,
    });
  }
  if (error instanceof TypeError || error instanceof SyntaxError) {
    // Thrown by the SDK's deserialisers when a body has the wrong shape.
    return malformed(context, firstLine, error);
  }
  return new AzureCheckError({
    kind: 'server',
    message: `unexpected failure while trying to ${context.action}: ${firstLine}`,
    fix: 'run again; if it persists, report it with this message',
    cause: error,
  });
}

const CREDENTIAL_ERRORS = new Set(['CredentialUnavailableError', 'AggregateAuthenticationError', 'AuthenticationError', 'AuthenticationRequiredError']);

/**
 * Failures to reach the sign-in endpoint, as Node, MSAL and @azure/identity word them:
 * DNS (ENOTFOUND, EAI_AGAIN), refused or reset connections, unreachable networks, and MSAL's
 * `endpoints_resolution_error` / `network_error` (it could not fetch the authority's metadata).
 */
const NETWORK_FAILURE =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ESOCKETTIMEDOUT|endpoints_resolution_error|network_error)\b/;
/** Entra's own refusals carry an AADSTS code or an OAuth error; they are never a network problem. */
const ENTRA_REFUSAL = /\bAADSTS\d+|\binvalid_client\b|\bunauthorized_client\b|\binvalid_grant\b/;

/** The network code behind a credential error, looking through causes and aggregated errors; undefined for a refusal. */
export function networkFailure(error: unknown, depth = 0): string | undefined {
  if (error === null || typeof error !== 'object' || depth > 4) return undefined;
  const e = error as { message?: unknown; code?: unknown; cause?: unknown; errors?: unknown; errorResponse?: { error?: unknown; errorDescription?: unknown } };
  const text = [e.code, e.message, e.errorResponse?.error, e.errorResponse?.errorDescription].filter((v) => typeof v === 'string').join(' ');
  if (ENTRA_REFUSAL.test(text)) return undefined;
  // An aggregate's message repeats every inner message, the managed-identity probe's included: judge the inner errors.
  const own = Array.isArray(e.errors) ? undefined : NETWORK_FAILURE.exec(text)?.[1];
  if (own) return own;
  // DefaultAzureCredential's managed-identity probe fails off Azure by design; it says nothing about the network.
  const aggregated = (Array.isArray(e.errors) ? e.errors : []).filter(
    (inner) => !/^ManagedIdentityCredential/.test(String((inner as { message?: unknown })?.message ?? '')),
  );
  for (const inner of [e.cause, ...aggregated]) {
    const found = networkFailure(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Where the sign-in goes: AZURE_AUTHORITY_HOST when set (sovereign clouds), else the public cloud. */
const signInHost = () => process.env.AZURE_AUTHORITY_HOST || 'login.microsoftonline.com';

const offlineHint = (context: CallContext) => (context.offline ? `; ${context.offline}` : '');

/** Maps an HTTP error answer to the error a user can act on. */
export function fromResponse(response: FailedResponse, context: CallContext, cause?: unknown): AzureCheckError {
  const { status, code } = response;
  const detail = `${status}${code ? ` ${code}` : ''}${response.message ? `: ${response.message}` : ''}`;
  const base = { status, ...(code ? { code } : {}), ...(response.attempts !== undefined ? { attempts: response.attempts } : {}), cause };
  const retried = response.attempts !== undefined && response.attempts > 1 ? ` after ${response.attempts} attempts` : '';
  if (code === 'MissingSubscriptionRegistration') {
    return new AzureCheckError({
      ...base,
      kind: 'forbidden',
      message: `the subscription is not registered for the resource provider needed to ${context.action} (${detail})`,
      fix: 'register it once per subscription: `az provider register --namespace Microsoft.ContainerService` (and Microsoft.Compute), which needs Contributor; readers cannot do it',
    });
  }
  if (status === 401) {
    return new AzureCheckError({
      ...base,
      kind: 'unauthorized',
      message: `${context.service} rejected the access token while trying to ${context.action} (${detail})`,
      fix: `the sign-in expired or belongs to another tenant: run \`az login${context.tenantId ? ` --tenant ${context.tenantId}` : ''}\` again, or check AZURE_TENANT_ID of the pipeline's identity`,
    });
  }
  if (status === 403) {
    return new AzureCheckError({
      ...base,
      kind: 'forbidden',
      message: `the signed-in identity may not ${context.action} (${detail})`,
      fix: context.permission,
    });
  }
  if (status === 404) {
    const explained = context.notFound?.(code);
    return new AzureCheckError({
      ...base,
      kind: 'not-found',
      message: explained?.message ?? `${context.service} found nothing to ${context.action} (${detail})`,
      fix: explained?.fix ?? 'check the names and IDs in the spec',
    });
  }
  if (status === 429) {
    return new AzureCheckError({
      ...base,
      kind: 'throttled',
      message: `${context.service} kept throttling the request to ${context.action}; gave up${retried} (${detail})`,
      fix: 'the identity or subscription hit an Azure request limit: wait a minute and run again, and avoid running many checks in parallel with one identity',
    });
  }
  if (status === 408) {
    return new AzureCheckError({
      ...base,
      kind: 'timeout',
      message: `${context.service} timed out while trying to ${context.action}${retried} (${detail})`,
      fix: 'run again in a few minutes; check Azure status and the Service Health blade if it persists',
    });
  }
  return new AzureCheckError({
    ...base,
    kind: 'server',
    message:
      status >= 500
        ? `${context.service} failed while trying to ${context.action}${retried} (${detail})`
        : `${context.service} refused the request to ${context.action} (${detail})`,
    fix:
      status >= 500
        ? 'this is on the Azure side: check Azure status and the Service Health blade, then run again'
        : 'the request does not match what the service expects; report it with this message',
  });
}

export function malformed(context: CallContext, what: string, cause?: unknown): AzureCheckError {
  return new AzureCheckError({
    kind: 'malformed',
    message: `${context.service} sent an answer the kit cannot read while trying to ${context.action}: ${what}`,
    fix: 'run again; if it persists, check that no proxy rewrites the answers (HTTPS_PROXY), or report it with this message',
    cause,
  });
}

/** `{ error: { code, message } }`, the error body of both ARM and Graph. */
export function errorBody(body: unknown): { code?: string; message?: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    ...(typeof error?.code === 'string' ? { code: error.code } : {}),
    ...(typeof error?.message === 'string' ? { message: error.message } : {}),
  };
}
