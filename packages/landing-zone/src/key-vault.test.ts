import { sharedKeyVaultName, teamKeyVaultName } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { deployed } from './testing/deployed.js';
import { exampleSpec } from './testing/example.js';

const VAULT = 'Microsoft.KeyVault/vaults';
const ENDPOINT = 'Microsoft.Network/privateEndpoints';
const ASSIGNMENT = 'Microsoft.Authorization/roleAssignments';
const CLUSTER = 'Microsoft.ContainerService/managedClusters';
// Key Vault Secrets User (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security#key-vault-secrets-user).
const SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';
const secretsUserGrants = (name: Parameters<typeof deployed>[0]) =>
  deployed(name)
    .template.resourcesOfType(ASSIGNMENT)
    .filter((a) => String(a.properties!.roleDefinitionId).includes(SECRETS_USER));

describe('Key Vault for team secrets (bicep snapshot)', () => {
  const spec = exampleSpec();
  const lz = deployed('example');

  it('GIVEN per-team mode and checkout asking WHEN deployed THEN only checkout gets a vault: RBAC authorization, purge protection, soft delete, no public access', () => {
    expect(lz.template.resourcesOfType(VAULT).map((v) => v.name)).toEqual([teamKeyVaultName(spec.name, 'checkout')]);
    lz.template.hasResourceProperties(VAULT, {
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: true,
      publicNetworkAccess: 'Disabled',
      networkAcls: { defaultAction: 'Deny', bypass: 'None' },
    });
  });

  it('THEN the vault is reached through a private endpoint in the private endpoint subnet, registered in privatelink.vaultcore.azure.net linked to the VNet', () => {
    const vault = lz.template.one(VAULT);
    const endpoint = lz.template.one(ENDPOINT, { name: `pep-${vault.name}` });
    expect(endpoint.properties).toMatchObject({ privateLinkServiceConnections: [{ properties: { privateLinkServiceId: vault.id, groupIds: ['vault'] } }] });
    expect((endpoint.properties!.subnet as { id: string }).id).toMatch(/\/subnets\/snet-private-endpoints$/);
    const zone = lz.template.one('Microsoft.Network/privateDnsZones', { name: 'privatelink.vaultcore.azure.net' });
    lz.template.hasResourceProperties('Microsoft.Network/privateEndpoints/privateDnsZoneGroups', {
      privateDnsZoneConfigs: [{ name: 'vault', properties: { privateDnsZoneId: zone.id } }],
    });
  });

  it("THEN checkout's identity, and no other, is Key Vault Secrets User, scoped to its own vault", () => {
    const grants = secretsUserGrants('example');
    expect(grants).toHaveLength(1);
    expect(grants[0]!.id).toContain(`/vaults/${teamKeyVaultName(spec.name, 'checkout')}/providers/Microsoft.Authorization/roleAssignments/`);
    expect(grants[0]!.properties).toMatchObject({ principalType: 'ServicePrincipal' });
  });

  it('THEN the cluster runs the Secrets Store CSI driver add-on with rotation at the spec poll interval', () => {
    lz.template.hasResourceProperties(CLUSTER, {
      addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true', rotationPollInterval: '2m' } } },
    });
  });

  it('GIVEN no keyVault in the spec WHEN deployed THEN no vault, no grant and no CSI add-on', () => {
    const none = deployed('privateNoIngress');
    expect(none.template.resourceCount(VAULT)).toBe(0);
    expect(secretsUserGrants('privateNoIngress')).toEqual([]);
    expect((none.template.one(CLUSTER).properties!.addonProfiles as Record<string, unknown>).azureKeyvaultSecretsProvider).toBeUndefined();
  });

  it("GIVEN shared mode WHEN deployed THEN one vault, and every asking team's identity is Secrets User on all of it (the trade-off of docs/decisions/0106)", () => {
    const shared = deployed('sharedKeyVault');
    expect(shared.template.resourcesOfType(VAULT).map((v) => v.name)).toEqual([sharedKeyVaultName(spec.name)]);
    const grants = secretsUserGrants('sharedKeyVault');
    expect(grants).toHaveLength(2);
    for (const g of grants) expect(g.id).toContain(`/vaults/${sharedKeyVaultName(spec.name)}/providers/`);
  });
});
