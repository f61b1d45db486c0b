import type { ClusterSpec } from '@aks-hybrid/spec';
import { alt, seq, type Block } from './block.js';
import { apiPrivateEndpoint, apiServer, entraId, loadBalancer, natGateway, nodePool, onPremisesLink, registry, type DesignOptions } from './components.js';
import { hybridPools, internetEgressTeams, workloadPools } from './pools.js';

export type PathId = 'control-plane' | 'workloads' | 'hybrid';
export const PATH_IDS: readonly PathId[] = ['control-plane', 'workloads', 'hybrid'];

/** A path as users think of it: where it starts, what must be up on the way, where it ends. */
export interface PathBlock {
  readonly id: PathId;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly block: Block;
  /** What the path leaves out or relies on, in plain words. */
  readonly notes: readonly string[];
}

/** (a) On-premises operators and pipelines -> API server -> Entra ID. */
export function controlPlanePath(spec: ClusterSpec, options: DesignOptions): PathBlock {
  const privateApi = spec.cluster.apiServer.access === 'private';
  const block = privateApi
    ? seq([onPremisesLink(spec, options), apiPrivateEndpoint(spec), apiServer(spec), entraId(spec)])
    : seq([apiServer(spec), entraId(spec)]);
  const ranges = spec.cluster.apiServer.authorizedRanges;
  const notes = privateApi
    ? ['The API server is private: operators and pipelines reach it over ExpressRoute (or the VPN) and its private endpoint.']
    : [
        `The API server is public, restricted to ${ranges.length ? ranges.join(', ') : 'the authorized ranges'}: callers reach it over the internet, not over ExpressRoute. The internet leg carries no SLA and is not counted.`,
      ];
  return { id: 'control-plane', title: 'Control plane', start: 'Operators and pipelines', end: 'Kubernetes API answers', block, notes };
}

/** The in-cluster part of the workload path, without a global router. */
function workloadCore(spec: ClusterSpec, options: DesignOptions): Block {
  const parts: Block[] = [];
  if (!spec.ingress.publicIp) parts.push(onPremisesLink(spec, options));
  parts.push(loadBalancer(spec), nodePool(spec, spec.cluster.systemPool), ...workloadPools(spec).map((p) => nodePool(spec, p)));
  const internet = internetEgressTeams(spec);
  if (internet.length > 0) parts.push(natGateway(spec, internet));
  parts.push(registry(spec));
  return seq(parts);
}

/**
 * (b) Client -> ingress -> nodes across zones -> registry for image pulls. Only what the kit
 * deploys counts: no global router (the kit renders none), even when the service has a fleet.
 */
export function workloadsPath(spec: ClusterSpec, options: DesignOptions, _fleet: readonly ClusterSpec[]): PathBlock {
  const notes = [
    'Every user pool that runs a workload counts: the kit cannot tell which internal workloads a request needs.',
    'The system pool counts too: CoreDNS and the cluster add-ons run there.',
    'The registry counts because nodes pull images when they scale out or are replaced; in a quiet steady state requests do not touch it.',
  ];
  if (!spec.ingress.publicIp)
    notes.unshift('Ingress is internal (spec.ingress.publicIp is false): clients come from on-premises over ExpressRoute or the VPN.');
  else notes.unshift("Clients reach the public ingress over the internet; the client's own internet access is not counted.");
  return {
    id: 'workloads',
    title: 'Workloads',
    start: spec.ingress.publicIp ? 'Clients' : 'On-premises clients',
    end: 'Request served',
    block: seq([workloadCore(spec, options)]),
    notes,
  };
}

/** (c) Workloads -> ExpressRoute or VPN -> on-premises. */
export function hybridPath(spec: ClusterSpec, options: DesignOptions): PathBlock {
  const pools = hybridPools(spec);
  const block = seq([nodePool(spec, spec.cluster.systemPool), ...pools.map((p) => nodePool(spec, p)), onPremisesLink(spec, options)]);
  const notes = [
    `Counts the pools of the teams that talk to on-premises (${pools.map((p) => p.name).join(', ')}) and the system pool (DNS).`,
    'The on-premises side (edge routers, firewalls, the VPN device and its internet line) is yours and is not counted.',
  ];
  return { id: 'hybrid', title: 'Hybrid', start: 'Workloads', end: 'On-premises', block, notes };
}

/**
 * The service seen from its clients when several clusters serve it: any cluster. Sending clients to
 * a healthy cluster takes a global router (Azure Front Door, Traffic Manager, your DNS) that the kit
 * does not deploy, so it is not counted: the report says to multiply by its figure.
 */
export function fleetWorkloadsBlock(fleet: readonly ClusterSpec[], optionsOf: (c: ClusterSpec) => DesignOptions): Block {
  return alt(
    fleet.map((c) => seq([workloadCore(c, optionsOf(c))], c.name)),
    'any region',
  );
}

/** Workloads of the service reach on-premises while at least one cluster's hybrid path is up. */
export function fleetHybridBlock(fleet: readonly ClusterSpec[], optionsOf: (c: ClusterSpec) => DesignOptions): Block {
  return alt(
    fleet.map((c) => seq([hybridPath(c, optionsOf(c)).block], c.name)),
    'any region',
  );
}
