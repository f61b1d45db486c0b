import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import type { CheckContext } from './context.js';
import { SECRET_SYNC_SERVICE_ACCOUNT, secretSyncWorkloadName, unmountedSyncedSecrets } from './secrets-sync.js';

/**
 * Team secrets (docs/decisions/0205): each entry becomes a SecretProviderClass that reads the team
 * vault with the team identity in workload identity mode, so the identity must have Key Vault access
 * and a recorded client ID (the SecretProviderClass names it: `clientID`,
 * https://learn.microsoft.com/azure/aks/csi-secrets-store-identity-access, "Access with a Microsoft
 * Entra Workload ID"); the pods that mount an entry must run as a ServiceAccount federated with it.
 */
export function checkSecrets(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const { parsed, team } of ctx.teams) {
    const secrets = team.spec.secrets ?? [];
    const identity = team.spec.azureIdentity;
    const workloads = team.spec.workloads ?? [];
    if (secrets.length > 0) {
      if (!identity?.keyVault) {
        issues.push(
          issueAt(
            parsed,
            ['spec', 'secrets'],
            'the team reads secrets from Key Vault, but its identity has no Key Vault access',
            'set spec.azureIdentity.keyVault: true (the platform spec needs spec.keyVault)',
          ),
        );
      } else if (!identity.clientId) {
        issues.push(
          issueAt(
            parsed,
            ['spec', 'secrets'],
            "the team identity's client ID is not recorded, and a SecretProviderClass must name it",
            'deploy the landing zone with azureIdentity first, then record the client ID from the deployment output teamIdentityClientIds as spec.azureIdentity.clientId and add the secrets',
          ),
        );
      }
    }
    const names = new Set<string>();
    const syncNames = new Set<string>();
    secrets.forEach((secret, s) => {
      const at = (...path: Array<string | number>) => ['spec', 'secrets', s, ...path];
      if (names.has(secret.name)) issues.push(issueAt(parsed, at('name'), `secret "${secret.name}" is defined twice`, 'give each entry its own name'));
      names.add(secret.name);
      const files = new Set<string>();
      secret.objects.forEach((object, o) => {
        const file = object.alias ?? object.name;
        if (files.has(file))
          issues.push(issueAt(parsed, at('objects', o), `two objects of "${secret.name}" would be the file ${file}`, 'give one of them another alias'));
        files.add(file);
      });
      const sync = secret.syncToSecret;
      if (!sync) return;
      if (syncNames.has(sync.name))
        issues.push(issueAt(parsed, at('syncToSecret', 'name'), `two entries sync to the Secret "${sync.name}"`, 'sync each entry to its own Secret'));
      syncNames.add(sync.name);
      const keys = new Set<string>();
      sync.keys.forEach((key, k) => {
        if (!files.has(key.object))
          issues.push(
            issueAt(
              parsed,
              at('syncToSecret', 'keys', k, 'object'),
              `"${key.object}" is not an object of "${secret.name}"`,
              `use the alias or name of one of its objects: ${[...files].join(', ')}`,
            ),
          );
        if (keys.has(key.key))
          issues.push(issueAt(parsed, at('syncToSecret', 'keys', k, 'key'), `key "${key.key}" is set twice`, 'give each key its own name'));
        keys.add(key.key);
      });
    });

    const federated = identity?.serviceAccounts;
    workloads.forEach((w, i) => {
      (w.secrets ?? []).forEach((name, j) => {
        if (!names.has(name))
          issues.push(
            issueAt(
              parsed,
              ['spec', 'workloads', i, 'secrets', j],
              `secret "${name}" is not defined in spec.secrets`,
              names.size > 0 ? `use one of: ${[...names].join(', ')}` : 'define it under spec.secrets',
            ),
          );
      });
      if ((w.secrets ?? []).length > 0 && federated && !federated.includes(w.name)) {
        issues.push(
          issueAt(
            parsed,
            ['spec', 'workloads', i, 'secrets'],
            `"${w.name}" mounts Key Vault secrets, but its ServiceAccount "${w.name}" is not federated with the team identity`,
            `add ${w.name} to spec.azureIdentity.serviceAccounts`,
          ),
        );
      }
    });
    const unmounted = unmountedSyncedSecrets(team.spec);
    if (unmounted.length === 0) continue;
    if (federated && !federated.includes(SECRET_SYNC_SERVICE_ACCOUNT)) {
      issues.push(
        issueAt(
          parsed,
          ['spec', 'azureIdentity', 'serviceAccounts'],
          `no workload mounts ${unmounted.join(', ')}, so the kit runs a secret-sync Deployment as ServiceAccount "${SECRET_SYNC_SERVICE_ACCOUNT}", which is not listed`,
          `add ${SECRET_SYNC_SERVICE_ACCOUNT} to spec.azureIdentity.serviceAccounts, or mount the entries in a workload`,
        ),
      );
    }
    workloads.forEach((w, i) => {
      if (w.name === SECRET_SYNC_SERVICE_ACCOUNT || unmounted.some((name) => secretSyncWorkloadName(name) === w.name)) {
        issues.push(
          issueAt(
            parsed,
            ['spec', 'workloads', i, 'name'],
            `"${w.name}" is a name the kit uses for its secret-sync Deployment and ServiceAccount`,
            'rename the workload',
          ),
        );
      }
    });
  }
  return issues;
}
