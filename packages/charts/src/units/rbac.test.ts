import { describe, expect, it } from 'vitest';
import { synthClusterManifests, synthTeamManifests } from '../synth.js';
import { allObjects, exampleCluster, fileOf, objectsOf, team, type Obj } from '../testing/example-cluster.js';

const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];

describe('cluster-wide access', () => {
  it('GIVEN the example cluster WHEN rendered THEN the only cluster-wide binding gives cluster-admin to the platform admin groups', () => {
    const spec = exampleCluster();
    const bindings = allObjects(synthClusterManifests(spec)).filter((o) => o.kind === 'ClusterRoleBinding');
    expect(bindings).toHaveLength(1);
    const [binding] = bindings as [Obj];
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' });
    expect(binding.subjects).toEqual(spec.access.platformAdminGroupObjectIds.map((id) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: id })));
  });

  it('THEN it lives in the infrastructure folder', () => {
    const unit = synthClusterManifests(exampleCluster()).find((u) => u.dir === 'infrastructure')!;
    expect(fileOf(unit, 'rbac.yaml').map((o) => o.kind)).toEqual(['ClusterRoleBinding']);
  });

  it('GIVEN two admin groups THEN both are subjects', () => {
    const base = exampleCluster();
    const groups = [...base.access.platformAdminGroupObjectIds, '9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0'];
    const spec = { ...base, access: { platformAdminGroupObjectIds: groups } };
    const [binding] = allObjects(synthClusterManifests(spec)).filter((o) => o.kind === 'ClusterRoleBinding') as [Obj];
    expect(binding.subjects.map((s: Obj) => s.name)).toEqual(groups);
  });
});

describe('team access', () => {
  const spec = exampleCluster();
  const dev = team(spec, 'dev');
  const checkout = team(spec, 'checkout');

  it('GIVEN team dev THEN its group gets the Role team-edit of its namespace through a RoleBinding', () => {
    const rbac = fileOf(synthTeamManifests(spec, dev), 'rbac.yaml');
    const edit = rbac.find((o) => o.kind === 'RoleBinding' && o.metadata.name === 'team-edit')!;
    expect(edit.metadata.namespace).toBe('dev');
    expect(edit.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'team-edit' });
    expect(edit.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: dev.groupObjectId }]);
    const role = rbac.find((o) => o.kind === 'Role' && o.metadata.name === 'team-edit')!;
    expect(role.metadata.namespace).toBe('dev');
  });

  it('GIVEN a read-only group THEN it gets the ClusterRole view; WITHOUT one THEN there is no view binding', () => {
    const devBindings = fileOf(synthTeamManifests(spec, dev), 'rbac.yaml').filter((o) => o.kind === 'RoleBinding');
    const view = devBindings.find((o) => o.roleRef.name === 'view')!;
    expect(view.roleRef.kind).toBe('ClusterRole');
    expect(view.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: dev.readOnlyGroupObjectId }]);
    expect(checkout.readOnlyGroupObjectId).toBeUndefined();
    const checkoutBindings = fileOf(synthTeamManifests(spec, checkout), 'rbac.yaml').filter((o) => o.kind === 'RoleBinding');
    expect(checkoutBindings.map((b) => `${b.roleRef.kind}/${b.roleRef.name}`)).toEqual(['Role/team-edit']);
  });

  it('THEN nothing rendered for a team is cluster-scoped RBAC, and bindings point only at the team Role or view', () => {
    for (const t of spec.teams) {
      const objects = objectsOf(synthTeamManifests(spec, t));
      expect(objects.filter((o) => o.kind === 'ClusterRoleBinding' || o.kind === 'ClusterRole')).toEqual([]);
      for (const binding of objects.filter((o) => o.kind === 'RoleBinding')) {
        expect(binding.metadata.namespace).toBe(t.name);
        expect(['Role/team-edit', 'ClusterRole/view']).toContain(`${binding.roleRef.kind}/${binding.roleRef.name}`);
      }
    }
  });

  it('THEN the team Role holds no wildcard, no escalate, bind or impersonate, and mints no ServiceAccount tokens', () => {
    const objects = spec.teams.flatMap((t) => objectsOf(synthTeamManifests(spec, t)));
    const roles = objects.filter((o) => o.kind === 'Role');
    expect(roles.length).toBe(spec.teams.length);
    const rules = roles.flatMap((o) => (o.rules ?? []) as Obj[]);
    for (const rule of rules) {
      for (const field of ['verbs', 'resources', 'apiGroups']) expect((rule[field] ?? []).some((x: string) => x.includes('*'))).toBe(false);
      for (const verb of ['escalate', 'bind', 'impersonate']) expect(rule.verbs).not.toContain(verb);
      if (rule.resources.includes('serviceaccounts/token')) expect(rule.verbs).not.toContain('create');
    }
    // And every RBAC object of a team is a Role or a RoleBinding: nothing else grants rights.
    expect(objects.filter((o) => RBAC_KINDS.includes(o.kind)).every((o) => o.kind === 'RoleBinding' || o.kind === 'Role')).toBe(true);
  });

  it('THEN team members may run workloads but not write NetworkPolicies (the spec owns the network paths)', () => {
    const [role] = fileOf(synthTeamManifests(spec, dev), 'rbac.yaml').filter((o) => o.kind === 'Role') as [Obj];
    const grants = (group: string, resource: string, verb: string) =>
      (role.rules as Obj[]).some((r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb));
    expect(grants('apps', 'deployments', 'update')).toBe(true);
    // docs/decisions/0205: no verb on Secrets for people; apps read Key Vault through the CSI driver.
    for (const verb of ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']) expect(grants('', 'secrets', verb)).toBe(false);
    expect(grants('', 'pods/exec', 'create')).toBe(true);
    expect(grants('networking.k8s.io', 'networkpolicies', 'get')).toBe(true);
    expect(grants('networking.k8s.io', 'networkpolicies', 'create')).toBe(false);
    expect(grants('networking.k8s.io', 'networkpolicies', 'delete')).toBe(false);
    expect(grants('', 'resourcequotas', 'update')).toBe(false);
  });

  it('THEN each workload has its own ServiceAccount that mounts no token', () => {
    const rbac = fileOf(synthTeamManifests(spec, dev), 'rbac.yaml');
    const accounts = rbac.filter((o) => o.kind === 'ServiceAccount');
    expect(accounts.map((a) => a.metadata.name)).toEqual(dev.workloads.map((w) => w.name));
    for (const account of accounts) {
      expect(account.automountServiceAccountToken).toBe(false);
      expect(account.metadata.namespace).toBe('dev');
    }
  });
});
