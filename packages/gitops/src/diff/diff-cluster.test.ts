import { beforeAll, describe, expect, it } from 'vitest';
import { diffCluster, diffClusterOutputs } from './diff-cluster.js';
import { formatDiffMarkdown } from './format-markdown.js';
import { CLUSTER, DEV_TEAM, devEgressIndex, exampleSide, PLATFORM, teamFile, userPoolIndex, type Side } from '../testing/diff-sides.js';
import type { ClusterDiff, ObjectSummary } from './types.js';

let base: Side;
beforeAll(() => {
  base = exampleSide();
});

// What `kit diff` runs: Bicep parameters read by the compiler (bicep build-params) on both sides.
const diffTo = (head: Side, from: Side = base): Promise<ClusterDiff> =>
  diffCluster(from.files, head.files, { cluster: CLUSTER, base: 'origin/main', slaBefore: from.sla, slaAfter: head.sla });
const find = (list: readonly ObjectSummary[], kind: string, name: string, namespace?: string) =>
  list.find((o) => o.kind === kind && o.name === name && o.namespace === namespace);
const fact = (o: ObjectSummary | undefined, what: string) => o?.facts.find((f) => f.what === what)?.value;

describe('diffClusterOutputs on the example cluster', () => {
  it('GIVEN the same spec on both sides THEN nothing changed and the comment says so', async () => {
    const diff = await diffTo(exampleSide());
    expect(diff.status).toBe('unchanged');
    expect(diff.objects).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.bicep.parameters).toEqual([]);
    expect(diff.sla).toEqual({ status: 'unchanged' });
    expect(formatDiffMarkdown([diff])).toContain(`No desired-state change for ${CLUSTER}.`);
  });

  describe('GIVEN a team onboarded (a new team file)', () => {
    const group = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
    let diff: ClusterDiff;
    beforeAll(async () => {
      diff = await diffTo(exampleSide({ [`apps/${CLUSTER}/teams/payments.yaml`]: teamFile('payments', group, '16', '10.10.50.0/24') }));
    });

    it('THEN its namespace, quota, RBAC and network policies are added, and nothing is removed', async () => {
      const { added, removed } = diff.objects;
      expect(removed).toEqual([]);
      expect(find(added, 'Namespace', 'payments')).toBeDefined();
      expect(fact(find(added, 'ResourceQuota', 'team-quota', 'payments'), 'hard requests.cpu')).toBe('16');
      const binding = find(added, 'RoleBinding', 'team-edit', 'payments');
      expect(fact(binding, 'roleRef')).toMatch(/^(Cluster)?Role\/\S+/);
      expect(fact(binding, 'subjects')).toEqual([`Group ${group}`]);
      expect(find(added, 'NetworkPolicy', 'default-deny', 'payments')).toBeDefined();
      const egress = added.find((o) => o.namespace === 'payments' && fact(o, 'egress CIDRs') !== undefined);
      // Team egress is Kubernetes ipBlocks in every mode (docs/decisions/0103).
      expect(fact(egress, 'egress CIDRs')).toEqual(['10.10.50.0/24']);
      expect(find(added, 'Deployment', 'gateway', 'payments')?.facts).toContainEqual({ what: 'node pool', value: 'general' });
      // Every added object lives in the new team's folder.
      expect(added.every((o) => o.file.startsWith(`gitops/clusters/${CLUSTER}/teams/payments/`))).toBe(true);
    });

    it('THEN the teams index lists it, and its group gets cluster user access in Bicep', async () => {
      const index = diff.objects.changed.find((o) => o.file === `gitops/clusters/${CLUSTER}/teams/kustomization.yaml`);
      expect(index?.highlights).toEqual([{ what: 'resources', added: ['payments'], removed: [] }]);
      const users = diff.bicep.parameters.find((p) => p.name === 'clusterUserGroupObjectIds');
      expect(users?.changes).toEqual([{ what: 'clusterUserGroupObjectIds', added: [group], removed: [] }]);
    });

    it('THEN the comment names the new objects and the new subject, folded under the summary', async () => {
      const md = formatDiffMarkdown([diff]);
      const addedCount = diff.objects.added.length;
      expect(md).toContain(`**${addedCount} objects added, 1 changed, 0 removed; 1 Bicep parameter changed;`);
      expect(md).toContain(`<details><summary>${addedCount} objects added</summary>`);
      expect(md).toContain(`\`Namespace\` \`payments\``);
      expect(md).toContain(`subjects: \`Group ${group}\``);
      expect(md).toContain('egress CIDRs: `10.10.50.0/24`');
    });
  });

  it('GIVEN a quota raised THEN the quota object changes with requests.cpu old -> new and nothing else moves', async () => {
    const diff = await diffTo(exampleSide({ [DEV_TEAM]: [[['spec', 'quota', 'cpu'], '48']] }));
    expect(diff.objects.added).toEqual([]);
    expect(diff.objects.removed).toEqual([]);
    expect(diff.objects.changed.map((o) => `${o.kind} ${o.namespace}/${o.name}`)).toEqual(['ResourceQuota dev/team-quota']);
    expect(diff.objects.changed[0]!.highlights).toContainEqual({ what: 'hard requests.cpu', before: '32', after: '48' });
    expect(diff.objects.changed[0]!.fields).toContainEqual({ path: 'spec.hard["requests.cpu"]', kind: 'changed', before: '32', after: '48' });
    expect(diff.bicep.parameters).toEqual([]);
    const md = formatDiffMarkdown([diff]);
    expect(md).toContain('hard requests.cpu: `32` → `48`');
    expect(md).toMatch(/\*\*0 objects added, 1 changed, 0 removed; 0 Bicep parameters changed;.*SLA unchanged\*\*/);
  });

  it('GIVEN a node pool resized THEN the parameter shows memory maxCount 12 -> 20, the pool table row changes, the SLA does not', async () => {
    const diff = await diffTo(exampleSide({ [PLATFORM]: [[['spec', 'cluster', 'userPools', userPoolIndex('memory'), 'maxCount'], 20]] }));
    expect(diff.bicep.parameters).toEqual([
      { name: 'agentPools', kind: 'changed', changes: [{ what: 'agentPools[memory].maxCount', before: '12', after: '20' }] },
    ]);
    expect(diff.bicep.nodePools).toEqual([
      {
        parameter: 'agentPools',
        name: 'memory',
        kind: 'changed',
        before: expect.objectContaining({ maxCount: '12', minCount: '0', vmSize: 'Standard_E16ds_v5' }),
        after: expect.objectContaining({ maxCount: '20', minCount: '0', vmSize: 'Standard_E16ds_v5' }),
      },
    ]);
    // The autoscaler maximum does not change the nodes a pool always keeps: the promise stays.
    expect(diff.sla.status).toBe('unchanged');
    const md = formatDiffMarkdown([diff]);
    expect(md).toContain('agentPools[memory].maxCount: `12` → `20`');
    expect(md).toMatch(/\| memory \| agentPools \| Standard_E16ds_v5 \| 0 \| 12 → \*\*20\*\* \|/);
  });

  it('GIVEN a pool moved to a bigger VM size THEN the table shows the size change', async () => {
    const diff = await diffTo(exampleSide({ [PLATFORM]: [[['spec', 'cluster', 'userPools', userPoolIndex('general'), 'vmSize'], 'Standard_D16ds_v5']] }));
    const pool = diff.bicep.nodePools.find((p) => p.name === 'general');
    expect(pool?.before?.vmSize).toBe('Standard_D8ds_v5');
    expect(pool?.after?.vmSize).toBe('Standard_D16ds_v5');
  });

  it('GIVEN the control plane tier lowered to Free THEN the SLA section shows the path before and after with more allowed downtime', async () => {
    const diff = await diffTo(exampleSide({ [PLATFORM]: [[['spec', 'cluster', 'tier'], 'Free']] }));
    expect(diff.sla.status).toBe('changed');
    if (diff.sla.status !== 'changed') return;
    const controlPlane = diff.sla.paths.find((p) => p.id === 'cluster:control-plane');
    expect(controlPlane?.before?.percent).not.toBe(controlPlane?.after?.percent);
    expect(Number(controlPlane?.after?.availability)).toBeLessThan(Number(controlPlane?.before?.availability));
    expect(controlPlane?.downtimeDelta).toMatch(/^\+/);
    const md = formatDiffMarkdown([diff]);
    expect(md).toContain('#### SLA');
    expect(md).toContain(`| ${controlPlane!.title} | ${controlPlane!.before!.percent} | ${controlPlane!.after!.percent} |`);
    expect(diff.bicep.parameters).toContainEqual({ name: 'skuTier', kind: 'changed', changes: [{ what: 'skuTier', before: 'Standard', after: 'Free' }] });
  });

  it('GIVEN an egress CIDR changed on a cluster with the Calico API THEN the policy (Kubernetes ipBlocks there too) shows the old and the new CIDR', async () => {
    const rule = devEgressIndex('onprem-sql');
    const diff = await diffTo(exampleSide({ [DEV_TEAM]: [[['spec', 'egress', rule, 'cidrs'], ['10.0.21.0/24']]] }));
    const policy = diff.objects.changed.find((o) => o.name === 'allow-egress-onprem-sql');
    expect(policy?.apiVersion).toBe('networking.k8s.io/v1');
    expect(policy?.highlights).toContainEqual({ what: 'egress CIDRs', added: ['10.0.21.0/24'], removed: ['10.0.20.0/24'] });
    expect(formatDiffMarkdown([diff])).toContain('egress CIDRs: `10.0.20.0/24` → `10.0.21.0/24`');
  });

  it('GIVEN an egress CIDR changed (Kubernetes policies) THEN the ipBlock CIDR shows old and new', async () => {
    const k8s = { [PLATFORM]: [[['spec', 'cluster', 'calicoApiPolicies'], false]] as Array<[Array<string | number>, unknown]> };
    const rule = devEgressIndex('onprem-sql');
    const diff = await diffTo(exampleSide({ ...k8s, [DEV_TEAM]: [[['spec', 'egress', rule, 'cidrs'], ['10.0.21.0/24']]] }), exampleSide(k8s));
    const policy = diff.objects.changed.find((o) => o.name === 'allow-egress-onprem-sql');
    expect(policy?.apiVersion).toBe('networking.k8s.io/v1');
    expect(policy?.highlights).toContainEqual({ what: 'egress CIDRs', added: ['10.0.21.0/24'], removed: ['10.0.20.0/24'] });
  });

  it('GIVEN a team removed THEN its objects are removed and its groups lose cluster user access', async () => {
    const diff = await diffTo(exampleSide({ [DEV_TEAM]: undefined }));
    expect(diff.objects.added).toEqual([]);
    expect(find(diff.objects.removed, 'Namespace', 'dev')).toBeDefined();
    expect(fact(find(diff.objects.removed, 'RoleBinding', 'team-view', 'dev'), 'subjects')).toEqual([expect.stringMatching(/^Group /)]);
    const users = diff.bicep.parameters.find((p) => p.name === 'clusterUserGroupObjectIds');
    expect(users?.changes[0]?.removed?.length).toBeGreaterThan(0);
    expect(formatDiffMarkdown([diff])).toMatch(/\*\*Removed \(\d+\)\*\*/);
  });
});

