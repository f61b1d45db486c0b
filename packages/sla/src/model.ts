import type { ClusterSpec } from '@aks-hybrid/spec';
import { distinctLeaves, dominance, evaluate, type Block, type Leaf } from './block.js';
import { candidates } from './candidates.js';
import { NO_OPTIONS, type DesignOptions } from './components.js';
import { Dec } from './decimal.js';
import { allComponentFigures, type FigureKind, type FigureSource } from './figures.js';
import { allowedDowntime, formatDuration, formatExactPercent, formatPercent, MONTH_SECONDS, SIGNIFICANT_DIGITS, YEAR_SECONDS } from './format.js';
import { findings, type SlaFinding } from './findings.js';
import { controlPlanePath, fleetHybridBlock, fleetWorkloadsBlock, hybridPath, PATH_IDS, workloadsPath, type PathBlock, type PathId } from './paths.js';

export type { PathId } from './paths.js';
export type { SlaFinding } from './findings.js';

/** A component as used on a path: the published figure, the condition, and the spec fact behind it. */
export interface ComponentUse {
  readonly id: string;
  readonly label: string;
  /** The cluster of a per-cluster resource; absent for resources clusters share. */
  readonly cluster?: string;
  readonly component: string;
  readonly componentName: string;
  readonly figureKey: string;
  readonly condition: string;
  /** Exact availability used (for the provider last mile, the spec's figure). */
  readonly availability: string;
  readonly percent: string;
  readonly kind: FigureKind;
  readonly why: string;
  readonly verified: boolean;
  readonly readOn: string;
  readonly sources: readonly FigureSource[];
  readonly note?: string;
}

/** The reliability block diagram of a path, with leaves by id (see `components`). */
export type BlockJson =
  | { readonly kind: 'leaf'; readonly id: string }
  | { readonly kind: 'serial' | 'parallel'; readonly label?: string; readonly children: readonly BlockJson[] };

export interface Downtime {
  /** Exact seconds. */
  readonly seconds: string;
  /** Rounded up, for people. */
  readonly text: string;
}

export interface PathResult {
  readonly id: PathId;
  readonly title: string;
  readonly scope: 'cluster' | 'fleet';
  readonly start: string;
  readonly end: string;
  /** Exact composite availability. */
  readonly availability: string;
  /** Rounded down to SIGNIFICANT_DIGITS. */
  readonly percent: string;
  readonly downtimePerMonth: Downtime;
  readonly downtimePerYear: Downtime;
  /** Components whose perfection would raise this path the most, and by how much (exact). */
  readonly dominant: { readonly componentIds: readonly string[]; readonly gain: string };
  /** Every distinct component on the path, path order. */
  readonly componentIds: readonly string[];
  readonly block: BlockJson;
  readonly notes: readonly string[];
}

export interface ChangeEffect {
  readonly path: PathId;
  readonly before: string;
  readonly after: string;
  readonly beforePercent: string;
  readonly afterPercent: string;
  readonly gain: string;
}

