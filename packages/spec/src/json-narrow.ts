/**
 * Narrowing helpers for JSON of unknown shape (rendered manifests, parsed YAML, API responses): read it as
 * `unknown` and narrow step by step instead of typing it `any`. A missing or wrongly typed step reads as
 * undefined (or empty), as optional chaining on `any` would.
 */

/** A JSON object: not null, not an array. */
export type JsonRecord = { readonly [key: string]: unknown };

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value if it is a JSON object, else an empty one. */
export function asRecord(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

/** The value if it is an array, else an empty one. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value at `path` (object keys), or undefined where a step is missing or not an object. */
export function at(value: unknown, ...path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}
