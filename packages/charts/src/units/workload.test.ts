import { AGENT_POOL_LABEL, type Workload } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { synthTeamManifests } from '../synth.js';
import { exampleCluster, fileOf, team, type Obj } from '../test-support.js';

const spec = exampleCluster();
const dev = team(spec, 'dev');
const checkout = team(spec, 'checkout');

function workloadFile(w: Workload, t = dev, s = spec): Obj[] {
  return fileOf(synthTeamManifests(s, { ...t, workloads: t.workloads.map((x) => (x.name === w.name ? w : x)) }), `workload-${w.name}.yaml`);
}
const of = (objects: Obj[], kind: string) => objects.find((o) => o.kind === kind)!;
const storefront = dev.workloads.find((w) => w.name === 'storefront')!;
const cache = dev.workloads.find((w) => w.name === 'catalog-cache')!;

describe('workload files', () => {
  it('GIVEN a team THEN each workload has its own file with Deployment, Service, HPA and PDB of its name', () => {
    const unit = synthTeamManifests(spec, dev);
    for (const w of dev.workloads) {
      const objects = fileOf(unit, `workload-${w.name}.yaml`);
      expect(objects.map((o) => `${o.apiVersion} ${o.kind}`)).toEqual(['apps/v1 Deployment', 'v1 Service', 'autoscaling/v2 HorizontalPodAutoscaler', 'policy/v1 PodDisruptionBudget']);
      for (const o of objects) {
        expect(o.metadata.name).toBe(w.name);
        expect(o.metadata.namespace).toBe('dev');
        expect(o.metadata.labels).toEqual({ 'app.kubernetes.io/name': w.name, 'app.kubernetes.io/part-of': 'dev', 'app.kubernetes.io/managed-by': 'aks-hybrid-kit' });
      }
    }
  });
});

describe('Deployment', () => {
  const deployment = of(workloadFile(storefront), 'Deployment');
  const pod = deployment.spec.template.spec;
  const [container] = pod.containers as [Obj];

  it('THEN it meets Pod Security restricted', () => {
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(pod.securityContext.runAsGroup).toBeGreaterThan(0);
    expect(pod.securityContext.fsGroup).toBeGreaterThan(0);
    expect(pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
  });

  it('THEN /tmp is a writable emptyDir, the only volume', () => {
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
  });

  it('THEN it runs as its own ServiceAccount without an API token', () => {
    expect(pod.serviceAccountName).toBe('storefront');
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  it('THEN requests, limits, image, port and probes come from the spec', () => {
    expect(container.image).toBe(storefront.image);
    expect(container.resources).toEqual({ requests: storefront.resources.requests, limits: storefront.resources.limits });
    expect(container.ports).toEqual([{ name: 'http', containerPort: storefront.port, protocol: 'TCP' }]);
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe.httpGet).toEqual({ path: storefront.healthPath, port: 'http' });
    }
  });

  it('GIVEN env in the spec THEN the container gets it, sorted by name', () => {
    const w = { ...storefront, env: { ZONE: 'weu', API_URL: 'https://api.contoso.example' } };
    const [c] = of(workloadFile(w), 'Deployment').spec.template.spec.containers as [Obj];
    expect(c.env).toEqual([{ name: 'API_URL', value: 'https://api.contoso.example' }, { name: 'ZONE', value: 'weu' }]);
    expect(container.env).toBeUndefined();
  });

  it('THEN replicas is left to the HPA', () => {
    expect(deployment.spec.replicas).toBeUndefined();
  });

  it('THEN the selector matches the pod labels and only the workload name', () => {
    expect(deployment.spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'storefront' } });
    expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
  });
});

