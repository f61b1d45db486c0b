import { readFileSync } from 'node:fs';
import { Dec } from './decimal.js';

export type FigureKind = 'sla' | 'slo' | 'input';

export interface FigureSource {
  readonly title: string;
  readonly url: string;
}

export interface Figure {
  readonly key: string;
  readonly condition: string;
  /** As printed by the publisher, e.g. "99.95". */
  readonly percent: string;
  readonly kind: FigureKind;
  readonly verified: boolean;
  readonly readOn: string;
  readonly sources: readonly FigureSource[];
  readonly note?: string;
}

export interface ComponentFigures {
  readonly id: string;
  readonly name: string;
  /** False for what only deployment or monitoring needs (Key Vault, Log Analytics). */
  readonly runtime: boolean;
  readonly figures: readonly Figure[];
}

/** One figure resolved for use: the component, the condition that applies, the exact availability. */
export interface FigureRef {
  readonly component: ComponentFigures;
  readonly figure: Figure;
  readonly availability: Dec;
}

// Read beside the package (works from src/ and dist/ alike) and checked, rather than imported as a module.
const COMPONENTS: readonly ComponentFigures[] = checkFigures(JSON.parse(readFileSync(new URL('../data/sla-figures.json', import.meta.url), 'utf8')) as unknown);

export function allComponentFigures(): readonly ComponentFigures[] {
  return COMPONENTS;
}

/** The figure of `component` under condition `key`; throws if the data file lacks it (a bug, not bad input). */
export function figure(component: string, key: string): FigureRef {
  const c = COMPONENTS.find((x) => x.id === component);
  const f = c?.figures.find((x) => x.key === key);
  if (!c || !f) throw new Error(`sla-figures.json has no figure ${component}/${key}`);
  return { component: c, figure: f, availability: Dec.fromPercent(f.percent) };
}

/** Validates the data file's shape once, so a bad edit fails loudly with the entry at fault. */
export function checkFigures(raw: unknown): ComponentFigures[] {
  const fail = (where: string, what: string): never => {
    throw new Error(`sla-figures.json: ${where}: ${what}`);
  };
  const components = (raw as { components?: unknown })?.components;
  if (!Array.isArray(components)) fail('root', 'expected a "components" array');
  const seen = new Set<string>();
  return (components as unknown[]).map((c, i) => {
    const comp = c as Partial<ComponentFigures>;
    const where = `components[${i}]`;
    if (typeof comp.id !== 'string' || !comp.id) fail(where, 'id is required');
    if (seen.has(comp.id!)) fail(where, `duplicate id ${comp.id}`);
    seen.add(comp.id!);
    if (typeof comp.name !== 'string' || !comp.name) fail(where, 'name is required');
    if (typeof comp.runtime !== 'boolean') fail(where, 'runtime must be true or false');
    if (!Array.isArray(comp.figures) || comp.figures.length === 0) fail(where, 'figures must be a non-empty array');
    for (const [j, f] of comp.figures!.entries()) {
      const at = `${comp.id}.figures[${j}]`;
      if (typeof f.key !== 'string' || !f.key) fail(at, 'key is required');
      if (typeof f.condition !== 'string' || !f.condition) fail(at, 'condition is required');
      if (typeof f.percent !== 'string' || !/^\d{1,3}(\.\d+)?$/.test(f.percent)) fail(at, 'percent must be a decimal string such as "99.95"');
      const value = Dec.parse(f.percent);
      if (value.cmp(Dec.of(100n)) > 0 || value.isZero()) fail(at, 'percent must be in (0, 100]');
      if (!['sla', 'slo', 'input'].includes(f.kind)) fail(at, 'kind must be sla, slo or input');
      if (typeof f.verified !== 'boolean') fail(at, 'verified must be true or false');
      if (typeof f.readOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(f.readOn)) fail(at, 'readOn must be a YYYY-MM-DD date');
      if (!Array.isArray(f.sources) || f.sources.length === 0) fail(at, 'at least one source is required');
      for (const s of f.sources) if (!s.title || !/^https:\/\//.test(s.url)) fail(at, 'every source needs a title and an https url');
    }
    return comp as ComponentFigures;
  });
}
