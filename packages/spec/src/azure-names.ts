/**
 * Names of the per-team Azure resources of workload identity and Key Vault, in one place so that the
 * landing zone (Bicep) and the in-cluster side (ServiceAccount annotation, SecretProviderClass) use
 * one definition. docs/decisions/0106 and docs/architecture.md ("Identity and secrets").
 */

/** Audience of the federated credentials: https://learn.microsoft.com/azure/aks/workload-identity-overview */
export const WORKLOAD_IDENTITY_AUDIENCE = 'api://AzureADTokenExchange';

/** The ServiceAccount annotation that names the identity's client ID (azure.workload.identity). */
export const WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION = 'azure.workload.identity/client-id';

/** The pod label that makes the workload identity webhook inject the token. */
export const WORKLOAD_IDENTITY_USE_LABEL = 'azure.workload.identity/use';

/** The deployment output of main.bicep that lists every team identity's client ID. */
export const TEAM_IDENTITY_CLIENT_IDS_OUTPUT = 'teamIdentityClientIds';

/** User-assigned managed identity of a team (3-128 characters). */
export function teamIdentityName(clusterKey: string, team: string): string {
  return `id-${clusterKey}-${team}`;
}

/** Federated identity credential of one ServiceAccount on the team's identity (3-120 characters). */
export function federatedCredentialName(serviceAccount: string): string {
  return `fic-${serviceAccount}`;
}

/** The token subject Kubernetes issues for a ServiceAccount: the credential pins namespace and name. */
export function workloadIdentitySubject(namespace: string, serviceAccount: string): string {
  return `system:serviceaccount:${namespace}:${serviceAccount}`;
}

/** Key Vault of one team (per-team mode). Key Vault names are 3-24 characters, globally unique. */
export function teamKeyVaultName(clusterKey: string, team: string): string {
  return `kv-${clusterKey}-${team}`;
}

/** The cluster's one Key Vault (shared mode). */
export function sharedKeyVaultName(clusterKey: string): string {
  return `kv-${clusterKey}`;
}

/** Private endpoint of a Key Vault. */
export function keyVaultPrivateEndpointName(vaultName: string): string {
  return `pep-${vaultName}`;
}

/**
 * Why a vault name is not one Azure accepts, or undefined: 3-24 characters, letters, digits and
 * single hyphens, starting with a letter and ending with a letter or digit
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftkeyvault).
 */
export function keyVaultNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 24) return `is ${name.length} characters; Key Vault names have 3 to 24`;
  if (!/^[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]$/.test(name)) return 'must start with a letter, end with a letter or digit and hold only letters, digits and hyphens';
  if (name.includes('--')) return 'must not contain consecutive hyphens';
  return undefined;
}
