import { synthTeamManifests } from '@aks-hybrid/charts';
import { fileSystemSource, loadCluster, type Team, type TenantSource } from '@aks-hybrid/spec';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from './validator.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const common = { interval: '5m', timeout: '5m', prune: true, dependsOn: [] as string[] };
const SOURCES: TenantSource[] = [
  {
    kind: 'git',
    name: 'app',
    url: 'https://github.com/contoso/app',
    ref: { semver: '>=1.0.0' },
    path: './deploy',
    ...common,
    credentials: { secretRef: 'gh-app', provider: 'github' },
  },
  { kind: 'oci', name: 'bundle', url: 'oci://acr.azurecr.io/dev/bundle', ref: { tag: '1.2.3' }, path: './', ...common, dependsOn: ['app'] },
  {
    kind: 'helm',
    name: 'cache',
    repository: { url: 'https://charts.contoso.example/', type: 'default' },
    chart: 'redis',
    version: '19.x',
    values: { replicas: 2, auth: { enabled: false } },
    ...common,
  },
  {
    kind: 'helm',
    name: 'web',
    repository: { url: 'oci://acr.azurecr.io/charts', type: 'oci' },
    chart: 'web',
    version: '1.0.0',
    ...common,
    dependsOn: ['cache'],
  },
];

describe('tenant delivery objects against the vendored CRDs', () => {
  it('GIVEN git, oci and helm sources THEN every object of delivery.yaml is schema-valid (GitRepository, OCIRepository, HelmRepository v1, Kustomization v1, HelmRelease v2)', () => {
    const spec = loadCluster(fileSystemSource(REPO_ROOT), 'weu-prod');
    const dev: Team = { ...spec.teams.find((t) => t.name === 'dev')!, delivery: { sources: SOURCES } };
    const file = synthTeamManifests({ ...spec, teams: [dev] }, dev).files.find((f) => f.name === 'delivery.yaml')!;
    const validator = createSchemaValidator({ kubernetesVersion: spec.cluster.kubernetesVersion });
    const kinds = file.objects.map((o) => `${o.apiVersion as string} ${o.kind as string}`);
    expect(new Set(kinds)).toEqual(
      new Set([
        'v1 ServiceAccount',
        'rbac.authorization.k8s.io/v1 RoleBinding',
        'rbac.authorization.k8s.io/v1 Role',
        'source.toolkit.fluxcd.io/v1 GitRepository',
        'source.toolkit.fluxcd.io/v1 OCIRepository',
        'source.toolkit.fluxcd.io/v1 HelmRepository',
        'kustomize.toolkit.fluxcd.io/v1 Kustomization',
        'helm.toolkit.fluxcd.io/v2 HelmRelease',
      ]),
    );
    expect(file.objects.flatMap((o) => validator.validateObject(o, { file: 'delivery.yaml' }))).toEqual([]);
  });

  it('GIVEN a HelmRelease with an unknown field (targetNamespaces) THEN the validator flags it (the check above can fail)', () => {
    const validator = createSchemaValidator();
    const bad = {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'x', namespace: 'dev' },
      spec: { interval: '5m', chart: { spec: { chart: 'c', sourceRef: { kind: 'HelmRepository', name: 'c' } } }, targetNamespaces: 'dev' },
    };
    expect(validator.validateObject(bad, { file: 'x.yaml' }).length).toBeGreaterThan(0);
  });
});
