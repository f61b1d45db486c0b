// One model, many renderers: what the Bicep creates must be what the cluster's manifests rely on.
import { AGENT_POOL_LABEL, contains, isCidr, parseCidr, WORKLOAD_CLASS_TAINT } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { deployed } from './testing/deployed.js';
import { exampleSpec } from './testing/example.js';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (!isCidr(parsed)) throw new Error(`not a CIDR: ${text}`);
  return parsed;
};
const spec = exampleSpec();

describe('cross-check: node pools (bicep snapshot)', () => {
  const lz = deployed('example');
  const pools = new Map(
    lz.template
      .resourcesOfType('Microsoft.ContainerService/managedClusters/agentPools')
      .map((p) => [p.name.split('/')[1]!, { labels: p.properties!.nodeLabels as Record<string, string>, taints: p.properties!.nodeTaints as string[] }]),
  );
  const workloads = spec.teams.flatMap((t) => t.workloads.map((w) => ({ team: t.name, ...w })));

  it.each(workloads.map((w) => [`${w.team}/${w.name}`, w] as const))(
    'GIVEN workload %s WHEN its node affinity targets a pool THEN the Bicep creates that pool with the class label and a taint it tolerates',
    (_name, workload) => {
      // Charts pin workloads with `${AGENT_POOL_LABEL} = <pool>`; AKS sets that label to the pool name.
      expect(AGENT_POOL_LABEL).toBe('kubernetes.azure.com/agentpool');
      const pool = pools.get(workload.nodePool);
      expect(pool, `pool ${workload.nodePool}`).toBeDefined();
      expect(pool!.labels[WORKLOAD_CLASS_TAINT]).toBe(workload.workloadClass);
      for (const taint of pool!.taints) expect(taint).toBe(`${WORKLOAD_CLASS_TAINT}=${workload.workloadClass}:NoSchedule`);
    },
  );

  it('THEN every team default pool exists, no undeclared pool does, and every workload class has its pool', () => {
    for (const team of spec.teams) expect([...pools.keys()], team.name).toContain(team.nodePool);
    expect([...pools.keys()]).toEqual(spec.cluster.userPools.map((p) => p.name));
    for (const cls of new Set(workloads.map((w) => w.workloadClass)))
      expect(
        [...pools.values()].some((p) => p.labels[WORKLOAD_CLASS_TAINT] === cls),
        cls,
      ).toBe(true);
  });
});

describe('cross-check: on-premises ranges (bicep snapshot)', () => {
  const lz = deployed('example');
  const nsgRules = lz.template
    .resourcesOfType('Microsoft.Network/networkSecurityGroups')
    .flatMap((n) => n.properties!.securityRules as Array<{ name: string; properties: { sourceAddressPrefixes?: string[] } }>);
  const admitted = nsgRules.filter((r) => r.name.includes('onprem')).map((r) => r.properties.sourceAddressPrefixes);

  it('GIVEN the spec on-premises ranges WHEN rendered THEN the NSGs, addresses.json and the README carry that same list (the one the network policies allow)', () => {
    expect(admitted.length).toBeGreaterThan(0);
    for (const sources of admitted) expect(sources).toEqual(spec.onPremises.ranges);
    expect(JSON.parse(lz.files.get('addresses.json')!).onPremises.ranges).toEqual(spec.onPremises.ranges);
    for (const range of spec.onPremises.ranges) expect(lz.files.get('README.md')).toContain(`- \`${range}\``);
  });

  it('GIVEN team egress rules toward on-premises WHEN the network policies open them THEN every destination lies inside a range the NSGs admit and BGP routes', () => {
    const destinations = spec.teams.flatMap((t) => t.egress.flatMap((rule) => rule.cidrs.map((c) => ({ rule: `${t.name}/${rule.name}`, c }))));
    expect(destinations.length).toBeGreaterThan(0);
    for (const { rule, c } of destinations)
      expect(
        admitted[0]!.some((r) => contains(cidr(r), cidr(c))),
        `${rule} -> ${c}`,
      ).toBe(true);
  });
});
