import { keyVaultSecret } from '../bicep-literal.js';

/** Values that exercise every escape of toBicepLiteral, read back by the compiler in the global setup. */
export const LITERAL_SAMPLE = {
  value: { a: ["it's", 'x${y}', 'back\\slash', 'two\nlines'], 'odd-key': { n: 42 }, t: false, none: null, empty: [], blank: {} },
  secret: keyVaultSecret({ subscriptionId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', resourceGroupName: 'rg-secrets', vaultName: 'kv-x', secretName: 'psk' }),
};
