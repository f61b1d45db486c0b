// Turns a tree-sitter-bicep syntax tree into the plain model in model.ts.
import type {
  BicepFileModel,
  BicepProperty,
  BicepValue,
  Decorator,
  ModuleDecl,
  ResourceDecl,
} from './model.js';
import { children, namedChildren, spanOf, type Node } from './parser.js';
import { decodeStringLiteral } from './strings.js';

/** Reads a string node; undefined value means it is interpolated. */
export function stringNodeValue(node: Node): string | undefined {
  if (namedChildren(node).some((c) => c.type === 'interpolation')) return undefined;
  return decodeStringLiteral(node.text);
}

export function extractValue(node: Node): BicepValue {
  const base = { span: spanOf(node), text: node.text };
  switch (node.type) {
    case 'object':
      return { kind: 'object', ...extractObject(node), ...base };
    case 'array':
      return { kind: 'array', items: namedChildren(node).filter((c) => c.type !== 'decorators').map(extractValue), ...base };
    case 'string': {
      const value = stringNodeValue(node);
      return value === undefined ? { kind: 'interpolated', ...base } : { kind: 'string', value, ...base };
    }
    case 'number':
      return { kind: 'int', value: Number.parseInt(node.text, 10), ...base };
    case 'boolean':
      return { kind: 'bool', value: node.text === 'true', ...base };
    case 'null':
      return { kind: 'null', ...base };
    case 'unary_expression': {
      // `-5` may come out as unary minus applied to a number.
      const arg = node.childForFieldName('argument');
      const op = node.childForFieldName('operator');
      if (op?.text === '-' && arg?.type === 'number') {
        return { kind: 'int', value: -Number.parseInt(arg.text, 10), ...base };
      }
      return { kind: 'expr', ...base };
    }
    case 'for_statement': {
      const { body } = unwrapLoopBody(node);
      return { kind: 'for', body: body ? extractValue(body) : { kind: 'expr', ...base }, ...base };
    }
    case 'ternary_expression': {
      const a = node.childForFieldName('consequence');
      const b = node.childForFieldName('alternative');
      if (a && b) return { kind: 'ternary', branches: [extractValue(a), extractValue(b)], ...base };
      return { kind: 'expr', ...base };
    }
    case 'parenthesized_expression': {
      const inner = namedChildren(node);
      if (inner.length === 1) return extractValue(inner[0]!);
      return { kind: 'expr', ...base };
    }
    default:
      return { kind: 'expr', ...base };
  }
}

function extractObject(node: Node): { props: BicepProperty[]; resources: ResourceDecl[] } {
  const props: BicepProperty[] = [];
  const resources: ResourceDecl[] = [];
  let pendingDecorators: Decorator[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'decorators') {
      pendingDecorators = extractDecorators(child);
      continue;
    }
    if (child.type !== 'object_property') continue;
    const parts = namedChildren(child);
    const first = parts[0];
    if (!first) continue;
    if (first.type === 'resource_declaration') {
      resources.push(extractResource(first, pendingDecorators));
      pendingDecorators = [];
      continue;
    }
    pendingDecorators = [];
    const valueNode = parts.length > 1 ? parts[parts.length - 1]! : undefined;
    const key = propertyKey(child, first);
    props.push({
      key: key.text,
      keyIsLiteral: key.literal,
      keySpan: spanOf(first),
      value: valueNode ? extractValue(valueNode) : { kind: 'expr', span: spanOf(child), text: '' },
    });
  }
  return { props, resources };
}

function propertyKey(prop: Node, first: Node): { text: string; literal: boolean } {
  if (first.type === 'string') {
    const v = stringNodeValue(first);
    // Interpolated keys keep their source text without the quotes: `${id}`.
    return v === undefined ? { text: first.text.slice(1, -1), literal: false } : { text: v, literal: true };
  }
  // `*: string` in type objects is an anonymous token, not a named child.
  const head = children(prop)[0];
  if (head && head.type === '*') return { text: '*', literal: true };
  return { text: first.text.replace(/\?$/, ''), literal: true };
}

/** For `[for ...: if (c) {...}]` returns the object and whether a filter is present. */
export function unwrapLoopBody(forNode: Node): { body: Node | undefined; condition: boolean } {
  const body = forNode.childForFieldName('body') ?? undefined;
  if (body?.type === 'if_statement') return { body: lastNamed(body), condition: true };
  return { body, condition: false };
}

function lastNamed(node: Node): Node | undefined {
  const named = namedChildren(node);
  return named[named.length - 1];
}

/** Splits `= value` of a resource/module into its body, loop and condition flags. */
function declarationBody(valueNode: Node | undefined): { body: Node | undefined; loop: boolean; condition: boolean } {
  if (!valueNode) return { body: undefined, loop: false, condition: false };
  if (valueNode.type === 'if_statement') return { body: lastNamed(valueNode), loop: false, condition: true };
  if (valueNode.type === 'for_statement') return { ...unwrapLoopBody(valueNode), loop: true };
  return { body: valueNode, loop: false, condition: false };
}

function exprPlaceholder(node: Node): BicepValue {
  return { kind: 'expr', span: spanOf(node), text: node.text };
}

