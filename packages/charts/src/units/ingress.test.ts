import { describe, expect, it } from 'vitest';
import { synthClusterManifests } from '../synth.js';
import { exampleCluster, fileOf, withCalicoApi, type Obj } from '../testing/example-cluster.js';

const spec = exampleCluster();
const ingressFile = (s = spec) => fileOf(synthClusterManifests(s).find((u) => u.dir === 'infrastructure')!, 'ingress.yaml');
const controllers = (s = spec) => ingressFile(s).filter((o) => o.kind === 'NginxIngressController');
const guard = (s = spec) => ingressFile(s).find((o) => o.kind === 'NetworkPolicy')!;
const withPublicIp = (publicIp: boolean) => ({ ...spec, ingress: { ...spec.ingress, publicIp } });

describe('ingress controllers (app routing add-on, infrastructure/ingress.yaml)', () => {
  it('GIVEN a public IP THEN nginx-public is bound to the fixed IP by name and resource group, the names the landing zone gives it', () => {
    const pub = controllers().find((c) => c.metadata.name === 'nginx-public')!;
    expect(pub).toMatchObject({ apiVersion: 'approuting.kubernetes.azure.com/v1alpha1', kind: 'NginxIngressController' });
    expect(pub.metadata.namespace).toBeUndefined(); // cluster-scoped CRD
    expect(pub.spec).toEqual({
      ingressClassName: 'nginx-public',
      controllerNamePrefix: 'nginx-public',
      loadBalancerAnnotations: {
        'service.beta.kubernetes.io/azure-pip-name': spec.names.ingressPublicIp,
        'service.beta.kubernetes.io/azure-load-balancer-resource-group': spec.azure.resourceGroup,
      },
    });
    expect(spec.names.ingressPublicIp).toBe('pip-weu-prod-ingress');
  });

  it('THEN nginx-internal is an internal load balancer on the ingress subnet', () => {
    const internal = controllers().find((c) => c.metadata.name === 'nginx-internal')!;
    expect(internal.spec).toEqual({
      ingressClassName: 'nginx-internal',
      controllerNamePrefix: 'nginx-internal',
      loadBalancerAnnotations: {
        'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
        'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': spec.names.ingressSubnet,
      },
    });
  });

  it('GIVEN no public IP THEN only the internal controller: nothing would bind a public one to a fixed address', () => {
    expect(controllers(withPublicIp(false)).map((c) => c.metadata.name)).toEqual(['nginx-internal']);
    expect(controllers(withPublicIp(true)).map((c) => c.metadata.name)).toEqual(['nginx-public', 'nginx-internal']);
  });

  it('THEN the controllers are in infrastructure in both Calico modes: they need no Calico API', () => {
    for (const calico of [true, false]) expect(controllers(withCalicoApi(spec, calico))).toHaveLength(2);
  });
});

describe('ingress guard, Kubernetes half (every cluster)', () => {
  it('THEN the controller namespace is declared create-only and never pruned, so the policy applies before the add-on has made it', () => {
    const ns = ingressFile().find((o) => o.kind === 'Namespace')!;
    expect(ns.metadata.name).toBe(spec.ingress.controllerNamespace);
    expect(ns.metadata.annotations).toEqual({ 'kustomize.toolkit.fluxcd.io/ssa': 'IfNotPresent', 'kustomize.toolkit.fluxcd.io/prune': 'disabled' });
    expect(ns.metadata.labels).toBeUndefined();
  });

  const cidrs = (peers: Obj[]) => peers.map((p) => p.ipBlock?.cidr).filter(Boolean);

  it.each([true, false])('GIVEN calicoApiPolicies %s THEN a NetworkPolicy selects every pod of the controller namespace, inbound', (calico) => {
    const policy = guard(withCalicoApi(spec, calico));
    expect(policy).toMatchObject({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'kit-ingress-guard', namespace: spec.ingress.controllerNamespace },
    });
    expect(policy.spec.podSelector).toEqual({});
    expect(policy.spec.policyTypes).toEqual(['Ingress']);
  });

  it('THEN from outside the cluster only on-premises, the external ranges and the egress prefix, on TCP 80 and 443', () => {
    const [outside] = guard().spec.ingress as [Obj];
    expect(cidrs(outside.from)).toEqual([...spec.onPremises.ranges, ...spec.externalRanges.flatMap((r) => r.cidrs), spec.egress.allocatedPrefix]);
    expect(outside.ports).toEqual([
      { protocol: 'TCP', port: 80 },
      { protocol: 'TCP', port: 443 },
    ]);
    expect(cidrs(outside.from)).not.toContain('0.0.0.0/0');
  });

  it('THEN from inside the cluster (pods, VNet, services, load balancer probes) on any port, and nothing else', () => {
    const rules = guard().spec.ingress as Obj[];
    expect(rules).toHaveLength(2);
    expect(rules[1]!.ports).toBeUndefined();
    expect(rules[1]!.from[0]).toEqual({ namespaceSelector: {} });
    expect(cidrs(rules[1]!.from)).toEqual([...spec.network.addressSpace, spec.network.podCidr, spec.network.serviceCidr, '168.63.129.16/32']);
  });

  it('GIVEN an on-premises range added to the spec THEN the guard admits it (one list, many renderers)', () => {
    const more = { ...spec, onPremises: { ranges: [...spec.onPremises.ranges, '10.20.0.0/16'] } };
    expect(cidrs((guard(more).spec.ingress as Obj[])[0]!.from)).toContain('10.20.0.0/16');
  });
});
