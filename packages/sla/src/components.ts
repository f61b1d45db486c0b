import type { ClusterSpec, NodePool } from '@aks-hybrid/spec';
import { alt, seq, type Block, type Leaf } from './block.js';
import { Dec } from './decimal.js';
import { figure } from './figures.js';
import { poolFloor } from './pools.js';

/** Design choices the spec cannot express yet, used to ask "what if" (e.g. a second circuit). */
export interface DesignOptions {
  /** ExpressRoute circuits beyond the one in the spec, each with its own last mile, on the same gateway. */
  readonly extraCircuits: number;
}

export const NO_OPTIONS: DesignOptions = { extraCircuits: 0 };

function leaf(id: string, label: string, component: string, key: string, why: string, availability?: Dec): Leaf {
  const ref = figure(component, key);
  return { kind: 'leaf', id, label, ref, availability: availability ?? ref.availability, why };
}

/** A resource that belongs to one cluster (its gateways, nodes, load balancer, private endpoints). */
function own(spec: ClusterSpec, l: Leaf): Leaf {
  return { ...l, cluster: spec.name };
}

const list = (xs: readonly string[]) => xs.join(', ');

export function apiServer(spec: ClusterSpec): Leaf {
  const id = `aks-api-server:${spec.name}`;
  if (spec.cluster.tier === 'Free') {
    return own(
      spec,
      leaf(id, 'AKS API server', 'aks-api-server', 'free', 'spec.cluster.tier is Free: no financially backed SLA; the 99.5% is an objective, not a promise'),
    );
  }
  if (spec.azure.zones.length >= 2) {
    return own(spec, leaf(id, 'AKS API server', 'aks-api-server', 'standard-zones', `${spec.cluster.tier} tier, cluster in zones ${list(spec.azure.zones)}`));
  }
  return own(
    spec,
    leaf(
      id,
      'AKS API server',
      'aks-api-server',
      'standard-no-zones',
      `${spec.cluster.tier} tier, but spec.azure.zones is [${list(spec.azure.zones)}]: the SLA for clusters without availability zones applies`,
    ),
  );
}

export function entraId(spec: ClusterSpec): Leaf {
  return leaf(
    `entra-id:${spec.azure.tenantId}`,
    'Microsoft Entra ID',
    'entra-id',
    'authentication',
    'kubectl and pipelines sign in with Entra ID before the API server accepts a call',
  );
}

export function apiPrivateEndpoint(spec: ClusterSpec): Leaf {
  return own(
    spec,
    leaf(`private-link:api:${spec.name}`, 'API server private endpoint', 'private-link', 'private-endpoint', 'spec.cluster.apiServer.access is private'),
  );
}

/** On-premises -> provider last mile -> circuit -> ExpressRoute gateway; extra circuits in parallel. */
export function expressRoute(spec: ClusterSpec, options: DesignOptions): Block {
  const er = spec.connectivity.expressRoute;
  const circuit = (n: number): Block => {
    const suffix = n === 0 ? '' : `#${n + 1}`;
    const label = n === 0 ? 'ExpressRoute circuit' : `ExpressRoute circuit ${n + 1}`;
    const parts: Block[] = [];
    if (er.providerSla !== undefined) {
      parts.push(
        leaf(
          `er-provider:${er.circuitId}${suffix}`,
          n === 0 ? 'Provider last mile' : `Provider last mile ${n + 1}`,
          'expressroute-provider',
          'spec',
          `spec.connectivity.expressRoute.providerSla is ${er.providerSla}`,
          Dec.fromNumber(er.providerSla),
        ),
      );
    }
    parts.push(
      leaf(
        `er-circuit:${er.circuitId}${suffix}`,
        label,
        'expressroute-circuit',
        'standard',
        n === 0 ? 'the circuit in spec.connectivity.expressRoute.circuitId' : 'a second circuit at another peering location (what-if)',
      ),
    );
    return seq(parts);
  };
  const circuits = Array.from({ length: 1 + options.extraCircuits }, (_, n) => circuit(n));
  const gateway = own(
    spec,
    leaf(`er-gateway:${spec.name}`, 'ExpressRoute gateway', 'expressroute-gateway', 'ergw-az', `spec.connectivity.expressRoute.gatewaySku is ${er.gatewaySku}`),
  );
  return seq([alt(circuits), gateway], 'ExpressRoute');
}

