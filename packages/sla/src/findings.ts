import type { ClusterSpec } from '@aks-hybrid/spec';
import { Dec } from './decimal.js';
import type { PathId } from './paths.js';
import { hybridPools, poolFloor, workloadPools } from './pools.js';

/** A spec choice that moves the figures, said plainly so the report can explain the numbers. */
export interface SlaFinding {
  readonly topic: string;
  /** lowers: the choice costs availability; excluded: something is left out of the figures; note: context. */
  readonly effect: 'lowers' | 'excluded' | 'note';
  readonly paths: readonly PathId[];
  readonly text: string;
}

export function findings(spec: ClusterSpec, fleet: readonly ClusterSpec[]): SlaFinding[] {
  const out: SlaFinding[] = [];
  const privateApi = spec.cluster.apiServer.access === 'private';
  const linkPaths: PathId[] = [...(privateApi ? (['control-plane'] as const) : []), ...(!spec.ingress.publicIp ? (['workloads'] as const) : []), 'hybrid'];

  if (spec.cluster.tier === 'Free') {
    out.push({
      topic: 'free-tier',
      effect: 'lowers',
      paths: ['control-plane'],
      text: 'The cluster is on the Free tier (spec.cluster.tier). Microsoft gives the Free tier no financially backed SLA for the API server, only an objective of 99.5%; this report uses that objective, which is not a promise. The Standard tier gives 99.95% with availability zones (99.9% without).',
    });
  }
  if (spec.azure.zones.length < 2) {
    out.push({
      topic: 'no-zones',
      effect: 'lowers',
      paths: ['control-plane', 'workloads', 'hybrid'],
      text: `The cluster uses one availability zone (spec.azure.zones is [${spec.azure.zones.join(', ')}]), so it runs without availability zones: the API server SLA drops from 99.95% to 99.9%, and node pools get at best the single-zone figure (99.95% instead of 99.99%). One datacenter failure stops the cluster.`,
    });
  }
  if (!spec.connectivity.vpn) {
    out.push({
      topic: 'no-vpn',
      effect: 'lowers',
      paths: linkPaths,
      text: 'There is no VPN failover (spec.connectivity.vpn is absent): ExpressRoute alone connects Azure and on-premises, so its circuit and gateway are single points of failure. With a VPN the two links back each other up and only a failure of both cuts the link.',
    });
  }

  const pools = new Map([spec.cluster.systemPool, ...workloadPools(spec), ...hybridPools(spec)].map((p) => [p.name, p]));
  for (const pool of pools.values()) {
    const floor = poolFloor(spec, pool);
    if (floor.figureKey === 'multi-zone') continue;
    const inPaths: PathId[] = [];
    if (pool.mode === 'System' || workloadPools(spec).some((p) => p.name === pool.name)) inPaths.push('workloads');
    if (pool.mode === 'System' || hybridPools(spec).some((p) => p.name === pool.name)) inPaths.push('hybrid');
    if (floor.figureKey === 'same-zone') {
      // In a single-zone cluster the no-zones finding already says it for every pool.
      if (spec.azure.zones.length < 2) continue;
      out.push({
        topic: `pool-single-zone:${pool.name}`,
        effect: 'lowers',
        paths: inPaths,
        text: `Pool ${pool.name} keeps its ${floor.nodes} nodes only in zone ${pool.zones.join(', ')}, so it gets the single-zone VM figure (99.95%) instead of 99.99% for nodes spread over two or more zones. A failure of that zone stops every workload on it.`,
      });
    } else {
      out.push({
        topic: `pool-single-node:${pool.name}`,
        effect: 'lowers',
        paths: inPaths,
        text: `Pool ${pool.name} keeps a single node (${floor.reason}), so it gets the single-VM figure (99.9%). Two nodes in two zones would give 99.99%.`,
      });
    }
  }

  const providerSla = spec.connectivity.expressRoute.providerSla;
  out.push(
    providerSla === undefined
      ? {
          topic: 'provider-sla',
          effect: 'excluded',
          paths: linkPaths,
          text: "The provider's last mile is not counted: spec.connectivity.expressRoute.providerSla is not set, and Microsoft's circuit SLA excludes it. Until you add the provider's figure, the ExpressRoute numbers here are optimistic.",
        }
      : {
          topic: 'provider-sla',
          effect: 'note',
          paths: linkPaths,
          text: `The provider's last mile is counted at ${Dec.fromNumber(providerSla).shift(2).toString()}% (spec.connectivity.expressRoute.providerSla), in series with Microsoft's circuit.`,
        },
  );

  if (spec.registry.replicaLocations.length === 0) {
    out.push({
      topic: 'no-geo-replica',
      effect: 'lowers',
      paths: ['workloads'],
      text: 'The registry has no geo-replica (spec.registry.replicaLocations is empty): new and replaced nodes cannot pull images while its region is down.',
    });
  } else {
    out.push({
      topic: 'geo-replica',
      effect: 'note',
      paths: ['workloads'],
      text: `The registry is replicated to ${spec.registry.replicaLocations.join(', ')}: image pulls fail only if every registry region is down at once.`,
    });
  }

  if (!privateApi) {
    out.push({
      topic: 'public-api',
      effect: 'note',
      paths: ['control-plane'],
      text: 'The API server is public, restricted to authorized ranges (spec.cluster.apiServer.access is public-restricted): operators and pipelines reach it over the internet, so ExpressRoute and the VPN are not on the control plane path.',
    });
  }

  out.push(
    fleet.length > 1
      ? {
          topic: 'fleet',
          effect: 'note',
          paths: ['workloads', 'hybrid'],
          text: `The service ${spec.service} runs on ${fleet.length} clusters (${fleet.map((c) => c.name).join(', ')}): the service is up while any of them is, if a global router you deploy (the kit renders none) sends clients to a healthy one; multiply by that router's figure.`,
        }
      : {
          topic: 'single-region',
          effect: 'note',
          paths: ['workloads', 'hybrid'],
          text: `The service ${spec.service} runs on this cluster only: an outage of the region takes the service down.`,
        },
  );
  return out;
}
