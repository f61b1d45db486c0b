// Team StatefulSets, CronJobs, Key Vault secrets and secret-sync Deployments, from team YAML through
// the spec, the charts, the schema validator and the policy gate: what `kit render` would refuse.
import { synthClusterManifests } from '@aks-hybrid/charts';
import { fileSystemSource, loadCluster, memorySource, type ClusterSpec } from '@aks-hybrid/spec';
import { createSchemaValidator, evaluatePolicies } from '@aks-hybrid/validate';
import jsYaml from 'js-yaml';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { layoutFluxTree } from './flux-tree.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEV = 'apps/weu-prod/teams/dev.yaml';
type Obj = Record<string, any>;

const resources = { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } };
/** dev with a StatefulSet, a CronJob that mounts a Key Vault secret, and a synced secret no workload mounts. */
function tenantWorkloadsSpec(): ClusterSpec {
  const base = fileSystemSource(REPO_ROOT);
  const doc = parseDocument(base.read(DEV)!);
  doc.setIn(['spec', 'workloads', 2], {
    name: 'search',
    kind: 'StatefulSet',
    image: 'acrcontosoweuprod.azurecr.io/dev/search:8.15.0',
    port: 9200,
    replicas: { min: 3, max: 3 },
    resources,
    volumeClaims: [{ name: 'data', size: '64Gi', mountPath: '/var/lib/search', storageClass: 'managed-csi-premium' }],
    ingress: false,
  });
  doc.setIn(['spec', 'workloads', 3], {
    name: 'nightly-export',
    kind: 'CronJob',
    image: 'acrcontosoweuprod.azurecr.io/dev/export:1.0.0',
    resources,
    secrets: ['export-target'],
    cronJob: { schedule: '0 3 * * *', timeZone: 'Europe/Amsterdam' },
  });
  doc.setIn(
    ['spec', 'secrets'],
    [
      {
        name: 'export-target',
        objects: [
          { name: 'export-sas-url', alias: 'sas-url' },
          { name: 'export-cert', type: 'cert' },
        ],
      },
      {
        name: 'app-git',
        objects: [{ name: 'github-app-token' }],
        syncToSecret: { name: 'dev-app-git', keys: [{ key: 'password', object: 'github-app-token' }] },
      },
    ],
  );
  doc.setIn(['spec', 'azureIdentity'], { keyVault: true, clientId: '11111111-2222-4333-8444-555555555555' });
  return loadCluster(memorySource(new Map([[DEV, doc.toString()]]), base), 'weu-prod');
}

let spec: ClusterSpec;
let files: Map<string, readonly unknown[]>;
let texts: Map<string, string>;
beforeAll(() => {
  spec = tenantWorkloadsSpec();
  files = new Map();
  texts = layoutFluxTree(spec.name, synthClusterManifests(spec), files);
});
const devFile = (name: string) => (files.get(`gitops/clusters/weu-prod/teams/dev/${name}`) ?? []) as Obj[];

describe('team StatefulSet, CronJob and Key Vault secrets in the rendered tree', () => {
  it('GIVEN the team file THEN dev renders its StatefulSet, CronJob, SecretProviderClasses and one secret-sync Deployment, each listed in kustomization.yaml', () => {
    const kinds = (name: string) => devFile(name).map((o) => o.kind);
    expect(kinds('workload-search.yaml')).toEqual(['StatefulSet', 'Service', 'PodDisruptionBudget']);
    expect(kinds('workload-nightly-export.yaml')).toEqual(['CronJob']);
    expect(kinds('secrets.yaml')).toEqual(['SecretProviderClass', 'SecretProviderClass']);
    expect(kinds('secret-sync-app-git.yaml')).toEqual(['Deployment']);
    const index = jsYaml.load(texts.get('gitops/clusters/weu-prod/teams/dev/kustomization.yaml')!) as Obj;
    expect(index.resources).toEqual(
      expect.arrayContaining(['secrets.yaml', 'workload-search.yaml', 'workload-nightly-export.yaml', 'secret-sync-app-git.yaml']),
    );
    // The default federated accounts: the four workloads and the secret-sync account.
    expect(spec.teams.find((t) => t.name === 'dev')!.azureIdentity!.serviceAccounts).toEqual([
      'storefront',
      'catalog-cache',
      'search',
      'nightly-export',
      'secret-sync',
    ]);
  });

  it('THEN every object passes the Kubernetes 1.35 and CRD schemas', () => {
    const validator = createSchemaValidator({ kubernetesVersion: spec.cluster.kubernetesVersion });
    const findings = [...files].flatMap(([file, objects]) => objects.flatMap((o) => validator.validateObject(o, { file })));
    expect(findings).toEqual([]);
  });

  it('THEN the policy gate finds nothing: the pod rules (POD_KINDS) read the StatefulSet and CronJob pod templates and pass them', async () => {
    const report = await evaluatePolicies({ objects: files }, spec);
    expect(report.findings).toEqual([]);
  });

  it('AND a CronJob image from a registry the cluster does not allow THEN the gate fails the CronJob (its pod template is checked)', async () => {
    const bad = new Map(files);
    const path = 'gitops/clusters/weu-prod/teams/dev/workload-nightly-export.yaml';
    const [cron] = structuredClone(bad.get(path)) as [Obj];
    cron.spec.jobTemplate.spec.template.spec.containers[0].image = 'docker.io/library/busybox:1.36';
    bad.set(path, [cron]);
    const report = await evaluatePolicies({ objects: bad }, spec);
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'KIT-IMG-001', object: 'CronJob dev/nightly-export' })]);
  });

  it('THEN the SecretProviderClass objects parameter reads, as YAML, as the provider expects: one document per Key Vault object', () => {
    const [target] = devFile('secrets.yaml') as [Obj];
    const outer = jsYaml.load(target.spec.parameters.objects) as { array: string[] };
    expect(outer.array.map((d) => jsYaml.load(d))).toEqual([
      { objectName: 'export-sas-url', objectType: 'secret', objectAlias: 'sas-url' },
      { objectName: 'export-cert', objectType: 'cert' },
    ]);
  });
});
