import { allocatable, parseQuantity } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { podSecurityVersion } from '../constructs/team-namespace.js';
import { synthTeamManifests } from '../synth.js';
import { exampleCluster, fileOf, team, type Obj } from '../testing/example-cluster.js';

const spec = exampleCluster();
const dev = team(spec, 'dev');

function namespaceFile(s = spec, t = dev) {
  return fileOf(synthTeamManifests(s, t), 'namespace.yaml');
}
const byKind = (objects: Obj[], kind: string) => objects.find((o) => o.kind === kind)!;

describe('team namespace', () => {
  it('GIVEN a team WHEN rendered THEN namespace.yaml holds its Namespace, ResourceQuota and LimitRange', () => {
    expect(namespaceFile().map((o) => o.kind)).toEqual(['Namespace', 'ResourceQuota', 'LimitRange']);
    for (const o of namespaceFile().slice(1)) expect(o.metadata.namespace).toBe('dev');
  });

  it('THEN Pod Security Admission is restricted for enforce, audit and warn, pinned to the cluster minor', () => {
    const labels = byKind(namespaceFile(), 'Namespace').metadata.labels;
    for (const mode of ['enforce', 'audit', 'warn']) {
      expect(labels[`pod-security.kubernetes.io/${mode}`]).toBe('restricted');
      expect(labels[`pod-security.kubernetes.io/${mode}-version`]).toBe('v1.35');
    }
  });

  it('GIVEN a patch version in the spec THEN the PSA version is still the minor', () => {
    const patched = { ...spec, cluster: { ...spec.cluster, kubernetesVersion: '1.34.2' } };
    const labels = byKind(namespaceFile(patched), 'Namespace').metadata.labels;
    expect(labels['pod-security.kubernetes.io/enforce-version']).toBe('v1.34');
    expect(podSecurityVersion('1.33')).toBe('v1.33');
    expect(() => podSecurityVersion('latest')).toThrow(/1\.33/);
  });

  it('THEN it carries the team, tenant and managed-by labels plus the team extra labels, kit labels winning', () => {
    const labelled = {
      ...dev,
      labels: { 'cost-center': 'cc-42', 'kit.aks-hybrid.dev/team': 'spoofed', 'pod-security.kubernetes.io/enforce': 'privileged' },
    };
    const labels = byKind(namespaceFile(spec, labelled), 'Namespace').metadata.labels;
    expect(labels).toMatchObject({
      'kit.aks-hybrid.dev/team': 'dev',
      'kit.aks-hybrid.dev/tenant': 'true',
      'app.kubernetes.io/managed-by': 'aks-hybrid-kit',
      'cost-center': 'cc-42',
      // A team label cannot loosen Pod Security.
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
  });
});

describe('team quota', () => {
  it('THEN requests are the spec quota, CPU limits twice that, memory limits equal to the requests', () => {
    const hard = byKind(namespaceFile(), 'ResourceQuota').spec.hard;
    expect(parseQuantity(hard['requests.cpu'])).toBe(parseQuantity(dev.quota.cpu));
    expect(parseQuantity(hard['limits.cpu'])).toBe(2 * parseQuantity(dev.quota.cpu));
    expect(hard['requests.memory']).toBe(dev.quota.memory);
    expect(hard['limits.memory']).toBe(dev.quota.memory);
    expect(hard['requests.storage']).toBe(dev.quota.storage);
  });

  it('THEN object counts come from the spec, LoadBalancers default to 0 and NodePorts are always 0', () => {
    const hard = byKind(namespaceFile(), 'ResourceQuota').spec.hard;
    expect(Number(hard.pods)).toBe(dev.quota.pods);
    expect(Number(hard.persistentvolumeclaims)).toBe(dev.quota.persistentVolumeClaims);
    expect(Number(hard.services)).toBe(dev.quota.services);
    expect(dev.quota.loadBalancers).toBe(0);
    expect(Number(hard['services.loadbalancers'])).toBe(0);
    expect(Number(hard['services.nodeports'])).toBe(0);
  });

  it('GIVEN a team allowed 2 LoadBalancers THEN the quota says 2', () => {
    const withLb = { ...dev, quota: { ...dev.quota, loadBalancers: 2 } };
    expect(Number(byKind(namespaceFile(spec, withLb), 'ResourceQuota').spec.hard['services.loadbalancers'])).toBe(2);
  });

  it('GIVEN a fractional CPU quota THEN limits.cpu is doubled exactly', () => {
    const small = { ...dev, quota: { ...dev.quota, cpu: '750m' } };
    expect(byKind(namespaceFile(spec, small), 'ResourceQuota').spec.hard['limits.cpu']).toBe('1500m');
  });
});

describe('team limit range', () => {
  const [limits] = byKind(namespaceFile(), 'LimitRange').spec.limits as [Obj];

  it('THEN containers without resources get the team defaults', () => {
    expect(limits.type).toBe('Container');
    expect(limits.defaultRequest).toEqual(dev.defaults.request);
    expect(limits.default).toEqual(dev.defaults.limit);
  });

  it('THEN the per-container max is what the biggest node of the team pools offers, no more', () => {
    const pools = spec.cluster.userPools.filter((p) => p.name === dev.nodePool || dev.workloads.some((w) => w.nodePool === p.name));
    const nodes = pools.map((p) => allocatable({ vcpus: p.vcpus, memoryGiB: p.memoryGiB }, p.maxPods));
    const maxCores = Math.max(...nodes.map((n) => n.cores));
    const maxMemory = Math.max(...nodes.map((n) => n.memoryBytes));
    expect(parseQuantity(limits.max.cpu)).toBeLessThanOrEqual(maxCores);
    expect(parseQuantity(limits.max.cpu)).toBeGreaterThan(maxCores - 0.001);
    expect(parseQuantity(limits.max.memory)).toBeLessThanOrEqual(maxMemory);
    expect(parseQuantity(limits.max.memory)).toBeGreaterThan(maxMemory - 2 ** 20);
  });

  it('THEN every workload of the team fits under the max (pods would otherwise be rejected)', () => {
    for (const w of dev.workloads) {
      expect(parseQuantity(w.resources.limits.cpu)).toBeLessThanOrEqual(parseQuantity(limits.max.cpu));
      expect(parseQuantity(w.resources.limits.memory)).toBeLessThanOrEqual(parseQuantity(limits.max.memory));
    }
  });

  it('GIVEN a team whose workloads all run on general nodes THEN the max is a general node, not the memory pool', () => {
    const generalOnly = { ...dev, workloads: dev.workloads.filter((w) => w.nodePool === 'general') };
    const [only] = byKind(namespaceFile(spec, generalOnly), 'LimitRange').spec.limits as [Obj];
    expect(parseQuantity(only.max.memory)).toBeLessThan(parseQuantity(limits.max.memory));
    const general = spec.cluster.userPools.find((p) => p.name === 'general')!;
    expect(parseQuantity(only.max.memory)).toBeLessThanOrEqual(general.memoryGiB * 2 ** 30);
  });
});
