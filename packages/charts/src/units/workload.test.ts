import { AGENT_POOL_LABEL, type Team, type Workload } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { synthTeamManifests } from '../synth.js';
import { exampleCluster, fileOf, objectsOf, team, type Obj } from '../testing/example-cluster.js';

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
      expect(objects.map((o) => `${o.apiVersion} ${o.kind}`)).toEqual([
        'apps/v1 Deployment',
        'v1 Service',
        'autoscaling/v2 HorizontalPodAutoscaler',
        'policy/v1 PodDisruptionBudget',
      ]);
      for (const o of objects) {
        expect(o.metadata.name).toBe(w.name);
        expect(o.metadata.namespace).toBe('dev');
        expect(o.metadata.labels).toEqual({
          'app.kubernetes.io/name': w.name,
          'app.kubernetes.io/part-of': 'dev',
          'app.kubernetes.io/managed-by': 'aks-hybrid-kit',
        });
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
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
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
    expect(c.env).toEqual([
      { name: 'API_URL', value: 'https://api.contoso.example' },
      { name: 'ZONE', value: 'weu' },
    ]);
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
  const affinityPools = (d: Obj) =>
    d.spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.flatMap((t: Obj) => t.matchExpressions);

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
    expect(hpa.spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: storefront.autoscaling.cpuUtilization } } },
    ]);
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

// ---------------------------------------------------------------------------------------------
// Workload identity, Key Vault secrets, StatefulSet and CronJob (issue 14 items 5-7).

const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const filesOf = (t: Team, s = spec) => synthTeamManifests(s, t);
const podOf = (o: Obj) => (o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template : o.spec.template);
const accountsOf = (t: Team) => fileOf(filesOf(t), 'rbac.yaml').filter((o) => o.kind === 'ServiceAccount');
/** dev with an identity federated with `serviceAccounts`, its client ID recorded or not. */
const devWithIdentity = (serviceAccounts: string[], clientId?: string): Team => ({
  ...dev,
  azureIdentity: { name: 'id-weu-prod-dev', serviceAccounts, ...(clientId ? { clientId } : {}), keyVault: 'kv-weu-prod-dev' },
});

describe('workload identity', () => {
  it('GIVEN a recorded client ID THEN each federated ServiceAccount carries it and its pods the webhook label; the others neither', () => {
    const t = devWithIdentity(['storefront'], CLIENT_ID);
    const [storefrontSa, cacheSa] = accountsOf(t) as [Obj, Obj];
    expect(storefrontSa.metadata.annotations).toEqual({ 'azure.workload.identity/client-id': CLIENT_ID });
    expect(cacheSa.metadata.annotations).toBeUndefined();
    const labels = (w: Workload) => of(fileOf(filesOf(t), `workload-${w.name}.yaml`), 'Deployment').spec.template.metadata.labels;
    expect(labels(storefront)['azure.workload.identity/use']).toBe('true');
    expect(labels(cache)['azure.workload.identity/use']).toBeUndefined();
    // The selector stays the workload name: adding the label does not replace the pods' identity.
    expect(of(fileOf(filesOf(t), 'workload-storefront.yaml'), 'Deployment').spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'storefront' } });
  });

  it('GIVEN no recorded client ID THEN no annotation and no label anywhere (decision 0106: nothing guessed)', () => {
    const t = devWithIdentity(['storefront', 'catalog-cache']);
    for (const sa of accountsOf(t)) expect(sa.metadata.annotations).toBeUndefined();
    for (const o of objectsOf(filesOf(t))) expect(JSON.stringify(o)).not.toContain('azure.workload.identity');
  });

  it("GIVEN federated ServiceAccounts that are no workload's THEN they are rendered too, annotated, without a token", () => {
    const t = devWithIdentity(['storefront', 'batch-reader'], CLIENT_ID);
    const accounts = accountsOf(t);
    expect(accounts.map((a) => a.metadata.name)).toEqual(['storefront', 'catalog-cache', 'batch-reader']);
    const extra = accounts[2]!;
    expect(extra.metadata.annotations).toEqual({ 'azure.workload.identity/client-id': CLIENT_ID });
    expect(extra.automountServiceAccountToken).toBe(false);
  });
});

