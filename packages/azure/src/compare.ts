import type { AgentPool, ManagedCluster } from '@azure/arm-containerservice';
import { apiServerAuthorizedRanges, formatIpv4, parseCidr, type ClusterSpec, type NodePool } from '@aks-hybrid/spec';
import type { DriftItem } from './drift-report.js';
import type { LiveCluster } from './read-cluster.js';

type Value = string | number | boolean | readonly string[] | undefined;

/** Label keys that AKS or Kubernetes put on nodes themselves; extra ones live are not drift. */
const MANAGED_LABEL = /^(kubernetes\.azure\.com\/|([a-z0-9-]+\.)*(kubernetes|k8s)\.io\/|agentpool$|storageprofile$|storagetier$|accelerator$)/;

export interface Comparison {
  readonly checked: number;
  readonly drift: readonly DriftItem[];
  readonly notes: readonly string[];
}

/**
 * Compares the live cluster with the values the landing-zone Bicep sets from the spec. Only what
 * the kit decides is compared; what AKS or the autoscaler change on their own (node counts,
 * patch versions under a minor, AKS-managed labels) is not drift.
 */
export function compareCluster(spec: ClusterSpec, live: LiveCluster): Comparison {
  const c = new Collector();
  const mc = live.cluster;
  const k8s = spec.cluster.kubernetesVersion;

  c.check('cluster', 'kubernetesVersion', k8s, mc.kubernetesVersion, versionMatches);
  c.check('cluster', 'currentKubernetesVersion', k8s, mc.currentKubernetesVersion, versionMatches);
  c.check('cluster', 'sku.tier', spec.cluster.tier, mc.sku?.tier);
  c.check('cluster', 'nodeResourceGroup', spec.names.nodeResourceGroup, mc.nodeResourceGroup, sameText);
  c.check('cluster', 'enableRBAC', true, mc.enableRbac);
  c.check('cluster', 'aadProfile.managed', true, mc.aadProfile?.managed);
  c.check('cluster', 'aadProfile.enableAzureRBAC', true, mc.aadProfile?.enableAzureRbac);
  c.check('cluster', 'aadProfile.tenantID', spec.azure.tenantId, mc.aadProfile?.tenantID, sameText);
  c.check('cluster', 'disableLocalAccounts', true, mc.disableLocalAccounts);
  c.check('cluster', 'autoUpgradeProfile.upgradeChannel', spec.cluster.autoUpgradeChannel, mc.autoUpgradeProfile?.upgradeChannel);
  c.check('cluster', 'autoUpgradeProfile.nodeOSUpgradeChannel', spec.cluster.nodeOsUpgradeChannel, mc.autoUpgradeProfile?.nodeOSUpgradeChannel);

  const net = mc.networkProfile;
  c.check('cluster', 'networkProfile.networkPlugin', 'azure', net?.networkPlugin);
  c.check('cluster', 'networkProfile.networkPluginMode', 'overlay', net?.networkPluginMode);
  c.check('cluster', 'networkProfile.networkPolicy', spec.cluster.networkPolicy, net?.networkPolicy);
  c.check('cluster', 'networkProfile.outboundType', 'userAssignedNATGateway', net?.outboundType);
  c.check('cluster', 'networkProfile.podCidr', spec.network.podCidr, net?.podCidr);
  c.check('cluster', 'networkProfile.serviceCidr', spec.network.serviceCidr, net?.serviceCidr);
  c.check('cluster', 'networkProfile.dnsServiceIP', spec.network.dnsServiceIp, net?.dnsServiceIP);

  const isPrivate = spec.cluster.apiServer.access === 'private';
  c.check('cluster', 'apiServerAccessProfile.enablePrivateCluster', isPrivate, mc.apiServerAccessProfile?.enablePrivateCluster ?? false);
  if (!isPrivate) compareAuthorizedRanges(c, spec, mc);

  comparePools(c, spec, live.pools);
  return { checked: c.checked, drift: c.drift, notes: c.notes };
}

function compareAuthorizedRanges(c: Collector, spec: ClusterSpec, mc: ManagedCluster): void {
  const field = 'apiServerAccessProfile.authorizedIPRanges';
  const egress = spec.egress.allocatedPrefix;
  // As the landing zone sets them: the spec's ranges, the public on-premises ranges (a public
  // endpoint never sees a private source address) and the NAT egress prefix.
  const expected = new Set([...apiServerAuthorizedRanges(spec), ...(egress ? [egress] : [])].map(canonicalRange));
  const actual = new Set((mc.apiServerAccessProfile?.authorizedIPRanges ?? []).map(canonicalRange));
  c.compareSet('cluster', field, expected, actual, (extra) => {
    // The NAT egress prefix is allocated at deployment; until the spec records it, take an extra
    // range of the configured prefix length for it, and say so.
    if (!egress && extra.endsWith(`/${spec.egress.publicIpPrefixLength}`)) {
      c.notes.push(
        `${extra} in the API server's authorized ranges was taken for the NAT egress prefix; record it as egress.allocatedPrefix in ${spec.file} to check it exactly`,
      );
      return true;
    }
    return false;
  });
}

