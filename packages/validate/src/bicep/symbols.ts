// Scope check over the syntax tree: every identifier used as a value must be a
// declared symbol, a loop/lambda/function parameter, or a built-in. Catches
// typos such as `vnett.id`. Not a full compiler: types are not resolved.
import { BUILTIN_NAMESPACES, isBuiltinFunction } from './builtins.js';
import { extractFile, importedSymbols } from './extract.js';
import type { RawFinding } from './findings.js';
import { children, namedChildren, spanOf, type Node } from './parser.js';
import { didYouMean } from './suggest.js';

/** Subtrees that hold types, not values; identifiers there name types. */
const TYPE_NODES = new Set([
  'type',
  'union_type',
  'array_type',
  'nullable_type',
  'parameterized_type',
  'primitive_type',
  'parenthesized_type',
  'negated_type',
  'type_arguments',
  'type_declaration',
]);

const SKIP_NODES = new Set([
  'ERROR',
  'import_statement',
  'import_with_statement',
  'import_functionality',
  'using_statement',
  'target_scope_assignment',
  'comment',
  'diagnostic_comment',
]);

type Scope = ReadonlyArray<ReadonlySet<string>>;

export function checkSymbols(root: Node): RawFinding[] {
  const out: RawFinding[] = [];
  const { globals, callables } = declaredSymbols(root, out);

  const known = (name: string, scope: Scope) => globals.has(name) || scope.some((s) => s.has(name));
  const report = (node: Node, what: string, scope: Scope) => {
    const candidates = [...globals, ...scope.flatMap((s) => [...s])];
    out.push({
      ...spanOf(node),
      message: `${what} '${node.text}' is not declared${didYouMean(node.text, candidates)}`,
      rule: 'bicep-symbol',
    });
  };

  const visit = (node: Node, scope: Scope): void => {
    if (TYPE_NODES.has(node.type) || SKIP_NODES.has(node.type)) return;
    switch (node.type) {
      case 'identifier':
        if (!known(node.text, scope) && !BUILTIN_NAMESPACES.has(node.text)) report(node, 'symbol', scope);
        return;
      case 'parameter_declaration':
      case 'variable_declaration':
      case 'output_declaration':
      case 'metadata_declaration':
      case 'module_declaration':
      case 'assert_statement':
        // The first identifier is the declared name; the value follows `=`.
        return visitAfterEquals(node, scope);
      case 'resource_declaration':
        return visitAfterEquals(node, [...scope, nestedResourceSymbols(node)]);
      case 'user_defined_function': {
        const params = node.childForFieldName('name') ? namedChildren(node).find((c) => c.type === 'parameters') : undefined;
        const names = new Set(params ? namedChildren(params).map((p) => namedChildren(p)[0]?.text ?? '') : []);
        const body = namedChildren(node).at(-1);
        if (body && body.type !== 'type') visit(body, [...scope, names]);
        return;
      }
      case 'decorator': {
        // Decorator names are built in; only their arguments are values.
        const call = namedChildren(node).find((c) => c.type === 'call_expression');
        const args = call?.childForFieldName('arguments');
        if (args) visit(args, scope);
        return;
      }
      case 'object_property': {
        const parts = namedChildren(node);
        const first = parts[0];
        if (first?.type === 'resource_declaration') return visit(first, scope);
        // An identifier key is a name, not a reference; string keys may interpolate.
        for (const part of parts.slice(first?.type === 'string' ? 0 : 1)) visit(part, scope);
        return;
      }
      case 'member_expression':
      case 'resource_expression': {
        const obj = node.childForFieldName('object');
        if (obj) visit(obj, scope);
        return;
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        if (fn?.type === 'identifier') {
          if (!callables.has(fn.text) && !isBuiltinFunction(fn.text) && !known(fn.text, scope)) {
            report(fn, 'function', scope);
          }
        } else if (fn) {
          visit(fn, scope);
        }
        const args = node.childForFieldName('arguments');
        if (args) visit(args, scope);
        return;
      }
      case 'lambda_expression': {
        const [params, ...rest] = namedChildren(node);
        const names = new Set(
          params?.type === 'identifier' ? [params.text] : params ? namedChildren(params).map((c) => c.text) : [],
        );
        for (const r of rest) visit(r, [...scope, names]);
        return;
      }
      case 'for_statement':
        return visitFor(node, scope);
      default:
        for (const c of namedChildren(node)) visit(c, scope);
    }
  };

  const visitAfterEquals = (node: Node, scope: Scope) => {
    let afterEq = false;
    for (const c of children(node)) {
      if (c.type === '=') afterEq = true;
      else if (afterEq && c.isNamed) visit(c, scope);
    }
  };

  const visitFor = (node: Node, scope: Scope) => {
    const locals = new Set<string>();
    const init = node.childForFieldName('initializer');
    if (init) locals.add(init.text);
    const body = node.childForFieldName('body');
    for (const c of namedChildren(node)) {
      if (c.type === 'for_loop_parameters') {
        for (const v of namedChildren(c)) locals.add(v.text);
      } else if (c.id !== init?.id && c.id !== body?.id) {
        visit(c, scope); // the collection is evaluated outside the loop scope
      }
    }
    if (body) visit(body, [...scope, locals]);
  };

  for (const stmt of namedChildren(root)) visit(stmt, []);
  return out;
}

/** Top-level symbols; duplicates are reported as they are found. */
function declaredSymbols(root: Node, out: RawFinding[]): { globals: Set<string>; callables: Set<string> } {
  const model = extractFile(root);
  const globals = new Set<string>();
  const add = (name: string, node: Node | undefined) => {
    if (!name) return;
    if (globals.has(name) && node) {
      out.push({ ...spanOf(node), message: `symbol '${name}' is declared more than once`, rule: 'bicep-symbol' });
    }
    globals.add(name);
  };
  for (const stmt of namedChildren(root)) {
    const nameNode =
      stmt.type === 'user_defined_function'
        ? (stmt.childForFieldName('name') ?? undefined)
        : namedChildren(stmt).find((c) => c.type === 'identifier');
    switch (stmt.type) {
      case 'parameter_declaration':
      case 'variable_declaration':
      case 'resource_declaration':
      case 'module_declaration':
      case 'type_declaration':
      case 'user_defined_function':
        add(nameNode?.text ?? '', nameNode);
        break;
      case 'import_functionality':
      case 'import_statement':
      case 'import_with_statement':
        for (const n of importedSymbols(stmt)) add(n, stmt);
        break;
      default:
        break;
    }
  }
  return { globals, callables: new Set([...model.funcs, ...model.imports]) };
}

/** Nested `resource child '...'` declarations are visible by name inside their parent's body. */
function nestedResourceSymbols(resource: Node): Set<string> {
  const names = new Set<string>();
  const walk = (n: Node) => {
    for (const c of namedChildren(n)) {
      if (c.type === 'resource_declaration') {
        const id = namedChildren(c).find((x) => x.type === 'identifier');
        if (id) names.add(id.text);
      } else if (c.type === 'object' || c.type === 'object_property' || c.type === 'if_statement' || c.type === 'for_statement') {
        walk(c);
      }
    }
  };
  for (const c of namedChildren(resource)) if (c.type !== 'identifier' && c.type !== 'string') walk(c);
  return names;
}
