import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles, fixtureText, validObject, validObjects, type Manifest } from '../testing/k8s/fixtures.js';
import type { SchemaFinding, SchemaValidator } from './types.js';
import { listVendoredVersions } from './schema-version.js';
import { createSchemaValidator } from './validator.js';

let v: SchemaValidator;
beforeAll(() => {
  v = createSchemaValidator({ kubernetesVersion: '1.32' });
});

const check = (o: unknown): SchemaFinding[] => v.validateObject(o, { file: 'gitops/clusters/test/x.yaml' });
const paths = (fs: SchemaFinding[]): string[] => fs.map((f) => f.path);

describe('valid manifests of every kind the kit renders', () => {
  const expectedKinds = [
    'v1 Namespace',
    'v1 ResourceQuota',
    'v1 LimitRange',
    'v1 ServiceAccount',
    'v1 Service',
    'apps/v1 Deployment',
    'autoscaling/v2 HorizontalPodAutoscaler',
    'policy/v1 PodDisruptionBudget',
    'rbac.authorization.k8s.io/v1 Role',
    'rbac.authorization.k8s.io/v1 RoleBinding',
    'rbac.authorization.k8s.io/v1 ClusterRole',
    'rbac.authorization.k8s.io/v1 ClusterRoleBinding',
    'networking.k8s.io/v1 NetworkPolicy',
    'scheduling.k8s.io/v1 PriorityClass',
    'projectcalico.org/v3 GlobalNetworkPolicy',
    'projectcalico.org/v3 GlobalNetworkSet',
    'projectcalico.org/v3 NetworkPolicy',
    'projectcalico.org/v3 NetworkSet',
    'kustomize.toolkit.fluxcd.io/v1 Kustomization',
    'source.toolkit.fluxcd.io/v1 GitRepository',
  ];

  it('the fixtures cover every kind', () => {
    const kinds = new Set([...validObjects().values()].map((o) => `${o.apiVersion} ${o.kind}`));
    expect([...kinds].sort()).toEqual([...expectedKinds].sort());
  });

  it.each(fixtureFiles('valid'))('%s has no findings', (file) => {
    expect(v.validateYamlFile(file, fixtureText(file))).toEqual([]);
  });

  it('compiled each kind once and reports which schema set it used', () => {
    for (const o of validObjects().values()) check(o);
    for (const o of validObjects().values()) check(o);
    const stats = v.compileStats().map((s) => `${s.apiVersion} ${s.kind}`);
    expect(new Set(stats).size).toBe(stats.length);
    expect(v.schemaVersion).toBe('1.32');
  });
});

