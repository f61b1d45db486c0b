import type { SpecIssue } from '../errors.js';
import { formatBytes, LIMITS, type PlatformLimit } from '../limits.js';
import { issueAt, type ParsedFile } from '../load/yaml-file.js';
import type { CheckContext } from './context.js';

type Path = Array<string | number>;

/** Annotation keys the team namespace carries (charts/src/units/team.ts). */
const NAMESPACE_ANNOTATION_KEYS = { description: 'kit.aks-hybrid.dev/description', contact: 'kit.aks-hybrid.dev/contact' } as const;
/** Annotation key of a Calico GlobalNetworkSet's description (charts/src/constructs/network-set.ts). */
const NETWORK_SET_DESCRIPTION_KEY = 'kit.aks-hybrid.dev/description';
/** Room for the fixed part of a rendered object (apiVersion, metadata, probes, security context, ...). */
const OBJECT_OVERHEAD_BYTES = 16 * 1024;
/** Addresses besides the on-premises ranges in one NSG of network.bicep (internet, ingress subnet and IP, node subnets). */
const NSG_FIXED_PREFIXES = 4;
/** Tags the kit adds to every Azure resource besides spec.azure.tags (aks-hybrid-kit-cluster). */
const KIT_TAGS = 1;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const cite = (limit: PlatformLimit) => `limit: ${limit.what}, source: ${limit.source}`;

/** apimachinery IsQualifiedName / IsValidLabelValue, the parts that differ from the schema's patterns. */
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Platform limits the rendered output would hit only at deployment: Kubernetes object and metadata
 * sizes (API server, etcd) and ARM/AKS/network counts. Each message names the limit and its source
 * (src/limits.ts), so the user fixes the spec instead of meeting the error in Flux or ARM.
 */
export function checkLimits(ctx: CheckContext): SpecIssue[] {
  return [...teamLimits(ctx), ...platformLimits(ctx), ...copyLoopLimits(ctx)];
}

/** Modules of main.bicep other than the per-team loops (monitoring ... flux, the Key Vault zone). */
const MAIN_FIXED_MODULES = 18;

function teamLimits(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const { parsed, team } of ctx.teams) {
    // Namespace annotations: description and contact.
    const annotations = Object.entries(NAMESPACE_ANNOTATION_KEYS).flatMap(([field, key]) => {
      const value = team.metadata[field as keyof typeof NAMESPACE_ANNOTATION_KEYS];
      return value === undefined ? [] : [{ field, size: bytes(key) + bytes(value) }];
    });
    const total = annotations.reduce((sum, a) => sum + a.size, 0);
    if (total > LIMITS.annotationsTotalBytes.value) {
      const largest = annotations.reduce((a, b) => (b.size > a.size ? b : a));
      issues.push(
        issueAt(
          parsed,
          ['metadata', largest.field],
          `is ${formatBytes(largest.size)}: the namespace's annotations would total ${formatBytes(total)}, above the ${formatBytes(LIMITS.annotationsTotalBytes.value)} Kubernetes allows for ${LIMITS.annotationsTotalBytes.what}`,
          `shorten it to one line and link to a document instead (${cite(LIMITS.annotationsTotalBytes)})`,
        ),
      );
    }
    issues.push(...labelIssues(parsed, ['spec', 'labels'], team.spec.labels ?? {}, 'namespace'));

    // A Deployment carries the workload's env; the rest of it is small and fixed.
    (team.spec.workloads ?? []).forEach((w, i) => {
      const size = bytes(JSON.stringify(w.env ?? {})) + OBJECT_OVERHEAD_BYTES;
      if (size > LIMITS.objectBytes.value) {
        issues.push(
          issueAt(
            parsed,
            ['spec', 'workloads', i, 'env'],
            `makes the Deployment of "${w.name}" about ${formatBytes(size)}, above the ${formatBytes(LIMITS.objectBytes.value)} of ${LIMITS.objectBytes.what}`,
            `move large configuration into a ConfigMap or the image (${cite(LIMITS.objectBytes)})`,
          ),
        );
      }
    });
  }
  return issues;
}

