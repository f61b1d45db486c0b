import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.js';
import { loadCluster, listClusters } from './load-cluster.js';
import { EXAMPLE_CLUSTER, exampleWith } from '../testing/example.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const DEV = 'apps/weu-prod/teams/dev.yaml';

function issuesOf(edits: Parameters<typeof exampleWith>[0]) {
  try {
    loadCluster(exampleWith(edits), EXAMPLE_CLUSTER);
  } catch (error) {
    if (error instanceof SpecError) return error.issues;
    throw error;
  }
  throw new Error('expected the spec to be rejected');
}

describe('loadCluster on the example', () => {
  it('GIVEN the bundled example WHEN loaded THEN defaults and derived values are applied', () => {
    const spec = loadCluster(exampleWith(), EXAMPLE_CLUSTER);
    expect(spec.cluster.tier).toBe('Standard');
    expect(spec.cluster.systemPool.taints).toEqual(['CriticalAddonsOnly=true:NoSchedule']);
    expect(spec.cluster.userPools.map((p) => p.name)).toEqual(['general', 'memory', 'storage']);
    // Non-default pools are tainted so only their workload class lands there.
    expect(spec.cluster.userPools.find((p) => p.name === 'memory')?.taints).toEqual(['kit.aks-hybrid.dev/workload-class=memory:NoSchedule']);
    expect(spec.cluster.userPools.find((p) => p.name === 'general')?.taints).toEqual([]);
    expect(spec.teams.map((t) => t.name)).toEqual(['checkout', 'dev']);
    const cache = spec.teams.find((t) => t.name === 'dev')!.workloads.find((w) => w.name === 'catalog-cache')!;
    expect(cache.nodePool).toBe('memory');
    expect(spec.connectivity.vpn?.sharedKey.subscriptionId).toBe(spec.azure.subscriptionId);
    expect(spec.registry.loginServer).toBe('acrcontosoweuprod.azurecr.io');
  });

  it('lists the clusters under apps/', () => {
    expect(listClusters(exampleWith())).toContain(EXAMPLE_CLUSTER);
  });

  it('rejects an unknown cluster and names the known ones', () => {
    expect(() => loadCluster(exampleWith(), 'nope')).toThrow(/cluster "nope" does not exist; known clusters: .*weu-prod/);
  });
});

