import { describe, expect, it } from 'vitest';
import { clusterUserGroups } from './parameters.js';
import { exampleSpec } from './test-support/example.js';
import { at, renderFor } from './test-support/landing-zone.js';

const RBAC_CLUSTER_ADMIN = 'b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b';
const CLUSTER_USER = '4abbcc35-e782-43d8-92c5-2d3c1bd2253f';

describe('access for the Entra groups', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);
  const onCluster = lz.resources('Microsoft.Authorization/roleAssignments').filter((r) => r.module === 'clusterAccess');
  const withRole = (role: string) => onCluster.filter((r) => JSON.stringify(at(r.body, 'properties.roleDefinitionId')).includes(role));

  it('GIVEN platform admin groups WHEN deployed THEN each gets the AKS RBAC Cluster Admin role on the cluster', () => {
    const admins = withRole(RBAC_CLUSTER_ADMIN);
    expect(admins.map((r) => at(r.body, 'properties.principalId'))).toEqual(spec.access.platformAdminGroupObjectIds);
    for (const r of admins) {
      expect(r.body.scope).toEqual({ $ref: 'managedCluster' });
      expect(at(r.body, 'properties.principalType')).toBe('Group');
    }
  });

  it('THEN every team group (members and readers) gets the Cluster User role, to fetch credentials only', () => {
    const users = withRole(CLUSTER_USER);
    const expected = spec.teams.flatMap((t) => [t.groupObjectId, ...(t.readOnlyGroupObjectId ? [t.readOnlyGroupObjectId] : [])]);
    expect(users.map((r) => at(r.body, 'properties.principalId'))).toEqual(expected);
    expect(expected).toHaveLength(3);
  });

  it('THEN no team group is a cluster admin, and only these two roles are granted on the cluster', () => {
    const adminPrincipals = withRole(RBAC_CLUSTER_ADMIN).map((r) => at(r.body, 'properties.principalId'));
    for (const team of spec.teams) expect(adminPrincipals).not.toContain(team.groupObjectId);
    expect(withRole(RBAC_CLUSTER_ADMIN).length + withRole(CLUSTER_USER).length).toBe(onCluster.length);
  });

  it('GIVEN two teams sharing a group WHEN listed THEN the group gets the role once', () => {
    const spec2 = { ...spec, teams: [spec.teams[0]!, { ...spec.teams[1]!, groupObjectId: spec.teams[0]!.groupObjectId }] };
    const groups = clusterUserGroups(spec2);
    expect(groups.filter((g) => g === spec.teams[0]!.groupObjectId)).toHaveLength(1);
  });
});