function platformLimits(ctx: CheckContext): SpecIssue[] {
  const { platformFile: file } = ctx;
  const spec = ctx.platform.spec;
  const issues: SpecIssue[] = [];

  // External ranges become Calico GlobalNetworkSets: description annotation and CIDR list in one object.
  (spec.externalRanges ?? []).forEach((range, r) => {
    const annotation = bytes(NETWORK_SET_DESCRIPTION_KEY) + bytes(range.description);
    if (annotation > LIMITS.annotationsTotalBytes.value) {
      issues.push(
        issueAt(
          file,
          ['spec', 'externalRanges', r, 'description'],
          `is ${formatBytes(annotation)} as an annotation, above the ${formatBytes(LIMITS.annotationsTotalBytes.value)} of ${LIMITS.annotationsTotalBytes.what}`,
          `shorten it to one line (${cite(LIMITS.annotationsTotalBytes)})`,
        ),
      );
    }
    const size = annotation + bytes(JSON.stringify(range.cidrs)) + OBJECT_OVERHEAD_BYTES;
    if (size > LIMITS.objectBytes.value) {
      issues.push(
        issueAt(
          file,
          ['spec', 'externalRanges', r, 'cidrs'],
          `make the network set "${range.name}" about ${formatBytes(size)}, above the ${formatBytes(LIMITS.objectBytes.value)} of ${LIMITS.objectBytes.what}`,
          `summarise the ranges into fewer, larger CIDRs (${cite(LIMITS.objectBytes)})`,
        ),
      );
    }
  });

  // Node labels are Kubernetes labels too.
  spec.cluster.userPools.forEach((pool, i) =>
    issues.push(...labelIssues(file, ['spec', 'cluster', 'userPools', i, 'labels'], pool.labels ?? {}, `node pool ${pool.name}`)),
  );
  issues.push(
    ...labelIssues(file, ['spec', 'cluster', 'systemPool', 'labels'], spec.cluster.systemPool.labels ?? {}, `node pool ${spec.cluster.systemPool.name}`),
  );

  // Azure tags on every resource of the landing zone.
  const tags = spec.azure.tags ?? {};
  if (Object.keys(tags).length + KIT_TAGS > LIMITS.azureTagsPerResource.value) {
    issues.push(
      issueAt(
        file,
        ['spec', 'azure', 'tags'],
        `${Object.keys(tags).length} tags plus the kit's own ${KIT_TAGS} exceed the ${LIMITS.azureTagsPerResource.value} ${LIMITS.azureTagsPerResource.what}`,
        `remove tags (${cite(LIMITS.azureTagsPerResource)})`,
      ),
    );
  }
  for (const [name, value] of Object.entries(tags)) {
    if (name.length > LIMITS.azureTagNameLength.value) {
      issues.push(
        issueAt(
          file,
          ['spec', 'azure', 'tags', name],
          `tag name is ${name.length} characters, above the ${LIMITS.azureTagNameLength.value} of ${LIMITS.azureTagNameLength.what}`,
          `shorten it (${cite(LIMITS.azureTagNameLength)})`,
        ),
      );
    }
    if (value.length > LIMITS.azureTagValueLength.value) {
      issues.push(
        issueAt(
          file,
          ['spec', 'azure', 'tags', name],
          `tag value is ${value.length} characters, above the ${LIMITS.azureTagValueLength.value} of ${LIMITS.azureTagValueLength.what}`,
          `shorten it (${cite(LIMITS.azureTagValueLength)})`,
        ),
      );
    }
  }

  const dnsServers = spec.network.dnsServers ?? [];
  if (dnsServers.length > LIMITS.vnetDnsServers.value) {
    issues.push(
      issueAt(
        file,
        ['spec', 'network', 'dnsServers'],
        `${dnsServers.length} DNS servers exceed the ${LIMITS.vnetDnsServers.value} ${LIMITS.vnetDnsServers.what}`,
        `list at most ${LIMITS.vnetDnsServers.value} (${cite(LIMITS.vnetDnsServers)})`,
      ),
    );
  }

  // The platform spec's values become the Bicep parameter file; ARM caps it (and the expanded template) at 4 MB.
  const parameters = bytes(JSON.stringify(ctx.platform.spec));
  if (parameters > LIMITS.armTemplateBytes.value) {
    issues.push(
      issueAt(
        file,
        ['spec'],
        `is ${formatBytes(parameters)} as JSON, above the ${formatBytes(LIMITS.armTemplateBytes.value)} of ${LIMITS.armTemplateBytes.what}`,
        `remove bulk data from the platform spec (${cite(LIMITS.armTemplateBytes)})`,
      ),
    );
  }
  return issues;
}

