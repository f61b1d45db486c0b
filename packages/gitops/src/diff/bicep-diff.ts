import { diffValues, fieldToChange, sameValue, showValue } from './field-diff.js';
import type { ParamValue } from './bicep-params.js';
import type { NodePoolChange, NodePoolFigures, ParameterChange } from './types.js';

/**
 * Parameter by parameter: added, removed, or changed with the fields that changed inside objects
 * and lists (node pools are matched by name, so `agentPools[memory].maxCount 12 -> 20`).
 */
export function diffParameters(
  old: ReadonlyMap<string, ParamValue> = new Map(),
  now: ReadonlyMap<string, ParamValue> = new Map(),
): { parameters: ParameterChange[]; nodePools: NodePoolChange[] } {
  const names = [...old.keys(), ...[...now.keys()].filter((n) => !old.has(n))];
  const parameters: ParameterChange[] = [];
  for (const name of names) {
    const a = old.get(name);
    const b = now.get(name);
    if (a === undefined && b !== undefined) parameters.push({ name, kind: 'added', changes: [{ what: name, after: showValue(b) }] });
    else if (b === undefined && a !== undefined) parameters.push({ name, kind: 'removed', changes: [{ what: name, before: showValue(a) }] });
    else if (!sameValue(a, b)) parameters.push({ name, kind: 'changed', changes: diffValues(a, b).map((f) => fieldToChange(f, name)) });
  }
  return { parameters, nodePools: diffNodePools(old, now) };
}

interface PoolAt {
  readonly parameter: string;
  readonly figures: NodePoolFigures;
}

/** Pools whose size, counts or zones changed, or that appeared or went, across all parameters. */
function diffNodePools(before: ReadonlyMap<string, ParamValue>, after: ReadonlyMap<string, ParamValue>): NodePoolChange[] {
  const old = nodePools(before);
  const now = nodePools(after);
  const names = [...old.keys(), ...[...now.keys()].filter((n) => !old.has(n))];
  const changes: NodePoolChange[] = [];
  for (const name of names) {
    const a = old.get(name);
    const b = now.get(name);
    if (a && b && sameValue(a.figures, b.figures)) continue;
    changes.push({
      parameter: (b ?? a)!.parameter,
      name,
      kind: a && b ? 'changed' : a ? 'removed' : 'added',
      ...(a ? { before: a.figures } : {}),
      ...(b ? { after: b.figures } : {}),
    });
  }
  return changes;
}

/** A node pool is any object value with a name and a vmSize (AKS agent pool profile shape). */
function nodePools(params: ReadonlyMap<string, ParamValue>): Map<string, PoolAt> {
  const pools = new Map<string, PoolAt>();
  const visit = (parameter: string, value: ParamValue) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(parameter, item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const pool = value as Record<string, ParamValue>;
    if (typeof pool.name !== 'string' || typeof pool.vmSize !== 'string') return;
    const zones = pool.availabilityZones ?? pool.zones;
    pools.set(pool.name, {
      parameter,
      figures: {
        vmSize: pool.vmSize,
        minCount: figure(pool.minCount ?? pool.count),
        maxCount: figure(pool.maxCount ?? pool.count),
        zones: Array.isArray(zones) ? zones.map(showValue).join(',') : figure(zones),
      },
    });
  };
  for (const [parameter, value] of params) visit(parameter, value);
  return pools;
}

const figure = (value: ParamValue | undefined) => (value === undefined ? '' : showValue(value));
