/**
 * Platform limits the spec is checked against (checks/limits.ts), each with the number, what it
 * applies to and where it is documented. A spec that passes its schema can still be undeployable:
 * these are the limits the rendered output would hit at `kubectl apply`/Flux or at
 * `az deployment group create`, caught at the spec instead, where the message can name the field.
 */
export interface PlatformLimit {
  readonly value: number;
  /** What the limit applies to, as the messages say it. */
  readonly what: string;
  /** Where the limit is documented or enforced. */
  readonly source: string;
}

const KIB = 1024;
const MIB = 1024 * KIB;

export const LIMITS = {
  /** apimachinery ValidateAnnotations: TotalAnnotationSizeLimitB = 256 * (1 << 10), keys + values. */
  annotationsTotalBytes: {
    value: 256 * KIB,
    what: 'all annotations of one Kubernetes object (keys and values together)',
    source: 'https://github.com/kubernetes/apimachinery/blob/master/pkg/api/validation/objectmeta.go (TotalAnnotationSizeLimitB)',
  },
  /** apimachinery IsValidLabelValue: LabelValueMaxLength = 63. */
  labelValueLength: {
    value: 63,
    what: 'a Kubernetes label value',
    source: 'https://github.com/kubernetes/apimachinery/blob/master/pkg/util/validation/validation.go (LabelValueMaxLength)',
  },
  /** apimachinery IsQualifiedName: the name part of a label key, qualifiedNameMaxLength = 63. */
  labelKeyNameLength: {
    value: 63,
    what: 'the name part of a Kubernetes label key (after the optional prefix/)',
    source: 'https://github.com/kubernetes/apimachinery/blob/master/pkg/util/validation/validation.go (qualifiedNameMaxLength)',
  },
  /** apimachinery IsQualifiedName: the prefix is a DNS-1123 subdomain, DNS1123SubdomainMaxLength = 253. */
  labelKeyPrefixLength: {
    value: 253,
    what: 'the prefix of a Kubernetes label key (a DNS subdomain)',
    source: 'https://github.com/kubernetes/apimachinery/blob/master/pkg/util/validation/validation.go (DNS1123SubdomainMaxLength)',
  },
  /** etcd's default --max-request-bytes; the API server stores each object in one etcd request. */
  objectBytes: {
    value: 1.5 * MIB,
    what: 'one Kubernetes object as stored in etcd',
    source: 'https://etcd.io/docs/v3.5/dev-guide/limit/ (request size limit, 1.5 MiB by default)',
  },
  /** ARM: a copy loop (a Bicep `[for ...]`) expands to at most 800 instances. */
  armCopyCount: {
    value: 800,
    what: 'instances of one ARM copy loop (Bicep [for ...])',
    source: 'https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-resources#copy-limits',
  },
  /** ARM: 800 resources per template (deployment), copy count included. */
  armResourcesPerDeployment: {
    value: 800,
    what: 'resources in one ARM deployment, copy loops expanded',
    source: 'https://learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#template-limits',
  },
  /** ARM: 256 parameters per template. main.bicep's count is fixed by the kit, not by the spec. */
  armParameters: {
    value: 256,
    what: 'parameters of one ARM template',
    source: 'https://learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#template-limits',
  },
  /** ARM: 4 MB per template after expansion, parameter values included; 4 MB per parameter file. */
  armTemplateBytes: {
    value: 4 * MIB,
    what: 'one ARM template after expansion, parameter values included (and one parameter file)',
    source: 'https://learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#template-limits',
  },
  /** AKS: at most 100 node pools per cluster (system pool included). */
  aksNodePools: {
    value: 100,
    what: 'node pools of one AKS cluster',
    source: 'https://learn.microsoft.com/azure/aks/quotas-skus-regions#service-quotas-and-limits',
  },
  /** Azure networking: source or destination IP addresses and ranges per network security group. */
  nsgAddressPrefixes: {
    value: 4000,
    what: 'source and destination addresses and ranges in one network security group',
    source: 'https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#azure-networking-limits',
  },
  /** Azure networking: DNS servers per virtual network. */
  vnetDnsServers: {
    value: 20,
    what: 'DNS servers of one virtual network',
    source: 'https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#azure-networking-limits',
  },
  /** Azure Resource Manager: 50 tag name/value pairs per resource. */
  azureTagsPerResource: {
    value: 50,
    what: 'tags on one Azure resource',
    source: 'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations',
  },
  /** Azure Resource Manager: tag names up to 512 characters (128 on storage accounts; the kit creates none). */
  azureTagNameLength: {
    value: 512,
    what: 'an Azure tag name',
    source: 'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations',
  },
  /** Azure Resource Manager: tag values up to 256 characters. */
  azureTagValueLength: {
    value: 256,
    what: 'an Azure tag value',
    source: 'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations',
  },
} as const satisfies Record<string, PlatformLimit>;

export type LimitName = keyof typeof LIMITS;

/** `256 KiB`, `1.5 MiB`, or the plain number for counts. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${Number((bytes / MIB).toFixed(2))} MiB`;
  if (bytes >= KIB) return `${Number((bytes / KIB).toFixed(2))} KiB`;
  return `${bytes} bytes`;
}