describe('strict schema findings', () => {
  it('unknown field deep inside a pod template, with its path and a suggestion', () => {
    const d = validObject('apps/v1', 'Deployment', 'api');
    d.spec.template.spec.containers[0].securityContext.runAsNonRot = true;
    const [f, ...rest] = check(d);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      file: 'gitops/clusters/test/x.yaml',
      object: 'Deployment payments/api',
      path: '/spec/template/spec/containers/0/securityContext/runAsNonRot',
      rule: 'schema',
    });
    expect(f!.message).toMatch(/^unknown field "runAsNonRot", did you mean "runAsNonRoot"\? \(allowed: runAsNonRoot, /);
  });

  it('unknown fields at several levels are all reported', () => {
    const d = validObject('apps/v1', 'Deployment', 'api');
    d.spec.replica = 2;
    d.metadata.label = {};
    d.spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologykey = 'x';
    d.spec.template.spec.topologySpreadConstraints[0].whenUnsatisfable = 'DoNotSchedule';
    expect(paths(check(d)).sort()).toEqual(
      [
        '/metadata/label',
        '/spec/replica',
        '/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/0/podAffinityTerm/topologykey',
        '/spec/template/spec/topologySpreadConstraints/0/whenUnsatisfable',
      ].sort(),
    );
  });

  it('wrong type: a string where an integer belongs', () => {
    const d = validObject('apps/v1', 'Deployment', 'api');
    d.spec.replicas = '3';
    d.spec.template.spec.containers[0].ports[0].containerPort = '8080';
    const fs = check(d);
    expect(fs.map((f) => [f.path, f.message])).toEqual([
      ['/spec/replicas', 'must be integer (got string "3")'],
      ['/spec/template/spec/containers/0/ports/0/containerPort', 'must be integer (got string "8080")'],
    ]);
  });

  it('integers are strict: no fractions, int32 range enforced', () => {
    const d = validObject('apps/v1', 'Deployment', 'api');
    d.spec.replicas = 2.5;
    d.spec.template.spec.securityContext.runAsUser = 2 ** 40; // int64: fine
    d.spec.template.spec.containers[0].ports[0].containerPort = 2 ** 31; // int32: too big
    expect(check(d).map((f) => [f.path, f.message])).toEqual([
      ['/spec/replicas', 'must be integer (got number 2.5)'],
      ['/spec/template/spec/containers/0/ports/0/containerPort', 'must be a 32-bit integer, -2147483648 to 2147483647 (got integer 2147483648)'],
    ]);
  });

  it('missing required field: RoleBinding without roleRef', () => {
    const rb = validObject('rbac.authorization.k8s.io/v1', 'RoleBinding', 'team-deployer');
    delete rb.roleRef;
    expect(check(rb)).toEqual([
      {
        file: 'gitops/clusters/test/x.yaml',
        object: 'RoleBinding payments/team-deployer',
        path: '/roleRef',
        message: 'missing required field "roleRef"',
        rule: 'schema',
      },
    ]);
  });

  it('missing required fields inside lists (container name, subject kind)', () => {
    const d = validObject('apps/v1', 'Deployment', 'api');
    delete d.spec.template.spec.containers[0].name;
    const rb = validObject('rbac.authorization.k8s.io/v1', 'RoleBinding', 'team-deployer');
    delete rb.subjects[1].kind;
    expect(paths(check(d))).toEqual(['/spec/template/spec/containers/0/name']);
    expect(paths(check(rb))).toEqual(['/subjects/1/kind']);
  });

  it('metadata.name is required even though ObjectMeta makes it optional', () => {
    const ns = validObject('v1', 'Namespace', 'payments');
    delete ns.metadata.name;
    expect(check(ns).map((f) => [f.path, f.object])).toEqual([['/metadata/name', 'Namespace (no name)']]);
    expect(paths(check({ apiVersion: 'v1', kind: 'ConfigMap', data: {} }))).toEqual(['/metadata/name']);
  });

  it('unknown apiVersion: says where the kind lives and lists what the kit validates', () => {
    const d = validObject('apps/v1', 'Deployment', 'api');
    d.apiVersion = 'extensions/v1beta1';
    const [f, ...rest] = check(d);
    expect(rest).toEqual([]);
    expect(f!.path).toBe('/apiVersion');
    expect(f!.message).toMatch(/^no schema for apiVersion extensions\/v1beta1 kind Deployment \(Deployment is validated as apps\/v1\); the kit validates: /);
    expect(f!.message).toContain('projectcalico.org/v3');
    expect(f!.message).toContain('autoscaling/v2');
  });

  it('unknown kind in a known apiVersion, and old HPA apiVersion', () => {
    const [f] = check({ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x', namespace: 'y' } });
    expect(f).toMatchObject({ path: '/kind' });
    expect(f!.message).toContain('did you mean Deployment?');
    const [g] = check({ apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'x' } });
    expect(g!.message).toContain('(HorizontalPodAutoscaler is validated as autoscaling/v2)');
    // Kinds that only exist as schemas or subresources are not objects you can apply.
    expect(paths(check({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'x' } }))).toEqual(['/kind']);
  });

  it('apiVersion and kind must match exactly (case matters)', () => {
    expect(paths(check({ apiVersion: 'Apps/v1', kind: 'Deployment', metadata: { name: 'x' } }))).toEqual(['/apiVersion']);
    expect(paths(check({ apiVersion: 'v1', kind: 'namespace', metadata: { name: 'x' } }))).toEqual(['/kind']);
    expect(check({ kind: 'Namespace', metadata: { name: 'x' } })).toMatchObject([{ path: '/apiVersion', message: 'missing required field "apiVersion"' }]);
  });

  it('int-or-string accepts an integer and a string, rejects an object', () => {
    const d = validObject('apps/v1', 'Deployment', 'api');
    d.spec.strategy.rollingUpdate = { maxSurge: 1, maxUnavailable: '10%' };
    d.spec.template.spec.containers[0].readinessProbe.httpGet.port = 8080;
    expect(check(d)).toEqual([]);
    d.spec.strategy.rollingUpdate.maxSurge = '25%';
    d.spec.template.spec.containers[0].readinessProbe.httpGet.port = 'http';
    expect(check(d)).toEqual([]);
    d.spec.strategy.rollingUpdate.maxSurge = { percent: 25 };
    d.spec.template.spec.containers[0].readinessProbe.httpGet.port = true;
    expect(check(d).map((f) => [f.path, f.message])).toEqual([
      ['/spec/strategy/rollingUpdate/maxSurge', 'must be integer or string (got an object)'],
      ['/spec/template/spec/containers/0/readinessProbe/httpGet/port', 'must be integer or string (got boolean true)'],
    ]);
    const pdb = validObject('policy/v1', 'PodDisruptionBudget', 'api');
    pdb.spec.minAvailable = 1.5;
    expect(check(pdb).map((f) => f.message)).toEqual(['must be integer or string (got number 1.5)']);
  });

  it('Quantity takes a string or a number, nothing else', () => {
    const q = validObject('v1', 'ResourceQuota', 'team-quota');
    q.spec.hard['limits.cpu'] = 16;
    expect(check(q)).toEqual([]);
    q.spec.hard['limits.cpu'] = ['16'];
    expect(check(q).map((f) => [f.path, f.message])).toEqual([['/spec/hard/limits.cpu', 'must be string or number (got an array)']]);
  });

  it('enum values are checked (HPA metric type in autoscaling/v2 is a string; Calico action is an enum)', () => {
    const gnp = validObject('projectcalico.org/v3', 'GlobalNetworkPolicy', 'allow-onprem');
    gnp.spec.egress[0].action = 'allow';
    expect(check(gnp).map((f) => [f.path, f.message])).toEqual([
      ['/spec/egress/0/action', 'must be one of "Allow", "Deny", "Log", "Pass" (got string "allow")'],
    ]);
  });

  it('Calico: a rule with an unknown field', () => {
    const gnp = validObject('projectcalico.org/v3', 'GlobalNetworkPolicy', 'allow-onprem');
    gnp.spec.egress[0].destination.port = [443];
    const fs = check(gnp);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ object: 'GlobalNetworkPolicy allow-onprem', path: '/spec/egress/0/destination/port' });
    expect(fs[0]!.message).toMatch(/^unknown field "port", did you mean "ports"\?/);
  });

  it('Calico: ports are int-or-string, an object is not', () => {
    const np = validObject('projectcalico.org/v3', 'NetworkPolicy', 'api-egress');
    np.spec.ingress[0].destination.ports = [8080, '8443', { port: 1 }];
    expect(check(np).map((f) => [f.path, f.message])).toEqual([['/spec/ingress/0/destination/ports/2', 'must be integer or string (got an object)']]);
  });

  it('CRD CEL rules (x-kubernetes-validations) that evaluate to false are findings', () => {
    const gnp = validObject('projectcalico.org/v3', 'GlobalNetworkPolicy', 'allow-onprem');
    gnp.spec.egress[1].http = { methods: ['GET'] }; // a UDP rule
    gnp.spec.preDNAT = true;
    expect(check(gnp).map((f) => [f.path, f.message])).toEqual([
      ['/spec', expect.stringMatching(/^preDNAT policy cannot have any egress rules \(CRD validation rule: /)],
      ['/spec', expect.stringMatching(/^preDNAT policy cannot have 'Egress' type /)],
      ['/spec', expect.stringMatching(/^applyOnForward must be true if either preDNAT or doNotTrack is true /)],
      ['/spec/egress/1', expect.stringMatching(/^rules with HTTP match must have protocol TCP or unset /)],
    ]);
    const k = validObject('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'team-payments');
    k.spec.kubeConfig = { secretRef: { name: 'a' }, configMapRef: { name: 'b' } };
    expect(check(k).map((f) => f.path)).toEqual(['/spec/kubeConfig']);
    k.spec.kubeConfig = { secretRef: { name: 'a' } };
    expect(check(k)).toEqual([]);
  });

  it('custom resources get the real ObjectMeta schema', () => {
    const k = validObject('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'team-payments');
    k.metadata.lables = { a: 'b' };
    k.metadata.annotations = { a: 1 };
    expect(check(k).map((f) => f.path)).toEqual(['/metadata/lables', '/metadata/annotations/a']);
  });

  it('Flux: Kustomization with spec.prune "yes" and without a sourceRef', () => {
    const k = validObject('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'team-payments');
    k.spec.prune = 'yes';
    delete k.spec.sourceRef;
    expect(check(k).map((f) => [f.path, f.message])).toEqual([
      ['/spec/sourceRef', 'missing required field "sourceRef"'],
      ['/spec/prune', 'must be boolean (got string "yes")'],
    ]);
  });

  it('Flux: GitRepository URL pattern and interval pattern come from the CRD', () => {
    const g = validObject('source.toolkit.fluxcd.io/v1', 'GitRepository', 'platform');
    g.spec.url = 'git@ssh.dev.azure.com:v3/contoso/platform';
    g.spec.interval = '5 minutes';
    expect(paths(check(g)).sort()).toEqual(['/spec/interval', '/spec/url']);
  });

  it('cluster-scoped objects must not have a namespace (built-in and CRD)', () => {
    const crb = validObject('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'kit:payments-namespace-viewer');
    crb.metadata.namespace = 'payments';
    expect(check(crb)).toMatchObject([{ path: '/metadata/namespace', message: 'ClusterRoleBinding is cluster-scoped and must not set metadata.namespace' }]);
    const gns = validObject('projectcalico.org/v3', 'GlobalNetworkSet', 'onprem-datacenter');
    gns.metadata.namespace = 'kube-system';
    expect(paths(check(gns))).toEqual(['/metadata/namespace']);
  });

  it('namespaced objects may omit the namespace (kustomize sets it)', () => {
    const np = validObject('projectcalico.org/v3', 'NetworkPolicy', 'api-egress');
    delete np.metadata.namespace;
    const d = validObject('apps/v1', 'Deployment', 'api');
    delete d.metadata.namespace;
    expect([...check(np), ...check(d)]).toEqual([]);
  });

  it('duplicate keys in list-type map lists (server-side apply rejects them)', () => {
    const d = validObject('apps/v1', 'Deployment', 'api');
    d.spec.template.spec.containers[0].env.push({ name: 'ASPNETCORE_URLS', value: 'x' });
    const fs = check(d);
    expect(fs.map((f) => f.path)).toEqual(['/spec/template/spec/containers/0/env/2']);
    expect(fs[0]!.message).toContain('duplicate entry for key name="ASPNETCORE_URLS" (same as item 0');
  });

  it('a null field is the same as an absent one, as for the API server', () => {
    const d = validObject('apps/v1', 'Deployment', 'api');
    d.metadata.creationTimestamp = null;
    d.spec.template.spec.containers[0].resources = null;
    expect(check(d)).toEqual([]);
    const rb = validObject('rbac.authorization.k8s.io/v1', 'RoleBinding', 'team-deployer');
    rb.roleRef = null;
    expect(paths(check(rb))).toEqual(['/roleRef']);
  });

  it('does not modify the object it validates', () => {
    const d = validObject('apps/v1', 'Deployment', 'api');
    d.metadata.creationTimestamp = null;
    const before = structuredClone(d);
    check(d);
    expect(d).toEqual(before);
  });

  it('non-objects are findings, not crashes', () => {
    expect(check('hello')).toMatchObject([{ path: '', message: 'a Kubernetes object must be a mapping (got string "hello")' }]);
    expect(check([1])).toHaveLength(1);
  });
});

describe('validateYamlFile', () => {
  it('reports each broken document with its line; empty documents are ignored', () => {
    const text = fixtureText('invalid/team.yaml');
    const fs = v.validateYamlFile('invalid/team.yaml', text);
    expect(fs.map((f) => [f.object, f.path, f.line])).toEqual([
      ['Service payments/api', '/spec/ports/0/port', 12],
      ['Deployment payments/api', '/spec/template/spec/containers/0/securityContext/runAsNonRot', 34],
      ['Deployment payments/api', '/spec/template/spec/containers/0/resources/limit', 36],
      ['RoleBinding payments/team-deployer', '/roleRef', 39],
    ]);
  });

  it('a YAML syntax error is a finding and other documents are still checked', () => {
    const text = [
      'apiVersion: v1',
      'kind: Namespace',
      'metadata: {name: a}',
      '---',
      'a: [1, 2',
      '---',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  nam: b',
      '',
    ].join('\n');
    const fs = v.validateYamlFile('f.yaml', text);
    expect(fs.map((f) => [f.object, f.path])).toEqual([
      ['(document 2)', ''],
      ['Namespace (no name)', '/metadata/name'], // reported at the metadata: line, before nam:
      ['Namespace (no name)', '/metadata/nam'],
    ]);
    expect(fs[0]!.message).toMatch(/^YAML syntax error: /);
  });

  it('duplicate keys are a syntax error, as in kubectl strict', () => {
    const fs = v.validateYamlFile('f.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toMatch(/^YAML syntax error: .*unique/i);
    expect(fs[0]!.line).toBe(5);
  });

  it('an empty file or comment-only documents have no findings', () => {
    expect(v.validateYamlFile('e.yaml', '')).toEqual([]);
    expect(v.validateYamlFile('e.yaml', '# nothing\n---\n---\n# still nothing\n')).toEqual([]);
  });
});

describe('Kubernetes version choice', () => {
  // Derived from the vendored folders, so vendoring a newer set does not break these tests.
  const sets = listVendoredVersions();
  const newest = sets.at(-1)!;
  const [major, minor] = newest.split('.').map(Number) as [number, number];

  it('uses the newest vendored set for a newer cluster and says so', () => {
    const newer = createSchemaValidator({ kubernetesVersion: `v${major}.${minor + 2}.1` });
    expect(newer.schemaVersion).toBe(newest);
    expect(newer.notes.join()).toContain(`${major}.${minor + 2} is newer than the newest vendored schema set`);
    const d: Manifest = validObject('apps/v1', 'Deployment', 'api');
    expect(newer.validateObject(d, { file: 'x' })).toEqual([]);
  });

  it('uses the older set for a version between two vendored sets and says so', () => {
    expect(sets).toEqual(expect.arrayContaining(['1.32', '1.35']));
    const between = createSchemaValidator({ kubernetesVersion: 'v1.34.1' });
    expect(between.schemaVersion).toBe('1.32');
    expect(between.notes.join()).toContain('No vendored schema set for Kubernetes 1.34; validating against 1.32');
  });

  it('refuses a cluster older than every vendored set', () => {
    const listed = sets.join(', ').replace(/\./g, '\\.');
    expect(() => createSchemaValidator({ kubernetesVersion: '1.20' })).toThrow(new RegExp(`older than every vendored schema set \\(${listed}\\)`));
  });
});
