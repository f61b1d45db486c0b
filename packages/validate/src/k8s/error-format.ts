import type { ErrorObject } from 'ajv';

/** A readable problem at a JSON pointer inside the validated object. */
export interface FormattedError {
  readonly path: string;
  readonly message: string;
}

const MAX_ALLOWED_LISTED = 12;

/** RFC 6901 escaping for one pointer segment. */
export const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Short description of a value for "got ..." suffixes. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string': {
      const s = JSON.stringify(v);
      return `string ${s.length > 50 ? `${s.slice(0, 47)}..."` : s}`;
    }
    case 'number':
      return Number.isInteger(v) ? `integer ${v}` : `number ${v}`;
    case 'boolean':
      return `boolean ${v}`;
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Candidates sorted by closeness to `word` (case-insensitive edit distance, then name). */
export function byCloseness(word: string, candidates: Iterable<string>): { name: string; distance: number }[] {
  const w = word.toLowerCase();
  return [...candidates]
    .map((name) => ({ name, distance: editDistance(w, name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
}

/** "did you mean X?" when one candidate is clearly close. */
export function suggestion(word: string, candidates: Iterable<string>): string | undefined {
  const best = byCloseness(word, candidates)[0];
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}

function unknownField(e: ErrorObject): FormattedError {
  const field = String(e.params.additionalProperty);
  const allowed = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
  const path = `${e.instancePath}/${escapePointer(field)}`;
  if (allowed.length === 0) return { path, message: `unknown field "${field}" (this object takes no fields)` };
  const ranked = byCloseness(field, allowed).map((c) => c.name);
  const shown = ranked.slice(0, MAX_ALLOWED_LISTED).join(', ') + (ranked.length > MAX_ALLOWED_LISTED ? ', ...' : '');
  const hint = suggestion(field, allowed);
  return { path, message: `unknown field "${field}"${hint ? `, did you mean "${hint}"?` : ''} (allowed: ${shown})` };
}

function typeList(t: unknown): string {
  const list = Array.isArray(t) ? t : String(t).split(',');
  return list.length <= 2 ? list.join(' or ') : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
}

function duplicateEntry(e: ErrorObject): FormattedError {
  const { listType, keys, index, first, item } = e.params as {
    listType: string;
    keys: string[];
    index: number;
    first: number;
    item: Record<string, unknown>;
  };
  const what =
    listType === 'set'
      ? `duplicate value ${JSON.stringify(item)}`
      : `duplicate entry for key ${keys.map((k) => `${k}=${JSON.stringify(item?.[k] ?? null)}`).join(', ')}`;
  return {
    path: `${e.instancePath}/${index}`,
    message: `${what} (same as item ${first}; list-type ${listType}: server-side apply, which Flux uses, rejects duplicates)`,
  };
}

function formatOne(e: ErrorObject): FormattedError {
  const got = `got ${describeValue(e.data)}`;
  switch (e.keyword) {
    case 'additionalProperties':
      return unknownField(e);
    case 'required':
      return {
        path: `${e.instancePath}/${escapePointer(String(e.params.missingProperty))}`,
        message: `missing required field "${e.params.missingProperty}"`,
      };
    case 'x-kubernetes-int-or-string':
      return { path: e.instancePath, message: `must be integer or string (${got})` };
    case 'type':
      return { path: e.instancePath, message: `must be ${typeList(e.params.type)} (${got})` };
    case 'enum':
      return {
        path: e.instancePath,
        message: `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (${got})`,
      };
    case 'format':
      return {
        path: e.instancePath,
        message: e.params.format === 'int32' ? `must be a 32-bit integer, -2147483648 to 2147483647 (${got})` : `must be a valid ${e.params.format} (${got})`,
      };
    case 'pattern':
      return { path: e.instancePath, message: `must match ${e.params.pattern} (${got})` };
    case 'x-kubernetes-list-type':
      return duplicateEntry(e);
    case 'x-kubernetes-validations':
      return { path: e.instancePath, message: `${e.message} (CRD validation rule: ${e.params.rule})` };
    default:
      return { path: e.instancePath, message: `${e.message ?? e.keyword} (${got})` };
  }
}

/** Is `p` the pointer `base` or inside it? */
const within = (p: string, base: string): boolean => p === base || p.startsWith(`${base}/`);

/** Where an error points once formatted: a missing or unknown field points at the field itself. */
function effectivePath(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escapePointer(String(e.params.additionalProperty))}`;
  if (e.keyword === 'required') return `${e.instancePath}/${escapePointer(String(e.params.missingProperty))}`;
  return e.instancePath;
}

/**
 * ajv reports every failed branch of an anyOf/oneOf plus the anyOf itself. Keep what helps:
 * if some branch got past the type check (anything but a type error at the anyOf's own path),
 * those errors are the real problem; otherwise the branches only disagreed on type, so say
 * "must be A or B" once.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const drop = new Set<number>();
  const extra = new Map<number, ErrorObject>();
  errors.forEach((e, i) => {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') return;
    if (e.keyword === 'oneOf' && e.params.passingSchemas != null) return; // matched several: keep as is
    // Branch errors come right before the anyOf error and sit at or under its path.
    const branch: number[] = [];
    for (let j = i - 1; j >= 0 && !drop.has(j) && within(errors[j]!.instancePath, e.instancePath); j--) branch.push(j);
    if (branch.length === 0) return;
    drop.add(i);
    const typeMismatch = (j: number) => errors[j]!.keyword === 'type' && effectivePath(errors[j]!) === e.instancePath;
    const meaningful = branch.filter((j) => !typeMismatch(j));
    for (const j of branch) if (!meaningful.includes(j)) drop.add(j);
    if (meaningful.length > 0) return;
    const types = branch.flatMap((j) => [errors[j]!.params.type as string | string[]].flat());
    extra.set(i, { ...e, keyword: 'type', params: { type: [...new Set(types)].reverse() } });
  });
  return errors.flatMap((e, i) => (extra.has(i) ? [extra.get(i)!] : drop.has(i) ? [] : [e]));
}

/** ajv errors -> deduplicated, readable path + message pairs, in document order. */
export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined): FormattedError[] {
  if (!errors || errors.length === 0) return [];
  const seen = new Set<string>();
  const out: FormattedError[] = [];
  for (const e of collapseAlternatives([...errors])) {
    const f = formatOne(e);
    const key = `${f.path}\u0000${f.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}
