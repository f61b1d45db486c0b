import type { EgressRule } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { synthTeamManifests } from '../synth.js';
import { exampleCluster, fileOf, team, withCalicoApi, type Obj } from '../testing/example-cluster.js';

const spec = exampleCluster();
const dev = team(spec, 'dev');
const checkout = team(spec, 'checkout');

function policies(s = spec, t = dev): Obj[] {
  return fileOf(synthTeamManifests(s, t), 'network-policies.yaml');
}
const k8sPolicy = (objects: Obj[], name: string) => objects.find((o) => o.apiVersion === 'networking.k8s.io/v1' && o.metadata.name === name)!;
const egressOf = (objects: Obj[]) => objects.filter((o) => String(o.metadata.name).startsWith('allow-egress-'));

describe('namespace isolation', () => {
  it('GIVEN a team THEN a default deny selects every pod for both Ingress and Egress and allows nothing', () => {
    const deny = k8sPolicy(policies(), 'default-deny');
    expect(deny.metadata.namespace).toBe('dev');
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  it('THEN pods may talk to each other within the namespace, both ways, and to nothing else through that policy', () => {
    const same = k8sPolicy(policies(), 'allow-same-namespace');
    expect(same.spec.podSelector).toEqual({});
    expect(same.spec.ingress).toEqual([{ from: [{ podSelector: {} }] }]);
    expect(same.spec.egress).toEqual([{ to: [{ podSelector: {} }] }]);
  });

  it('THEN DNS to CoreDNS in kube-system is allowed over UDP and TCP 53', () => {
    const dns = k8sPolicy(policies(), 'allow-dns');
    expect(dns.spec.policyTypes).toEqual(['Egress']);
    const [rule] = dns.spec.egress as [Obj];
    expect(rule.to).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
    ]);
    expect(rule.ports).toEqual(
      expect.arrayContaining([
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ]),
    );
    expect(rule.ports).toHaveLength(2);
  });

  it('THEN the ingress controller reaches only workloads with ingress: true, on their container port', () => {
    const ingress = policies().filter((o) => String(o.metadata.name).startsWith('allow-ingress-'));
    const exposed = dev.workloads.filter((w) => w.ingress);
    expect(dev.workloads.some((w) => !w.ingress)).toBe(true);
    expect(ingress.map((p) => p.metadata.name)).toEqual(exposed.map((w) => `allow-ingress-${w.name}`));
    for (const w of exposed) {
      const policy = k8sPolicy(ingress, `allow-ingress-${w.name}`);
      expect(policy.spec.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': w.name } });
      expect(policy.spec.policyTypes).toEqual(['Ingress']);
      expect(policy.spec.ingress).toEqual([
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': spec.ingress.controllerNamespace } } }],
          ports: [{ protocol: 'TCP', port: w.port }],
        },
      ]);
    }
  });
});

describe('team egress', () => {
  const onPremRule: EgressRule = { name: 'onprem-all', cidrs: [], onPremises: true, ports: [443, 8443] };
  const withOnPrem = { ...checkout, egress: [...checkout.egress, onPremRule] };

  describe('GIVEN stock AKS (no Calico API)', () => {
    const plain = withCalicoApi(spec, false);
    const objects = egressOf(policies(plain, withOnPrem));
    const cidrsOf = (name: string) => (objects.find((o) => o.metadata.name === name)!.spec.egress[0].to as Obj[]).map((peer) => peer.ipBlock.cidr);

    it('THEN each rule is a Kubernetes NetworkPolicy for every pod, egress only, TCP on its ports', () => {
      expect(objects.map((o) => o.apiVersion)).toEqual(withOnPrem.egress.map(() => 'networking.k8s.io/v1'));
      for (const [i, rule] of withOnPrem.egress.entries()) {
        const policy = objects[i]!;
        expect(policy.spec.podSelector).toEqual({});
        expect(policy.spec.policyTypes).toEqual(['Egress']);
        expect(policy.spec.egress[0].ports).toEqual(rule.ports.map((port) => ({ protocol: 'TCP', port })));
      }
    });

    it('THEN onPremises: true expands to exactly the on-premises ranges', () => {
      expect(cidrsOf('allow-egress-onprem-all')).toEqual(spec.onPremises.ranges);
    });

    it('THEN an external range expands to exactly its CIDRs', () => {
      expect(cidrsOf('allow-egress-partner-callbacks')).toEqual(spec.externalRanges.find((r) => r.name === 'partner-payments')!.cidrs);
    });

    it('THEN literal CIDRs are kept as they are', () => {
      expect(cidrsOf('allow-egress-onprem-core-banking')).toEqual(checkout.egress.find((r) => r.name === 'onprem-core-banking')!.cidrs);
    });

    it('THEN no Calico object is rendered for the team', () => {
      expect(policies(plain, withOnPrem).filter((o) => String(o.apiVersion).startsWith('projectcalico.org'))).toEqual([]);
    });
  });

  it('GIVEN the spec opts into the Calico API THEN team egress is the same Kubernetes ipBlock policies: a team folder never holds a projectcalico.org/v3 object', () => {
    const opted = policies(withCalicoApi(spec, true), withOnPrem);
    expect(opted.filter((o) => String(o.apiVersion).startsWith('projectcalico.org'))).toEqual([]);
    expect(egressOf(opted)).toEqual(egressOf(policies(withCalicoApi(spec, false), withOnPrem)));
  });

  it('GIVEN two egress rules of one name THEN rendering stops with the team file and the rule', () => {
    const twice = { ...checkout, egress: [...checkout.egress, { ...checkout.egress[0]!, ports: [8443] }] };
    expect(() => synthTeamManifests(spec, twice)).toThrow(new RegExp(`${checkout.file}.*"${checkout.egress[0]!.name}" is defined twice`));
  });

  it('GIVEN a team without egress rules THEN only isolation, DNS and ingress policies are rendered', () => {
    const names = policies(spec, { ...dev, egress: [] }).map((o) => o.metadata.name);
    expect(names.filter((n) => n.startsWith('allow-egress-'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['default-deny', 'allow-same-namespace', 'allow-dns']));
  });
});
