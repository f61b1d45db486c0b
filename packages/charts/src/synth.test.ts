import { describe, expect, it } from 'vitest';
import { UnitBuilder, type ManifestUnit } from './manifest.js';
import { synthClusterManifests, synthTeamManifests } from './synth.js';
import { syntheticCluster } from './synthetic-cluster.js';
import { allObjects, exampleCluster, withCalicoApi, type Obj } from './testing/example-cluster.js';
import { composeCalico, composeCalicoApiServer } from './units/calico.js';
import { composeFluxEntry } from './units/flux-entry.js';
import { composeInfrastructure } from './units/infrastructure.js';
import { composeTeam } from './units/team.js';

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRoleBinding', 'ClusterRole', 'GlobalNetworkSet', 'GlobalNetworkPolicy']);

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Obj)[k])]),
  );
}

describe('synthClusterManifests', () => {
  const spec = exampleCluster();
  const units = synthClusterManifests(spec);

  it('GIVEN the example cluster (opted into the Calico API) THEN folders come in order: entry, infrastructure, calico-apiserver, calico, then teams by name', () => {
    expect(spec.cluster.calicoApiPolicies).toBe(true);
    expect(units.map((u) => u.dir)).toEqual(['', 'infrastructure', 'calico-apiserver', 'calico', ...spec.teams.map((t) => `teams/${t.name}`)]);
    expect(spec.teams.map((t) => t.name)).toEqual(['checkout', 'dev']);
  });

  it('THEN a team folder has namespace, rbac, network-policies and one file per workload, and no kustomization.yaml', () => {
    const dev = units.find((u) => u.dir === 'teams/dev')!;
    expect(dev.files.map((f) => f.name)).toEqual([
      'namespace.yaml',
      'rbac.yaml',
      'network-policies.yaml',
      'workload-storefront.yaml',
      'workload-catalog-cache.yaml',
    ]);
    const names = units.flatMap((u) => u.files.map((f) => f.name));
    expect(names).not.toContain('kustomization.yaml');
    for (const unit of units) for (const file of unit.files) expect(file.objects.length).toBeGreaterThan(0);
  });

  it('THEN every object has an explicit name, namespaced objects of a team sit in its namespace', () => {
    for (const unit of units) {
      const teamName = unit.dir.startsWith('teams/') ? unit.dir.slice('teams/'.length) : undefined;
      for (const o of unit.files.flatMap((f) => f.objects as Obj[])) {
        expect(o.metadata.name).toMatch(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/);
        if (teamName && !CLUSTER_SCOPED.has(o.kind)) expect(o.metadata.namespace).toBe(teamName);
        if (CLUSTER_SCOPED.has(o.kind)) expect(o.metadata.namespace).toBeUndefined();
      }
    }
  });

  it('THEN synthTeamManifests renders the same folder as the whole cluster does', () => {
    for (const team of spec.teams) expect(synthTeamManifests(spec, team)).toEqual(units.find((u) => u.dir === `teams/${team.name}`));
  });

  it('WHEN rendered twice THEN the output is deep-equal and serialises to the same string', () => {
    for (const variant of [spec, withCalicoApi(spec, false)]) {
      const first = synthClusterManifests(variant);
      const second = synthClusterManifests(variant);
      expect(second).toEqual(first);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    }
  });

  it('THEN no object or array is shared between two places (a shared one would become a YAML alias)', () => {
    const seen = new Set<object>();
    const walk = (value: unknown, where: string) => {
      if (value === null || typeof value !== 'object') return;
      if (seen.has(value)) throw new Error(`shared value at ${where}`);
      seen.add(value);
      for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
    };
    for (const unit of synthClusterManifests(spec)) for (const file of unit.files) walk(file.objects, `${unit.dir}/${file.name}`);
  });

  it('THEN the output shares nothing with the spec (a caller may change either freely)', () => {
    const specValues = new Set<object>();
    const collect = (value: unknown) => {
      if (value === null || typeof value !== 'object') return;
      specValues.add(value);
      Object.values(value).forEach(collect);
    };
    collect(spec);
    const leaks: string[] = [];
    const walk = (value: unknown, where: string) => {
      if (value === null || typeof value !== 'object') return;
      if (specValues.has(value)) leaks.push(where);
      for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
    };
    for (const unit of units) for (const file of unit.files) walk(file.objects, `${unit.dir}/${file.name}`);
    expect(leaks).toEqual([]);
  });

  it('THEN the fast path renders exactly what cdk8s Chart.toJson() renders, up to key order', () => {
    for (const variant of [spec, withCalicoApi(spec, false)]) {
      const builders: UnitBuilder[] = [];
      const add = (dir: string, compose: (u: UnitBuilder) => void) => {
        const unit = new UnitBuilder(dir);
        compose(unit);
        builders.push(unit);
      };
      add('', (u) => composeFluxEntry(u, variant));
      add('infrastructure', (u) => composeInfrastructure(u, variant));
      if (variant.cluster.calicoApiPolicies) {
        add('calico-apiserver', (u) => composeCalicoApiServer(u));
        add('calico', (u) => composeCalico(u, variant));
      }
      for (const team of variant.teams) add(`teams/${team.name}`, (u) => composeTeam(u, variant, team));
      const fast: ManifestUnit[] = builders.map((b) => b.render());
      const cdk8s: ManifestUnit[] = builders.map((b) => b.renderWithChartToJson());
      expect(sortKeys(fast)).toEqual(sortKeys(cdk8s));
      expect(fast).toEqual(synthClusterManifests(variant));
    }
  });

  it('GIVEN 50 synthetic teams THEN every object is unique by kind, namespace and name', () => {
    const objects = allObjects(synthClusterManifests(syntheticCluster(spec, { teams: 50 })));
    const keys = objects.map((o) => `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(objects.filter((o) => o.kind === 'Deployment')).toHaveLength(150);
  });
});
