// The tenant-delivery rules (KIT-TEN-*, KIT-FLUX-001) both ways, through the gate (the very admission policies
// the cluster gets, evaluated with cel-js), and the policies as the API server holds them.
import { admissionPolicyObjects, ObjectIndex, policyName } from '@aks-hybrid/policy';
import { FLUX_NAMESPACE, TENANT_LABEL, type ClusterSpec } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import {
  deliveryFile,
  gitRepository,
  helmRepository,
  ociRepository,
  TENANT_SOURCES,
  tenantHelmRelease,
  tenantKustomization,
  withTenantSources,
} from '../testing/flux-objects.js';
import { addObject, ADMISSION_FILE, exampleSpec, exampleTree, type Obj, type Tree, withTeamException } from '../testing/policy-gate.js';
import { CompiledAdmissionPolicy } from './admission-evaluator.js';
import { evaluatePolicies, type PolicyReport } from './evaluate-policies.js';

const spec = (): ClusterSpec => withTenantSources(exampleSpec());

/** The gate over the example tree plus `objects` in team dev's delivery file (no Bicep: these rules are in-cluster). */
function gate(objects: readonly Obj[], s: ClusterSpec = spec(), file = deliveryFile('dev')): Promise<PolicyReport> {
  const tree: Tree = exampleTree();
  for (const o of objects) addObject(tree, file, o);
  tree.objects.set(ADMISSION_FILE, admissionPolicyObjects(s) as Obj[]);
  return evaluatePolicies({ objects: tree.objects }, s);
}
const found = async (objects: readonly Obj[], s?: ClusterSpec, file?: string) => (await gate(objects, s, file)).findings.map((f) => `${f.rule} ${f.object}`);

/** What the delivery renderer writes for a team: its source and a Kustomization that reconciles it. */
const delivery = (namespace = 'dev') => [gitRepository(namespace, 'https://github.com/contoso/app'), tenantKustomization(namespace)];

describe('a tenant delivery as the kit renders it', () => {
  it('GIVEN a GitRepository from an allowed host and a Kustomization impersonating flux-reconciler into its namespace THEN the gate passes', async () => {
    expect(await found(delivery())).toEqual([]);
  });

  it('GIVEN a HelmRepository and a HelmRelease of the team THEN the gate passes (a HelmRelease may leave targetNamespace out)', async () => {
    expect(await found([helmRepository('dev', 'https://charts.contoso.example/stable'), tenantHelmRelease('dev')])).toEqual([]);
  });
});

describe('KIT-TEN-001: a tenant reconciler impersonates', () => {
  it('GIVEN a tenant Kustomization without serviceAccountName THEN it fails the gate with KIT-TEN-001, naming object and file', async () => {
    const kustomization = tenantKustomization('dev');
    delete kustomization.spec.serviceAccountName;
    const { findings } = await gate([gitRepository('dev', 'https://github.com/contoso/app'), kustomization]);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'KIT-TEN-001',
        object: 'Kustomization dev/app',
        file: deliveryFile('dev'),
        message: expect.stringMatching(/names no serviceAccountName/),
        hint: expect.stringContaining('serviceAccountName: flux-reconciler'),
      }),
    ]);
  });

  it.each(['flux-applier', 'default', 'kustomize-controller', 'helm-controller'])(
    'GIVEN serviceAccountName %s THEN KIT-TEN-001 refuses the platform account',
    async (account) => {
      const { findings } = await gate([
        helmRepository('dev', 'https://charts.contoso.example/x'),
        tenantHelmRelease('dev', 'app', { serviceAccountName: account }),
      ]);
      expect(findings.map((f) => `${f.rule} ${f.object}: ${f.message}`)).toEqual([
        `KIT-TEN-001 HelmRelease dev/app: serviceAccountName ${account} is a platform account; a tenant reconciler impersonates its own`,
      ]);
    },
  );

  it('GIVEN a HelmRelease without serviceAccountName THEN KIT-TEN-001 fails it; a reasoned team exception waives it', async () => {
    const release = tenantHelmRelease('dev');
    delete release.spec.serviceAccountName;
    const objects = [helmRepository('dev', 'https://charts.contoso.example/x'), release];
    expect(await found(objects)).toEqual(['KIT-TEN-001 HelmRelease dev/app']);
    const excepted = await gate(objects, withTeamException(spec(), 'dev', 'KIT-TEN-001', 'HelmRelease/app'));
    expect(excepted.findings).toEqual([]);
    expect(excepted.exceptions.map((e) => `${e.rule} ${e.object}`)).toEqual(['KIT-TEN-001 HelmRelease dev/app']);
  });
});

