import { describe, expect, it } from 'vitest';
import { quote, toBicepLiteral } from './bicep-literal.js';
import { outline } from './test-support/bicep-outline.js';

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
    expect(toBicepLiteral({ name: 'general', zones: ['1', '2'], labels: { 'kit.example/class': 'x' }, min: 0, on: true, none: null, empty: [], blank: {} })).toBe(
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

  it('GIVEN any value WHEN written and read back THEN it is the same value', () => {
    const value = { a: ["it's", 'x${y}', 'back\\slash'], 'odd-key': { n: 42 }, t: false };
    const read = outline(`param p = ${toBicepLiteral(value)}\n`).assignments.get('p');
    expect(read).toEqual(value);
  });

  it('GIVEN a fraction WHEN written THEN it is refused (Bicep parameters have no floats)', () => {
    expect(() => toBicepLiteral(0.9995)).toThrow(/no literal for the number 0.9995/);
  });
});
