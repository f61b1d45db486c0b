import { evaluate } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { synthClusterManifests } from '../synth.js';
import { exampleCluster, fileOf, withCalicoApi, type Obj } from '../testing/example-cluster.js';
import { CALICO_API_AVAILABLE } from './flux-entry.js';

function entry(calico: boolean): Obj[] {
  const units = synthClusterManifests(withCalicoApi(exampleCluster(), calico));
  const unit = units.find((u) => u.dir === '')!;
  return unit.files.flatMap((f) => f.objects as Obj[]).filter((o) => o.kind === 'Kustomization');
}
const byName = (calico: boolean) => new Map(entry(calico).map((k) => [k.metadata.name as string, k]));

describe('Flux entry folder', () => {
  describe('GIVEN stock AKS (calicoApiPolicies off)', () => {
    it('THEN there are only infrastructure and teams: nothing waits for the Calico API', () => {
      const kustomizations = entry(false);
      expect(kustomizations.map((k) => k.metadata.name)).toEqual(['infrastructure', 'teams']);
      expect(kustomizations[1]!.spec.dependsOn).toEqual([{ name: 'infrastructure' }]);
    });
  });

  describe('GIVEN the spec opts into the Calico API', () => {
    it('THEN infrastructure, calico-apiserver, calico and teams Kustomizations exist, one file each', () => {
      const unit = synthClusterManifests(withCalicoApi(exampleCluster(), true)).find((u) => u.dir === '')!;
      // notifications.yaml: the example platform asks for alerts (flux-entry-notifications.test.ts).
      expect(unit.files.map((f) => f.name)).toEqual(['infrastructure.yaml', 'calico-apiserver.yaml', 'calico.yaml', 'teams.yaml', 'notifications.yaml']);
      for (const file of unit.files.filter((f) => f.name !== 'notifications.yaml')) {
        expect(file.objects).toHaveLength(1);
        expect(file.objects[0]).toMatchObject({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization' });
      }
      expect(fileOf(unit, 'calico.yaml')[0]!.metadata.name).toBe('calico');
    });

    it('THEN calico-apiserver is Ready only when the v3.projectcalico.org APIService is Available (healthChecks + CEL, wait off)', () => {
      const apiServer = byName(true).get('calico-apiserver')!;
      expect(apiServer.spec.dependsOn).toEqual([{ name: 'infrastructure' }]);
      // Flux ignores healthChecks while wait is on.
      expect(apiServer.spec.wait).toBe(false);
      expect(apiServer.spec.healthChecks).toEqual([{ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', name: 'v3.projectcalico.org' }]);
      expect(apiServer.spec.healthCheckExprs).toEqual([{ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', current: CALICO_API_AVAILABLE }]);
    });

    it('THEN the v3 objects (calico) wait for the API server step, and teams depend on infrastructure only', () => {
      const k = byName(true);
      expect(k.get('infrastructure')!.spec.dependsOn).toBeUndefined();
      expect(k.get('calico')!.spec.dependsOn).toEqual([{ name: 'calico-apiserver' }]);
      expect(k.get('teams')!.spec.dependsOn).toEqual([{ name: 'infrastructure' }]);
    });
  });

  it('THEN every Kustomization prunes, reconciles every 10m and reads the platform GitRepository in its own namespace; all but the health-checked one wait', () => {
    for (const k of entry(true)) {
      expect(k.metadata.namespace).toBe('flux-system');
      expect(k.spec).toMatchObject({ prune: true, interval: '10m' });
      expect(k.spec.wait).toBe(k.spec.healthChecks === undefined);
      expect(k.spec.retryInterval).toMatch(/^\d+m$/);
      expect(k.spec.timeout).toMatch(/^\d+m$/);
      expect(k.spec.sourceRef.kind).toBe('GitRepository');
      expect(k.spec.sourceRef.name).toBe('platform');
      // Multi-tenant lockdown: no cross-namespace reference (absent or the same namespace).
      expect([undefined, 'flux-system']).toContain(k.spec.sourceRef.namespace);
    }
  });

  it('THEN each path points at its folder of this cluster', () => {
    const paths = Object.fromEntries(entry(true).map((k) => [k.metadata.name, k.spec.path]));
    expect(paths).toEqual({
      infrastructure: './gitops/clusters/weu-prod/infrastructure',
      'calico-apiserver': './gitops/clusters/weu-prod/calico-apiserver',
      calico: './gitops/clusters/weu-prod/calico',
      teams: './gitops/clusters/weu-prod/teams',
    });
  });
});

describe('the APIService health expression, evaluated as CEL', () => {
  const apiService = (status: Obj) => ({
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name: 'v3.projectcalico.org' },
    spec: {},
    status,
  });

  it('GIVEN the API server is not up (no status yet, or Available False) THEN not current', () => {
    expect(evaluate(CALICO_API_AVAILABLE, apiService({}))).toBe(false);
    // What an APIService reports while the Calico API server has no endpoints (projectcalico/calico#9344).
    expect(evaluate(CALICO_API_AVAILABLE, apiService({ conditions: [{ type: 'Available', status: 'False', reason: 'MissingEndpoints' }] }))).toBe(false);
  });

  it('GIVEN Available True THEN current', () => {
    expect(evaluate(CALICO_API_AVAILABLE, apiService({ conditions: [{ type: 'Available', status: 'True', reason: 'Passed' }] }))).toBe(true);
  });
});

describe('GIVEN teams that deliver from their own repositories', () => {
  const teamsStep = (spec: ReturnType<typeof exampleCluster>): Obj => {
    const unit = synthClusterManifests(spec).find((u) => u.dir === '')!;
    return fileOf(unit, 'teams.yaml')[0]!;
  };

  it('THEN teams still waits for everything it applies, but counts the tenant Flux objects healthy once applied', () => {
    const spec = exampleCluster();
    expect(spec.teams.some((t) => t.delivery)).toBe(true);
    const teams = teamsStep(spec);
    expect(teams.spec.wait).toBe(true);
    const kinds = (teams.spec.healthCheckExprs as Obj[]).map((e) => `${e.apiVersion}/${e.kind}`);
    expect(kinds).toEqual([
      'kustomize.toolkit.fluxcd.io/v1/Kustomization',
      'helm.toolkit.fluxcd.io/v2/HelmRelease',
      'source.toolkit.fluxcd.io/v1/GitRepository',
      expect.stringMatching(/^source\.toolkit\.fluxcd\.io\/v1(beta2)?\/OCIRepository$/),
      'source.toolkit.fluxcd.io/v1/HelmRepository',
    ]);
    // A tenant Kustomization that failed is still "current" for the platform step: the expression ignores its status.
    const failed = { status: { conditions: [{ type: 'Ready', status: 'False' }] } };
    for (const e of teams.spec.healthCheckExprs as Obj[]) expect(evaluate(e.current, failed)).toBe(true);
  });

  it('WHEN no team delivers THEN teams carries no health expressions (plain wait)', () => {
    const spec = exampleCluster();
    const teams = teamsStep({ ...spec, teams: spec.teams.map(({ delivery: _delivery, ...t }) => t) });
    expect(teams.spec.wait).toBe(true);
    expect(teams.spec.healthCheckExprs).toBeUndefined();
  });
});
