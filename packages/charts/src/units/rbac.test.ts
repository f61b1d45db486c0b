import { describe, expect, it } from 'vitest';
import { synthClusterManifests, synthTeamManifests } from '../synth.js';
import { allObjects, exampleCluster, fileOf, objectsOf, team, type Obj } from '../test-support.js';

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

  it('GIVEN team dev THEN its group gets the built-in edit ClusterRole through a RoleBinding in its namespace', () => {
    const rbac = fileOf(synthTeamManifests(spec, dev), 'rbac.yaml');
    const edit = rbac.find((o) => o.kind === 'RoleBinding' && o.roleRef.name === 'edit')!;
    expect(edit.metadata.namespace).toBe('dev');
    expect(edit.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' });
    expect(edit.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: dev.groupObjectId }]);
  });

  it('GIVEN a read-only group THEN it gets view; WITHOUT one THEN there is no view binding', () => {
    const devBindings = fileOf(synthTeamManifests(spec, dev), 'rbac.yaml').filter((o) => o.kind === 'RoleBinding');
    const view = devBindings.find((o) => o.roleRef.name === 'view')!;
    expect(view.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: dev.readOnlyGroupObjectId }]);
    expect(checkout.readOnlyGroupObjectId).toBeUndefined();
    const checkoutBindings = fileOf(synthTeamManifests(spec, checkout), 'rbac.yaml').filter((o) => o.kind === 'RoleBinding');
    expect(checkoutBindings.map((b) => b.roleRef.name)).toEqual(['edit']);
  });

  it('THEN nothing rendered for a team is cluster-scoped RBAC, and bindings point only at edit or view', () => {
    for (const t of spec.teams) {
      const objects = objectsOf(synthTeamManifests(spec, t));
      expect(objects.filter((o) => o.kind === 'ClusterRoleBinding' || o.kind === 'ClusterRole')).toEqual([]);
      for (const binding of objects.filter((o) => o.kind === 'RoleBinding')) {
        expect(binding.metadata.namespace).toBe(t.name);
        expect(['edit', 'view']).toContain(binding.roleRef.name);
      }
    }
  });

  it('THEN no Role rendered for teams holds a wildcard or escalate, bind or impersonate', () => {
    const objects = spec.teams.flatMap((t) => objectsOf(synthTeamManifests(spec, t)));
    const rules = objects.filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole').flatMap((o) => (o.rules ?? []) as Obj[]);
    for (const rule of rules) {
      for (const field of ['verbs', 'resources', 'apiGroups']) expect(rule[field] ?? []).not.toContain('*');
      for (const verb of ['escalate', 'bind', 'impersonate']) expect(rule.verbs ?? []).not.toContain(verb);
    }
    // And every RBAC object of a team is one of the kinds checked above or a RoleBinding to a built-in role.
    expect(objects.filter((o) => RBAC_KINDS.includes(o.kind)).every((o) => o.kind === 'RoleBinding')).toBe(true);
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
