import type { TeamDelivery, TenantSource, TenantSourceAllowList } from './model.js';
import type { TeamDeliveryInput, TenantSourceInput, TenantSourcesInput } from './schema/tenant-delivery.js';

/** Defaults of a tenant source that states none. */
export const TENANT_SOURCE_DEFAULTS = { interval: '5m', timeout: '5m', path: './', prune: true } as const;

/** The platform's allow-list; absent lists are empty (no team may declare a source of that kind). */
export function normalizeTenantSources(input: TenantSourcesInput | undefined): TenantSourceAllowList {
  return { git: input?.git ?? [], oci: input?.oci ?? [], helm: input?.helm ?? [] };
}

/** A team's delivery with defaults applied, or nothing when it declares none. Runs only on checked input. */
export function normalizeDelivery(input: TeamDeliveryInput | undefined): { delivery?: TeamDelivery } {
  if (!input) return {};
  return { delivery: { sources: input.sources.map(normalizeSource) } };
}

function normalizeSource(s: TenantSourceInput): TenantSource {
  const common = {
    name: s.name,
    interval: s.interval ?? TENANT_SOURCE_DEFAULTS.interval,
    timeout: s.timeout ?? TENANT_SOURCE_DEFAULTS.timeout,
    prune: s.prune ?? TENANT_SOURCE_DEFAULTS.prune,
    dependsOn: s.dependsOn ?? [],
    // The checks refuse provider azure and a provider without a secretRef.
    ...(s.credentials?.secretRef
      ? { credentials: { secretRef: s.credentials.secretRef, provider: s.credentials.provider === 'github' ? ('github' as const) : ('generic' as const) } }
      : {}),
  };
  if (s.git) {
    const r = s.git.ref;
    const ref =
      r.branch !== undefined
        ? { branch: r.branch }
        : r.tag !== undefined
          ? { tag: r.tag }
          : r.semver !== undefined
            ? { semver: r.semver }
            : { commit: r.commit! };
    return { kind: 'git', ...common, url: s.git.url, ref, path: s.git.path ?? TENANT_SOURCE_DEFAULTS.path };
  }
  if (s.oci) {
    const r = s.oci.ref;
    const ref = r.tag !== undefined ? { tag: r.tag } : r.semver !== undefined ? { semver: r.semver } : { digest: r.digest! };
    return { kind: 'oci', ...common, url: s.oci.url, ref, path: s.oci.path ?? TENANT_SOURCE_DEFAULTS.path };
  }
  const helm = s.helm!;
  return {
    kind: 'helm',
    ...common,
    repository: { url: helm.repository, type: helm.repository.startsWith('oci://') ? 'oci' : 'default' },
    chart: helm.chart,
    version: helm.version,
    ...(helm.values ? { values: helm.values } : {}),
  };
}
