// Plain-data view of a Bicep file, copied out of the tree-sitter tree so the
// tree can be freed before the cross-file checks run.
import type { Span } from './findings.js';

/** A value as written in source. Anything that is not a literal is `expr`. */
export type BicepValue =
  | { kind: 'object'; props: BicepProperty[]; resources: ResourceDecl[]; span: Span; text: string }
  | { kind: 'array'; items: BicepValue[]; span: Span; text: string }
  | { kind: 'string'; value: string; span: Span; text: string }
  /** A string with `${...}`: known to be a string, value unknown. */
  | { kind: 'interpolated'; span: Span; text: string }
  | { kind: 'int'; value: number; span: Span; text: string }
  | { kind: 'bool'; value: boolean; span: Span; text: string }
  | { kind: 'null'; span: Span; text: string }
  /** `[for ... in ...: body]`; `body` is the per-item value (an `if` filter is unwrapped). */
  | { kind: 'for'; body: BicepValue; span: Span; text: string }
  | { kind: 'ternary'; branches: [BicepValue, BicepValue]; span: Span; text: string }
  | { kind: 'expr'; span: Span; text: string };

export interface BicepProperty {
  /** Key text; for a quoted key its decoded value. */
  key: string;
  /** False for interpolated keys such as `'${name}': ...`. */
  keyIsLiteral: boolean;
  keySpan: Span;
  value: BicepValue;
}

export interface Decorator {
  name: string;
  args: BicepValue[];
}

export interface ResourceDecl {
  symbol: string;
  /** The type string as written, e.g. `Microsoft.Network/virtualNetworks@2025-09-01` or `subnets`. */
  typeText: string | undefined;
  existing: boolean;
  condition: boolean;
  loop: boolean;
  /** The resource body object (inside any `[for]`/`if`), or an expression. */
  body: BicepValue;
  span: Span;
  typeSpan: Span;
  decorators: Decorator[];
}

export interface ModuleDecl {
  symbol: string;
  /** Module path as written; undefined when interpolated. */
  path: string | undefined;
  condition: boolean;
  loop: boolean;
  body: BicepValue;
  span: Span;
  pathSpan: Span;
}

export interface ParamDecl {
  name: string;
  typeText: string;
  /** Set when the param declares a default value (`param x string = ...`). */
  defaultValue: BicepValue | undefined;
  /** Nullable types (`string?`) make a param optional. */
  nullable: boolean;
  decorators: Decorator[];
  span: Span;
}

export interface OutputDecl {
  name: string;
  typeText: string;
  value: BicepValue;
  decorators: Decorator[];
  span: Span;
}

export interface VarDecl {
  name: string;
  value: BicepValue;
  span: Span;
}

export interface BicepFileModel {
  params: ParamDecl[];
  vars: VarDecl[];
  resources: ResourceDecl[];
  modules: ModuleDecl[];
  outputs: OutputDecl[];
  /** `type x = ...` declarations: name -> source text of the type. */
  types: Map<string, string>;
  funcs: string[];
  /** Symbols brought in by `import {...} from`, `import * as`, `provider ... as`. */
  imports: string[];
  /** `using '...'` target (bicepparam), undefined for `using none` or none at all. */
  using: { path: string; span: Span } | undefined;
  targetScope: string | undefined;
}
