import type { ClusterSpec } from '@aks-hybrid/spec';
import { propertyAt, type BicepResource, type BicepTree } from '../bicep-tree.js';
import type { AzureCheck, AzureRule, Violation } from '../types.js';

const MANAGED_CLUSTERS = 'Microsoft.ContainerService/managedClusters';
const REGISTRIES = 'Microsoft.ContainerRegistry/registries';

/** "registries acrcontosoweuprod": the last segment of the type and the resource name, as exceptions name it. */
const refOf = (r: BicepResource) => ({ kind: r.type.slice(r.type.lastIndexOf('/') + 1), name: r.symbol });

type Expectation =
  /** The property holds what it should; `absent` is its value when the template leaves it out (the ARM default). */
  { readonly path: readonly string[]; readonly absent: unknown; readonly ok: (value: unknown) => boolean; readonly describe: string };

/**
 * Checks one property of every resource of `type` the compiled deployment would create: known values must pass
 * `ok`; a value only the deployment knows (an ARM expression in the snapshot) is reported as unknown (a note),
 * not as a violation. An absent or null property takes Azure's default (`absent`).
 */
function checkProperty(bicep: BicepTree, type: string, rule: string, e: Expectation): AzureCheck {
  const violations: Violation[] = [];
  const unknown: string[] = [];
  for (const r of bicep.ofType(type)) {
    const raw = propertyAt(r.body, e.path);
    const resolved = raw === undefined || raw === null ? { known: true as const, value: e.absent } : bicep.resolve(raw);
    const where = `${refOf(r).kind} ${r.symbol} (${r.file})`;
    if (!resolved.known) {
      unknown.push(`${rule} ${where}: ${e.path.join('.')} is \`${resolved.expression}\`, known only during the deployment; not checked`);
    } else if (!e.ok(resolved.value)) {
      const shown = raw === undefined || raw === null ? `absent (Azure's default: ${JSON.stringify(e.absent)})` : JSON.stringify(resolved.value);
      violations.push({ ref: refOf(r), file: r.file, path: e.path.join('.'), message: `${e.path.join('.')} is ${shown}; it must be ${e.describe}` });
    }
  }
  return { violations, unknown };
}

const both = (a: AzureCheck, b: AzureCheck): AzureCheck => ({ violations: [...a.violations, ...b.violations], unknown: [...a.unknown, ...b.unknown] });

/** API server exposure as the spec says: private cluster, or a public endpoint restricted to ranges. */
function checkApiServer(bicep: BicepTree, spec: ClusterSpec, rule: string): AzureCheck {
  const privateCluster = spec.cluster.apiServer.access === 'private';
  const mode = checkProperty(bicep, MANAGED_CLUSTERS, rule, {
    path: ['properties', 'apiServerAccessProfile', 'enablePrivateCluster'],
    absent: false,
    ok: (v) => v === privateCluster,
    describe: `${privateCluster} (spec.cluster.apiServer.access is ${spec.cluster.apiServer.access})`,
  });
  if (privateCluster) return mode;
  // Public: the endpoint must be restricted. The ranges include the egress prefix, known only during the
  // deployment (an ARM expression in the snapshot); only an empty or absent list is certain to be open.
  const ranges: Violation[] = [];
  for (const r of bicep.ofType(MANAGED_CLUSTERS)) {
    const raw = propertyAt(r.body, ['properties', 'apiServerAccessProfile', 'authorizedIPRanges']);
    const resolved = bicep.resolve(raw);
    if (resolved.known && (resolved.value === undefined || resolved.value === null || (Array.isArray(resolved.value) && resolved.value.length === 0))) {
      ranges.push({
        ref: refOf(r),
        file: r.file,
        path: 'properties.apiServerAccessProfile.authorizedIPRanges',
        message: 'the public API server endpoint has no authorized IP ranges: it is open to the internet',
      });
    }
  }
  return both(mode, { violations: ranges, unknown: [] });
}

