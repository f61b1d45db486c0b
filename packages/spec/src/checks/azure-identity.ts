import { keyVaultNameProblem, sharedKeyVaultName, teamKeyVaultName } from '../azure-names.js';
import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import type { CheckContext } from './context.js';
import { defaultFederatedServiceAccounts } from './secrets-sync.js';

/**
 * Entra ID accepts at most 20 federated identity credentials per user-assigned identity
 * (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
 */
export const MAX_FEDERATED_CREDENTIALS = 20;

/** Team identities: ServiceAccounts to federate, the credential limit, and a Key Vault the platform provides. */
export function checkAzureIdentities(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const key = ctx.platform.metadata.name;
  const keyVault = ctx.platform.spec.keyVault;
  const mode = keyVault?.mode ?? 'per-team';
  let sharedChecked = false;
  for (const { parsed, team } of ctx.teams) {
    const identity = team.spec.azureIdentity;
    if (!identity) continue;
    const path = ['spec', 'azureIdentity'];
    const accounts = identity.serviceAccounts ?? defaultFederatedServiceAccounts(team);
    if (accounts.length === 0) {
      issues.push(
        issueAt(
          parsed,
          path,
          'names no ServiceAccount and the team has no workloads whose ServiceAccounts it could default to',
          'list the ServiceAccounts in azureIdentity.serviceAccounts, or add workloads',
        ),
      );
    }
    if (!identity.serviceAccounts && accounts.length > MAX_FEDERATED_CREDENTIALS) {
      issues.push(
        issueAt(
          parsed,
          path,
          `defaults to the ServiceAccounts of ${accounts.length} workloads, above the ${MAX_FEDERATED_CREDENTIALS} federated credentials Entra ID allows per identity`,
          'list at most 20 in azureIdentity.serviceAccounts (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations)',
        ),
      );
    }
    if (!identity.keyVault) continue;
    if (!keyVault) {
      issues.push(
        issueAt(
          parsed,
          [...path, 'keyVault'],
          `asks for Key Vault, but ${ctx.platformFile.file} has no spec.keyVault`,
          'add spec.keyVault (mode: per-team or shared) to the platform spec, or remove keyVault here',
        ),
      );
      continue;
    }
    if (mode === 'shared' && sharedChecked) continue;
    sharedChecked = mode === 'shared';
    const name = mode === 'shared' ? sharedKeyVaultName(key) : teamKeyVaultName(key, team.metadata.name);
    const problem = keyVaultNameProblem(name);
    if (problem) {
      issues.push(
        issueAt(
          parsed,
          [...path, 'keyVault'],
          `would create the Key Vault "${name}", whose name ${problem}`,
          mode === 'shared'
            ? 'use a shorter cluster key'
            : 'use a shorter team or cluster name, or keyVault.mode shared (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftkeyvault)',
        ),
      );
    }
  }
  return issues;
}

/**
 * A team identity whose client ID is not recorded yet renders no `azure.workload.identity/client-id`
 * annotation (decision 0106): its pods get no Azure token until someone records it. Not an error (the
 * first deployment creates the identity, so a new team always starts here), but said on every render
 * so it is not forgotten.
 */
export function pendingClientIdWarnings(ctx: CheckContext): SpecIssue[] {
  return ctx.teams
    .filter(({ team }) => team.spec.azureIdentity && !team.spec.azureIdentity.clientId)
    .map(({ parsed, team }) =>
      issueAt(
        parsed,
        ['spec', 'azureIdentity'],
        `team "${team.metadata.name}" has an Azure identity whose client ID is not recorded: its ServiceAccounts carry no azure.workload.identity/client-id annotation, so its pods get no Azure token yet`,
        "after the landing-zone deployment, copy the team's value from the output teamIdentityClientIds (or addresses.json) into spec.azureIdentity.clientId",
      ),
    );
}