describe('KIT-TEN-002: a tenant reconciler stays in its namespace and cluster', () => {
  it('GIVEN a tenant Kustomization with a foreign targetNamespace THEN it fails the gate with KIT-TEN-002', async () => {
    const { findings } = await gate([
      gitRepository('dev', 'https://github.com/contoso/app'),
      tenantKustomization('dev', 'app', { targetNamespace: 'checkout' }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'KIT-TEN-002',
        object: 'Kustomization dev/app',
        file: deliveryFile('dev'),
        message: 'spec.targetNamespace checkout is not the team namespace dev',
      }),
    ]);
  });

  it('GIVEN a tenant Kustomization without targetNamespace THEN KIT-TEN-002 asks for it', async () => {
    const kustomization = tenantKustomization('dev');
    delete kustomization.spec.targetNamespace;
    const { findings } = await gate([gitRepository('dev', 'https://github.com/contoso/app'), kustomization]);
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual(['KIT-TEN-002: a tenant Kustomization must set spec.targetNamespace to dev']);
  });

  it('GIVEN a HelmRelease with its own namespace as target and storage THEN it passes; another storageNamespace THEN it fails', async () => {
    const repo = helmRepository('dev', 'https://charts.contoso.example/x');
    expect(await found([repo, tenantHelmRelease('dev', 'app', { targetNamespace: 'dev', storageNamespace: 'dev' })])).toEqual([]);
    const { findings } = await gate([repo, tenantHelmRelease('dev', 'app', { storageNamespace: FLUX_NAMESPACE })]);
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([
      expect.stringMatching(/^KIT-TEN-002: a tenant HelmRelease stores its release in another namespace/),
    ]);
  });

  it('GIVEN a tenant reconciler with a kubeConfig (a remote cluster) THEN KIT-TEN-002 fails it', async () => {
    const remote = tenantKustomization('dev', 'app', { kubeConfig: { secretRef: { name: 'other-cluster' } } });
    const { findings } = await gate([gitRepository('dev', 'https://github.com/contoso/app'), remote]);
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([expect.stringMatching(/^KIT-TEN-002: a tenant reconciler applies to a remote cluster/)]);
  });
});