describe('Key Vault secrets', () => {
  it('GIVEN the example THEN checkout gets one SecretProviderClass: azure provider, workload identity mode, the team identity, vault and tenant', () => {
    const [spc] = fileOf(filesOf(checkout), 'secrets.yaml') as [Obj];
    expect(spc.apiVersion).toBe('secrets-store.csi.x-k8s.io/v1');
    expect(spc.metadata).toMatchObject({ name: 'payment-provider', namespace: 'checkout' });
    expect(spc.spec.provider).toBe('azure');
    expect(spc.spec.parameters).toMatchObject({
      usePodIdentity: 'false',
      clientID: checkout.azureIdentity!.clientId,
      keyvaultName: 'kv-weu-prod-checkout',
      tenantId: spec.azure.tenantId,
    });
    expect(spc.spec.secretObjects).toBeUndefined();
  });

  it("THEN the objects parameter is the provider's `array:` of one block-scalar document per Key Vault object, each a JSON (so YAML) mapping", () => {
    // Parsed as YAML by the provider; packages/validate's tenant-workloads test reads it with a YAML parser.
    const [spc] = fileOf(filesOf(checkout), 'secrets.yaml') as [Obj];
    const text = spc.spec.parameters.objects as string;
    const lines = text.split('\n');
    expect(lines[0]).toBe('array:');
    expect(lines[1]).toBe('  - |');
    expect(JSON.parse(lines[2]!.trim())).toEqual({ objectName: 'payment-provider-api-key', objectType: 'secret', objectAlias: 'api-key' });
  });

  it('THEN the workload that names it mounts it read-only at /mnt/secrets/<name> through the CSI driver; the others mount nothing', () => {
    const pod = of(fileOf(filesOf(checkout), 'workload-checkout-api.yaml'), 'Deployment').spec.template.spec;
    expect(pod.volumes).toContainEqual({
      name: 'secrets-payment-provider',
      csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'payment-provider' } },
    });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'secrets-payment-provider', mountPath: '/mnt/secrets/payment-provider', readOnly: true });
    expect(pod.serviceAccountName).toBe('checkout-api');
    expect(checkout.azureIdentity!.serviceAccounts).toContain('checkout-api');
    const ledgerPod = of(fileOf(filesOf(checkout), 'workload-ledger.yaml'), 'Deployment').spec.template.spec;
    expect(ledgerPod.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
  });

  it('GIVEN a team without secrets THEN no secrets.yaml', () => {
    expect(filesOf(dev).files.map((f) => f.name)).not.toContain('secrets.yaml');
  });

  describe('GIVEN a secret synced to a Kubernetes Secret', () => {
    const gitToken = {
      name: 'git-token',
      objects: [{ name: 'github-token', type: 'secret' as const }],
      syncToSecret: { name: 'dev-app-git', type: 'Opaque', keys: [{ key: 'password', object: 'github-token' }] },
    };
    const withSync = (mountedBy?: string): Team => ({
      ...devWithIdentity(['storefront', 'catalog-cache', 'secret-sync'], CLIENT_ID),
      secrets: [gitToken],
      workloads: dev.workloads.map((w) => (w.name === mountedBy ? { ...w, secrets: ['git-token'] } : w)),
    });

    it('THEN the SecretProviderClass asks the driver for the Secret, with the keys mapped to the objects', () => {
      const [spc] = fileOf(filesOf(withSync()), 'secrets.yaml') as [Obj];
      expect(spc.spec.secretObjects).toEqual([
        {
          secretName: 'dev-app-git',
          type: 'Opaque',
          labels: { 'app.kubernetes.io/part-of': 'dev', 'app.kubernetes.io/managed-by': 'aks-hybrid-kit' },
          data: [{ key: 'password', objectName: 'github-token' }],
        },
      ]);
    });

    it('AND no workload mounts it THEN a one-replica secret-sync Deployment mounts it as the federated secret-sync account, with no Service, HPA or PDB', () => {
      const unit = filesOf(withSync());
      const objects = fileOf(unit, 'secret-sync-git-token.yaml');
      expect(objects.map((o) => o.kind)).toEqual(['Deployment']);
      const [deployment] = objects as [Obj];
      expect(deployment.metadata.name).toBe('secret-sync-git-token');
      expect(deployment.spec.replicas).toBe(1);
      const pod = deployment.spec.template;
      expect(pod.metadata.labels['azure.workload.identity/use']).toBe('true');
      expect(pod.spec.serviceAccountName).toBe('secret-sync');
      expect(pod.spec.volumes).toContainEqual(
        expect.objectContaining({ csi: expect.objectContaining({ volumeAttributes: { secretProviderClass: 'git-token' } }) }),
      );
      expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65535 });
      expect(pod.spec.containers[0].securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(pod.spec.containers[0].image).toBe('acrcontosoweuprod.azurecr.io/oss/kubernetes/pause:3.10');
      const sa = accountsOf(withSync()).find((a) => a.metadata.name === 'secret-sync')!;
      expect(sa.metadata.annotations).toEqual({ 'azure.workload.identity/client-id': CLIENT_ID });
    });

    it('AND a workload mounts it THEN no secret-sync Deployment', () => {
      expect(
        filesOf(withSync('storefront'))
          .files.map((f) => f.name)
          .filter((n) => n.startsWith('secret-sync')),
      ).toEqual([]);
    });

    it("AND the platform allows MCR's Kubernetes images THEN the pause image comes from MCR; otherwise from the cluster registry", () => {
      const mcr = { ...spec, images: { allowedRegistries: ['mcr.microsoft.com/oss/kubernetes'] } };
      const [deployment] = fileOf(filesOf(withSync(), mcr), 'secret-sync-git-token.yaml') as [Obj];
      expect(deployment.spec.template.spec.containers[0].image).toBe('mcr.microsoft.com/oss/kubernetes/pause:3.10');
    });
  });
});

