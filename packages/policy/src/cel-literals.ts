/** A CEL string literal for `value`: single-quoted, with backslashes and quotes escaped. */
export function celString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A CEL list literal of strings, in the given order (spec order keeps renders deterministic). */
export function celStringList(values: readonly string[]): string {
  return `[${values.map(celString).join(', ')}]`;
}
