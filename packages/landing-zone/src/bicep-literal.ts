/** A value a .bicepparam file can hold as a literal. */
export type BicepValue = string | number | boolean | null | readonly BicepValue[] | { readonly [key: string]: BicepValue };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Writes `value` as Bicep source: single-quoted strings, one array item or object property per line
 * (Bicep separates them by newlines), nested values indented by two spaces.
 */
export function toBicepLiteral(value: BicepValue, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    // Bicep parameters have no floating-point type.
    if (!Number.isSafeInteger(value)) throw new Error(`Bicep has no literal for the number ${value}; use an integer or a string`);
    return String(value);
  }
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${toBicepLiteral(item, inner)}`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${propertyName(key)}: ${toBicepLiteral(item, inner)}`).join('\n')}\n${indent}}`;
}

/** Quotes a property name only when it is not a plain identifier (prefer-unquoted-property-names). */
export function propertyName(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/** A single-quoted Bicep string; `'`, `\` and `${` are escaped so the text is taken literally. */
export function quote(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\$\{/g, '\\${')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

function isArray(value: BicepValue): value is readonly BicepValue[] {
  return Array.isArray(value);
}