describe('StatefulSet', () => {
  const search: Workload = {
    ...cache,
    name: 'search',
    port: 9200,
    replicas: { min: 3, max: 3 },
    kind: 'StatefulSet',
    secrets: [],
    stateful: {
      volumeClaims: [{ name: 'data', size: '64Gi', mountPath: '/var/lib/search', storageClass: 'managed-csi-premium' }],
      retention: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      autoscaled: false,
    },
  };
  const withSearch = (w: Workload = search): Team => ({ ...dev, workloads: [...dev.workloads, w] });
  const objects = () => fileOf(filesOf(withSearch()), 'workload-search.yaml');

  it('THEN its file holds a StatefulSet, a headless Service and a PDB, and no HPA unless asked', () => {
    expect(objects().map((o) => `${o.apiVersion} ${o.kind}`)).toEqual(['apps/v1 StatefulSet', 'v1 Service', 'policy/v1 PodDisruptionBudget']);
    const scaled = fileOf(
      filesOf(withSearch({ ...search, replicas: { min: 3, max: 6 }, stateful: { ...search.stateful!, autoscaled: true } })),
      'workload-search.yaml',
    );
    const hpa = of(scaled, 'HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'search' });
    expect(of(scaled, 'StatefulSet').spec.replicas).toBeUndefined();
  });

  it('THEN replicas are fixed, claims are ReadWriteOnce of the spec class and size, retained on delete and scale-down, mounted where asked', () => {
    const sts = of(objects(), 'StatefulSet');
    expect(sts.spec.replicas).toBe(3);
    expect(sts.spec.serviceName).toBe('search');
    expect(sts.spec.volumeClaimTemplates).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'data' }),
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'managed-csi-premium', resources: { requests: { storage: '64Gi' } } },
      }),
    ]);
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(sts.spec.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/var/lib/search' });
  });

  it('THEN the Service is headless (clusterIP None, as the API spells it) on the container port', () => {
    const service = of(objects(), 'Service');
    expect(service.spec.clusterIP).toBe('None');
    expect(service.spec.clusterIp).toBeUndefined();
    expect(service.spec.ports).toEqual([{ name: 'http', port: 9200, targetPort: 'http', protocol: 'TCP' }]);
  });

  it("THEN its pods are the Deployment's: restricted, pinned to the pool, spread across zones (no pod-template-hash key)", () => {
    const pod = of(objects(), 'StatefulSet').spec.template.spec;
    const deploymentPod = of(workloadFile(cache), 'Deployment').spec.template.spec;
    expect(pod.securityContext).toEqual(deploymentPod.securityContext);
    expect(pod.affinity).toEqual(deploymentPod.affinity);
    expect(pod.tolerations).toEqual(deploymentPod.tolerations);
    const zone = (pod.topologySpreadConstraints as Obj[]).find((c) => c.topologyKey === 'topology.kubernetes.io/zone')!;
    expect(zone).toEqual({
      maxSkew: 1,
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'search' } },
    });
  });
});

