import { describe, expect, it } from 'vitest';
import { NETWORK_SET_LABEL } from '../labels.js';
import { synthClusterManifests } from '../synth.js';
import { exampleCluster, fileOf, withCalicoApi, type Obj } from '../testing/example-cluster.js';

function calicoUnit(spec = exampleCluster()) {
  return synthClusterManifests(spec).find((u) => u.dir === 'calico');
}

describe('Calico folder', () => {
  it('GIVEN no Calico API WHEN rendered THEN there is no calico folder and no projectcalico.org object anywhere', () => {
    const units = synthClusterManifests(withCalicoApi(exampleCluster(), false));
    expect(units.map((u) => u.dir)).not.toContain('calico');
    expect(units.map((u) => u.dir)).not.toContain('calico-apiserver');
    const calicoObjects = units.flatMap((u) => u.files.flatMap((f) => f.objects as Obj[])).filter((o) => String(o.apiVersion).startsWith('projectcalico.org/'));
    expect(calicoObjects).toEqual([]);
  });

  describe('network sets', () => {
    const spec = exampleCluster();
    const sets = fileOf(calicoUnit()!, 'network-sets.yaml');

    it('THEN on-premises holds exactly the ranges the VNet routes to', () => {
      const onPrem = sets.find((s) => s.metadata.name === 'on-premises')!;
      expect(onPrem).toMatchObject({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkSet' });
      expect(onPrem.metadata.namespace).toBeUndefined();
      expect(onPrem.spec.nets).toEqual(spec.onPremises.ranges);
      expect(onPrem.metadata.labels[NETWORK_SET_LABEL]).toBe('on-premises');
    });

    it('THEN each external range has its own set, labelled with its name', () => {
      for (const range of spec.externalRanges) {
        const set = sets.find((s) => s.metadata.name === `external-${range.name}`)!;
        expect(set.spec.nets).toEqual(range.cidrs);
        expect(set.metadata.labels[NETWORK_SET_LABEL]).toBe(`external-${range.name}`);
      }
    });

    it('THEN the recorded egress prefix is the cluster-egress set; WITHOUT one THEN there is none', () => {
      expect(sets.find((s) => s.metadata.name === 'cluster-egress')!.spec.nets).toEqual([spec.egress.allocatedPrefix]);
      const { allocatedPrefix: _, ...egress } = spec.egress;
      const without = fileOf(calicoUnit({ ...spec, egress })!, 'network-sets.yaml');
      expect(without.map((s) => s.metadata.name)).not.toContain('cluster-egress');
    });
  });

  describe('ingress guard', () => {
    const spec = exampleCluster();
    const [policy] = fileOf(calicoUnit()!, 'ingress-guard.yaml') as [Obj];

    it('GIVEN the opt-in THEN every projectcalico.org/v3 object is in the calico folder, none in a team folder', () => {
      const units = synthClusterManifests(withCalicoApi(exampleCluster(), true));
      const v3Dirs = new Set(
        units.filter((u) => u.files.some((f) => (f.objects as Obj[]).some((o) => String(o.apiVersion).startsWith('projectcalico.org/')))).map((u) => u.dir),
      );
      expect([...v3Dirs]).toEqual(['calico']);
    });

    it('THEN it is a GlobalNetworkPolicy for ingress to the ingress controller namespace only', () => {
      expect(policy).toMatchObject({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy' });
      expect(policy.spec.types).toEqual(['Ingress']);
      expect(policy.spec.namespaceSelector).toBe(`projectcalico.org/name == '${spec.ingress.controllerNamespace}'`);
      expect(policy.spec.selector).toBe('all()');
      // It must run before Kubernetes NetworkPolicies (order 1000), so none can re-open the path.
      expect(policy.spec.order).toBeLessThan(1000);
    });

    it('THEN the first rule admits every network set, and only them, to TCP 80 and 443', () => {
      const [admit] = policy.spec.ingress as [Obj];
      expect(admit.action).toBe('Allow');
      expect(admit.protocol).toBe('TCP');
      expect(admit.destination.ports).toEqual([80, 443]);
      expect(admit.source.namespaceSelector).toBe('global()');
      const names = ['on-premises', ...spec.externalRanges.map((r) => `external-${r.name}`), 'cluster-egress'];
      const listed = [...String(admit.source.selector).matchAll(/'([^']+)'/g)].map((m) => m[1]);
      expect(String(admit.source.selector).startsWith(`${NETWORK_SET_LABEL} in {`)).toBe(true);
      expect(listed).toEqual(names);
    });

    it('THEN the second rule denies every other source outside the cluster networks, internet included', () => {
      const deny = (policy.spec.ingress as Obj[])[1]!;
      expect(deny.action).toBe('Deny');
      expect(deny.source.notNets).toEqual(expect.arrayContaining([...spec.network.addressSpace, spec.network.podCidr, spec.network.serviceCidr]));
      // Internet and on-premises addresses are not exempt from the deny.
      expect(deny.source.notNets).not.toContain('0.0.0.0/0');
      for (const range of spec.onPremises.ranges) expect(deny.source.notNets).not.toContain(range);
      expect(deny.destination).toBeUndefined();
    });

    it('THEN there is no Pass (it would skip every Kubernetes NetworkPolicy of the default tier) and nothing after the deny', () => {
      const rules = policy.spec.ingress as Obj[];
      expect(rules.map((r) => r.action)).toEqual(['Allow', 'Deny']);
    });

    it('THEN in-cluster sources fall through to the Kubernetes guard in the controller namespace, rendered alongside, which admits them', () => {
      const guard = fileOf(synthClusterManifests(spec).find((u) => u.dir === 'infrastructure')!, 'ingress.yaml').find((o) => o.kind === 'NetworkPolicy')!;
      expect(guard.metadata.namespace).toBe(spec.ingress.controllerNamespace);
      const inCluster = (guard.spec.ingress as Obj[])[1]!.from.map((p: Obj) => p.ipBlock?.cidr).filter(Boolean);
      expect(inCluster).toEqual((policy.spec.ingress as Obj[])[1]!.source.notNets);
    });
  });

  describe('API server (calico-apiserver folder)', () => {
    it('GIVEN the opt-in THEN an operator.tigera.io APIServer named default runs on the system pool, tolerating CriticalAddonsOnly', () => {
      const unit = synthClusterManifests(withCalicoApi(exampleCluster(), true)).find((u) => u.dir === 'calico-apiserver')!;
      const [apiServer] = fileOf(unit, 'apiserver.yaml') as [Obj];
      expect(apiServer).toMatchObject({ apiVersion: 'operator.tigera.io/v1', kind: 'APIServer', metadata: { name: 'default' } });
      const pod = apiServer.spec.apiServerDeployment.spec.template.spec;
      expect(pod.tolerations).toEqual([{ key: 'CriticalAddonsOnly', operator: 'Exists', effect: 'NoSchedule' }]);
      // The toleration matches the taint the kit gives the system pool.
      expect(exampleCluster().cluster.systemPool.taints).toEqual(['CriticalAddonsOnly=true:NoSchedule']);
      expect(pod.nodeSelector).toEqual({ 'kubernetes.azure.com/mode': 'system' });
      // Only operator.tigera.io here: this folder must apply before projectcalico.org/v3 is served.
      expect(unit.files.flatMap((f) => f.objects as Obj[]).every((o) => o.apiVersion === 'operator.tigera.io/v1')).toBe(true);
    });

    it('GIVEN stock AKS THEN no APIServer is requested', () => {
      const units = synthClusterManifests(withCalicoApi(exampleCluster(), false));
      expect(units.flatMap((u) => u.files.flatMap((f) => f.objects as Obj[])).filter((o) => o.kind === 'APIServer')).toEqual([]);
    });
  });
});