describe("KIT-TEN-003: no reference to another namespace's objects", () => {
  const repo = gitRepository('dev', 'https://github.com/contoso/app');

  it('GIVEN sourceRef.namespace equal to its own namespace THEN it passes; flux-system THEN it fails naming that namespace', async () => {
    expect(await found([repo, tenantKustomization('dev', 'app', { sourceRef: { kind: 'GitRepository', name: 'app', namespace: 'dev' } })])).toEqual([]);
    const { findings } = await gate([tenantKustomization('dev', 'app', { sourceRef: { kind: 'GitRepository', name: 'platform', namespace: FLUX_NAMESPACE } })]);
    expect(findings.map((f) => `${f.rule} ${f.object}: ${f.message}`)).toEqual([
      'KIT-TEN-003 Kustomization dev/app: sources referenced in other namespaces: flux-system',
    ]);
  });

  it('GIVEN a HelmRelease whose chart source, or chartRef, is in another namespace THEN KIT-TEN-003 fails it', async () => {
    const chartSource = tenantHelmRelease('dev', 'app', {
      chart: { spec: { chart: 'app', sourceRef: { kind: 'HelmRepository', name: 'shared', namespace: 'checkout' } } },
    });
    expect(await found([chartSource])).toEqual(['KIT-TEN-003 HelmRelease dev/app']);
    const { chart: _, ...withoutChart } = tenantHelmRelease('dev').spec;
    const chartRef = { ...tenantHelmRelease('dev'), spec: { ...withoutChart, chartRef: { kind: 'OCIRepository', name: 'shared', namespace: 'checkout' } } };
    expect(await found([chartRef])).toEqual(['KIT-TEN-003 HelmRelease dev/app']);
  });

  it('GIVEN dependsOn in its own namespace THEN it passes; in another THEN KIT-TEN-003 fails it', async () => {
    expect(await found([repo, tenantKustomization('dev', 'app', { dependsOn: [{ name: 'base' }, { name: 'db', namespace: 'dev' }] })])).toEqual([]);
    const { findings } = await gate([repo, tenantKustomization('dev', 'app', { dependsOn: [{ name: 'infrastructure', namespace: FLUX_NAMESPACE }] })]);
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual(['KIT-TEN-003: dependsOn objects in other namespaces: flux-system']);
  });
});

describe('KIT-TEN-004: tenant sources match the allow-list', () => {
  it.each([
    ['a GitRepository under a git prefix', gitRepository('dev', 'https://github.com/contoso/app')],
    ['an OCIRepository under an oci prefix', ociRepository('dev', 'oci://acrcontosoweuprod.azurecr.io/manifests/app')],
    ['a HelmRepository (type unset) under a helm prefix', helmRepository('dev', 'https://charts.contoso.example/stable')],
    ['a HelmRepository of type default under a helm prefix', helmRepository('dev', 'https://charts.contoso.example/stable', 'default')],
    ['a HelmRepository of type oci under an oci prefix', helmRepository('dev', 'oci://acrcontosoweuprod.azurecr.io/charts', 'oci')],
  ])('GIVEN %s THEN it passes', async (_, source) => {
    expect(await found([source])).toEqual([]);
  });

  it.each([
    ['a GitRepository on another host that starts like an allowed one', gitRepository('dev', 'https://github.com.evil.example/contoso/app')],
    ['a GitRepository of another organisation', gitRepository('dev', 'https://github.com/someone-else/app')],
    ['a GitRepository whose URL is under an oci prefix only', gitRepository('dev', 'oci://acrcontosoweuprod.azurecr.io/app')],
    ['an OCIRepository of a public registry', ociRepository('dev', 'oci://ghcr.io/stefanprodan/manifests/podinfo')],
    ['a HelmRepository of type oci under a helm (https) prefix', helmRepository('dev', 'https://charts.contoso.example/stable', 'oci')],
    ['a HelmRepository (https) under an oci prefix', helmRepository('dev', 'oci://acrcontosoweuprod.azurecr.io/charts')],
  ])('GIVEN %s THEN KIT-TEN-004 fails it, naming the URL and the allowed prefixes', async (_, source) => {
    const { findings } = await gate([source]);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'KIT-TEN-004',
        object: `${source.kind} dev/app`,
        message: expect.stringContaining(`source URL ${source.spec.url} is not under an allowed prefix (`),
      }),
    ]);
  });

  it('GIVEN a spec without tenantSources THEN every tenant source is refused (undefined lists are empty)', async () => {
    const { findings } = await gate([gitRepository('dev', 'https://github.com/contoso/app')], withTenantSources(exampleSpec(), 'none'));
    expect(findings.filter((f) => f.file === deliveryFile('dev')).map((f) => `${f.rule}: ${f.message}`)).toEqual([
      'KIT-TEN-004: source URL https://github.com/contoso/app is not under an allowed prefix (none listed)',
    ]);
  });

  it('THEN the prefixes are literals in the policy, from the spec', () => {
    const policy = (admissionPolicyObjects(spec()) as Obj[]).find((o) => o.metadata.name === 'kit-ten-004')!;
    const variables = Object.fromEntries(policy.spec.variables.map((v: Obj) => [v.name, v.expression]));
    expect([variables.gitPrefixes, variables.ociPrefixes, variables.helmPrefixes]).toEqual(
      [TENANT_SOURCES.git, TENANT_SOURCES.oci, TENANT_SOURCES.helm].map((list) => `[${list.map((p) => `'${p}'`).join(', ')}]`),
    );
  });
});

