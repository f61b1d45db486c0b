// "What would this deployment create?": evaluates main.bicep with the values of main.bicepparam,
// follows the modules with the parameters main passes them, and expands loops and conditions, so
// that tests can assert the resources themselves (e.g. three agentPools resources, zones 1-3).
// What only Azure knows at deployment time (resource IDs, outputs, secrets) stays symbolic.
import { posix } from 'node:path';
import { parseExpression, type Node } from './bicep-expression.js';
import { isCall, isExpr, isLoop, outline, type Outline, type Value } from './bicep-outline.js';

/** A reference into a resource or module of the deployment, e.g. `routeTable.id`. */
export interface Ref {
  readonly $ref: string;
}
/** A value only known at deployment time (or not modelled here), with its source text. */
export interface Unknown {
  readonly $expr: string;
}
export type Val = string | number | boolean | null | Ref | Unknown | Val[] | { [key: string]: Val };

export interface ResourceInstance {
  /** File the resource is declared in, e.g. `modules/aks.bicep`. */
  readonly file: string;
  /** Module symbols from main down to this file, e.g. `aks`. Empty for main.bicep. */
  readonly module: string;
  readonly symbol: string;
  /** Full type; nested child declarations get their parent's type prefixed. */
  readonly type: string;
  readonly apiVersion: string | undefined;
  readonly existing: boolean;
  /** Decorator names, e.g. `batchSize`. */
  readonly decorators: readonly string[];
  /** Set when the resource is one item of a loop. */
  readonly index: number | undefined;
  readonly body: { readonly [key: string]: Val };
}

export interface ModuleInstance {
  readonly file: string;
  readonly symbol: string;
  readonly path: string;
  readonly params: { readonly [key: string]: Val };
  readonly body: { readonly [key: string]: Val };
}

export interface Deployment {
  /** The values of main.bicepparam. */
  readonly parameters: ReadonlyMap<string, Val>;
  readonly resources: readonly ResourceInstance[];
  readonly modules: readonly ModuleInstance[];
  readonly outputs: ReadonlyMap<string, Val>;
}

const isRef = (v: Val | undefined): v is Ref => typeof v === 'object' && v !== null && !Array.isArray(v) && '$ref' in v;
const isUnknown = (v: Val | undefined): v is Unknown => typeof v === 'object' && v !== null && !Array.isArray(v) && '$expr' in v;
const isOpaque = (v: Val | undefined) => isRef(v) || isUnknown(v);
const isPlainObject = (v: Val | undefined): v is { [key: string]: Val } => typeof v === 'object' && v !== null && !Array.isArray(v) && !isOpaque(v);

type Lambda = (args: Val[]) => Val;

interface Scope {
  readonly file: Outline;
  readonly params: ReadonlyMap<string, Val>;
  readonly locals: ReadonlyMap<string, Val | Lambda>;
  readonly varCache: Map<string, Val>;
}

