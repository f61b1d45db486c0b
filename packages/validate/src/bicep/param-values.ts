// Shared rules for params declared in a .bicep file: which ones must be given,
// and whether a literal value passed to one fits its declared type.
import type { BicepFileModel, BicepValue, ParamDecl } from './model.js';
import { decodeStringLiteral } from './strings.js';

/** A param must be given when it has no default and its type is not nullable (directly or via a type alias). */
export function isRequiredParam(p: ParamDecl, model: BicepFileModel): boolean {
  if (p.defaultValue || p.nullable) return false;
  const alias = model.types.get(p.typeText.trim());
  return !(alias !== undefined && /\?\s*$/.test(alias));
}

function literalOf(v: BicepValue): string | number | boolean | undefined {
  return v.kind === 'string' || v.kind === 'int' || v.kind === 'bool' ? v.value : undefined;
}

function show(v: string | number | boolean): string {
  return typeof v === 'string' ? `'${v}'` : String(v);
}

/** Literal members of a union type written inline, e.g. `'Free' | 'Standard'`. */
function unionLiterals(typeText: string): Array<string | number | boolean> | undefined {
  const parts = typeText.split('|').map((s) => s.trim());
  if (parts.length < 2) return undefined;
  const out: Array<string | number | boolean> = [];
  for (const part of parts) {
    if (/^'.*'$/s.test(part)) out.push(decodeStringLiteral(part) ?? part);
    else if (/^-?\d+$/.test(part)) out.push(Number(part));
    else if (part === 'true' || part === 'false') out.push(part === 'true');
    else return undefined; // mixed with non-literal types: too complex to judge
  }
  return out;
}

const PRIMITIVE_KINDS: Record<string, string[]> = {
  string: ['string', 'interpolated'],
  securestring: ['string', 'interpolated'],
  int: ['int'],
  bool: ['bool'],
  object: ['object'],
  secureobject: ['object'],
  array: ['array', 'for'],
};

/** Problems with passing `value` to param `p`; empty when it fits or cannot be judged offline. */
export function paramValueProblems(p: ParamDecl, value: BicepValue): string[] {
  if (value.kind === 'expr' || value.kind === 'ternary' || value.kind === 'null') return [];
  const problems: string[] = [];
  const typeText = p.typeText.replace(/\?\s*$/, '').trim();
  const kinds = /\[\]$/.test(typeText) ? PRIMITIVE_KINDS.array : PRIMITIVE_KINDS[typeText.toLowerCase()];
  if (kinds && !kinds.includes(value.kind)) {
    const got = value.kind === 'interpolated' ? 'string' : value.kind === 'for' ? 'array' : value.kind;
    problems.push(`expects ${typeText} but got ${got}`);
  }
  const literal = literalOf(value);
  if (literal === undefined) return problems;
  const union = unionLiterals(typeText);
  if (union && !union.includes(literal)) {
    problems.push(`value ${show(literal)} is not one of ${union.map(show).join(', ')}`);
  }
  const allowedArg = p.decorators.find((d) => d.name === 'allowed')?.args[0];
  if (allowedArg?.kind === 'array') {
    const allowed = allowedArg.items.map(literalOf);
    if (allowed.every((a) => a !== undefined) && !allowed.includes(literal)) {
      problems.push(`value ${show(literal)} is not in @allowed(${allowed.map((a) => show(a!)).join(', ')})`);
    }
  }
  return problems;
}
