/**
 * A secret a .bicepparam file passes as a Key Vault reference, `az.getSecret(...)`: ARM reads it at
 * deployment time into a @secure() parameter, so neither the repository nor the deployment history
 * holds it (https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions-parameters-file#getsecret).
 */
export class KeyVaultSecretReference {
  constructor(
    readonly subscriptionId: string,
    readonly resourceGroupName: string,
    readonly vaultName: string,
    readonly secretName: string,
  ) {}
}

export function keyVaultSecret(ref: { subscriptionId: string; resourceGroupName: string; vaultName: string; secretName: string }): KeyVaultSecretReference {
  return new KeyVaultSecretReference(ref.subscriptionId, ref.resourceGroupName, ref.vaultName, ref.secretName);
}

/** A value a .bicepparam file can hold: a literal, or a Key Vault secret reference. */
export type BicepValue = string | number | boolean | null | KeyVaultSecretReference | readonly BicepValue[] | { readonly [key: string]: BicepValue };

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
  if (value instanceof KeyVaultSecretReference) {
    return `az.getSecret(${[value.subscriptionId, value.resourceGroupName, value.vaultName, value.secretName].map(quote).join(', ')})`;
  }
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${toBicepLiteral(item, inner)}`).join('\n')}\n${indent}]`;
  }
  // An absent optional property (undefined) is left out, as Bicep's nullable properties expect.
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${propertyName(key)}: ${toBicepLiteral(item, inner)}`).join('\n')}\n${indent}}`;
}

/** Quotes a property name only when it is not a plain identifier (prefer-unquoted-property-names). */
export function propertyName(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/** A single-quoted Bicep string; `'`, `\` and `${` are escaped so the text is taken literally. */
export function quote(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

function isArray(value: BicepValue): value is readonly BicepValue[] {
  return Array.isArray(value);
}