/**
 * Spec collections that become ARM copy loops in packages/landing-zone/bicep (a Bicep `[for ...]`
 * is a copy loop): at most 800 instances each, 800 resources per deployment (module).
 */
function copyLoopLimits(ctx: CheckContext): SpecIssue[] {
  const { platformFile: file } = ctx;
  const spec = ctx.platform.spec;
  const issues: SpecIssue[] = [];
  const copy = LIMITS.armCopyCount;

  // cluster-access.bicep: one role assignment per distinct team group (clusterUsers) and per admin group.
  const admins = new Set(spec.access.platformAdminGroupObjectIds.map((g) => g.toLowerCase()));
  const teamGroups = new Set<string>();
  let reported = false;
  for (const { parsed, team } of ctx.teams) {
    for (const group of [team.spec.groupObjectId, team.spec.readOnlyGroupObjectId]) if (group) teamGroups.add(group.toLowerCase());
    const resources = teamGroups.size + admins.size;
    if (!reported && (teamGroups.size > copy.value || resources > LIMITS.armResourcesPerDeployment.value)) {
      reported = true;
      const [limit, counted] =
        teamGroups.size > copy.value
          ? [copy, `${teamGroups.size} distinct team groups`]
          : [LIMITS.armResourcesPerDeployment, `${teamGroups.size} team groups + ${admins.size} platform admin groups`];
      issues.push(
        issueAt(
          parsed,
          ['spec', 'groupObjectId'],
          `with this team the cluster has ${counted}, one AKS role assignment each in cluster-access.bicep: above the ${limit.value} ${limit.what}`,
          `let teams share Entra groups or split the teams across clusters (${cite(limit)})`,
        ),
      );
    }
  }
  if (admins.size > copy.value) {
    issues.push(
      issueAt(
        file,
        ['spec', 'access', 'platformAdminGroupObjectIds'],
        `${admins.size} platform admin groups, one role assignment each: above the ${copy.value} ${copy.what}`,
        `use one group that nests the others (${cite(copy)})`,
      ),
    );
  }

  // aks.bicep: agentPools loop; AKS's own node pool limit is lower than ARM's.
  const pools = spec.cluster.userPools.length + 1;
  if (pools > LIMITS.aksNodePools.value) {
    issues.push(
      issueAt(
        file,
        ['spec', 'cluster', 'userPools'],
        `${pools} node pools (system pool included) exceed the ${LIMITS.aksNodePools.value} ${LIMITS.aksNodePools.what}`,
        `merge pools (${cite(LIMITS.aksNodePools)})`,
      ),
    );
  }

  // main.bicep: one team-identity module per team with azureIdentity and one key-vault module per
  // vault (per-team mode), next to its MAIN_FIXED_MODULES other modules, all in one deployment.
  const perTeamVaults = spec.keyVault !== undefined && spec.keyVault.mode !== 'shared';
  let modules = MAIN_FIXED_MODULES;
  for (const { parsed, team } of ctx.teams) {
    const identity = team.spec.azureIdentity;
    if (!identity) continue;
    modules += 1 + (identity.keyVault && perTeamVaults ? 1 : 0);
    if (modules > LIMITS.armResourcesPerDeployment.value) {
      const limit = LIMITS.armResourcesPerDeployment;
      issues.push(
        issueAt(
          parsed,
          ['spec', 'azureIdentity'],
          `with this team main.bicep deploys ${modules} modules (an identity per team, ${perTeamVaults ? 'a vault per team that asks, ' : ''}and ${MAIN_FIXED_MODULES} others): above the ${limit.value} ${limit.what}`,
          `${perTeamVaults ? 'use keyVault.mode shared, or ' : ''}split the teams across clusters (${cite(limit)})`,
        ),
      );
      break;
    }
  }

  // registry.bicep: one replication per location.
  const replicas = spec.registry.replicaLocations ?? [];
  if (replicas.length > copy.value) {
    issues.push(
      issueAt(
        file,
        ['spec', 'registry', 'replicaLocations'],
        `${replicas.length} replica locations exceed the ${copy.value} ${copy.what}`,
        `list fewer locations (${cite(copy)})`,
      ),
    );
  }

  // network.bicep: every NSG lists all on-premises ranges as sources in one rule.
  const onPrem = spec.onPremises.ranges.length;
  if (onPrem + NSG_FIXED_PREFIXES > LIMITS.nsgAddressPrefixes.value) {
    issues.push(
      issueAt(
        file,
        ['spec', 'onPremises', 'ranges'],
        `${onPrem} on-premises ranges, listed in each subnet's NSG, exceed the ${LIMITS.nsgAddressPrefixes.value} ${LIMITS.nsgAddressPrefixes.what}`,
        `summarise them into fewer, larger ranges (${cite(LIMITS.nsgAddressPrefixes)})`,
      ),
    );
  }
  return issues;
}

