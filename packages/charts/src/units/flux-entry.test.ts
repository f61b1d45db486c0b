import { describe, expect, it } from 'vitest';
import { synthClusterManifests } from '../synth.js';
import { exampleCluster, fileOf, withCalicoApi, type Obj } from '../test-support.js';

function entry(calico: boolean): Obj[] {
  const units = synthClusterManifests(withCalicoApi(exampleCluster(), calico));
  const unit = units.find((u) => u.dir === '')!;
  return unit.files.flatMap((f) => f.objects as Obj[]);
}

describe('Flux entry folder', () => {
  it('GIVEN the Calico API WHEN rendered THEN infrastructure, calico and teams Kustomizations exist, one file each', () => {
    const unit = synthClusterManifests(exampleCluster()).find((u) => u.dir === '')!;
    expect(unit.files.map((f) => f.name)).toEqual(['infrastructure.yaml', 'calico.yaml', 'teams.yaml']);
    for (const file of unit.files) {
      expect(file.objects).toHaveLength(1);
      expect(file.objects[0]).toMatchObject({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization' });
    }
    expect(fileOf(unit, 'calico.yaml')[0]!.metadata.name).toBe('calico');
  });

  it('THEN calico depends on infrastructure and teams on both', () => {
    const byName = new Map(entry(true).map((k) => [k.metadata.name as string, k]));
    expect(byName.get('infrastructure')!.spec.dependsOn).toBeUndefined();
    expect(byName.get('calico')!.spec.dependsOn).toEqual([{ name: 'infrastructure' }]);
    expect(byName.get('teams')!.spec.dependsOn).toEqual([{ name: 'infrastructure' }, { name: 'calico' }]);
  });

  it('GIVEN no Calico API THEN there is no calico Kustomization and teams depend on infrastructure only', () => {
    const kustomizations = entry(false);
    expect(kustomizations.map((k) => k.metadata.name)).toEqual(['infrastructure', 'teams']);
    expect(kustomizations[1]!.spec.dependsOn).toEqual([{ name: 'infrastructure' }]);
  });

  it('THEN every Kustomization prunes, waits, reconciles every 10m and reads the platform GitRepository in its own namespace', () => {
    for (const k of entry(true)) {
      expect(k.metadata.namespace).toBe('flux-system');
      expect(k.spec).toMatchObject({ prune: true, wait: true, interval: '10m' });
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
      calico: './gitops/clusters/weu-prod/calico',
      teams: './gitops/clusters/weu-prod/teams',
    });
  });
});
