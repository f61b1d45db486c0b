import { analyzeBicep } from '../bicep/analyze.js';
import { analyzeBicepParam } from '../bicep/bicepparam.js';
import type { BicepFileModel } from '../bicep/model.js';
import { isRegistryReference, normalizePath, resolveRelative } from '../bicep/paths.js';
import { toPlain, type BicepExpr } from '../bicep/query.js';
import { resolveResources } from '../bicep/resources.js';

/** A resource declared in a rendered .bicep file, body as plain JS (`{ $expr }` for expressions). */
export interface BicepResource {
  readonly file: string;
  readonly symbol: string;
  /** Full type, e.g. Microsoft.ContainerRegistry/registries. */
  readonly type: string;
  readonly existing: boolean;
  readonly line: number;
  readonly body: unknown;
}

/** A value after following params: known, or the expression that stopped the search. */
export type Resolved = { readonly known: true; readonly value: unknown } | { readonly known: false; readonly expression: string };

const isExpr = (v: unknown): v is BicepExpr => typeof v === 'object' && v !== null && typeof (v as BicepExpr).$expr === 'string';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface FileInfo {
  readonly model: BicepFileModel;
  /** Param defaults, as plain values. */
  readonly defaults: ReadonlyMap<string, unknown>;
}

interface Caller {
  readonly file: string;
  /** The module's `params` object (plain), undefined when it is not a literal object. */
  readonly params: Record<string, unknown> | undefined;
}

/**
 * The rendered Bicep of one cluster, parsed once, with a resolver that follows a property written as
 * a param name up through the module calls to the `.bicepparam` value (or the param's default). Only
 * bare param references are followed; anything else (a ternary, a function call, a module output) is
 * reported as unknown rather than guessed.
 */
export class BicepTree {
  private constructor(
    readonly resources: readonly BicepResource[],
    private readonly files: ReadonlyMap<string, FileInfo>,
    private readonly callers: ReadonlyMap<string, readonly Caller[]>,
    private readonly paramValues: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  ) {}

  static async load(sources: ReadonlyMap<string, string>): Promise<BicepTree> {
    const files = new Map<string, FileInfo>();
    const resources: BicepResource[] = [];
    const callers = new Map<string, Caller[]>();
    const paramValues = new Map<string, Map<string, unknown>>();
    for (const [file, content] of sources) {
      if (file.endsWith('.bicep')) {
        const { model } = await analyzeBicep(content);
        const path = normalizePath(file);
        files.set(path, { model, defaults: new Map(model.params.filter((p) => p.defaultValue).map((p) => [p.name, toPlain(p.defaultValue!)])) });
        for (const r of resolveResources(model.resources)) {
          resources.push({ file, symbol: r.decl.symbol, type: r.type, existing: r.decl.existing, line: r.decl.span.line, body: toPlain(r.decl.body) });
        }
        for (const m of model.modules) {
          if (m.path === undefined || isRegistryReference(m.path) || m.loop) continue;
          const target = resolveRelative(path, m.path);
          const body = toPlain(m.body) as Record<string, unknown> | BicepExpr;
          const params = !isExpr(body) && typeof body.params === 'object' && body.params !== null && !isExpr(body.params) ? (body.params as Record<string, unknown>) : undefined;
          callers.set(target, [...(callers.get(target) ?? []), { file: path, params }]);
        }
      } else if (file.endsWith('.bicepparam')) {
        const analysis = await analyzeBicepParam(content);
        if (analysis.using === undefined || analysis.using === 'none') continue;
        const target = resolveRelative(file, analysis.using.path);
        paramValues.set(target, new Map(analysis.assignments.map((a) => [a.name, toPlain(a.value)])));
      }
    }
    return new BicepTree(resources, files, callers, paramValues);
  }

  /** Resources of one type (not `existing` references), in file order. */
  ofType(type: string): BicepResource[] {
    return this.resources.filter((r) => r.type.toLowerCase() === type.toLowerCase() && !r.existing);
  }

  /** Follows `value` (as written in `file`) to a literal when it is a chain of param references. */
  resolve(file: string, value: unknown, depth = 0): Resolved {
    if (!isExpr(value)) return { known: true, value };
    const path = normalizePath(file);
    const name = value.$expr.trim();
    const info = this.files.get(path);
    if (depth > 16 || !IDENTIFIER.test(name) || !info?.model.params.some((p) => p.name === name)) return { known: false, expression: value.$expr };

    const candidates: Resolved[] = [];
    const assigned = this.paramValues.get(path);
    if (assigned?.has(name)) candidates.push(this.resolve(path, assigned.get(name), depth + 1));
    for (const caller of this.callers.get(path) ?? []) {
      if (!caller.params) candidates.push({ known: false, expression: value.$expr });
      else if (name in caller.params) candidates.push(this.resolve(caller.file, caller.params[name], depth + 1));
      else if (info.defaults.has(name)) candidates.push(this.resolve(path, info.defaults.get(name), depth + 1));
      else candidates.push({ known: false, expression: value.$expr });
    }
    if (candidates.length === 0 && info.defaults.has(name)) candidates.push(this.resolve(path, info.defaults.get(name), depth + 1));
    if (candidates.length === 0) return { known: false, expression: value.$expr };
    const unknown = candidates.find((c) => !c.known);
    if (unknown) return unknown;
    const values = new Set(candidates.map((c) => JSON.stringify((c as { value: unknown }).value)));
    // Two callers passing different values: the resource exists in two shapes; do not pick one.
    return values.size === 1 ? candidates[0]! : { known: false, expression: value.$expr };
  }
}

/**
 * `body.a.b.c`; undefined when a level is missing. When a level is an expression (`properties: x`)
 * that expression is returned, so resolving it says "unknown" instead of "absent".
 */
export function propertyAt(body: unknown, path: readonly string[]): unknown {
  let v = body;
  for (const key of path) {
    if (isExpr(v)) return v;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

export { isExpr };