/** Label keys and values as the API server validates them (apimachinery IsQualifiedName, IsValidLabelValue). */
function labelIssues(file: ParsedFile, base: Path, labels: Readonly<Record<string, string>>, owner: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const path = [...base, key];
    const slash = key.lastIndexOf('/');
    const [prefix, name] = slash >= 0 ? [key.slice(0, slash), key.slice(slash + 1)] : [undefined, key];
    if (prefix !== undefined && (prefix.length > LIMITS.labelKeyPrefixLength.value || !DNS_SUBDOMAIN.test(prefix))) {
      issues.push(
        issueAt(
          file,
          path,
          `label key prefix "${prefix.slice(0, 80)}" of the ${owner} is not a DNS subdomain of at most ${LIMITS.labelKeyPrefixLength.value} characters`,
          `use e.g. example.com/name (${cite(LIMITS.labelKeyPrefixLength)})`,
        ),
      );
    }
    if (name.length > LIMITS.labelKeyNameLength.value || !LABEL_NAME.test(name)) {
      issues.push(
        issueAt(
          file,
          path,
          `label key "${key.slice(0, 80)}" of the ${owner} is not a valid name of at most ${LIMITS.labelKeyNameLength.value} characters`,
          `use letters, digits, '-', '_' and '.', starting and ending with a letter or digit (${cite(LIMITS.labelKeyNameLength)})`,
        ),
      );
    }
    if (value.length > LIMITS.labelValueLength.value || !LABEL_VALUE.test(value)) {
      issues.push(
        issueAt(
          file,
          path,
          `label value of the ${owner} is ${value.length > LIMITS.labelValueLength.value ? `${value.length} characters, above the ${LIMITS.labelValueLength.value} of ${LIMITS.labelValueLength.what}` : `"${value}", not a valid label value`}`,
          `use at most ${LIMITS.labelValueLength.value} letters, digits, '-', '_' and '.', starting and ending with a letter or digit; longer text belongs in an annotation (${cite(LIMITS.labelValueLength)})`,
        ),
      );
    }
  }
  return issues;
}