function comparePools(c: Collector, spec: ClusterSpec, livePools: readonly AgentPool[]): void {
  const specPools = [spec.cluster.systemPool, ...spec.cluster.userPools];
  const byName = new Map(livePools.map((p) => [p.name!, p]));
  const names = [...new Set([...specPools.map((p) => p.name), ...byName.keys()])].sort();
  for (const name of names) {
    const want = specPools.find((p) => p.name === name);
    const have = byName.get(name);
    const scope = `pool ${name}`;
    if (!have) c.add({ scope, field: 'pool', kind: 'missing', spec: `${want!.mode}, ${want!.vmSize}`, live: ABSENT });
    else if (!want) c.add({ scope, field: 'pool', kind: 'unexpected', spec: ABSENT, live: `${have.mode ?? '?'}, ${have.vmSize ?? '?'}` });
    else comparePool(c, spec, scope, want, have);
  }
}

function comparePool(c: Collector, spec: ClusterSpec, scope: string, want: NodePool, have: AgentPool): void {
  c.check(scope, 'mode', want.mode, have.mode);
  c.check(scope, 'vmSize', want.vmSize, have.vmSize, sameText);
  c.check(scope, 'enableAutoScaling', true, have.enableAutoScaling);
  c.check(scope, 'minCount', want.minCount, have.minCount);
  c.check(scope, 'maxCount', want.maxCount, have.maxCount);
  c.check(scope, 'availabilityZones', want.zones, have.availabilityZones ?? [], sameSet);
  c.check(scope, 'maxPods', want.maxPods, have.maxPods);
  c.check(scope, 'osDiskType', want.osDiskType, have.osDiskType);
  c.check(scope, 'osDiskSizeGB', want.osDiskSizeGB, have.osDiskSizeGB);
  c.check(scope, 'osSKU', want.osSku, have.osSKU);
  c.check(scope, 'currentOrchestratorVersion', spec.cluster.kubernetesVersion, have.currentOrchestratorVersion, versionMatches);

  const labels = have.nodeLabels ?? {};
  for (const [key, value] of Object.entries(want.labels).sort(([a], [b]) => (a < b ? -1 : 1))) {
    c.check(scope, `nodeLabels.${key}`, value, labels[key]);
  }
  for (const key of Object.keys(labels).sort()) {
    if (!(key in want.labels) && !MANAGED_LABEL.test(key)) {
      c.add({ scope, field: `nodeLabels.${key}`, kind: 'unexpected', spec: NOT_SET, live: labels[key] ?? '' });
    }
  }
  c.compareSet(scope, 'nodeTaints', new Set(want.taints), new Set(have.nodeTaints ?? []));
}

export const NOT_SET = '(not set)';
const ABSENT = '(no such pool)';

/** Counts what was compared and collects the drift rows (shared by the checks beyond the cluster). */
export class Collector {
  checked = 0;
  readonly drift: DriftItem[] = [];
  readonly notes: string[] = [];

  add(item: DriftItem): void {
    this.drift.push(item);
  }

  check(scope: string, field: string, spec: Value, live: Value, same: (spec: Value, live: Value) => boolean = sameValue): void {
    this.checked += 1;
    if (same(spec, live)) return;
    this.add({ scope, field, kind: live === undefined ? 'missing' : 'changed', spec: show(spec), live: show(live) });
  }

  /** One row per member missing live or extra live, so long lists stay readable. */
  compareSet(scope: string, field: string, expected: ReadonlySet<string>, actual: ReadonlySet<string>, tolerate?: (extra: string) => boolean): void {
    this.checked += 1;
    for (const member of [...expected].sort()) {
      if (!actual.has(member)) this.add({ scope, field, kind: 'missing', spec: member, live: NOT_SET });
    }
    for (const member of [...actual].sort()) {
      if (!expected.has(member) && !tolerate?.(member)) this.add({ scope, field, kind: 'unexpected', spec: NOT_SET, live: member });
    }
  }
}

function show(value: Value): string {
  if (value === undefined) return NOT_SET;
  if (Array.isArray(value)) return value.length ? [...value].sort().join(', ') : '(none)';
  return String(value);
}

const sameValue = (a: Value, b: Value): boolean => a === b;
export const sameText = (a: Value, b: Value): boolean => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
export const sameSet = (a: Value, b: Value): boolean =>
  Array.isArray(a) && Array.isArray(b) && a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Spec `1.33` matches live `1.33` and `1.33.4`; spec `1.33.2` matches only `1.33.2`. */
export function versionMatches(spec: Value, live: Value): boolean {
  return typeof spec === 'string' && typeof live === 'string' && (live === spec || live.startsWith(`${spec}.`));
}

/** ARM returns single addresses with or without `/32`; compare CIDRs in one form. */
export function canonicalRange(range: string): string {
  const text = range.trim().includes('/') ? range.trim() : `${range.trim()}/32`;
  const parsed = parseCidr(text);
  return 'network' in parsed ? `${formatIpv4(parsed.network)}/${parsed.prefix}` : text;
}