describe('bad input is rejected with file, field path and hint', () => {
  it.each([
    {
      name: 'a CIDR with host bits set (the seed put a /8 where one IP was meant)',
      edits: { [PLATFORM]: [[['spec', 'onPremises', 'ranges', 2], '10.0.62.114/8']] },
      file: PLATFORM,
      path: 'spec.onPremises.ranges[2]',
      message: /"10.0.62.114\/8" has host bits set/,
      hint: /did you mean 10\.0\.62\.114\/32 or 10\.0\.0\.0\/8\?/,
    },
    {
      name: 'the pod range overlapping on-premises',
      edits: { [PLATFORM]: [[['spec', 'network', 'podCidr'], '10.10.0.0/16']] },
      file: PLATFORM,
      path: 'spec.onPremises.ranges[1]',
      message: /on-premises range 10.10.0.0\/16 overlaps pod range \(10.10.0.0\/16\)/,
      hint: /disjoint/,
    },
    {
      name: 'a subnet outside the VNet',
      edits: { [PLATFORM]: [[['spec', 'network', 'subnets', 'ingress'], '10.41.8.0/24']] },
      file: PLATFORM,
      path: 'spec.network.subnets.ingress',
      message: /outside the VNet address space/,
      hint: /inside the VNet/,
    },
    {
      name: 'overlapping subnets',
      edits: { [PLATFORM]: [[['spec', 'network', 'subnets', 'userNodes'], '10.40.2.0/23']] },
      file: PLATFORM,
      path: 'spec.network.subnets.userNodes',
      message: /overlaps subnet systemNodes/,
      hint: /own range/,
    },
    {
      name: 'a GatewaySubnet too small for both gateways',
      edits: { [PLATFORM]: [[['spec', 'network', 'subnets', 'gateway'], '10.40.255.0/28']] },
      file: PLATFORM,
      path: 'spec.network.subnets.gateway',
      message: /too small/,
      hint: /\/27 or larger/,
    },
    {
      name: 'the DNS service IP outside the service range',
      edits: { [PLATFORM]: [[['spec', 'network', 'dnsServiceIp'], '10.40.0.10']] },
      file: PLATFORM,
      path: 'spec.network.dnsServiceIp',
      message: /not a usable address inside the service range/,
      hint: /\.10 address/,
    },
    {
      name: 'a malformed GUID',
      edits: { [DEV]: [[['spec', 'groupObjectId'], 'namespace-dev']] },
      file: DEV,
      path: 'spec.groupObjectId',
      message: /"namespace-dev" has the wrong format/,
      hint: /8-4-4-4-12 hex digits/,
    },
    {
      name: 'a team name that is not a DNS label',
      edits: { [DEV]: [[['metadata', 'name'], 'Dev_Team']] },
      file: DEV,
      path: 'metadata.name',
      message: /"Dev_Team" has the wrong format/,
      hint: /DNS-1123 label/,
    },
    {
      name: 'a reserved team name',
      edits: { [DEV]: undefined, 'apps/weu-prod/teams/kube-tools.yaml': 'RAW:kube-tools' },
      file: 'apps/weu-prod/teams/kube-tools.yaml',
      path: 'metadata.name',
      message: /team name "kube-tools" is reserved: names starting with "kube-"/,
      hint: /another name/,
    },
    {
      name: 'the same team twice',
      edits: { 'apps/weu-prod/teams/dev-copy.yaml': 'RAW:dev' },
      file: 'apps/weu-prod/teams/dev.yaml',
      path: 'metadata.name',
      message: /team "dev" is already defined in apps\/weu-prod\/teams\/dev-copy.yaml/,
      hint: /once per cluster/,
    },
    {
      name: 'a node pool that does not exist',
      edits: { [DEV]: [[['spec', 'nodePool'], 'gpu']] },
      file: DEV,
      path: 'spec.nodePool',
      message: /node pool "gpu" does not exist/,
      hint: /general, memory, storage/,
    },
    {
      name: 'the system pool as a team pool',
      edits: { [DEV]: [[['spec', 'nodePool'], 'system']] },
      file: DEV,
      path: 'spec.nodePool',
      message: /is the system pool/,
      hint: /user pools/,
    },
    {
      name: 'quotas that exceed the pool at max scale',
      edits: { [DEV]: [[['spec', 'quota', 'cpu'], '400']] },
      file: DEV,
      path: 'spec.quota',
      message: /exceed what it offers at max scale \(30 x Standard_D8ds_v5\): CPU/,
      hint: /raise maxCount of pool general/,
    },
    {
      name: 'an unknown VM size without its shape',
      edits: { [PLATFORM]: [[['spec', 'cluster', 'userPools', 1, 'vmSize'], 'Standard_X99_v9']] },
      file: PLATFORM,
      path: 'spec.cluster.userPools[1].vmSize',
      message: /not in the kit's size table/,
      hint: /vcpus and memoryGiB/,
    },
    {
      name: 'a misspelt field',
      edits: { [DEV]: [[['spec', 'quota', 'cpus'], '4']] },
      file: DEV,
      path: 'spec.quota.cpus',
      message: /unknown field "cpus"/,
      hint: /allowed fields here: cpu, memory/,
    },
    {
      name: 'team egress to a range that is not on-premises',
      edits: { [DEV]: [[['spec', 'egress', 0, 'cidrs', 0], '8.8.8.0/24']] },
      file: DEV,
      path: 'spec.egress[0].cidrs[0]',
      message: /not inside the on-premises ranges/,
      hint: /externalRanges/,
    },
    {
      name: 'a workload class with no pool',
      edits: { [DEV]: [[['spec', 'workloads', 1, 'workloadClass'], 'gpu']] },
      file: DEV,
      path: 'spec.workloads[1].workloadClass',
      message: /workload class "gpu" has no node pool/,
      hint: /general, memory, storage/,
    },
    {
      name: 'a pod bigger than a node of its pool',
      edits: { [DEV]: [[['spec', 'workloads', 0, 'resources', 'requests', 'cpu'], '9']] },
      file: DEV,
      path: 'spec.workloads[0].resources.requests',
      message: /requests more than one Standard_D8ds_v5 node can offer/,
      hint: /bigger nodes/,
    },
    {
      name: 'requests above limits',
      edits: { [DEV]: [[['spec', 'workloads', 0, 'resources', 'requests', 'memory'], '1Gi']] },
      file: DEV,
      path: 'spec.workloads[0].resources.requests.memory',
      message: /memory request 1Gi is above the limit 512Mi/,
      hint: /must not exceed/,
    },
    {
      name: 'metadata.name that differs from the folder',
      edits: { [PLATFORM]: [[['metadata', 'name'], 'weu-staging']] },
      file: PLATFORM,
      path: 'metadata.name',
      message: /differs from the folder name "weu-prod"/,
      hint: /metadata.name: weu-prod/,
    },
    {
      name: 'a private VPN device address',
      edits: { [PLATFORM]: [[['spec', 'connectivity', 'vpn', 'peer', 'deviceIp'], '10.0.0.1']] },
      file: PLATFORM,
      path: 'spec.connectivity.vpn.peer.deviceIp',
      message: /private address/,
      hint: /public address/,
    },
    {
      name: 'YAML that does not parse',
      edits: { [DEV]: 'apiVersion: kit.aks-hybrid.dev/v1alpha1\nkind: Team\nmetadata:\n  name: dev\n   bad: indent\n' },
      file: DEV,
      path: '',
      message: /is not valid YAML/,
      hint: /YAML syntax/,
    },
  ])('$name', ({ edits, file, path, message, hint }) => {
    const resolved = Object.fromEntries(
      Object.entries(edits).map(([f, e]) => [f, typeof e === 'string' && e.startsWith('RAW:') ? teamYaml(e.slice(4)) : e]),
    ) as Parameters<typeof exampleWith>[0];
    const issues = issuesOf(resolved);
    const issue = issues.find((i) => i.file === file && i.path === path && message.test(i.message));
    expect(issue, `issues were:\n${issues.map((i) => `${i.file} ${i.path}: ${i.message}`).join('\n')}`).toBeDefined();
    expect(issue!.hint).toMatch(hint);
    if (path) expect(issue!.line).toBeGreaterThan(0);
  });
});

function teamYaml(name: string): string {
  return `apiVersion: kit.aks-hybrid.dev/v1alpha1
kind: Team
metadata:
  name: ${name}
spec:
  groupObjectId: 11111111-2222-4333-8444-555555555555
  nodePool: general
  quota: { cpu: '1', memory: 1Gi, storage: 1Gi, pods: 10 }
`;
}