describe('CronJob', () => {
  const nightly: Workload = {
    ...storefront,
    name: 'nightly',
    kind: 'CronJob',
    port: 0,
    replicas: { min: 1, max: 1 },
    ingress: false,
    secrets: ['db'],
    cronJob: {
      schedule: '30 2 * * *',
      timeZone: 'Europe/Amsterdam',
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      activeDeadlineSeconds: 3600,
      backoffLimit: 2,
    },
  };
  const t: Team = {
    ...devWithIdentity(['storefront', 'catalog-cache', 'nightly'], CLIENT_ID),
    secrets: [{ name: 'db', objects: [{ name: 'db-password', type: 'secret' }] }],
    workloads: [...dev.workloads, nightly],
  };
  const objects = () => fileOf(filesOf(t), 'workload-nightly.yaml');

  it('THEN its file holds only a CronJob, with the schedule, zone and limits of the spec', () => {
    expect(objects().map((o) => `${o.apiVersion} ${o.kind}`)).toEqual(['batch/v1 CronJob']);
    const cron = of(objects(), 'CronJob');
    expect(cron.spec).toMatchObject({
      schedule: '30 2 * * *',
      timeZone: 'Europe/Amsterdam',
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    });
    expect(cron.spec.jobTemplate.spec).toMatchObject({ backoffLimit: 2, activeDeadlineSeconds: 3600 });
  });

  it('THEN its pods run to completion (restartPolicy Never), with no port or probes, the restricted context, the pool pinning and the secret mount', () => {
    const pod = podOf(of(objects(), 'CronJob'));
    const [container] = pod.spec.containers as [Obj];
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(container.ports).toBeUndefined();
    expect(container.readinessProbe).toBeUndefined();
    expect(container.livenessProbe).toBeUndefined();
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0]).toEqual({
      key: AGENT_POOL_LABEL,
      operator: 'In',
      values: [nightly.nodePool],
    });
    expect(container.volumeMounts).toContainEqual({ name: 'secrets-db', mountPath: '/mnt/secrets/db', readOnly: true });
    expect(pod.metadata.labels['azure.workload.identity/use']).toBe('true');
    for (const c of pod.spec.topologySpreadConstraints as Obj[]) expect(c.matchLabelKeys).toEqual(['batch.kubernetes.io/controller-uid']);
  });

  it('THEN no ingress NetworkPolicy for it', () => {
    const net = fileOf(filesOf(t), 'network-policies.yaml');
    expect(JSON.stringify(net)).not.toContain('"nightly"');
  });
});
