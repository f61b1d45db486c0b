import { describe, expect, it } from 'vitest';
import { loadCluster } from '../load/load-cluster.js';
import { EXAMPLE_CLUSTER, exampleWith, issuesOfExampleWith } from '../testing/example.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const DEV = 'apps/weu-prod/teams/dev.yaml';
type Edit = [Array<string | number>, unknown];
const statefulSet = (replicas: number, claims: Array<Record<string, unknown>>) => ({
  name: 'search',
  kind: 'StatefulSet',
  image: 'acrcontosoweuprod.azurecr.io/dev/search:1.0.0',
  port: 9200,
  replicas: { min: replicas, max: replicas },
  resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  volumeClaims: claims,
});
const withStatefulSet = (replicas: number, claims: Array<Record<string, unknown>>, more: Record<string, Edit[]> = {}) => ({
  ...more,
  [DEV]: [[['spec', 'workloads', 2], statefulSet(replicas, claims)] as Edit, ...(more[DEV] ?? [])],
});
const claim = (size: string, extra: Record<string, unknown> = {}) => ({
  name: `data-${size.toLowerCase()}`,
  size,
  mountPath: `/var/lib/${size.toLowerCase()}`,
  ...extra,
});

describe('storage classes', () => {
  it('GIVEN the example THEN its classes and default; GIVEN no spec.storage THEN the AKS built-in disk classes, managed-csi by default', () => {
    expect(loadCluster(exampleWith(), EXAMPLE_CLUSTER).storage).toEqual({
      classes: ['managed-csi', 'managed-csi-premium'],
      defaultClass: 'managed-csi-premium',
    });
    expect(loadCluster(exampleWith({ [PLATFORM]: [[['spec', 'storage'], undefined]] }), EXAMPLE_CLUSTER).storage).toEqual({
      classes: ['managed-csi', 'managed-csi-premium'],
      defaultClass: 'managed-csi',
    });
  });

  it('GIVEN a class the platform allows THEN accepted; one it does not THEN refused at the claim, listing the allowed ones', () => {
    expect(issuesOfExampleWith(withStatefulSet(3, [claim('10Gi', { storageClass: 'managed-csi-premium' })]))).toEqual([]);
    const issues = issuesOfExampleWith(withStatefulSet(3, [claim('10Gi', { storageClass: 'azurefile-csi' })]));
    expect(issues).toEqual([
      expect.objectContaining({
        file: DEV,
        path: 'spec.workloads[2].volumeClaims[0].storageClass',
        hint: expect.stringContaining('managed-csi, managed-csi-premium'),
      }),
    ]);
  });

  it('GIVEN platform classes with a ZRS class as default THEN claims get it; a default outside the list THEN refused at the platform', () => {
    const zrs = { [PLATFORM]: [[['spec', 'storage'], { classes: ['managed-csi-premium', 'premium-zrs'], defaultClass: 'premium-zrs' }]] as Edit[] };
    const spec = loadCluster(exampleWith(withStatefulSet(3, [claim('10Gi')], zrs)), EXAMPLE_CLUSTER);
    expect(spec.teams.find((t) => t.name === 'dev')!.workloads.find((w) => w.name === 'search')!.stateful!.volumeClaims[0]!.storageClass).toBe('premium-zrs');
    expect(issuesOfExampleWith({ [PLATFORM]: [[['spec', 'storage'], { classes: ['managed-csi'], defaultClass: 'premium-zrs' }]] })).toEqual([
      expect.objectContaining({ file: PLATFORM, path: 'spec.storage.defaultClass' }),
    ]);
  });
});

describe('StatefulSet claims against the team quota (claims x replicas.max)', () => {
  // dev's quota: storage 500Gi, persistentVolumeClaims 20.
  it('GIVEN 2 claims x 10 replicas = 20 PVCs THEN accepted; 2 x 11 = 22 THEN refused at quota.persistentVolumeClaims', () => {
    expect(issuesOfExampleWith(withStatefulSet(10, [claim('1Gi'), claim('2Gi')]))).toEqual([]);
    const issues = issuesOfExampleWith(withStatefulSet(11, [claim('1Gi'), claim('2Gi')]));
    expect(issues).toEqual([
      expect.objectContaining({ file: DEV, path: 'spec.quota.persistentVolumeClaims', message: expect.stringContaining('22 PersistentVolumeClaims') }),
    ]);
    expect(issues[0]!.hint).toContain('raise quota.persistentVolumeClaims to 22');
  });

  it('GIVEN 5 x 100Gi = 500Gi THEN accepted; 5 x 101Gi THEN refused at quota.storage', () => {
    expect(issuesOfExampleWith(withStatefulSet(5, [claim('100Gi')]))).toEqual([]);
    const issues = issuesOfExampleWith(withStatefulSet(5, [claim('101Gi')]));
    expect(issues).toEqual([expect.objectContaining({ path: 'spec.quota.storage', message: expect.stringContaining('505Gi') })]);
    expect(issues[0]!.line).toBeGreaterThan(0);
  });
});
