// Checks literal resource bodies against bicep-types data: property names,
// read-only properties, required properties, literal types and closed enums.
// Non-literal values (params, vars, calls, references, interpolation) are
// accepted; only the names of the properties they are assigned to are checked.
import type { RawFinding } from './findings.js';
import type { BicepProperty, BicepValue } from './model.js';
import { closest, didYouMean } from './suggest.js';
import {
  FLAG_READ_ONLY,
  FLAG_REQUIRED,
  type BicepType,
  type TypeHandle,
  type TypeProperty,
} from './type-data.js';

export interface ObjectCheckOptions {
  /** Bicep keywords valid in this object but absent from the type data (scope, parent, dependsOn). */
  extraKeys?: ReadonlySet<string>;
  /** `existing` resources only name the resource; required properties do not apply. */
  skipRequired?: boolean;
}

type Out = RawFinding[];

const RESOURCE_KEYWORDS = new Set(['scope', 'parent', 'dependsOn']);

/** Checks a resource declaration body (the object after `=`) against its body type. */
export function checkResourceBody(body: BicepValue, bodyType: TypeHandle, existing: boolean): RawFinding[] {
  const out: Out = [];
  checkValue(body, bodyType, '', out, { extraKeys: RESOURCE_KEYWORDS, skipRequired: existing });
  return out;
}

function at(v: { span: { line: number; column: number } }) {
  return { line: v.span.line, column: v.span.column };
}

function joinPath(path: string, key: string): string {
  const seg = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `['${key}']`;
  if (!path) return seg.startsWith('[') ? seg : seg;
  return seg.startsWith('[') ? `${path}${seg}` : `${path}.${seg}`;
}

function valueKind(v: BicepValue): string {
  switch (v.kind) {
    case 'interpolated':
      return 'string';
    case 'for':
      return 'array';
    default:
      return v.kind;
  }
}

function showValue(v: BicepValue): string {
  if (v.kind === 'string') return `string '${v.value}'`;
  if (v.kind === 'int' || v.kind === 'bool') return `${v.kind} ${v.value}`;
  return valueKind(v);
}

export function describeType(t: TypeHandle, depth = 0): string {
  const ty = t.type;
  switch (ty.$type) {
    case 'StringType':
      return 'string';
    case 'StringLiteralType':
      return `'${ty.value}'`;
    case 'IntegerType':
      return 'int';
    case 'BooleanType':
      return 'bool';
    case 'AnyType':
      return 'any';
    case 'NullType':
      return 'null';
    case 'ArrayType':
      return depth > 1 ? 'array' : `${describeType(t.file.resolve(ty.itemType), depth + 1)}[]`;
    case 'ObjectType':
    case 'DiscriminatedObjectType':
      return `object (${ty.name})`;
    case 'UnionType':
      return ty.elements.map((e) => describeType(t.file.resolve(e), depth + 1)).join(' | ');
    default:
      return ty.$type;
  }
}

function mismatch(v: BicepValue, t: TypeHandle, path: string, out: Out): void {
  out.push({ ...at(v), path, message: `expected ${describeType(t)} but got ${showValue(v)}`, rule: 'bicep-type' });
}

/** Values whose type cannot be known offline are accepted everywhere. */
function isOpaque(v: BicepValue): boolean {
  return v.kind === 'expr' || v.kind === 'null';
}

export function checkValue(v: BicepValue, t: TypeHandle, path: string, out: Out, opts: ObjectCheckOptions = {}): void {
  if (isOpaque(v)) return;
  if (v.kind === 'ternary') {
    // Either branch may be chosen, so each must fit.
    for (const b of v.branches) checkValue(b, t, path, out, opts);
    return;
  }
  const ty = t.type;
  switch (ty.$type) {
    case 'AnyType':
    case 'ResourceFunctionType':
    case 'ResourceType':
      return;
    case 'UnionType':
      return checkUnion(v, t, ty.elements.map((e) => t.file.resolve(e)), path, out, opts);
    case 'StringLiteralType':
      if (v.kind === 'interpolated') return;
      if (v.kind !== 'string') return mismatch(v, t, path, out);
      if (v.value !== ty.value) {
        out.push({ ...at(v), path, message: `expected '${ty.value}' but got '${v.value}'`, rule: 'bicep-type' });
      }
      return;
    case 'StringType':
      if (v.kind === 'interpolated') return;
      if (v.kind !== 'string') return mismatch(v, t, path, out);
      return checkStringConstraints(v, ty, path, out);
    case 'IntegerType':
      if (v.kind !== 'int') return mismatch(v, t, path, out);
      if (ty.minValue !== undefined && v.value < ty.minValue) {
        out.push({ ...at(v), path, message: `value ${v.value} is below the minimum ${ty.minValue}`, rule: 'bicep-type' });
      }
      if (ty.maxValue !== undefined && v.value > ty.maxValue) {
        out.push({ ...at(v), path, message: `value ${v.value} is above the maximum ${ty.maxValue}`, rule: 'bicep-type' });
      }
      return;
    case 'BooleanType':
      if (v.kind !== 'bool') mismatch(v, t, path, out);
      return;
    case 'NullType':
      return mismatch(v, t, path, out);
    case 'ArrayType':
      return checkArray(v, t, ty, path, out);
    case 'ObjectType':
    case 'DiscriminatedObjectType':
      if (v.kind !== 'object') return mismatch(v, t, path, out);
      return checkObject(v, t, path, out, opts);
    default:
      return; // unknown future $type: accept rather than guess
  }
}

