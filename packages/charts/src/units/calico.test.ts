import { describe, expect, it } from 'vitest';
import { NETWORK_SET_LABEL } from '../labels.js';
import { synthClusterManifests } from '../synth.js';
import { exampleCluster, fileOf, withCalicoApi, type Obj } from '../test-support.js';

function calicoUnit(spec = exampleCluster()) {
  return synthClusterManifests(spec).find((u) => u.dir === 'calico');
}

describe('Calico folder', () => {
  it('GIVEN no Calico API WHEN rendered THEN there is no calico folder and no projectcalico.org object anywhere', () => {
    const units = synthClusterManifests(withCalicoApi(exampleCluster(), false));
    expect(units.map((u) => u.dir)).not.toContain('calico');
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

    it('THEN in-cluster sources are passed on, not dropped, and nothing follows', () => {
      const rules = policy.spec.ingress as Obj[];
      expect(rules).toHaveLength(3);
      expect(rules[2]).toEqual({ action: 'Pass' });
    });
  });
});
