import { Dec, parallel, serial } from './decimal.js';
import type { FigureRef } from './figures.js';

/** One component on a path, with the figure the spec selected for it. */
export interface Leaf {
  readonly kind: 'leaf';
  /**
   * Identity of the physical resource. Two leaves with the same id are the same resource (e.g. the
   * ExpressRoute circuit two clusters share): they fail together, and the evaluation accounts for it.
   */
  readonly id: string;
  readonly label: string;
  /** The cluster a per-cluster resource belongs to; absent for shared ones (circuit, registry, Entra ID). */
  readonly cluster?: string;
  readonly ref: FigureRef;
  /** Usually the published figure; the provider's last mile comes from the spec instead. */
  readonly availability: Dec;
  /** The spec fact that selected this figure, in plain words. */
  readonly why: string;
}

export interface Group {
  readonly kind: 'serial' | 'parallel';
  readonly label?: string;
  readonly children: readonly Block[];
}

export type Block = Leaf | Group;

/** Every part must be up. A single child is returned as is. */
export function seq(children: readonly Block[], label?: string): Block {
  if (children.length === 1 && label === undefined) return children[0]!;
  return { kind: 'serial', ...(label !== undefined ? { label } : {}), children };
}

/** At least one alternative must be up. A single child is returned as is. */
export function alt(children: readonly Block[], label?: string): Block {
  if (children.length === 1 && label === undefined) return children[0]!;
  return { kind: 'parallel', ...(label !== undefined ? { label } : {}), children };
}

export function leavesOf(block: Block): Leaf[] {
  return block.kind === 'leaf' ? [block] : block.children.flatMap(leavesOf);
}

/** Distinct leaves, first occurrence order. */
export function distinctLeaves(block: Block): Leaf[] {
  const byId = new Map<string, Leaf>();
  for (const leaf of leavesOf(block)) if (!byId.has(leaf.id)) byId.set(leaf.id, leaf);
  return [...byId.values()];
}

/** Above this many shared resources the exact enumeration (2^n states) is refused. */
const MAX_SHARED = 16;

/**
 * Exact availability of a block, failures independent between distinct resources. Serial parts
 * multiply; parallel alternatives give 1 - product of unavailabilities. A resource that appears more
 * than once (shared) is conditioned on: the result sums, over its up/down states, the probability
 * of the state times the availability given that state, which is exact.
 * `fixed` forces resources to a value (1 = assumed perfect), for "what if" questions.
 */
export function evaluate(block: Block, fixed: ReadonlyMap<string, Dec> = new Map()): Dec {
  const counts = new Map<string, { leaf: Leaf; count: number }>();
  for (const leaf of leavesOf(block)) {
    const seen = counts.get(leaf.id);
    if (seen && !seen.leaf.availability.eq(leaf.availability)) {
      throw new Error(`resource ${leaf.id} appears with two figures (${seen.leaf.availability.toString()} and ${leaf.availability.toString()})`);
    }
    counts.set(leaf.id, { leaf, count: (seen?.count ?? 0) + 1 });
  }
  const shared = [...counts.values()].filter((c) => c.count > 1 && !fixed.has(c.leaf.id)).map((c) => c.leaf);
  if (shared.length > MAX_SHARED) throw new Error(`too many shared resources to evaluate exactly (${shared.length})`);

  let total = Dec.ZERO;
  for (let mask = 0; mask < 1 << shared.length; mask += 1) {
    const state = new Map(fixed);
    let weight = Dec.ONE;
    shared.forEach((leaf, i) => {
      const up = (mask & (1 << i)) !== 0;
      state.set(leaf.id, up ? Dec.ONE : Dec.ZERO);
      weight = weight.mul(up ? leaf.availability : leaf.availability.complement());
    });
    if (weight.isZero()) continue;
    total = total.add(weight.mul(evaluateGiven(block, state)));
  }
  return total;
}

function evaluateGiven(block: Block, state: ReadonlyMap<string, Dec>): Dec {
  if (block.kind === 'leaf') return state.get(block.id) ?? block.availability;
  const parts = block.children.map((child) => evaluateGiven(child, state));
  return block.kind === 'serial' ? serial(parts) : parallel(parts);
}

export interface Dominance {
  /** Resources whose perfection would raise the path the most (several when tied), path order. */
  readonly ids: readonly string[];
  /** That largest gain (availability points, exact). */
  readonly gain: Dec;
  /** The gain of every resource on the path, path order. */
  readonly gains: ReadonlyArray<{ readonly id: string; readonly gain: Dec }>;
}

/**
 * The dominant component: the one whose unavailability costs the path the most, measured as the
 * gain if it were made perfect (availability 1) with everything else unchanged. On a purely serial
 * path this is the component with the largest 1 - a; inside redundant alternatives it is correctly
 * smaller, because the other alternative covers most of the failures.
 */
export function dominance(block: Block): Dominance {
  const base = evaluate(block);
  const gains = distinctLeaves(block).map((leaf) => ({ id: leaf.id, gain: evaluate(block, new Map([[leaf.id, Dec.ONE]])).sub(base) }));
  const gain = gains.reduce((max, g) => (g.gain.cmp(max) > 0 ? g.gain : max), Dec.ZERO);
  const ids = gain.isZero() ? [] : gains.filter((g) => g.gain.eq(gain)).map((g) => g.id);
  return { ids, gain, gains };
}