export const azureRules: readonly AzureRule[] = [
  {
    id: 'KIT-AZ-001',
    title: 'AKS local accounts are disabled',
    severity: 'high',
    engine: 'bicep',
    kinds: [MANAGED_CLUSTERS],
    hint: 'set properties.disableLocalAccounts: true on the managed cluster (the landing-zone aks module does)',
    rationale: 'The local admin kubeconfig is a static credential that bypasses Entra ID, Azure RBAC, conditional access and the audit trail of who did what.',
    check: ({ bicep }) =>
      checkProperty(bicep, MANAGED_CLUSTERS, 'KIT-AZ-001', {
        path: ['properties', 'disableLocalAccounts'],
        absent: false,
        ok: (v) => v === true,
        describe: 'true',
      }),
  },
  {
    id: 'KIT-AZ-002',
    title: 'AKS authorizes with Entra ID and Azure RBAC',
    severity: 'high',
    engine: 'bicep',
    kinds: [MANAGED_CLUSTERS],
    hint: 'set properties.aadProfile.enableAzureRBAC: true (with managed Entra ID) on the managed cluster',
    rationale: 'The kit grants cluster access to Entra groups (platform admins, team groups); without Entra ID integration those grants mean nothing.',
    check: ({ bicep }) =>
      checkProperty(bicep, MANAGED_CLUSTERS, 'KIT-AZ-002', {
        path: ['properties', 'aadProfile', 'enableAzureRBAC'],
        absent: false,
        ok: (v) => v === true,
        describe: 'true',
      }),
  },
  {
    id: 'KIT-AZ-003',
    title: 'The registry admin user is disabled',
    severity: 'high',
    engine: 'bicep',
    kinds: [REGISTRIES],
    hint: 'set properties.adminUserEnabled: false on the registry; pulls use the kubelet identity (AcrPull)',
    rationale: 'The admin user is a shared username and password with push rights, outside Entra ID.',
    check: ({ bicep }) =>
      checkProperty(bicep, REGISTRIES, 'KIT-AZ-003', { path: ['properties', 'adminUserEnabled'], absent: false, ok: (v) => v === false, describe: 'false' }),
  },
  {
    id: 'KIT-AZ-004',
    title: 'The registry allows no anonymous pulls',
    severity: 'high',
    engine: 'bicep',
    kinds: [REGISTRIES],
    hint: 'set properties.anonymousPullEnabled: false on the registry',
    rationale: 'Anonymous pull publishes every image, and whatever is baked into it, to anyone who can reach the registry.',
    check: ({ bicep }) =>
      checkProperty(bicep, REGISTRIES, 'KIT-AZ-004', {
        path: ['properties', 'anonymousPullEnabled'],
        absent: false,
        ok: (v) => v === false,
        describe: 'false',
      }),
  },
  {
    id: 'KIT-AZ-005',
    title: "The registry's public network access is as the spec says",
    severity: 'high',
    engine: 'bicep',
    kinds: [REGISTRIES],
    hint: 'pass spec.registry.publicNetworkAccess to the registry module (re-render); change the spec, not the Bicep',
    rationale: 'With a private endpoint the registry should not also answer on the internet; the spec decides, and the Bicep must not drift from it.',
    check: ({ bicep, spec }) =>
      checkProperty(bicep, REGISTRIES, 'KIT-AZ-005', {
        path: ['properties', 'publicNetworkAccess'],
        absent: 'Enabled',
        ok: (v) => v === spec.registry.publicNetworkAccess,
        describe: `'${spec.registry.publicNetworkAccess}' (spec.registry.publicNetworkAccess)`,
      }),
  },
  {
    id: 'KIT-AZ-006',
    title: 'API server access is as the spec says',
    severity: 'high',
    engine: 'bicep',
    kinds: [MANAGED_CLUSTERS],
    hint: 'render the cluster from spec.cluster.apiServer (private, or public-restricted with authorized ranges)',
    rationale:
      'A public API server open to every address is the most exposed part of a cluster; the spec chooses private or restricted, and the Bicep must follow.',
    check: ({ bicep, spec }) => checkApiServer(bicep, spec, 'KIT-AZ-006'),
  },
];