describe('scheduling', () => {
  const affinityPools = (d: Obj) => d.spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.flatMap((t: Obj) => t.matchExpressions);

  it('GIVEN workloads of different classes THEN each is pinned to the pool of its class', () => {
    const byPool = new Map<string, string>();
    for (const t of spec.teams) {
      for (const w of t.workloads) {
        const [expr] = affinityPools(of(workloadFile(w, t), 'Deployment')) as [Obj];
        expect(expr).toEqual({ key: AGENT_POOL_LABEL, operator: 'In', values: [w.nodePool] });
        byPool.set(w.name, expr.values[0]);
      }
    }
    // The memory-class cache lands on the memory pool, the storage-class ledger on the storage pool.
    expect(cache.workloadClass).toBe('memory');
    expect(byPool.get('catalog-cache')).toBe('memory');
    expect(byPool.get('storefront')).toBe('general');
    expect(byPool.get('ledger')).toBe(spec.cluster.userPools.find((p) => p.workloadClass === 'storage')!.name);
    expect(new Set(byPool.values()).size).toBe(3);
  });

  it('THEN tolerations match exactly the taints of the target pool', () => {
    for (const t of spec.teams) {
      for (const w of t.workloads) {
        const pool = spec.cluster.userPools.find((p) => p.name === w.nodePool)!;
        const tolerations = (of(workloadFile(w, t), 'Deployment').spec.template.spec.tolerations ?? []) as Obj[];
        const asTaints = tolerations.map((tol) => `${tol.key}${tol.operator === 'Equal' ? `=${tol.value}` : ''}:${tol.effect}`);
        expect(asTaints).toEqual(pool.taints);
      }
    }
    // The example's memory pool is tainted, so the cache tolerates it.
    expect(spec.cluster.userPools.find((p) => p.name === 'memory')!.taints.length).toBeGreaterThan(0);
  });

  it('GIVEN a pool in 3 zones THEN replicas spread across zones strictly and across nodes as a preference', () => {
    const spread = of(workloadFile(storefront), 'Deployment').spec.template.spec.topologySpreadConstraints as Obj[];
    const zone = spread.find((c) => c.topologyKey === 'topology.kubernetes.io/zone')!;
    const host = spread.find((c) => c.topologyKey === 'kubernetes.io/hostname')!;
    expect(zone).toMatchObject({ maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'storefront' } } });
    expect(host).toMatchObject({ maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'storefront' } } });
  });

  it('GIVEN a single-zone pool THEN the zone spread is only a preference', () => {
    const pools = spec.cluster.userPools.map((p) => (p.name === 'general' ? { ...p, zones: ['1' as const] } : p));
    const oneZone = { ...spec, cluster: { ...spec.cluster, userPools: pools } };
    const spread = of(workloadFile(storefront, dev, oneZone), 'Deployment').spec.template.spec.topologySpreadConstraints as Obj[];
    expect(spread.find((c) => c.topologyKey === 'topology.kubernetes.io/zone')!.whenUnsatisfiable).toBe('ScheduleAnyway');
  });
});

describe('Service, HPA and PDB', () => {
  it('THEN the Service is ClusterIP on port 80 to the container port', () => {
    const objects = workloadFile(storefront);
    const service = of(objects, 'Service');
    const [container] = of(objects, 'Deployment').spec.template.spec.containers as [Obj];
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.selector).toEqual({ 'app.kubernetes.io/name': 'storefront' });
    const [port] = service.spec.ports as [Obj];
    expect(port.port).toBe(80);
    const target = container.ports.find((p: Obj) => p.name === port.targetPort || p.containerPort === port.targetPort);
    expect(target.containerPort).toBe(storefront.port);
  });

  it('GIVEN a CPU target only THEN the HPA scales the Deployment between min and max on CPU', () => {
    const hpa = of(workloadFile(storefront), 'HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'storefront' });
    expect(hpa.spec.minReplicas).toBe(storefront.replicas.min);
    expect(hpa.spec.maxReplicas).toBe(storefront.replicas.max);
    expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: storefront.autoscaling.cpuUtilization } } }]);
  });

  it('GIVEN CPU and memory targets THEN both are metrics', () => {
    const api = checkout.workloads.find((w) => w.name === 'checkout-api')!;
    const hpa = of(workloadFile(api, checkout), 'HorizontalPodAutoscaler');
    const targets = Object.fromEntries((hpa.spec.metrics as Obj[]).map((m) => [m.resource.name, m.resource.target.averageUtilization]));
    expect(targets).toEqual({ cpu: api.autoscaling.cpuUtilization, memory: api.autoscaling.memoryUtilization });
  });

  it('GIVEN min replicas 1 THEN the PDB still lets a node drain', () => {
    const single = { ...storefront, replicas: { min: 1, max: 3 } };
    const pdb = of(workloadFile(single), 'PodDisruptionBudget');
    expect(pdb.spec.minAvailable).toBeUndefined();
    expect(pdb.spec.maxUnavailable).toBeGreaterThanOrEqual(1);
    expect(pdb.spec.unhealthyPodEvictionPolicy).toBe('AlwaysAllow');
    expect(pdb.spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'storefront' } });
  });
});