describe('KIT-FLUX-001: platform reconcilers outside the team namespaces are in flux-system', () => {
  const platformKustomization = (namespace: string): Obj => ({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: 'extra', namespace },
    spec: { sourceRef: { kind: 'GitRepository', name: 'platform' }, path: './x', interval: '10m', prune: true },
  });
  const file = 'gitops/clusters/weu-prod/infrastructure/extra.yaml';

  it('GIVEN a platform Kustomization in flux-system THEN it passes (as every Kustomization of the example does)', async () => {
    expect(await found([platformKustomization(FLUX_NAMESPACE)], spec(), file)).toEqual([]);
  });

  it('GIVEN a platform Kustomization in the ingress controllers namespace, or a HelmRelease in a namespace of its own THEN KIT-FLUX-001 fails it', async () => {
    const ingress = exampleSpec().ingress.controllerNamespace;
    const release = {
      ...tenantHelmRelease('monitoring', 'prometheus'),
      spec: { interval: '10m', chart: { spec: { chart: 'p', sourceRef: { kind: 'HelmRepository', name: 'p' } } } },
    };
    const { findings } = await gate([platformKustomization(ingress), release], spec(), file);
    expect(findings.map((f) => `${f.rule} ${f.object}: ${f.message}`)).toEqual([
      'KIT-FLUX-001 HelmRelease monitoring/prometheus: a Flux HelmRelease in namespace monitoring, which is neither flux-system nor a team namespace',
      `KIT-FLUX-001 Kustomization ${ingress}/extra: a Flux Kustomization in namespace ${ingress}, which is neither flux-system nor a team namespace`,
    ]);
  });
});