/** Evaluates main.bicep of a rendered landing zone with its main.bicepparam. */
export function deploy(files: ReadonlyMap<string, string>, entry = 'main.bicep', paramFile = 'main.bicepparam'): Deployment {
  const read = (path: string) => {
    const text = files.get(path);
    if (text === undefined) throw new Error(`no file ${path} in the rendered output`);
    return outline(text);
  };
  const paramValues = new Map<string, Val>();
  const empty: Scope = { file: read(paramFile), params: new Map(), locals: new Map(), varCache: new Map() };
  for (const [name, value] of read(paramFile).assignments) paramValues.set(name, evalValue(value, empty));

  const resources: ResourceInstance[] = [];
  const modules: ModuleInstance[] = [];
  const outputs = new Map<string, Val>();

  const visit = (path: string, given: ReadonlyMap<string, Val>, chain: string) => {
    const file = read(path);
    const params = new Map<string, Val>();
    const scope: Scope = { file, params, locals: new Map(), varCache: new Map() };
    for (const p of file.params) {
      if (given.has(p.name)) params.set(p.name, given.get(p.name)!);
      else if (p.defaultValue !== undefined) params.set(p.name, evalValue(p.defaultValue, scope));
      else throw new Error(`${path}: no value for required parameter '${p.name}'`);
    }
    for (const name of given.keys()) {
      if (!file.params.some((p) => p.name === name)) throw new Error(`${path}: unknown parameter '${name}'`);
    }
    for (const r of file.resources) {
      for (const [index, locals] of expand(r.loop, scope)) {
        const local: Scope = { ...scope, locals };
        if (!included(r.condition, local)) continue;
        const body = evalObject(r.body, local);
        resources.push({
          file: path,
          module: chain,
          symbol: r.symbol,
          type: r.type,
          apiVersion: r.apiVersion,
          existing: r.existing,
          decorators: r.decorators.map((d) => d.name),
          index,
          body,
        });
        for (const n of r.nested) {
          resources.push({
            file: path,
            module: chain,
            symbol: `${r.symbol}::${n.symbol}`,
            type: n.type.includes('/') ? n.type : `${r.type}/${n.type}`,
            apiVersion: n.apiVersion ?? r.apiVersion,
            existing: n.existing,
            decorators: n.decorators.map((d) => d.name),
            index: undefined,
            body: evalObject(n.body, local),
          });
        }
      }
    }
    for (const m of file.modules) {
      for (const [, locals] of expand(m.loop, scope)) {
        const local: Scope = { ...scope, locals };
        if (!included(m.condition, local)) continue;
        const body = evalObject(m.body, local);
        const moduleParams = isPlainObject(body.params) ? body.params : {};
        const target = posix.normalize(posix.join(posix.dirname(path), m.path));
        modules.push({ file: path, symbol: m.symbol, path: target, params: moduleParams, body });
        visit(target, new Map(Object.entries(moduleParams)), chain ? `${chain}/${m.symbol}` : m.symbol);
      }
    }
    if (path === entry) for (const [name, o] of file.outputs) outputs.set(name, evalValue(o.value, scope));
  };
  visit(entry, paramValues, '');
  return { parameters: paramValues, resources, modules, outputs };
}

/** Loop items as [index, locals]; a declaration without a loop is one item with no index. */
function expand(loop: string | undefined, scope: Scope): Array<[number | undefined, ReadonlyMap<string, Val | Lambda>]> {
  if (!loop) return [[undefined, scope.locals]];
  const m = /^\(?\s*([A-Za-z_]\w*)\s*(?:,\s*([A-Za-z_]\w*)\s*)?\)?\s+in\s+([\s\S]+)$/.exec(loop);
  if (!m) throw new Error(`unsupported loop header: ${loop}`);
  const items = evalNode(parseExpression(m[3]!), scope);
  if (!Array.isArray(items)) throw new Error(`loop over a value only known at deployment: ${loop}`);
  return items.map((item, i) => {
    const locals = new Map(scope.locals);
    locals.set(m[1]!, item);
    if (m[2]) locals.set(m[2], i);
    return [i, locals];
  });
}

function included(condition: string | undefined, scope: Scope): boolean {
  if (condition === undefined) return true;
  const value = evalNode(parseExpression(condition), scope);
  if (typeof value !== 'boolean') throw new Error(`condition only known at deployment: ${condition}`);
  return value;
}

function evalObject(body: { [key: string]: Value }, scope: Scope): { [key: string]: Val } {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [evalKey(k, scope), evalValue(v, scope)]));
}

/** An interpolated key (`'${x}': ...`) evaluated; a reference shows as its text, e.g. `identities.outputs.id`. */
function evalKey(key: string, scope: Scope): string {
  if (!key.includes('${')) return key;
  const node = parseExpression(`'${key.replace(/'/g, "\\'")}'`);
  const parts = node.kind === 'template' ? node.parts : [key];
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const v = evalNode(p, scope);
      return isRef(v) ? v.$ref : isUnknown(v) ? v.$expr : String(v);
    })
    .join('');
}

