// One model, many renderers: what the Bicep creates must be what the cluster's manifests rely on.
import { AGENT_POOL_LABEL, contains, isCidr, parseCidr, WORKLOAD_CLASS_TAINT, type ClusterSpec } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import type { Val } from './test-support/bicep-eval.js';
import { exampleSpec } from './test-support/example.js';
import { at, renderFor } from './test-support/landing-zone.js';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (!isCidr(parsed)) throw new Error(`not a CIDR: ${text}`);
  return parsed;
};

/** Deployed user pools by name: labels and taints as the Bicep sets them. */
function deployedPools(spec: ClusterSpec) {
  const lz = renderFor(spec);
  return new Map(
    lz.resources('Microsoft.ContainerService/managedClusters/agentPools').map((p) => [
      p.body.name as string,
      { labels: at(p.body, 'properties.nodeLabels') as Record<string, string>, taints: at(p.body, 'properties.nodeTaints') as string[] },
    ]),
  );
}

describe('cross-check: node pools', () => {
  const spec = exampleSpec();
  const pools = deployedPools(spec);
  const workloads = spec.teams.flatMap((t) => t.workloads.map((w) => ({ team: t.name, ...w })));

  it.each(workloads.map((w) => [`${w.team}/${w.name}`, w] as const))(
    'GIVEN workload %s WHEN its node affinity targets a pool (%s) THEN the Bicep creates that pool with the class label and a taint it tolerates',
    (_name, workload) => {
      // Charts pin workloads with `${AGENT_POOL_LABEL} = <pool>`; AKS sets that label to the pool name.
      expect(AGENT_POOL_LABEL).toBe('kubernetes.azure.com/agentpool');
      const pool = pools.get(workload.nodePool);
      expect(pool, `pool ${workload.nodePool}`).toBeDefined();
      expect(pool!.labels[WORKLOAD_CLASS_TAINT]).toBe(workload.workloadClass);
      for (const taint of pool!.taints) expect(taint).toBe(`${WORKLOAD_CLASS_TAINT}=${workload.workloadClass}:NoSchedule`);
    },
  );

  it('GIVEN the teams WHEN each names its default pool THEN the Bicep creates it', () => {
    for (const team of spec.teams) expect([...pools.keys()], team.name).toContain(team.nodePool);
  });

  it('THEN the Bicep creates no user pool the spec does not declare, and every workload class has its pool', () => {
    expect([...pools.keys()]).toEqual(spec.cluster.userPools.map((p) => p.name));
    const classes = new Set(workloads.map((w) => w.workloadClass));
    for (const cls of classes) expect([...pools.values()].some((p) => p.labels[WORKLOAD_CLASS_TAINT] === cls), cls).toBe(true);
  });
});

describe('cross-check: on-premises ranges', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);
  const routed = lz.param('onPremisesAddressPrefixes') as string[];

  it('GIVEN the spec on-premises ranges WHEN rendered THEN the ranges the landing zone expects over BGP and admits are that same list (the one Calico allows)', () => {
    expect(routed).toEqual(spec.onPremises.ranges);
    const addresses = JSON.parse(lz.files.get('addresses.json')!);
    expect(addresses.onPremises.ranges).toEqual(routed);
    const readme = lz.files.get('README.md')!;
    for (const range of routed) expect(readme).toContain(`- \`${range}\``);
  });

  it('GIVEN team egress rules toward on-premises WHEN Calico opens them THEN every destination lies inside a routed on-premises range', () => {
    const destinations = spec.teams.flatMap((t) => t.egress.flatMap((rule) => rule.cidrs.map((c) => ({ rule: `${t.name}/${rule.name}`, c }))));
    expect(destinations.length).toBeGreaterThan(0);
    for (const { rule, c } of destinations) {
      expect(routed.some((r) => contains(cidr(r), cidr(c))), `${rule} -> ${c}`).toBe(true);
    }
  });

  it('THEN the NSG rules that admit on-premises traffic use the routed list itself', () => {
    const nsgs = lz.resources('Microsoft.Network/networkSecurityGroups');
    const sources = nsgs.flatMap((n) =>
      (at(n.body, 'properties.securityRules') as Array<{ name: string; properties: { sourceAddressPrefixes?: Val } }>)
        .filter((r) => r.name.includes('onprem'))
        .map((r) => r.properties.sourceAddressPrefixes),
    );
    expect(sources).toHaveLength(3);
    for (const s of sources) expect(s).toEqual(routed);
  });
});
