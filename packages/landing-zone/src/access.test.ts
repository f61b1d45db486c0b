import { describe, expect, it } from 'vitest';
import { FLUX_CONFIGURATION_NAME, FLUX_NAMESPACE } from './flux-kustomizations.js';
import { clusterUserGroups } from './parameters.js';
import { armResource } from './testing/compiled-template.js';
import { deployed } from './testing/deployed.js';
import { exampleSpec } from './testing/example.js';

const RBAC_CLUSTER_ADMIN = 'b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b';
const CLUSTER_USER = '4abbcc35-e782-43d8-92c5-2d3c1bd2253f';
const EXTENSION = 'Microsoft.KubernetesConfiguration/extensions';
const CONFIGURATION = 'Microsoft.KubernetesConfiguration/fluxConfigurations';
const spec = exampleSpec();

describe('access for the Entra groups (bicep snapshot)', () => {
  const lz = deployed('example');
  const clusterId = lz.template.one('Microsoft.ContainerService/managedClusters').id!;
  const onCluster = lz.template.resourcesOfType('Microsoft.Authorization/roleAssignments').filter((r) => r.id!.startsWith(`${clusterId}/providers/`));
  const withRole = (role: string) => onCluster.filter((r) => String(r.properties!.roleDefinitionId).endsWith(role));

  it('GIVEN platform admin groups WHEN deployed THEN each gets the AKS RBAC Cluster Admin role on the cluster', () => {
    const admins = withRole(RBAC_CLUSTER_ADMIN);
    expect(admins.map((r) => r.properties!.principalId)).toEqual(spec.access.platformAdminGroupObjectIds);
    for (const r of admins) expect(r.properties!.principalType).toBe('Group');
  });

  it('THEN every team group (members and readers) gets the Cluster User role, to fetch credentials only', () => {
    const expected = spec.teams.flatMap((t) => [t.groupObjectId, ...(t.readOnlyGroupObjectId ? [t.readOnlyGroupObjectId] : [])]);
    expect(withRole(CLUSTER_USER).map((r) => r.properties!.principalId)).toEqual(expected);
    expect(expected).toHaveLength(3);
  });

  it('THEN no team group is a cluster admin, and only these two roles are granted on the cluster', () => {
    const adminPrincipals = withRole(RBAC_CLUSTER_ADMIN).map((r) => r.properties!.principalId);
    for (const team of spec.teams) expect(adminPrincipals).not.toContain(team.groupObjectId);
    expect(withRole(RBAC_CLUSTER_ADMIN).length + withRole(CLUSTER_USER).length).toBe(onCluster.length);
  });

  it('GIVEN two teams sharing a group WHEN listed THEN the group gets the role once', () => {
    const spec2 = { ...spec, teams: [spec.teams[0]!, { ...spec.teams[1]!, groupObjectId: spec.teams[0]!.groupObjectId }] };
    expect(clusterUserGroups(spec2).filter((g) => g === spec.teams[0]!.groupObjectId)).toHaveLength(1);
  });
});

describe('Flux (bicep snapshot)', () => {
  const lz = deployed('example');
  const clusterId = lz.template.one('Microsoft.ContainerService/managedClusters').id!;

  it('GIVEN the example WHEN deployed THEN the AKS Flux extension is installed on the cluster, in multi-tenant lockdown', () => {
    const extension = lz.template.one(EXTENSION);
    expect(extension.id).toBe(`${clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/flux`);
    expect(extension.properties).toMatchObject({
      extensionType: 'microsoft.flux',
      scope: { cluster: { releaseNamespace: 'flux-system' } },
      configurationSettings: { 'multiTenancy.enforce': 'true' },
    });
  });

  it('THEN the Flux configuration follows this repository and branch, and reconciles the cluster entry folder', () => {
    const config = lz.template.one(CONFIGURATION, { name: FLUX_CONFIGURATION_NAME });
    expect(config.id).toContain(`${clusterId}/providers/`);
    expect(config.properties).toMatchObject({
      scope: 'cluster',
      namespace: FLUX_NAMESPACE,
      sourceKind: 'GitRepository',
      gitRepository: { url: spec.gitops.repositoryUrl, repositoryRef: { branch: spec.gitops.branch } },
      kustomizations: { cluster: { path: `./gitops/clusters/${spec.name}`, dependsOn: [], prune: true, wait: false } },
    });
  });

  // Ordering is not part of `bicep snapshot`: these read the compiled ARM template.
  it('THEN the configuration waits for the extension, and the extension for the finished cluster and its pools', () => {
    expect(armResource('flux', 'fluxConfiguration').dependsOn).toEqual(['fluxExtension']);
    expect(armResource('flux').dependsOn).toEqual(['aks']);
    expect(armResource('aks', 'userAgentPools').copy).toMatchObject({ mode: 'serial', batchSize: 1 });
  });
});