export function extractResource(node: Node, decorators: Decorator[]): ResourceDecl {
  const named = namedChildren(node);
  const symbol = named.find((c) => c.type === 'identifier');
  const typeNode = named.find((c) => c.type === 'string');
  const valueNode = named[named.length - 1];
  const { body, loop, condition } = declarationBody(valueNode !== typeNode ? valueNode : undefined);
  return {
    symbol: symbol?.text ?? '',
    typeText: typeNode ? stringNodeValue(typeNode) : undefined,
    existing: children(node).some((c) => c.type === 'existing'),
    condition,
    loop,
    body: body ? extractValue(body) : exprPlaceholder(node),
    span: spanOf(node),
    typeSpan: typeNode ? spanOf(typeNode) : spanOf(node),
    decorators,
  };
}

function extractModule(node: Node): ModuleDecl {
  const named = namedChildren(node);
  const symbol = named.find((c) => c.type === 'identifier');
  const pathNode = named.find((c) => c.type === 'string');
  const valueNode = named[named.length - 1];
  const { body, loop, condition } = declarationBody(valueNode !== pathNode ? valueNode : undefined);
  return {
    symbol: symbol?.text ?? '',
    path: pathNode ? stringNodeValue(pathNode) : undefined,
    condition,
    loop,
    body: body ? extractValue(body) : exprPlaceholder(node),
    span: spanOf(node),
    pathSpan: pathNode ? spanOf(pathNode) : spanOf(node),
  };
}

export function extractDecorators(node: Node): Decorator[] {
  const out: Decorator[] = [];
  for (const dec of namedChildren(node)) {
    const call = namedChildren(dec).find((c) => c.type === 'call_expression');
    if (!call) continue;
    const fn = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    // `@sys.description(...)` names the function through a member expression.
    const name = fn?.type === 'member_expression' ? (fn.childForFieldName('property')?.text ?? '') : (fn?.text ?? '');
    out.push({ name, args: args ? namedChildren(args).map(extractValue) : [] });
  }
  return out;
}

/** The value after `=` in a declaration (`param`, `var`, `output`, ...), if any. */
function valueAfterEquals(node: Node): Node | undefined {
  const all = children(node);
  const eq = all.findIndex((c) => c.type === '=');
  if (eq < 0) return undefined;
  return all.slice(eq + 1).find((c) => c.isNamed);
}

export function extractFile(root: Node): BicepFileModel {
  const model: BicepFileModel = {
    params: [],
    vars: [],
    resources: [],
    modules: [],
    outputs: [],
    types: new Map(),
    funcs: [],
    imports: [],
    using: undefined,
    targetScope: undefined,
  };
  let decorators: Decorator[] = [];
  for (const stmt of namedChildren(root)) {
    if (stmt.type === 'decorators') {
      decorators = extractDecorators(stmt);
      continue;
    }
    const pending = decorators;
    decorators = [];
    const name = namedChildren(stmt).find((c) => c.type === 'identifier')?.text ?? '';
    switch (stmt.type) {
      case 'parameter_declaration': {
        const typeNode = namedChildren(stmt).find((c) => c.type === 'type');
        const value = valueAfterEquals(stmt);
        const typeText = typeNode?.text ?? '';
        model.params.push({
          name,
          typeText,
          defaultValue: value ? extractValue(value) : undefined,
          nullable: /\?\s*$/.test(typeText),
          decorators: pending,
          span: spanOf(stmt),
        });
        break;
      }
      case 'variable_declaration': {
        const value = valueAfterEquals(stmt);
        model.vars.push({ name, value: value ? extractValue(value) : exprPlaceholder(stmt), span: spanOf(stmt) });
        break;
      }
      case 'resource_declaration':
        model.resources.push(extractResource(stmt, pending));
        break;
      case 'module_declaration':
        model.modules.push(extractModule(stmt));
        break;
      case 'output_declaration': {
        const typeNode = namedChildren(stmt).find((c) => c.type === 'type');
        const value = valueAfterEquals(stmt);
        model.outputs.push({
          name,
          typeText: typeNode?.text ?? '',
          value: value ? extractValue(value) : exprPlaceholder(stmt),
          decorators: pending,
          span: spanOf(stmt),
        });
        break;
      }
      case 'type_declaration':
        model.types.set(name, valueAfterEquals(stmt)?.text ?? '');
        break;
      case 'user_defined_function':
        model.funcs.push(stmt.childForFieldName('name')?.text ?? name);
        break;
      case 'import_functionality':
      case 'import_statement':
      case 'import_with_statement':
        model.imports.push(...importedSymbols(stmt));
        break;
      case 'using_statement': {
        const str = namedChildren(stmt).find((c) => c.type === 'string');
        const path = str ? stringNodeValue(str) : undefined;
        if (str && path !== undefined) model.using = { path, span: spanOf(str) };
        break;
      }
      case 'target_scope_assignment': {
        const str = namedChildren(stmt).find((c) => c.type === 'string');
        model.targetScope = str ? stringNodeValue(str) : undefined;
        break;
      }
      default:
        break;
    }
  }
  return model;
}

/** `import {a, b as c} from` -> a, c; `import * as ns from` -> ns; `provider 'x' as k` -> k. */
export function importedSymbols(stmt: Node): string[] {
  const names: string[] = [];
  let aliasNext = false;
  for (const c of children(stmt)) {
    if (c.type === 'as') {
      aliasNext = true;
      continue;
    }
    if (c.type !== 'identifier') continue;
    if (aliasNext && stmt.type === 'import_functionality' && names.length > 0) {
      names[names.length - 1] = c.text; // `b as c` replaces b
    } else {
      names.push(c.text);
    }
    aliasNext = false;
  }
  return names;
}