describe('diffClusterOutputs: files and objects', () => {
  it('GIVEN an object moved to another file THEN it is not a change', () => {
    const path = `gitops/clusters/${CLUSTER}/teams/dev/namespace.yaml`;
    const [first, ...rest] = base.files.get(path)!.split('\n---\n');
    const head = new Map(base.files);
    head.set(path, first!);
    head.set(`gitops/clusters/${CLUSTER}/teams/dev/quota.yaml`, rest.join('\n---\n'));
    const diff = diffClusterOutputs(base.files, head, { cluster: CLUSTER });
    expect(diff.objects).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.files).toEqual([]);
  });

  it('GIVEN a comment-only edit of a YAML file THEN it is not a desired-state change', () => {
    const path = `gitops/clusters/${CLUSTER}/teams/dev/rbac.yaml`;
    const head = new Map(base.files).set(path, `# reviewed\n${base.files.get(path)!}`);
    expect(diffClusterOutputs(base.files, head, { cluster: CLUSTER }).status).toBe('unchanged');
  });

  it('GIVEN a Bicep module changed THEN it is reported as a template with line counts', () => {
    const module = [...base.files.keys()].find((p) => p.endsWith('/modules/aks.bicep'))!;
    const text = base.files.get(module)!;
    const lines = text.split('\n');
    lines.splice(5, 1, '// replaced line', '// one more');
    const head = new Map(base.files).set(module, lines.join('\n'));
    const diff = diffClusterOutputs(base.files, head, { cluster: CLUSTER });
    expect(diff.bicep.templates).toEqual([{ path: module, kind: 'changed', linesAdded: 2, linesRemoved: 1 }]);
    expect(formatDiffMarkdown([diff])).toContain('template changed: `gitops/azure/landing-zone/modules/aks.bicep` (+2 −1 lines)');
  });

  it('GIVEN a cluster on one side only THEN it is added or removed as a whole', () => {
    const added = diffClusterOutputs(new Map(), base.files, { cluster: CLUSTER, slaAfter: base.sla });
    expect(added.status).toBe('added');
    expect(added.objects.removed).toEqual([]);
    expect(added.objects.added.length).toBeGreaterThan(10);
    expect(added.sla.status === 'changed' && added.sla.paths.every((p) => p.before === undefined && p.after !== undefined)).toBe(true);
    const removed = diffClusterOutputs(base.files, new Map(), { cluster: CLUSTER, slaBefore: base.sla });
    expect(removed.status).toBe('removed');
    expect(removed.objects.removed.length).toBe(added.objects.added.length);
    expect(formatDiffMarkdown([removed])).toContain('(cluster removed)');
  });

  it('GIVEN YAML that does not parse THEN it is reported as a file, with a note', () => {
    const path = `gitops/clusters/${CLUSTER}/teams/dev/rbac.yaml`;
    const head = new Map(base.files).set(path, 'kind: [unclosed\n');
    const diff = diffClusterOutputs(base.files, head, { cluster: CLUSTER });
    expect(diff.files.map((f) => f.path)).toEqual([path]);
    expect(diff.notes.join('\n')).toContain(`${path} is not valid YAML`);
  });

  it('GIVEN base SLA figures that could not be computed THEN the SLA is "skipped" with the reason', () => {
    const diff = diffClusterOutputs(base.files, base.files, { cluster: CLUSTER, slaBefore: { skipped: 'the spec at main does not load' }, slaAfter: base.sla });
    expect(diff.sla).toEqual({ status: 'skipped', reason: 'the spec at main does not load' });
  });
});