describe('the tenant-delivery policies as the API server holds them', () => {
  const objects = admissionPolicyObjects(spec()) as Obj[];
  const compiled = (rule: string) => {
    const name = policyName(rule);
    return new CompiledAdmissionPolicy(
      objects.find((o) => o.kind === 'ValidatingAdmissionPolicy' && o.metadata.name === name),
      objects.find((o) => o.kind === 'ValidatingAdmissionPolicyBinding' && o.metadata.name === name),
    );
  };
  const teamMember = { username: 'alice@contoso.example', groups: ['system:authenticated'] };

  it('THEN the tenant rules select the tenant label and the Flux kinds; KIT-FLUX-001 every other namespace, for what Flux applies', () => {
    const policy = (rule: string) => objects.find((o) => o.metadata.name === policyName(rule) && o.kind === 'ValidatingAdmissionPolicy')!;
    for (const rule of ['KIT-TEN-001', 'KIT-TEN-002', 'KIT-TEN-003']) {
      expect(policy(rule).spec.matchConstraints.namespaceSelector).toEqual({ matchLabels: { [TENANT_LABEL]: 'true' } });
      expect(policy(rule).spec.matchConstraints.resourceRules.map((r: Obj) => `${r.apiGroups[0]}/${r.apiVersions[0]}/${r.resources.join(',')}`)).toEqual([
        'kustomize.toolkit.fluxcd.io/v1/kustomizations',
        'helm.toolkit.fluxcd.io/v2/helmreleases',
      ]);
    }
    expect(policy('KIT-TEN-004').spec.matchConstraints.resourceRules).toEqual([
      expect.objectContaining({
        apiGroups: ['source.toolkit.fluxcd.io'],
        apiVersions: ['v1'],
        resources: ['gitrepositories', 'ocirepositories', 'helmrepositories'],
      }),
    ]);
    const flux = policy('KIT-FLUX-001').spec;
    expect(flux.matchConstraints.namespaceSelector).toEqual({ matchExpressions: [{ key: TENANT_LABEL, operator: 'NotIn', values: ['true'] }] });
    expect(flux.matchConditions.map((c: Obj) => c.name)).toEqual(['applied-by-flux']);
  });

  it('GIVEN a team member applying a Kustomization without serviceAccountName with kubectl THEN the API server would refuse it too', () => {
    const tree = exampleTree();
    const kustomization = tenantKustomization('dev');
    delete kustomization.spec.serviceAccountName;
    const index = new ObjectIndex(tree.objects);
    const entry = {
      object: kustomization,
      ref: { kind: 'Kustomization', namespace: 'dev', name: 'app' },
      apiVersion: kustomization.apiVersion,
      file: deliveryFile('dev'),
    };
    expect(compiled('KIT-TEN-001').evaluate(entry, index, teamMember)).toMatchObject({
      applies: true,
      failures: [expect.stringMatching(/names no serviceAccountName/)],
    });
    kustomization.spec.serviceAccountName = 'flux-reconciler';
    expect(compiled('KIT-TEN-001').evaluate(entry, index, teamMember)).toMatchObject({ applies: true, failures: [] });
  });

  it('GIVEN a Kustomization outside flux-system created by an admin (not Flux) THEN KIT-FLUX-001 does not judge it', () => {
    const index = new ObjectIndex(exampleTree().objects);
    const object = { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'x', namespace: 'tools' }, spec: {} };
    const entry = { object, ref: { kind: 'Kustomization', namespace: 'tools', name: 'x' }, apiVersion: object.apiVersion, file: 'x.yaml' };
    expect(compiled('KIT-FLUX-001').evaluate(entry, index, teamMember).applies).toBe(false);
    expect(compiled('KIT-FLUX-001').evaluate(entry, index).failures).toEqual([expect.stringMatching(/neither flux-system nor a team namespace/)]);
  });
});

describe("KIT-TEN-005: no pod runs as the team's reconciler", () => {
  /** The example tree with every pod template of team checkout running as `account`. */
  async function gateWithAccount(account: string | undefined): Promise<string[]> {
    const s = spec();
    const tree = exampleTree();
    let templates = 0;
    for (const list of tree.objects.values()) {
      for (const o of list) {
        if (o.metadata?.namespace !== 'checkout' || !['Deployment', 'StatefulSet', 'CronJob'].includes(o.kind)) continue;
        const podSpec = o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template.spec : o.spec.template.spec;
        if (account === undefined) delete podSpec.serviceAccountName;
        else podSpec.serviceAccountName = account;
        templates++;
      }
    }
    expect(templates).toBeGreaterThan(0);
    tree.objects.set(ADMISSION_FILE, admissionPolicyObjects(s) as Obj[]);
    const { findings } = await evaluatePolicies({ objects: tree.objects }, s);
    return findings.filter((f) => f.rule === 'KIT-TEN-005').map((f) => f.object ?? '');
  }

  it('GIVEN the example as rendered (each workload its own ServiceAccount) THEN KIT-TEN-005 finds nothing', async () => {
    expect(await gateWithAccount('checkout-api')).toEqual([]);
  });

  it('GIVEN a workload of checkout running as flux-reconciler THEN KIT-TEN-005 refuses it, naming the object', async () => {
    const objects = await gateWithAccount('flux-reconciler');
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.every((o) => o.includes('checkout/'))).toBe(true);
  });

  it('GIVEN a pod spec naming no ServiceAccount (it runs as default) THEN KIT-TEN-005 does not judge that', async () => {
    expect(await gateWithAccount(undefined)).toEqual([]);
  });
});
