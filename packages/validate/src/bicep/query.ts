// Read-only queries over one Bicep source, for tests that assert rendered output.
import { analyzeBicep } from './analyze.js';
import type { BicepValue, Decorator } from './model.js';
import { resolveResources } from './resources.js';

/** A non-literal expression, kept as its source text. */
export interface BicepExpr {
  $expr: string;
}

/**
 * Literal values become plain JS; anything else (params, calls, references,
 * interpolated strings, ternaries, for-expressions) becomes `{ $expr: source }`.
 * Nested child resources are left out of the body; they are listed separately.
 */
export function toPlain(v: BicepValue): unknown {
  switch (v.kind) {
    case 'object':
      return Object.fromEntries(v.props.map((p) => [p.key, toPlain(p.value)]));
    case 'array':
      return v.items.map(toPlain);
    case 'string':
    case 'int':
    case 'bool':
      return v.value;
    case 'null':
      return null;
    default:
      return { $expr: v.text } satisfies BicepExpr;
  }
}

export interface BicepResourceInfo {
  symbol: string;
  /** Full type; for nested resources the parent type is prefixed. */
  type: string;
  apiVersion: string;
  existing: boolean;
  loop: boolean;
  condition: boolean;
  body: unknown;
  /** Symbol of the enclosing resource when declared nested inside it. */
  parent?: string;
  line: number;
  decorators: string[];
}

export async function listBicepResources(content: string): Promise<BicepResourceInfo[]> {
  const { model } = await analyzeBicep(content);
  return resolveResources(model.resources).map((r) => ({
    symbol: r.decl.symbol,
    type: r.type,
    apiVersion: r.apiVersion,
    existing: r.decl.existing,
    loop: r.decl.loop,
    condition: r.decl.condition,
    body: toPlain(r.decl.body),
    ...(r.parent ? { parent: r.parent } : {}),
    line: r.decl.span.line,
    decorators: r.decl.decorators.map((d) => d.name),
  }));
}

export interface BicepDecoratorInfo {
  name: string;
  args: unknown[];
}

function decoratorInfo(ds: Decorator[]): BicepDecoratorInfo[] {
  return ds.map((d) => ({ name: d.name, args: d.args.map(toPlain) }));
}

export interface BicepParamInfo {
  name: string;
  /** Type as written, e.g. `string`, `'a' | 'b'`, `subnetT[]`, `string?`. */
  type: string;
  hasDefault: boolean;
  default?: unknown;
  nullable: boolean;
  secure: boolean;
  decorators: BicepDecoratorInfo[];
  line: number;
}

export async function listBicepParams(content: string): Promise<BicepParamInfo[]> {
  const { model } = await analyzeBicep(content);
  return model.params.map((p) => ({
    name: p.name,
    type: p.typeText,
    hasDefault: p.defaultValue !== undefined,
    ...(p.defaultValue ? { default: toPlain(p.defaultValue) } : {}),
    nullable: p.nullable,
    secure: p.decorators.some((d) => d.name === 'secure') || /^secure(String|Object)$/.test(p.typeText),
    decorators: decoratorInfo(p.decorators),
    line: p.span.line,
  }));
}

export interface BicepOutputInfo {
  name: string;
  type: string;
  value: unknown;
  decorators: BicepDecoratorInfo[];
  line: number;
}

export async function listBicepOutputs(content: string): Promise<BicepOutputInfo[]> {
  const { model } = await analyzeBicep(content);
  return model.outputs.map((o) => ({
    name: o.name,
    type: o.typeText,
    value: toPlain(o.value),
    decorators: decoratorInfo(o.decorators),
    line: o.span.line,
  }));
}

export interface BicepModuleInfo {
  symbol: string;
  /** Module path as written (relative path or registry reference). */
  path: string | undefined;
  loop: boolean;
  condition: boolean;
  body: unknown;
  line: number;
}

export async function listBicepModules(content: string): Promise<BicepModuleInfo[]> {
  const { model } = await analyzeBicep(content);
  return model.modules.map((m) => ({
    symbol: m.symbol,
    path: m.path,
    loop: m.loop,
    condition: m.condition,
    body: toPlain(m.body),
    line: m.span.line,
  }));
}
