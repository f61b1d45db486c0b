import type { Tree } from '@nx/devkit';
import { allocatable, formatCores, lookupVmSize, parseQuantity, reservedNameReason, teamPath } from '@aks-hybrid/spec';
import { loadRequestedCluster } from '../internal/requested-cluster.js';
import type { TeamNamespaceGeneratorSchema } from './schema.js';

export interface NormalizedOptions {
  readonly name: string;
  readonly cluster: string;
  readonly groupObjectId: string;
  readonly groupDisplayName?: string;
  readonly readOnlyGroupObjectId?: string;
  readonly nodePool: string;
  readonly cpu: string;
  readonly memory: string;
  readonly storage: string;
  readonly pods: number;
  readonly description?: string;
  readonly contact?: string;
  readonly commit: boolean;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** What the spec's Quantity accepts; CPU without the byte suffixes. */
const CPU_QUANTITY = /^[0-9]+(\.[0-9]+)?m?$/;
const MEMORY_QUANTITY = /^[0-9]+(\.[0-9]+)?(k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

/**
 * --cpu and --memory as kubectl takes them: `16`, `0.5`, `500m`, `32Gi`. The Nx CLI hands a plain
 * number over as a number (`--cpu 16` arrives as 16), so both types are accepted and written as
 * the string the spec stores. Returns undefined when the option was not given.
 */
export function quantityOption(option: 'cpu' | 'memory', value: string | number | undefined, pattern: RegExp, examples: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  // String(1e21) is "1e+21" and String(-1) is "-1": the pattern refuses both with the message below.
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!pattern.test(text) || Number(text.replace(/[a-zA-Z]+$/, '')) <= 0) {
    throw new OnboardingError(`--${option} "${value}" is not a ${option === 'cpu' ? 'CPU' : 'memory'} quantity: use ${examples} (as in kubectl)`);
  }
  return text;
}

/** Bad input, stated so that the user can fix it; thrown before anything is written. */
export class OnboardingError extends Error {}

/**
 * Validates the options against the repository and fills in defaults from the cluster spec.
 * `lookupGroup` resolves --group through Microsoft Graph (injected so tests stay offline).
 */
export async function normalizeOptions(
  tree: Tree,
  schema: TeamNamespaceGeneratorSchema,
  lookupGroup: (displayName: string, tenantId: string) => Promise<string>,
): Promise<NormalizedOptions> {
  const name = schema.name?.trim() ?? '';
  if (!DNS_LABEL.test(name) || name.length > 40) {
    throw new OnboardingError(
      `--name "${name}" is not a valid team name: use lowercase letters, digits and '-', starting and ending with a letter or digit, at most 40 characters (e.g. payments)`,
    );
  }
  const reserved = reservedNameReason(name);
  if (reserved) throw new OnboardingError(`--name "${name}" is reserved: ${reserved}; choose another name`);

  const { cluster, spec } = loadRequestedCluster(
    tree,
    schema.cluster,
    (message) => new OnboardingError(message),
    'the cluster spec must be valid before a team can be added.',
  );

  if (schema.groupObjectId && schema.group) throw new OnboardingError('give either --groupObjectId or --group, not both');
  let groupObjectId = schema.groupObjectId;
  if (!groupObjectId && schema.group) groupObjectId = await lookupGroup(schema.group, spec.azure.tenantId);
  if (!groupObjectId) throw new OnboardingError("--groupObjectId (the object ID of the team's Entra ID group) or --group (its display name) is required");
  if (!GUID.test(groupObjectId)) {
    throw new OnboardingError(
      `--groupObjectId "${groupObjectId}" is not an object ID: it has the form 8-4-4-4-12 hex digits (az ad group show --group <name> --query id)`,
    );
  }
  if (schema.readOnlyGroupObjectId && !GUID.test(schema.readOnlyGroupObjectId)) {
    throw new OnboardingError(`--readOnlyGroupObjectId "${schema.readOnlyGroupObjectId}" is not an object ID (8-4-4-4-12 hex digits)`);
  }

  const pools = spec.cluster.userPools;
  const nodePool = schema.nodePool ?? pools.find((p) => p.isDefault)!.name;
  const pool = pools.find((p) => p.name === nodePool);
  if (!pool) throw new OnboardingError(`--nodePool "${nodePool}" is not a user pool of ${cluster}; user pools: ${pools.map((p) => p.name).join(', ')}`);

  // Defaults: what the pool can still promise, at most 8 vCPU, memory in the pool's own ratio.
  const node = allocatable(lookupVmSize(pool.vmSize) ?? pool, pool.maxPods);
  const others = spec.teams.filter((t) => t.nodePool === nodePool && t.name !== name);
  const freeCores = node.cores * pool.maxCount - others.reduce((sum, t) => sum + parseQuantity(t.quota.cpu), 0);
  const cpuOption = quantityOption('cpu', schema.cpu, CPU_QUANTITY, 'cores like 16 or 0.5, or millicores like 500m');
  const cpu = cpuOption ?? String(Math.min(8, Math.floor(freeCores)));
  if (cpuOption === undefined && Number(cpu) < 1) {
    throw new OnboardingError(
      `node pool "${nodePool}" has ${formatCores(Math.max(0, freeCores))} left at max scale; pass --cpu, choose another --nodePool, or raise the pool's maxCount`,
    );
  }
  const memory =
    quantityOption('memory', schema.memory, MEMORY_QUANTITY, 'e.g. 32Gi, 512Mi or plain bytes') ??
    `${Math.floor(parseQuantity(cpu) * (pool.memoryGiB / pool.vcpus))}Gi`;

  return {
    name,
    cluster,
    groupObjectId: groupObjectId.toLowerCase(),
    ...(schema.group ? { groupDisplayName: schema.group } : {}),
    ...(schema.readOnlyGroupObjectId ? { readOnlyGroupObjectId: schema.readOnlyGroupObjectId.toLowerCase() } : {}),
    nodePool,
    cpu,
    memory,
    storage: schema.storage ?? '100Gi',
    pods: schema.pods ?? 100,
    ...(schema.description ? { description: schema.description } : {}),
    ...(schema.contact ? { contact: schema.contact } : {}),
    commit: schema.commit ?? false,
  };
}

export const teamFilePath = (options: NormalizedOptions) => teamPath(options.cluster, options.name);
