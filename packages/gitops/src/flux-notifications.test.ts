import { ENTRY_KUSTOMIZATION, synthClusterManifests } from '@aks-hybrid/charts';
import { FLUX_CONFIGURATION_NAME, fluxKustomizations } from '@aks-hybrid/landing-zone';
import { fileSystemSource, loadCluster, NOTIFICATION_PROVIDER_TYPES, type ClusterSpec } from '@aks-hybrid/spec';
import { createSchemaValidator } from '@aks-hybrid/validate';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutFluxTree } from './flux-tree.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
type Obj = Record<string, any>;

let spec: ClusterSpec;
let validator: ReturnType<typeof createSchemaValidator>;
beforeAll(() => {
  spec = loadCluster(fileSystemSource(REPO_ROOT), 'weu-prod');
  validator = createSchemaValidator({ kubernetesVersion: spec.cluster.kubernetesVersion });
});

/** The example with the platform and team dev asking for alerts, laid out as the Flux tree. */
function notificationObjects(platform: ClusterSpec['notifications'], dev: ClusterSpec['notifications']): Map<string, readonly Obj[]> {
  const withAlerts: ClusterSpec = {
    ...spec,
    ...(platform ? { notifications: platform } : {}),
    teams: spec.teams.map((t) => (t.name === 'dev' && dev ? { ...t, notifications: dev } : t)),
  };
  const objects = new Map<string, readonly unknown[]>();
  layoutFluxTree(spec.name, synthClusterManifests(withAlerts), objects);
  return new Map([...objects].filter(([path]) => path.endsWith('/notifications.yaml')) as Array<[string, readonly Obj[]]>);
}

describe('Flux notifications in the tree', () => {
  it('GIVEN the platform and one team ask for alerts THEN the entry folder and the team folder each get notifications.yaml, listed in their kustomization.yaml', () => {
    const withAlerts: ClusterSpec = {
      ...spec,
      teams: spec.teams.map((t) => (t.name === 'dev' ? { ...t, notifications: { type: 'msteams', secretRef: 'dev-teams' } } : t)),
    };
    const files = layoutFluxTree(spec.name, synthClusterManifests(withAlerts));
    expect([...files.keys()].filter((p) => p.endsWith('/notifications.yaml'))).toEqual([
      'gitops/clusters/weu-prod/notifications.yaml',
      'gitops/clusters/weu-prod/teams/dev/notifications.yaml',
    ]);
    expect(files.get('gitops/clusters/weu-prod/kustomization.yaml')).toContain('- notifications.yaml');
    expect(files.get('gitops/clusters/weu-prod/teams/dev/kustomization.yaml')).toContain('- notifications.yaml');
  });

  it.each(NOTIFICATION_PROVIDER_TYPES)('GIVEN type %s THEN the rendered Provider and Alert pass the vendored CRD schemas', (type) => {
    const target = {
      type,
      secretRef: 'alerts',
      ...(['telegram', 'matrix', 'webex', 'slack', 'rocket'].includes(type) ? { channel: 'ops' } : type === 'zulip' ? { channel: 'ops/flux' } : {}),
    };
    const files = notificationObjects(target, target);
    expect(files.size).toBe(2);
    for (const [file, objects] of files) {
      for (const o of objects) expect(validator.validateObject(o, { file })).toEqual([]);
    }
  });

  it('GIVEN a Provider type outside the CRD enum THEN the same validator refuses it (the CRD really is applied)', () => {
    const [file, objects] = [...notificationObjects({ type: 'msteams', secretRef: 'alerts' }, undefined)][0]!;
    const provider = { ...objects[0]!, spec: { ...objects[0]!.spec, type: 'carrier-pigeon' } };
    expect(validator.validateObject(provider, { file }).map((f) => f.path)).toContain('/spec/type');
  });

  it('GIVEN an Alert without eventSources THEN the validator refuses it', () => {
    const [file, objects] = [...notificationObjects({ type: 'msteams', secretRef: 'alerts' }, undefined)][0]!;
    const { eventSources: _, ...rest } = objects[1]!.spec;
    expect(validator.validateObject({ ...objects[1]!, spec: rest }, { file }).length).toBeGreaterThan(0);
  });
});

describe('the entry Kustomization the platform Alert watches', () => {
  it('is the one the landing zone asks AKS to create: <configuration>-<kustomization>', () => {
    expect(fluxKustomizations(spec)).toHaveLength(1);
    expect(ENTRY_KUSTOMIZATION).toBe(`${FLUX_CONFIGURATION_NAME}-${fluxKustomizations(spec)[0]!.name}`);
  });
});
