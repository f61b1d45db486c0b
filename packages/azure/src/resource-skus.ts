import type { ClusterSpec, NodePool } from '@aks-hybrid/spec';
import type { PreflightCheck } from './preflight-report.js';

/** The fields of a Compute resource SKU (API 2021-07-01) that preflight reads. */
export interface ResourceSku {
  readonly resourceType?: string;
  readonly name?: string;
  readonly locations?: readonly string[];
  readonly locationInfo?: ReadonlyArray<{ readonly location?: string; readonly zones?: readonly string[] }>;
  readonly capabilities?: ReadonlyArray<{ readonly name?: string; readonly value?: string }>;
  readonly restrictions?: ReadonlyArray<{
    readonly type?: 'Location' | 'Zone' | string;
    readonly values?: readonly string[];
    readonly restrictionInfo?: { readonly locations?: readonly string[]; readonly zones?: readonly string[] };
    readonly reasonCode?: string;
  }>;
}

const same = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
const GiB = 1024 ** 3;

/** One result per pool: the first problem found, or what was confirmed. */
export function checkVmSizes(spec: ClusterSpec, skus: readonly ResourceSku[]): PreflightCheck[] {
  const location = spec.azure.location;
  const pools = [spec.cluster.systemPool, ...spec.cluster.userPools];
  return pools.flatMap((pool) => checkPool(spec, pool, location, skus));
}

function checkPool(spec: ClusterSpec, pool: NodePool, location: string, skus: readonly ResourceSku[]): PreflightCheck[] {
  const subject = `pool ${pool.name}`;
  const sku = skus.find((s) => same(s.resourceType, 'virtualMachines') && same(s.name, pool.vmSize) && (s.locations ?? []).some((l) => same(l, location)));
  const sizeField = `vmSize of pool ${pool.name} in ${spec.file}`;
  if (!sku) {
    return [
      {
        subject,
        check: 'size offered',
        status: 'error',
        message: `VM size ${pool.vmSize} is not offered in ${location}`,
        fix: `choose another ${sizeField}; \`az vm list-skus --location ${location} --resource-type virtualMachines --output table\` lists the offered sizes`,
      },
    ];
  }
  const restrictions = sku.restrictions ?? [];
  const blocked = restrictions.find(
    (r) => r.type === 'Location' && [...(r.values ?? []), ...(r.restrictionInfo?.locations ?? [])].some((l) => same(l, location)),
  );
  if (blocked) {
    return [
      {
        subject,
        check: 'size offered',
        status: 'error',
        message: `VM size ${pool.vmSize} is restricted for this subscription in ${location} (${blocked.reasonCode ?? 'no reason given'})`,
        fix: `request access to the size in ${location} with a support request (Service and subscription limits), or choose another ${sizeField}`,
      },
    ];
  }

  const checks: PreflightCheck[] = [];
  const info = (sku.locationInfo ?? []).find((i) => same(i.location, location));
  const zoneBlocked = new Set(restrictions.filter((r) => r.type === 'Zone').flatMap((r) => r.restrictionInfo?.zones ?? []));
  const offeredZones = (info?.zones ?? []).filter((z) => !zoneBlocked.has(z)).sort();
  const missingZones = pool.zones.filter((z) => !offeredZones.includes(z));
  if (missingZones.length > 0) {
    checks.push({
      subject,
      check: 'zones',
      status: 'error',
      message: `VM size ${pool.vmSize} is not available in zone${missingZones.length > 1 ? 's' : ''} ${missingZones.join(', ')} of ${location} (available: ${offeredZones.join(', ') || 'none'})`,
      fix: `limit the pool's zones to ${offeredZones.join(', ') || 'a zone that offers it'}, or choose another ${sizeField}`,
    });
  }

  const capability = (name: string) => sku.capabilities?.find((c) => c.name === name)?.value;
  if (pool.osDiskType === 'Ephemeral') {
    const cacheGiB = Number(capability('CachedDiskBytes') ?? NaN) / GiB;
    const tempGiB = Number(capability('MaxResourceVolumeMB') ?? NaN) / 1024;
    const fits = [cacheGiB, tempGiB].filter(Number.isFinite);
    if (capability('EphemeralOSDiskSupported')?.toLowerCase() === 'false') {
      checks.push({
        subject,
        check: 'ephemeral OS disk',
        status: 'error',
        message: `VM size ${pool.vmSize} does not support ephemeral OS disks`,
        fix: `set osDiskType: Managed on pool ${pool.name}, or choose a size with a local disk`,
      });
    } else if (fits.length > 0 && !fits.some((g) => pool.osDiskSizeGB <= g)) {
      const biggest = Math.floor(Math.max(...fits));
      checks.push({
        subject,
        check: 'ephemeral OS disk',
        status: 'error',
        message: `an ephemeral OS disk of ${pool.osDiskSizeGB} GB does not fit ${pool.vmSize} (cache ${fmt(cacheGiB)}, temporary disk ${fmt(tempGiB)})`,
        fix: `set osDiskSizeGB of pool ${pool.name} to at most ${biggest}, or osDiskType: Managed`,
      });
    }
  }

  const vcpus = Number(capability('vCPUs') ?? NaN);
  const memoryGiB = Number(capability('MemoryGB') ?? NaN);
  if ((Number.isFinite(vcpus) && vcpus !== pool.vcpus) || (Number.isFinite(memoryGiB) && memoryGiB !== pool.memoryGiB)) {
    checks.push({
      subject,
      check: 'size shape',
      status: 'warning',
      message: `the spec counts ${pool.vmSize} as ${pool.vcpus} vCPU / ${pool.memoryGiB} GiB; Azure reports ${vcpus} vCPU / ${memoryGiB} GiB, so capacity checks are off`,
      fix: `set vcpus and memoryGiB on pool ${pool.name} in ${spec.file}`,
    });
  }
  if (checks.length === 0) {
    checks.push({ subject, check: 'size offered', status: 'ok', message: `VM size ${pool.vmSize} is offered in ${location} zones ${pool.zones.join(', ')}` });
  }
  return checks;
}

const fmt = (gib: number) => (Number.isFinite(gib) ? `${Math.floor(gib)} GiB` : 'none');
