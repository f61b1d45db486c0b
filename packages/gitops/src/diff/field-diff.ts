import type { Change, FieldChange } from './types.js';

type Plain = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || (typeof v !== 'object' && v !== undefined);

/** Deep equality of YAML/JSON values (key order does not matter, list order does). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return false;
}

/**
 * Every leaf that differs between two values. List items that carry a unique `name` (containers,
 * node pools, ports) are matched by it, so inserting one item does not report every later one as
 * changed; lists of scalars are compared whole (the formatter shows them as added/removed members).
 */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (sameValue(before, after)) return [];
  if (before === undefined) return [{ path: path || '(value)', kind: 'added', after }];
  if (after === undefined) return [{ path: path || '(value)', kind: 'removed', before }];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    return keys.flatMap((k) => diffValues(before[k], after[k], joinKey(path, k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const byName = namedItems(before) && namedItems(after);
    if (byName) {
      const old = new Map(before.map((item) => [(item as Plain).name as string, item]));
      const now = new Map(after.map((item) => [(item as Plain).name as string, item]));
      const names = [...old.keys(), ...[...now.keys()].filter((n) => !old.has(n))];
      return names.flatMap((n) => diffValues(old.get(n), now.get(n), `${path}[${n}]`));
    }
    if (before.length === after.length && !(before.every(isScalar) && after.every(isScalar))) {
      return before.flatMap((item, i) => diffValues(item, after[i], `${path}[${i}]`));
    }
  }
  return [{ path: path || '(value)', kind: 'changed', before, after }];
}

function namedItems(list: readonly unknown[]): boolean {
  if (list.length === 0 || !list.every((item) => isPlainObject(item) && typeof item.name === 'string')) return false;
  return new Set(list.map((item) => (item as Plain).name)).size === list.length;
}

/** `a.b`, or `a["kit.aks-hybrid.dev/team"]` when the key would read as a path itself. */
function joinKey(path: string, key: string): string {
  const part = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (!path || part.startsWith('[')) return `${path}${part}`;
  return `${path}.${part}`;
}

/** A value for people: scalars as written, the rest as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * One field change in the reviewer's terms: lists of scalars become members added and removed
 * (`+ 10.20.0.0/16`), anything else old -> new.
 */
export function fieldToChange(field: FieldChange, prefix = ''): Change {
  const path = field.path === '(value)' ? '' : field.path;
  const what = !prefix ? path || '(value)' : !path || path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
  const { before, after } = field;
  if (Array.isArray(before) && Array.isArray(after) && before.every(isScalar) && after.every(isScalar)) {
    const old = new Set(before.map(showValue));
    const now = new Set(after.map(showValue));
    const added = [...now].filter((v) => !old.has(v));
    const removed = [...old].filter((v) => !now.has(v));
    if (added.length + removed.length > 0) return { what, added, removed };
  }
  return {
    what,
    ...(before !== undefined ? { before: showValue(before) } : {}),
    ...(after !== undefined ? { after: showValue(after) } : {}),
  };
}
