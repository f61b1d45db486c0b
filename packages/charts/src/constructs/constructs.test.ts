import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { EgressPolicy } from './egress-policy.js';
import { IngressGuardPolicy } from './ingress-guard-policy.js';
import { PlatformAdminBinding } from './platform-admin-binding.js';
import { TeamNamespace } from './team-namespace.js';
import { Workload } from './workload.js';

/** The constructs in a plain cdk8s app, rendered the cdk8s way (no disk: `Chart.toJson()`). */
function chart(): Chart {
  return new Chart(new App(), 'test');
}

describe('constructs in a cdk8s app', () => {
  it('GIVEN a Workload in a chart WHEN Chart.toJson() THEN it renders Deployment, Service, HPA and PDB with stable names', () => {
    const c = chart();
    new Workload(c, 'Api', {
      name: 'api',
      namespace: 'shop',
      partOf: 'shop',
      image: 'registry.example/shop/api:1.0.0',
      port: 8080,
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      replicas: { min: 2, max: 4 },
      autoscaling: { cpuUtilization: 70 },
      nodePool: { name: 'general', taints: [], zones: ['1', '2', '3'] },
    });
    const objects = c.toJson();
    expect(objects.map((o: { kind: string; metadata: { name: string } }) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Deployment/api',
      'Service/api',
      'HorizontalPodAutoscaler/api',
      'PodDisruptionBudget/api',
    ]);
    // No taints, no tolerations; defaults applied.
    expect(objects[0].spec.template.spec.tolerations).toBeUndefined();
    expect(objects[0].spec.template.spec.containers[0].readinessProbe.httpGet.path).toBe('/healthz');
  });

  it.each([
    ['no autoscaling target', { autoscaling: {} }, /CPU or memory target/],
    ['root user', { runAsUser: 0 }, /root/],
  ])('GIVEN a Workload with %s THEN it throws before rendering', (_, change, message) => {
    const props = {
      name: 'api',
      namespace: 'shop',
      partOf: 'shop',
      image: 'registry.example/shop/api:1.0.0',
      port: 8080,
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      replicas: { min: 2, max: 4 },
      autoscaling: { cpuUtilization: 70 },
      nodePool: { name: 'general', taints: [], zones: ['1' as const] },
      ...change,
    };
    expect(() => new Workload(chart(), 'Api', props)).toThrow(message);
  });

  it('GIVEN no admin groups THEN PlatformAdminBinding refuses to render an empty binding', () => {
    expect(() => new PlatformAdminBinding(chart(), 'Admins', { groupObjectIds: [] })).toThrow(/at least one/);
  });

  it('GIVEN no admitted set THEN IngressGuardPolicy refuses (it would deny every outside client)', () => {
    expect(() => new IngressGuardPolicy(chart(), 'Guard', { controllerNamespace: 'ingress', admittedSets: [], clusterNetworks: ['10.0.0.0/8'] })).toThrow(
      /admitted/,
    );
  });

  it('GIVEN an egress rule without ports THEN EgressPolicy throws', () => {
    const intent = { name: 'db', destination: { kind: 'cidrs' as const, cidrs: ['10.0.0.0/24'] }, ports: [] };
    expect(() => new EgressPolicy(chart(), 'Db', { namespace: 'shop', intent, rendering: 'kubernetes' })).toThrow(/no ports/);
  });

  it('GIVEN PSA baseline THEN the namespace labels say baseline', () => {
    const c = chart();
    new TeamNamespace(c, 'Ns', { name: 'legacy', kubernetesVersion: '1.32', podSecurity: 'baseline' });
    const [ns] = c.toJson();
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('baseline');
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce-version']).toBe('v1.32');
  });
});
