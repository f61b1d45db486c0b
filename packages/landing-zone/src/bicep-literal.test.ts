import { describe, expect, inject, it } from 'vitest';
import { keyVaultSecret, quote, toBicepLiteral } from './bicep-literal.js';
import { LITERAL_SAMPLE } from './testing/literal-sample.js';

describe('toBicepLiteral', () => {
  it.each([
    ["it's", "'it\\'s'"],
    ['C:\\temp', "'C:\\\\temp'"],
    ['${not.interpolated}', "'\\${not.interpolated}'"],
    ['two\nlines', "'two\\nlines'"],
    ['plain', "'plain'"],
  ])('GIVEN the string %j WHEN written THEN it is quoted and escaped as %s', (input, expected) => {
    expect(quote(input)).toBe(expected);
  });

  it('GIVEN nested values WHEN written THEN each item and property is on its own line, indented, without commas', () => {
    expect(
      toBicepLiteral({ name: 'general', zones: ['1', '2'], labels: { 'kit.example/class': 'x' }, min: 0, on: true, none: null, empty: [], blank: {} }),
    ).toBe(
      [
        '{',
        "  name: 'general'",
        '  zones: [',
        "    '1'",
        "    '2'",
        '  ]',
        '  labels: {',
        "    'kit.example/class': 'x'",
        '  }',
        '  min: 0',
        '  on: true',
        '  none: null',
        '  empty: []',
        '  blank: {}',
        '}',
      ].join('\n'),
    );
  });

  it('GIVEN any value WHEN written and read back by `bicep build-params` THEN it is the same value, and a secret is a Key Vault reference', () => {
    const { parameters, diagnostics } = inject('literalRoundTrip');
    expect(diagnostics.filter((d) => d.level === 'Error')).toEqual([]);
    expect(parameters.sample).toEqual(LITERAL_SAMPLE.value);
    expect(parameters.key).toEqual({
      reference: {
        keyVault: { id: '/subscriptions/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-x' },
        secretName: 'psk',
      },
    });
  });

  it('GIVEN a Key Vault secret WHEN written THEN it is an az.getSecret call, never a value', () => {
    expect(toBicepLiteral(keyVaultSecret({ subscriptionId: 's', resourceGroupName: "r'g", vaultName: 'kv', secretName: 'x' }))).toBe(
      "az.getSecret('s', 'r\\'g', 'kv', 'x')",
    );
  });

  it('GIVEN a fraction WHEN written THEN it is refused (Bicep parameters have no floats)', () => {
    expect(() => toBicepLiteral(0.9995)).toThrow(/no literal for the number 0.9995/);
  });
});