function evalValue(value: Value, scope: Scope): Val {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => evalValue(v, scope));
  if (isExpr(value)) return evalNode(parseExpression(value.$expr), scope);
  if (isLoop(value)) {
    return expand(value.$for, scope).map(([, locals]) => evalValue(value.body, { ...scope, locals }));
  }
  if (isCall(value)) {
    const args = value.args.map((a) => evalValue(a, scope));
    return callBuiltin(value.$call, args, `${value.$call}(...)`);
  }
  return evalObject(value, scope);
}

function lookup(name: string, scope: Scope): Val | Lambda {
  if (scope.locals.has(name)) return scope.locals.get(name)!;
  if (scope.params.has(name)) return scope.params.get(name)!;
  if (scope.varCache.has(name)) return scope.varCache.get(name)!;
  const v = scope.file.vars.get(name);
  if (v !== undefined) {
    const value = evalValue(v, { ...scope, locals: new Map() });
    scope.varCache.set(name, value);
    return value;
  }
  if (scope.file.resources.some((r) => r.symbol === name) || scope.file.modules.some((m) => m.symbol === name)) return { $ref: name };
  return { $expr: name };
}

function evalNode(node: Node, scope: Scope): Val {
  const v = evalAny(node, scope);
  return typeof v === 'function' ? { $expr: node.text } : v;
}

function evalAny(node: Node, scope: Scope): Val | Lambda {
  const unknown: Unknown = { $expr: node.text };
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'template': {
      const parts = node.parts.map((p) => (typeof p === 'string' ? p : evalNode(p, scope)));
      if (parts.some((p) => typeof p === 'object' && p !== null)) return unknown;
      return parts.map((p) => String(p)).join('');
    }
    case 'ident':
      return lookup(node.name, scope);
    case 'member': {
      const object = evalNode(node.object, scope);
      if (isRef(object)) return { $ref: `${object.$ref}.${node.name}` };
      if (isPlainObject(object)) return node.name in object ? object[node.name]! : node.safe ? null : unknown;
      if (object === null && node.safe) return null;
      return unknown;
    }
    case 'index': {
      const object = evalNode(node.object, scope);
      const index = evalNode(node.index, scope);
      if (isRef(object) && (typeof index === 'number' || typeof index === 'string')) return { $ref: `${object.$ref}[${index}]` };
      if (Array.isArray(object) && typeof index === 'number') return object[index] ?? (node.safe ? null : unknown);
      if (isPlainObject(object) && typeof index === 'string') return index in object ? object[index]! : node.safe ? null : unknown;
      return unknown;
    }
    case 'call': {
      if (node.callee.kind !== 'ident') return unknown; // e.g. vault.getSecret(...): only known to Azure
      const fn = lookup(node.callee.name, scope);
      const args = node.args.map((a) => evalAny(a, scope));
      if (typeof fn === 'function') return fn(args.map((a) => (typeof a === 'function' ? unknown : a)));
      return callBuiltin(node.callee.name, args, node.text);
    }
    case 'unary': {
      const operand = evalNode(node.operand, scope);
      if (node.op === '!' && typeof operand === 'boolean') return !operand;
      if (node.op === '-' && typeof operand === 'number') return -operand;
      return unknown;
    }
    case 'nonNull':
      return evalAny(node.operand, scope);
    case 'binary': {
      const left = evalNode(node.left, scope);
      if (node.op === '??') return left === null ? evalNode(node.right, scope) : isUnknown(left) ? unknown : left;
      if (node.op === '&&' && left === false) return false;
      if (node.op === '||' && left === true) return true;
      const right = evalNode(node.right, scope);
      if (isOpaque(left) || isOpaque(right)) return unknown;
      switch (node.op) {
        case '==':
          return JSON.stringify(left) === JSON.stringify(right);
        case '!=':
          return JSON.stringify(left) !== JSON.stringify(right);
        case '&&':
        case '||':
          return typeof right === 'boolean' ? right : unknown;
        case '+':
          return typeof left === 'number' && typeof right === 'number' ? left + right : unknown;
        default:
          return unknown;
      }
    }
    case 'ternary': {
      const test = evalNode(node.test, scope);
      if (test === true) return evalAny(node.then, scope);
      if (test === false) return evalAny(node.otherwise, scope);
      return unknown;
    }
    case 'array':
      return node.items.map((i) => evalNode(i, scope));
    case 'object':
      return Object.fromEntries(node.props.map(([k, v]) => [k, evalNode(v, scope)]));
    case 'lambda':
      return (args: Val[]) => {
        const locals = new Map(scope.locals);
        node.params.forEach((p, i) => locals.set(p, args[i] ?? null));
        return evalNode(node.body, { ...scope, locals });
      };
  }
}

