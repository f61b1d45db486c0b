import { describe, expect, it } from 'vitest';
import type { SpecIssue } from '../errors.js';
import { LIMITS } from '../limits.js';
import { exampleWith, issuesOfExampleWith } from '../testing/example.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const DEV = 'apps/weu-prod/teams/dev.yaml';
const TEAMS = 'apps/weu-prod/teams';
type Edits = Parameters<typeof exampleWith>[0];

const issuesOf = (edits: Edits): readonly SpecIssue[] => issuesOfExampleWith(edits);

const KIB = 1024;
const MIB = 1024 * KIB;

/** `count` minimal teams, each with its own Entra group and a tiny quota that fits the pool. */
function manyTeams(count: number): Edits {
  const edits: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const name = `t${i}`;
    const group = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
    edits[`${TEAMS}/${name}.yaml`] = `apiVersion: kit.aks-hybrid.dev/v1alpha1
kind: Team
metadata: { name: ${name} }
spec:
  groupObjectId: ${group}
  nodePool: storage
  quota: { cpu: 1m, memory: 1Mi, storage: 1Mi, pods: 1 }
`;
  }
  return edits;
}

describe('Kubernetes annotation size (all annotations of an object <= 256 KiB)', () => {
  it('GIVEN a 50 MB description THEN it is refused at the field, with the limit and its source', () => {
    const issues = issuesOf({ [DEV]: [[['metadata', 'description'], 'x'.repeat(50 * 1000 * 1000)]] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: DEV, path: 'metadata.description', line: 6 });
    expect(issues[0]!.message).toMatch(/is 47\.68 MiB: the namespace's annotations would total 47\.68 MiB, above the 256 KiB/);
    expect(issues[0]!.hint).toContain('apimachinery/blob/master/pkg/api/validation/objectmeta.go');
  });

  it('GIVEN description and contact that together pass 256 KiB THEN refused; just under THEN accepted', () => {
    const half = 128 * KIB;
    expect(
      issuesOf({
        [DEV]: [
          [['metadata', 'description'], 'x'.repeat(half)],
          [['metadata', 'contact'], 'y'.repeat(half)],
        ],
      })[0]?.path,
    ).toBe('metadata.description');
    const room = LIMITS.annotationsTotalBytes.value - 'kit.aks-hybrid.dev/description'.length - 'kit.aks-hybrid.dev/contact'.length - 1;
    expect(
      issuesOf({
        [DEV]: [
          [['metadata', 'description'], 'x'.repeat(room)],
          [['metadata', 'contact'], 'y'],
        ],
      }),
    ).toEqual([]);
  });

  it('GIVEN an external range description above 256 KiB THEN refused', () => {
    const issues = issuesOf({ [PLATFORM]: [[['spec', 'externalRanges', 0, 'description'], 'x'.repeat(300 * KIB)]] });
    expect(issues.map((i) => i.path)).toEqual(['spec.externalRanges[0].description']);
  });
});

describe('Kubernetes labels (values <= 63 characters, qualified keys)', () => {
  it.each([
    [{ team: 'v'.repeat(64) }, /64 characters, above the 63/],
    [{ team: 'ends-with-dash-' }, /not a valid label value/],
    [{ ['k'.repeat(64)]: 'v' }, /not a valid name of at most 63/],
    [{ ['Not_A.Domain/team']: 'v' }, /prefix "Not_A.Domain" .* is not a DNS subdomain/],
  ])('GIVEN team labels %j THEN refused', (labels, message) => {
    const issues = issuesOf({ [DEV]: [[['spec', 'labels'], labels]] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toMatch(/^spec\.labels\./);
    expect(issues[0]!.message).toMatch(message);
    expect(issues[0]!.hint).toContain('pkg/util/validation/validation.go');
  });

  it('GIVEN 63-character values and a prefixed key THEN accepted', () => {
    expect(issuesOf({ [DEV]: [[['spec', 'labels'], { team: 'v'.repeat(63), 'example.com/cost-center': 'a.b_c-1' }]] })).toEqual([]);
  });

  it('GIVEN a node pool label value above 63 characters THEN refused at the pool', () => {
    const issues = issuesOf({ [PLATFORM]: [[['spec', 'cluster', 'userPools', 2, 'labels', 'storage.kit.aks-hybrid.dev/local-nvme'], 'x'.repeat(64)]] });
    expect(issues.map((i) => i.path)).toEqual(['spec.cluster.userPools[2].labels.storage.kit.aks-hybrid.dev/local-nvme']);
  });
});

describe('object size (etcd stores an object in one request of at most 1.5 MiB)', () => {
  it('GIVEN 2 MiB of env on a workload THEN refused at its env; 64 KiB THEN accepted', () => {
    const issues = issuesOf({ [DEV]: [[['spec', 'workloads', 0, 'env'], { BIG: 'x'.repeat(2 * MIB) }]] });
    expect(issues.map((i) => i.path)).toEqual(['spec.workloads[0].env']);
    expect(issues[0]!.message).toMatch(/above the 1\.5 MiB of one Kubernetes object/);
    expect(issues[0]!.hint).toContain('etcd.io/docs');
    expect(issuesOf({ [DEV]: [[['spec', 'workloads', 0, 'env'], { BIG: 'x'.repeat(64 * KIB) }]] })).toEqual([]);
  });
});

describe('ARM copy loops (800 instances) and deployments (800 resources)', () => {
  it('GIVEN 2,000 teams with their own groups THEN one message, at the team that passes 800 role assignments', () => {
    // The example has 2 teams with 3 distinct groups and 1 platform admin group: the 798th extra team
    // in file order makes 801 role assignments in cluster-access.bicep.
    const issues = issuesOf(manyTeams(2000));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: expect.stringMatching(/teams\/t\d+\.yaml$/), path: 'spec.groupObjectId' });
    expect(issues[0]!.message).toMatch(
      /800 team groups \+ 1 platform admin groups, one AKS role assignment each in cluster-access\.bicep: above the 800 resources in one ARM deployment/,
    );
    expect(issues[0]!.hint).toContain('learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#template-limits');
  });

  it('GIVEN 800 team groups and platform admin groups THEN the deployment resource limit applies; fewer THEN accepted', () => {
    // 3 example groups + 795 = 798 team groups, + 3 admin groups = 801 role assignments in one module.
    const admins = ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003'];
    const issues = issuesOf({ ...manyTeams(795), [PLATFORM]: [[['spec', 'access', 'platformAdminGroupObjectIds'], admins]] });
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/798 team groups \+ 3 platform admin groups.*above the 800 resources in one ARM deployment/),
    ]);
    expect(issuesOf({ ...manyTeams(794), [PLATFORM]: [[['spec', 'access', 'platformAdminGroupObjectIds'], admins]] })).toEqual([]);
  });

  it('GIVEN 101 node pools THEN the AKS node pool limit is named', () => {
    const pools = Array.from({ length: 100 }, (_, i) => ({
      name: `p${i}`,
      vmSize: 'Standard_D8ds_v5',
      minCount: 0,
      maxCount: 1,
      workloadClass: i === 0 ? 'general' : `c${i}`,
      ...(i === 0 ? { default: true } : {}),
    }));
    const issues = issuesOf({
      [PLATFORM]: [[['spec', 'cluster', 'userPools'], pools]],
      [DEV]: [
        [['spec', 'nodePool'], 'p0'],
        [['spec', 'workloads'], []],
      ],
      [`${TEAMS}/checkout.yaml`]: [
        [['spec', 'nodePool'], 'p0'],
        [['spec', 'workloads'], []],
      ],
    });
    expect(issues.filter((i) => /node pools/.test(i.message)).map((i) => i.message)).toEqual([
      expect.stringMatching(/101 node pools \(system pool included\) exceed the 100 node pools of one AKS cluster/),
    ]);
  });

  it('GIVEN 3997 on-premises ranges THEN the NSG address limit is named', () => {
    const ranges = Array.from({ length: 3997 }, (_, i) => `172.16.${Math.floor(i / 256)}.${i % 256}/32`);
    const issues = issuesOf({
      [PLATFORM]: [[['spec', 'onPremises', 'ranges'], ranges]],
      [DEV]: [[['spec', 'egress'], []]],
      [`${TEAMS}/checkout.yaml`]: [[['spec', 'egress'], []]],
    });
    expect(issues.map((i) => i.path)).toEqual(['spec.onPremises.ranges']);
    expect(issues[0]!.message).toMatch(/exceed the 4000 source and destination addresses and ranges in one network security group/);
  });
});

