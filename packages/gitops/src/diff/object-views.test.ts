import { describe, expect, it } from 'vitest';
import { compareViews, viewOf } from './object-views.js';

const changes = (before: Record<string, unknown>, after: Record<string, unknown>) => compareViews(viewOf(before), viewOf(after));

describe('views of the kinds reviewers care about', () => {
  it('Role rules: a verb added shows as the rule before and after', () => {
    const role = (verbs: string[]) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', rules: [{ apiGroups: [''], resources: ['pods'], verbs }] });
    expect(changes(role(['get', 'list']), role(['get', 'list', 'delete']))).toEqual([
      { what: 'rules', added: ['get,list,delete on pods (core)'], removed: ['get,list on pods (core)'] },
    ]);
  });

  it('ClusterRoleBinding: roleRef and subjects', () => {
    const binding = (role: string, groups: string[]) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
      subjects: groups.map((name) => ({ kind: 'Group', name })),
    });
    expect(changes(binding('view', ['g1']), binding('cluster-admin', ['g1', 'g2']))).toEqual([
      { what: 'roleRef', before: 'ClusterRole/view', after: 'ClusterRole/cluster-admin' },
      { what: 'subjects', added: ['Group g2'], removed: [] },
    ]);
  });

  it('GlobalNetworkSet: nets added and removed', () => {
    const set = (nets: string[]) => ({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkSet', spec: { nets } });
    expect(changes(set(['10.0.0.0/16', '10.10.0.0/16']), set(['10.0.0.0/16', '10.20.0.0/16']))).toEqual([
      { what: 'nets', added: ['10.20.0.0/16'], removed: ['10.10.0.0/16'] },
    ]);
  });

  it('Calico GlobalNetworkPolicy: source nets and ports of a rule', () => {
    const policy = (nets: string[], ports: number[]) => ({
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      spec: { order: 100, selector: 'all()', types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', source: { nets }, destination: { ports } }] },
    });
    expect(changes(policy(['192.0.2.0/24'], [443]), policy(['192.0.2.0/24', '198.51.100.0/24'], [443, 8443]))).toEqual([
      { what: 'ingress CIDRs', added: ['from 198.51.100.0/24'], removed: [] },
      {
        what: 'ingress rules',
        added: ['Allow TCP from nets 192.0.2.0/24,198.51.100.0/24 to ports 443,8443'],
        removed: ['Allow TCP from nets 192.0.2.0/24 to ports 443'],
      },
    ]);
  });

  it('Deployment: image, resources and the node pool it is pinned to', () => {
    const deployment = (image: string, cpu: string, pool: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      spec: {
        template: {
          spec: {
            containers: [{ name: 'api', image, resources: { requests: { cpu } } }],
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.azure.com/agentpool', operator: 'In', values: [pool] }] }],
                },
              },
            },
          },
        },
      },
    });
    expect(changes(deployment('api:1', '250m', 'general'), deployment('api:2', '500m', 'memory'))).toEqual([
      { what: 'api image', before: 'api:1', after: 'api:2' },
      { what: 'api requests.cpu', before: '250m', after: '500m' },
      { what: 'node pool', before: 'general', after: 'memory' },
    ]);
  });

  it('HorizontalPodAutoscaler: min, max and the targets', () => {
    const hpa = (max: number, utilization: number) => ({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      spec: {
        minReplicas: 3,
        maxReplicas: max,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: utilization } } }],
      },
    });
    expect(changes(hpa(10, 70), hpa(20, 60))).toEqual([
      { what: 'maxReplicas', before: '10', after: '20' },
      { what: 'target cpu', before: 'Utilization 70%', after: 'Utilization 60%' },
    ]);
  });

  it('Flux Kustomization: dependsOn and path', () => {
    const ks = (path: string, deps: string[]) => ({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      spec: { path, dependsOn: deps.map((name) => ({ name })) },
    });
    expect(changes(ks('./a', ['infrastructure']), ks('./b', ['infrastructure', 'calico']))).toEqual([
      { what: 'path', before: './a', after: './b' },
      { what: 'dependsOn', added: ['calico'], removed: [] },
    ]);
  });

  it('LimitRange: each bound of each resource', () => {
    const lr = (max: string) => ({ apiVersion: 'v1', kind: 'LimitRange', spec: { limits: [{ type: 'Container', max: { cpu: max } }] } });
    expect(changes(lr('4'), lr('8'))).toEqual([{ what: 'Container max cpu', before: '4', after: '8' }]);
  });

  it('has no view for kinds without one (their field diff speaks for them)', () => {
    expect(viewOf({ apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } })).toBeUndefined();
  });
});