function callBuiltin(name: string, args: Array<Val | Lambda>, text: string): Val {
  const unknown: Unknown = { $expr: text };
  const values = args as Val[];
  const known = values.every((a) => !isUnknown(a) && typeof a !== 'function');
  switch (name) {
    case 'empty': {
      const [v] = values;
      if (isRef(v)) return false; // a reference to a resource's ID or name is never empty
      if (!known) return unknown;
      return v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0);
    }
    case 'concat':
      if (!known) return unknown;
      if (values.every(Array.isArray)) return (values as Val[][]).flat(1);
      if (values.every((v) => typeof v === 'string')) return values.join('');
      return unknown;
    case 'union': {
      if (!known) return unknown;
      if (values.every(Array.isArray)) {
        const seen = new Map<string, Val>();
        for (const v of (values as Val[][]).flat(1)) seen.set(JSON.stringify(v), v);
        return [...seen.values()];
      }
      if (values.every(isPlainObject)) return Object.assign({}, ...values);
      return unknown;
    }
    case 'contains': {
      const [container, item] = values;
      if (!known) return unknown;
      if (Array.isArray(container)) return container.some((c) => JSON.stringify(c) === JSON.stringify(item));
      if (typeof container === 'string' && typeof item === 'string') return container.includes(item);
      if (isPlainObject(container) && typeof item === 'string') return item in container;
      return unknown;
    }
    case 'length': {
      const [v] = values;
      if (Array.isArray(v) || typeof v === 'string') return v.length;
      if (isPlainObject(v)) return Object.keys(v).length;
      return unknown;
    }
    case 'split': {
      const [s, sep] = values;
      return typeof s === 'string' && typeof sep === 'string' ? s.split(sep) : unknown;
    }
    case 'last':
    case 'first': {
      const [v] = values;
      if (!Array.isArray(v)) return unknown;
      return (name === 'last' ? v[v.length - 1] : v[0]) ?? null;
    }
    case 'map': {
      const [array, fn] = args;
      return Array.isArray(array) && typeof fn === 'function' ? array.map((item) => fn([item])) : unknown;
    }
    case 'range': {
      const [start, count] = values;
      return typeof start === 'number' && typeof count === 'number' ? Array.from({ length: count }, (_, i) => start + i) : unknown;
    }
    default:
      // resourceGroup(), guid(), subscriptionResourceId(), ...: only Azure knows the result; keep
      // the call with its arguments evaluated, e.g. subscriptionResourceId('...', '<role GUID>').
      return { $expr: `${name}(${values.map(describe).join(', ')})` };
  }
}

function describe(v: Val | Lambda): string {
  if (typeof v === 'function') return '<lambda>';
  if (typeof v === 'string') return `'${v}'`;
  if (isRef(v)) return v.$ref;
  if (isUnknown(v)) return v.$expr;
  return JSON.stringify(v);
}