export function vpnGateway(spec: ClusterSpec): Leaf | undefined {
  const vpn = spec.connectivity.vpn;
  if (!vpn) return undefined;
  return own(
    spec,
    leaf(
      `vpn-gateway:${spec.name}`,
      'VPN gateway',
      'vpn-gateway',
      'vpngw',
      `spec.connectivity.vpn: ${vpn.gatewaySku}, ${vpn.activeActive ? 'active-active' : 'active-standby'}`,
    ),
  );
}

/** The link to on-premises: ExpressRoute, with the site-to-site VPN as failover when there is one. */
export function onPremisesLink(spec: ClusterSpec, options: DesignOptions): Block {
  const er = expressRoute(spec, options);
  const vpn = vpnGateway(spec);
  return vpn ? alt([er, vpn], 'ExpressRoute or VPN') : er;
}

export function loadBalancer(spec: ClusterSpec): Leaf {
  return own(
    spec,
    leaf(
      `load-balancer:${spec.name}`,
      spec.ingress.publicIp ? 'Ingress (public Standard Load Balancer)' : 'Ingress (internal Standard Load Balancer)',
      'load-balancer',
      'standard',
      spec.ingress.publicIp
        ? 'spec.ingress.publicIp is true: a public IP on the Standard Load Balancer'
        : 'spec.ingress.publicIp is false: an internal Standard Load Balancer, reached from on-premises',
    ),
  );
}

export function natGateway(spec: ClusterSpec, teams: readonly string[]): Leaf {
  return own(
    spec,
    leaf(
      `nat-gateway:${spec.name}`,
      'NAT gateway (egress)',
      'nat-gateway',
      'standard',
      `team${teams.length === 1 ? '' : 's'} ${list(teams)} call${teams.length === 1 ? 's' : ''} external ranges through it`,
    ),
  );
}

export function nodePool(spec: ClusterSpec, pool: NodePool): Leaf {
  const floor = poolFloor(spec, pool);
  const nodes = `${floor.nodes} node${floor.nodes === 1 ? '' : 's'} (${floor.reason})`;
  const why =
    floor.figureKey === 'multi-zone'
      ? `keeps ${nodes} over zones ${list(pool.zones)}`
      : floor.figureKey === 'same-zone'
        ? `keeps ${nodes}, but only in zone ${list(pool.zones)}: the single-zone figure applies; spread the pool over two or more zones for 99.99%`
        : `keeps a single node (${floor.reason}): the single-VM figure applies${pool.zones.length >= 2 ? '; two nodes in two zones would give 99.99%' : ''}`;
  return own(
    spec,
    leaf(`pool:${spec.name}:${pool.name}`, `${pool.mode === 'System' ? 'System' : 'User'} pool ${pool.name}`, 'virtual-machines', floor.figureKey, why),
  );
}

/** Private endpoint (when used) -> the registry, whose home region and geo-replicas are alternatives. */
export function registry(spec: ClusterSpec): Block {
  const r = spec.registry;
  const regions: Leaf[] = [
    leaf(`acr:${r.name}:home`, 'Container Registry (home region)', 'container-registry', 'per-region', `${r.name}, home region`),
    ...r.replicaLocations.map((loc) =>
      leaf(`acr:${r.name}:${loc}`, `Container Registry (${loc} replica)`, 'container-registry', 'per-region', `spec.registry.replicaLocations includes ${loc}`),
    ),
  ];
  const parts: Block[] = [];
  if (r.privateEndpoint) {
    parts.push(
      own(
        spec,
        leaf(
          `private-link:acr:${spec.name}`,
          'Registry private endpoint',
          'private-link',
          'private-endpoint',
          'spec.registry.privateEndpoint is true: nodes pull through it',
        ),
      ),
    );
  }
  parts.push(alt(regions, regions.length > 1 ? 'Container Registry regions' : undefined));
  return seq(parts);
}