function checkStringConstraints(
  v: Extract<BicepValue, { kind: 'string' }>,
  ty: Extract<BicepType, { $type: 'StringType' }>,
  path: string,
  out: Out,
): void {
  if (ty.minLength !== undefined && v.value.length < ty.minLength) {
    out.push({ ...at(v), path, message: `'${v.value}' is shorter than the minimum length ${ty.minLength}`, rule: 'bicep-type' });
  }
  if (ty.maxLength !== undefined && v.value.length > ty.maxLength) {
    out.push({ ...at(v), path, message: `'${v.value}' is longer than the maximum length ${ty.maxLength}`, rule: 'bicep-type' });
  }
  if (ty.pattern !== undefined) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(ty.pattern);
    } catch {
      re = undefined; // a .NET-only construct: skip rather than report noise
    }
    if (re && !re.test(v.value)) {
      out.push({ ...at(v), path, message: `'${v.value}' does not match the pattern ${ty.pattern}`, rule: 'bicep-type' });
    }
  }
}

function checkArray(
  v: BicepValue,
  t: TypeHandle,
  ty: Extract<BicepType, { $type: 'ArrayType' }>,
  path: string,
  out: Out,
): void {
  const item = t.file.resolve(ty.itemType);
  if (v.kind === 'for') return checkValue(v.body, item, `${path}[*]`, out);
  if (v.kind !== 'array') return mismatch(v, t, path, out);
  v.items.forEach((it, i) => checkValue(it, item, `${path}[${i}]`, out));
  if (ty.minLength !== undefined && v.items.length < ty.minLength) {
    out.push({ ...at(v), path, message: `array has ${v.items.length} items, minimum is ${ty.minLength}`, rule: 'bicep-type' });
  }
  if (ty.maxLength !== undefined && v.items.length > ty.maxLength) {
    out.push({ ...at(v), path, message: `array has ${v.items.length} items, maximum is ${ty.maxLength}`, rule: 'bicep-type' });
  }
}

/**
 * Unions in bicep-types are mostly enums: string literals, often plus a plain
 * StringType which makes the enum open (any string is accepted).
 */
function checkUnion(v: BicepValue, t: TypeHandle, members: TypeHandle[], path: string, out: Out, opts: ObjectCheckOptions): void {
  if (members.some((m) => m.type.$type === 'AnyType')) return;
  const kind = valueKind(v);
  if (kind === 'string') {
    const literals = members.flatMap((m) => (m.type.$type === 'StringLiteralType' ? [m.type.value] : []));
    const open = members.find((m) => m.type.$type === 'StringType');
    if (v.kind === 'interpolated') {
      if (!open && literals.length === 0) mismatch(v, t, path, out);
      return;
    }
    if (v.kind !== 'string') return;
    if (literals.includes(v.value)) return;
    if (open) return checkValue(v, open, path, out);
    if (literals.length === 0) return mismatch(v, t, path, out);
    const hint = didYouMean(v.value, literals);
    out.push({
      ...at(v),
      path,
      message: `value '${v.value}' is not allowed; allowed values: ${literals.map((l) => `'${l}'`).join(', ')}${hint}`,
      rule: 'bicep-type',
    });
    return;
  }
  const wanted: Record<string, BicepType['$type'][]> = {
    int: ['IntegerType'],
    bool: ['BooleanType'],
    object: ['ObjectType', 'DiscriminatedObjectType'],
    array: ['ArrayType'],
  };
  const candidates = members.filter((m) => (wanted[kind] ?? []).includes(m.type.$type));
  if (candidates.length === 0) return mismatch(v, t, path, out);
  // Pick the member the value fits best; report that member's findings.
  let best: Out | undefined;
  for (const m of candidates) {
    const trial: Out = [];
    checkValue(v, m, path, trial, opts);
    if (trial.length === 0) return;
    if (!best || trial.length < best.length) best = trial;
  }
  out.push(...(best ?? []));
}

interface ObjectShape {
  name: string;
  props: Record<string, TypeProperty>;
  additional: TypeHandle | undefined;
  file: TypeHandle['file'];
  /** The discriminator property, already checked while choosing the variant. */
  discriminator?: string;
}

