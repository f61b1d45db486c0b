import { TENANT_RECONCILER_SERVICE_ACCOUNT, type Team, type TenantSource } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { synthTeamManifests } from '../synth.js';
import { exampleCluster, fileOf, team, withTeam, type Obj } from '../testing/example-cluster.js';

const FLUX_KINDS = ['GitRepository', 'OCIRepository', 'HelmRepository', 'Kustomization', 'HelmRelease'];

const common = { interval: '5m', timeout: '5m', prune: true, dependsOn: [] as string[] };
const git: TenantSource = { kind: 'git', name: 'app', url: 'https://github.com/contoso/app', ref: { branch: 'main' }, path: './deploy', ...common };
const oci: TenantSource = {
  kind: 'oci',
  name: 'bundle',
  url: 'oci://acr.azurecr.io/dev/bundle',
  ref: { digest: `sha256:${'a'.repeat(64)}` },
  path: './',
  ...common,
  prune: false,
  dependsOn: ['app'],
};
const helm: TenantSource = {
  kind: 'helm',
  name: 'cache',
  repository: { url: 'oci://acr.azurecr.io/charts', type: 'oci' },
  chart: 'redis',
  version: '19.x',
  values: { replicas: 2 },
  ...common,
  credentials: { secretRef: 'acr-pull', provider: 'generic' },
};

/** The delivery file of team dev delivering these sources (dev delivers nothing in the example). */
function deliveryOf(...sources: TenantSource[]): Obj[] {
  const spec = exampleCluster();
  const dev: Team = { ...team(spec, 'dev'), delivery: { sources } };
  return fileOf(synthTeamManifests(withTeam(spec, dev), dev), 'delivery.yaml');
}
const byKind = (objects: Obj[], kind: string) => objects.filter((o) => o.kind === kind);