describe('Azure tags and VNet DNS servers', () => {
  it('GIVEN 50 tags plus the kit tag THEN refused; 49 THEN accepted', () => {
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, 'v']));
    expect(issuesOf({ [PLATFORM]: [[['spec', 'azure', 'tags'], tags(50)]] }).map((i) => i.path)).toEqual(['spec.azure.tags']);
    expect(issuesOf({ [PLATFORM]: [[['spec', 'azure', 'tags'], tags(49)]] })).toEqual([]);
  });

  it('GIVEN a 257-character tag value THEN refused at the tag', () => {
    expect(issuesOf({ [PLATFORM]: [[['spec', 'azure', 'tags', 'owner'], 'x'.repeat(257)]] }).map((i) => i.path)).toEqual(['spec.azure.tags.owner']);
  });

  it('GIVEN 21 DNS servers THEN refused; 20 THEN accepted', () => {
    const servers = (n: number) => Array.from({ length: n }, (_, i) => `10.0.0.${i + 4}`);
    expect(issuesOf({ [PLATFORM]: [[['spec', 'network', 'dnsServers'], servers(21)]] }).map((i) => i.path)).toEqual(['spec.network.dnsServers']);
    expect(issuesOf({ [PLATFORM]: [[['spec', 'network', 'dnsServers'], servers(20)]] })).toEqual([]);
  });
});

describe('the limits table', () => {
  it('cites a source for every limit', () => {
    for (const [name, limit] of Object.entries(LIMITS)) expect(limit.source, name).toMatch(/^https:\/\//);
  });
});