/** Flattens ObjectType / DiscriminatedObjectType (by its literal discriminator) into one property map. */
function objectShape(
  v: Extract<BicepValue, { kind: 'object' }>,
  t: TypeHandle,
  path: string,
  out: Out,
): ObjectShape {
  const ty = t.type;
  if (ty.$type === 'ObjectType') {
    return {
      name: ty.name,
      props: ty.properties ?? {},
      additional: ty.additionalProperties ? t.file.resolve(ty.additionalProperties) : undefined,
      file: t.file,
    };
  }
  if (ty.$type !== 'DiscriminatedObjectType') throw new Error(`not an object type: ${ty.$type}`);
  const base = ty.baseProperties ?? {};
  const choices = Object.keys(ty.elements);
  const common = { additional: undefined, file: t.file, discriminator: ty.discriminator };
  const disc = v.props.find((p) => p.keyIsLiteral && p.key === ty.discriminator);
  const merged = (keys: string[]) => {
    const props: Record<string, TypeProperty> = { ...base };
    for (const k of keys) {
      const el = t.file.resolve(ty.elements[k]!).type;
      if (el.$type === 'ObjectType') Object.assign(props, el.properties ?? {});
    }
    return props;
  };
  if (!disc) {
    out.push({
      ...at(v),
      path,
      message: `missing discriminator property '${ty.discriminator}' (one of ${choices.map((c) => `'${c}'`).join(', ')})`,
      rule: 'bicep-type',
    });
    return { name: ty.name, props: merged(choices), ...common };
  }
  if (disc.value.kind === 'string') {
    const value = disc.value.value;
    if (ty.elements[value]) return { name: `${ty.name} (${value})`, props: merged([value]), ...common };
    out.push({
      ...at(disc.value),
      path: joinPath(path, disc.key),
      message: `value '${value}' is not allowed; allowed values: ${choices.map((c) => `'${c}'`).join(', ')}${didYouMean(value, choices)}`,
      rule: 'bicep-type',
    });
  }
  // Unknown or non-literal discriminator value: check names against every variant.
  return { name: ty.name, props: merged(choices), ...common };
}

function checkObject(
  v: Extract<BicepValue, { kind: 'object' }>,
  t: TypeHandle,
  path: string,
  out: Out,
  opts: ObjectCheckOptions,
): void {
  const shape = objectShape(v, t, path, out);
  const known = Object.keys(shape.props);
  for (const p of v.props) {
    if (!p.keyIsLiteral || p.key === shape.discriminator) continue;
    checkProperty(p, shape, known, path, out, opts);
  }
  // Required properties only count when every key is literal; an interpolated
  // key might be the missing one.
  if (opts.skipRequired || v.props.some((p) => !p.keyIsLiteral)) return;
  const written = new Set(v.props.map((p) => p.key));
  for (const [name, prop] of Object.entries(shape.props)) {
    if ((prop.flags & FLAG_REQUIRED) === 0 || (prop.flags & FLAG_READ_ONLY) !== 0 || name === shape.discriminator) continue;
    if (!written.has(name)) {
      out.push({ ...at(v), path, message: `missing required property '${name}' of ${shape.name}`, rule: 'bicep-type' });
    }
  }
}

function checkProperty(
  p: BicepProperty,
  shape: ObjectShape,
  known: string[],
  path: string,
  out: Out,
  opts: ObjectCheckOptions,
): void {
  const propPath = joinPath(path, p.key);
  const loc = { line: p.keySpan.line, column: p.keySpan.column };
  const def = Object.prototype.hasOwnProperty.call(shape.props, p.key) ? shape.props[p.key] : undefined;
  if (def) {
    if (def.flags & FLAG_READ_ONLY) {
      out.push({ ...loc, path: propPath, message: `property '${p.key}' of ${shape.name} is read-only and cannot be set`, rule: 'bicep-type' });
      return;
    }
    checkValue(p.value, shape.file.resolve(def.type), propPath, out);
    return;
  }
  if (opts.extraKeys?.has(p.key)) return;
  if (shape.additional) {
    checkValue(p.value, shape.additional, propPath, out);
    return;
  }
  const caseMatch = known.find((k) => k.toLowerCase() === p.key.toLowerCase());
  const writable = known.filter((k) => (shape.props[k]!.flags & FLAG_READ_ONLY) === 0);
  const hint = caseMatch
    ? `; did you mean '${caseMatch}'? (property names are case-sensitive)`
    : closest(p.key, writable)
      ? didYouMean(p.key, writable)
      : `; known properties: ${writable.slice(0, 20).join(', ')}${writable.length > 20 ? ', ...' : ''}`;
  out.push({ ...loc, path: propPath, message: `unknown property '${p.key}' on ${shape.name}${hint}`, rule: 'bicep-type' });
}