export interface ChangeResult {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Per path, the service-level figure (the fleet's when the service has several clusters). */
  readonly effects: readonly ChangeEffect[];
}

export interface SlaModel {
  readonly cluster: string;
  readonly service: string;
  readonly environment: ClusterSpec['environment'];
  readonly significantDigits: number;
  /** Latest date a figure in use was read. */
  readonly figuresReadOn: string;
  readonly components: readonly ComponentUse[];
  /** This cluster's three paths. */
  readonly paths: readonly PathResult[];
  /** Present when the repository has several clusters for this service. */
  readonly fleet?: {
    readonly clusters: readonly string[];
    /**
     * The global router the figures count: none. The kit renders no Azure Front Door (or other
     * router), so the service figures leave it out; GLOBAL_ROUTER_NOTE says how to add it.
     */
    readonly router: null;
    readonly paths: readonly PathResult[];
  };
  readonly changes: readonly ChangeResult[];
  /** Per path, the change with the largest gain, or null when none helps. */
  readonly bestChanges: ReadonlyArray<{ readonly path: PathId; readonly changeId: string | null }>;
  readonly findings: readonly SlaFinding[];
  readonly notOnPath: ReadonlyArray<{
    readonly component: string;
    readonly name: string;
    readonly percent: string;
    readonly condition: string;
    readonly why: string;
  }>;
  readonly assumptions: readonly string[];
}

/** The clusters of the repository that serve the same service, this spec in place of its stored copy. */
export function serviceFleet(spec: ClusterSpec, fleet: readonly ClusterSpec[] = []): ClusterSpec[] {
  const others = fleet.filter((c) => c.service === spec.service && c.name !== spec.name);
  return [spec, ...others].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

interface Evaluated {
  readonly path: PathBlock;
  readonly availability: Dec;
}

/** The figure each path is judged by: the fleet's for workloads and hybrid when there is a fleet. */
function serviceFigures(spec: ClusterSpec, fleet: readonly ClusterSpec[], options: DesignOptions): Record<PathId, Dec> {
  const optionsOf = (c: ClusterSpec) => (c.name === spec.name ? options : NO_OPTIONS);
  const multi = fleet.length > 1;
  return {
    'control-plane': evaluate(controlPlanePath(spec, options).block),
    workloads: evaluate(multi ? fleetWorkloadsBlock(fleet, optionsOf) : workloadsPath(spec, options, fleet).block),
    hybrid: evaluate(multi ? fleetHybridBlock(fleet, optionsOf) : hybridPath(spec, options).block),
  };
}

/**
 * The availability model of one cluster: its three paths, the fleet view when the repository defines
 * several clusters for the same service, and the single changes that would help most.
 */
export function computeSla(spec: ClusterSpec, fleet: readonly ClusterSpec[] = [spec]): SlaModel {
  const members = serviceFleet(spec, fleet);
  const options = NO_OPTIONS;
  const paths: Evaluated[] = [controlPlanePath(spec, options), workloadsPath(spec, options, members), hybridPath(spec, options)].map((path) => ({
    path,
    availability: evaluate(path.block),
  }));

  const fleetPaths: Evaluated[] = [];
  if (members.length > 1) {
    const optionsOf = () => NO_OPTIONS;
    const base = { start: '', end: '', notes: [] as string[] };
    const workloads = fleetWorkloadsBlock(members, optionsOf);
    const hybrid = fleetHybridBlock(members, optionsOf);
    fleetPaths.push(
      {
        path: {
          ...base,
          id: 'workloads',
          title: 'Workloads of the service',
          start: 'Clients',
          end: 'Request served',
          block: workloads,
          notes: [
            'The service is up while any cluster is. Resources the clusters share (circuit, registry, Entra ID) are counted once and fail for all.',
            `Clients must be sent to a healthy cluster by a global router, which the kit does not deploy: ${GLOBAL_ROUTER_NOTE}`,
          ],
        },
        availability: evaluate(workloads),
      },
      {
        path: {
          ...base,
          id: 'hybrid',
          title: 'Hybrid link of the service',
          start: 'Workloads',
          end: 'On-premises',
          block: hybrid,
          notes: ['The service reaches on-premises while any cluster can. Each cluster reaching on-premises on its own is shown in its own report.'],
        },
        availability: evaluate(hybrid),
      },
    );
  }

  const before = serviceFigures(spec, members, options);
  const changes: ChangeResult[] = candidates(spec, members, options).map((c) => {
    const after = serviceFigures(c.spec, c.fleet, c.options);
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      effects: PATH_IDS.map((path) => ({
        path,
        before: before[path].toString(),
        after: after[path].toString(),
        beforePercent: formatPercent(before[path]),
        afterPercent: formatPercent(after[path]),
        gain: after[path].sub(before[path]).toString(),
      })),
    };
  });
  const bestChanges = PATH_IDS.map((path) => {
    let best: ChangeResult | undefined;
    let bestGain = Dec.ZERO;
    for (const change of changes) {
      const gain = Dec.parse(change.effects.find((e) => e.path === path)!.gain);
      if (gain.cmp(bestGain) > 0) {
        best = change;
        bestGain = gain;
      }
    }
    return { path, changeId: best?.id ?? null };
  });

  const allLeaves = new Map<string, Leaf>();
  for (const { path } of [...paths, ...fleetPaths]) for (const leaf of distinctLeaves(path.block)) if (!allLeaves.has(leaf.id)) allLeaves.set(leaf.id, leaf);
  const components = [...allLeaves.values()].map(componentUse);

  return {
    cluster: spec.name,
    service: spec.service,
    environment: spec.environment,
    significantDigits: SIGNIFICANT_DIGITS,
    figuresReadOn: components.reduce((latest, c) => (c.readOn > latest ? c.readOn : latest), ''),
    components,
    paths: paths.map((p) => pathResult(p, 'cluster')),
    ...(members.length > 1 ? { fleet: { clusters: members.map((c) => c.name), router: null, paths: fleetPaths.map((p) => pathResult(p, 'fleet')) } } : {}),
    changes,
    bestChanges,
    findings: findings(spec, members),
    notOnPath: allComponentFigures()
      .filter((c) => !c.runtime)
      .map((c) => ({
        component: c.id,
        name: c.name,
        percent: `${c.figures[0]!.percent}%`,
        condition: c.figures[0]!.condition,
        why:
          c.id === 'key-vault'
            ? 'The VPN shared key and the ExpressRoute authorization key are read from Key Vault when the landing zone is deployed; running workloads never wait for it.'
            : 'Logs and metrics are shipped asynchronously; an outage delays them but does not stop requests.',
      })),
    assumptions: ASSUMPTIONS,
  };
}

function pathResult({ path, availability }: Evaluated, scope: 'cluster' | 'fleet'): PathResult {
  const dom = dominance(path.block);
  const month = allowedDowntime(availability, MONTH_SECONDS);
  const year = allowedDowntime(availability, YEAR_SECONDS);
  return {
    id: path.id,
    title: path.title,
    scope,
    start: path.start,
    end: path.end,
    availability: availability.toString(),
    percent: formatPercent(availability),
    downtimePerMonth: { seconds: month.toString(), text: formatDuration(month) },
    downtimePerYear: { seconds: year.toString(), text: formatDuration(year) },
    dominant: { componentIds: dom.ids, gain: dom.gain.toString() },
    componentIds: distinctLeaves(path.block).map((l) => l.id),
    block: blockJson(path.block),
    notes: path.notes,
  };
}

function blockJson(block: Block): BlockJson {
  if (block.kind === 'leaf') return { kind: 'leaf', id: block.id };
  return { kind: block.kind, ...(block.label !== undefined ? { label: block.label } : {}), children: block.children.map(blockJson) };
}

function componentUse(leaf: Leaf): ComponentUse {
  const { component, figure } = leaf.ref;
  return {
    id: leaf.id,
    label: leaf.label,
    ...(leaf.cluster ? { cluster: leaf.cluster } : {}),
    component: component.id,
    componentName: component.name,
    figureKey: figure.key,
    condition: figure.condition,
    availability: leaf.availability.toString(),
    percent: formatExactPercent(leaf.availability),
    kind: figure.kind,
    why: leaf.why,
    verified: figure.verified,
    readOn: figure.readOn,
    sources: figure.sources,
    ...(figure.note ? { note: figure.note } : {}),
  };
}

/**
 * How a global router would enter the figures. The kit counts only what it deploys: an Azure Front
 * Door for a multi-cluster service would be a profile, an origin group with each cluster's ingress IP
 * and health probes, a WAF policy, and an ingress guard admitting the AzureFrontDoor.Backend ranges
 * and checking X-Azure-FDID; once rendered it becomes a leaf in series before the clusters.
 */
export const GLOBAL_ROUTER_NOTE =
  "the figures do not count it. Multiply the service's workload figure by your router's SLA (Azure Front Door: 99.99%, https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services).";

const ASSUMPTIONS: readonly string[] = [
  'Failures are independent: one component failing does not make another more likely to fail. Real outages are sometimes correlated (a regional incident can hit several services at once), so the true risk can be higher than the figure.',
  'An SLA is a promise of service credits, not measured availability. Azure usually does better than its SLAs; when it does not, you get a partial refund, not your uptime back.',
  "Microsoft's ExpressRoute SLA stops at its edge routers and excludes the connectivity provider's last mile. When spec.connectivity.expressRoute.providerSla is set, it is counted; otherwise it is left out and the figures are optimistic.",
  'Failover time is ignored: when ExpressRoute fails, the VPN is assumed to take over at once (BGP usually takes seconds to a few minutes); a failed node is assumed replaced at once.',
  'Only what Azure publishes is counted. Your own parts (on-premises network, VPN device and its internet line, the application code, the clients) are not.',
  'Figures are rounded down and downtimes rounded up, so the promise printed is never above the exact value.',
  'A month is 30 days and a year 365 days.',
];