describe('TenantDelivery', () => {
  it('GIVEN a team that declares no delivery THEN its folder has no delivery.yaml and no Flux object at all', () => {
    const spec = exampleCluster();
    const unit = synthTeamManifests(spec, team(spec, 'dev'));
    expect(unit.files.map((f) => f.name)).not.toContain('delivery.yaml');
    expect(unit.files.flatMap((f) => f.objects as Obj[]).filter((o) => FLUX_KINDS.includes(o.kind as string))).toEqual([]);
  });

  it('GIVEN the example THEN checkout delivers ./deploy of its repository, main, with its secret, as checkout/flux-reconciler', () => {
    const spec = exampleCluster();
    const objects = fileOf(synthTeamManifests(spec, team(spec, 'checkout')), 'delivery.yaml');
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/flux-reconciler',
      'RoleBinding/flux-reconciler',
      'GitRepository/checkout-app',
      'Kustomization/checkout-app',
    ]);
    const [repo] = byKind(objects, 'GitRepository') as [Obj];
    expect(repo.apiVersion).toBe('source.toolkit.fluxcd.io/v1');
    expect(repo.spec).toEqual({
      url: 'https://github.com/contoso/checkout-app',
      ref: { branch: 'main' },
      interval: '5m',
      timeout: '60s',
      secretRef: { name: 'checkout-app-git' },
    });
    const [ks] = byKind(objects, 'Kustomization') as [Obj];
    expect(ks.apiVersion).toBe('kustomize.toolkit.fluxcd.io/v1');
    expect(ks.metadata.namespace).toBe('checkout');
    expect(ks.spec).toEqual({
      serviceAccountName: TENANT_RECONCILER_SERVICE_ACCOUNT,
      targetNamespace: 'checkout',
      sourceRef: { kind: 'GitRepository', name: 'checkout-app' },
      path: './deploy',
      interval: '5m',
      retryInterval: '2m',
      timeout: '5m',
      prune: true,
      wait: true,
    });
  });

  it('THEN the reconciler is a token-less ServiceAccount bound to the team Role, never to a ClusterRole', () => {
    const objects = deliveryOf(git);
    const [sa] = byKind(objects, 'ServiceAccount') as [Obj];
    expect(sa).toMatchObject({ metadata: { name: 'flux-reconciler', namespace: 'dev' }, automountServiceAccountToken: false });
    const bindings = objects.filter((o) => /RoleBinding$/.test(o.kind as string));
    expect(bindings.map((b) => b.kind)).toEqual(['RoleBinding']);
    expect(bindings[0]!.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'team-edit' });
    expect(bindings[0]!.subjects).toEqual([{ kind: 'ServiceAccount', name: 'flux-reconciler', namespace: 'dev' }]);
    expect(byKind(objects, 'Role')).toEqual([]);
  });

  it('GIVEN git, oci and helm sources THEN every applier impersonates the reconciler, targets the team and names its source without a namespace', () => {
    const objects = deliveryOf(git, oci, helm);
    for (const o of objects) expect(o.metadata.namespace).toBe('dev');
    const appliers = objects.filter((o) => o.kind === 'Kustomization' || o.kind === 'HelmRelease');
    expect(appliers.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Kustomization/app', 'Kustomization/bundle', 'HelmRelease/cache']);
    for (const a of appliers) {
      expect(a.spec.serviceAccountName).toBe('flux-reconciler');
      expect(a.spec.targetNamespace).toBe('dev');
      const ref = a.kind === 'HelmRelease' ? a.spec.chart.spec.sourceRef : a.spec.sourceRef;
      expect(ref).not.toHaveProperty('namespace');
      expect(objects.some((o) => o.kind === ref.kind && o.metadata.name === ref.name)).toBe(true);
    }
  });

  it('GIVEN an oci source THEN an OCIRepository pinned by digest, a Kustomization with prune off and dependsOn in its namespace', () => {
    const objects = deliveryOf(git, oci);
    const repo = objects.find((o) => o.kind === 'OCIRepository')!;
    expect(repo.apiVersion).toBe('source.toolkit.fluxcd.io/v1');
    expect(repo.spec).toEqual({ url: oci.url, ref: { digest: `sha256:${'a'.repeat(64)}` }, interval: '5m', timeout: '60s' });
    const ks = objects.find((o) => o.kind === 'Kustomization' && o.metadata.name === 'bundle')!;
    expect(ks.spec).toMatchObject({ sourceRef: { kind: 'OCIRepository', name: 'bundle' }, prune: false, dependsOn: [{ name: 'app' }] });
  });

  it('GIVEN a helm source THEN an OCI HelmRepository with its secret, a HelmRelease with remediation and values, and Helm storage rights on Secrets for the reconciler only', () => {
    const objects = deliveryOf(helm);
    const repo = objects.find((o) => o.kind === 'HelmRepository')!;
    expect(repo.spec).toEqual({ url: 'oci://acr.azurecr.io/charts', type: 'oci', interval: '5m', timeout: '60s', secretRef: { name: 'acr-pull' } });
    const release = objects.find((o) => o.kind === 'HelmRelease')!;
    expect(release.apiVersion).toBe('helm.toolkit.fluxcd.io/v2');
    expect(release.spec).toMatchObject({
      chart: { spec: { chart: 'redis', version: '19.x', sourceRef: { kind: 'HelmRepository', name: 'cache' } } },
      install: { remediation: { retries: 3 } },
      upgrade: { remediation: { retries: 3 } },
      values: { replicas: 2 },
    });
    expect(release.spec.values).not.toBe((helm as { values: object }).values); // a copy: the output shares nothing with the spec
    const [role] = byKind(objects, 'Role') as [Obj];
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] }]);
    const storage = byKind(objects, 'RoleBinding').find((b) => b.roleRef.name === role.metadata.name)!;
    expect(storage.subjects).toEqual([{ kind: 'ServiceAccount', name: 'flux-reconciler', namespace: 'dev' }]);
  });

  it('GIVEN a GitHub App credential THEN the GitRepository uses provider github with the secret', () => {
    const objects = deliveryOf({ ...git, credentials: { secretRef: 'gh-app', provider: 'github' } });
    expect(objects.find((o) => o.kind === 'GitRepository')!.spec).toMatchObject({ provider: 'github', secretRef: { name: 'gh-app' } });
  });

  it('GIVEN the team Role the reconciler is bound to THEN it grants nothing on Flux kinds: a tenant repository cannot create Flux objects', () => {
    const spec = exampleCluster();
    const role = fileOf(synthTeamManifests(spec, team(spec, 'checkout')), 'rbac.yaml').find((o) => o.kind === 'Role' && o.metadata.name === 'team-edit')!;
    const groups = (role.rules as Obj[]).flatMap((r) => r.apiGroups as string[]);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.filter((g) => g.endsWith('toolkit.fluxcd.io') || g === '*')).toEqual([]);
    expect((role.rules as Obj[]).filter((r) => (r.verbs as string[]).some((v) => ['impersonate', 'escalate', 'bind'].includes(v)))).toEqual([]);
  });

  it('GIVEN the same spec twice THEN the same objects (pure renderer)', () => {
    expect(JSON.stringify(deliveryOf(git, oci, helm))).toBe(JSON.stringify(deliveryOf(git, oci, helm)));
  });
});
