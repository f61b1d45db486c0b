import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseYamlDocuments } from './yaml-documents.js';

/** The `yaml` library's values for the same text: the reference reading. */
const reference = (text: string): unknown[] =>
  parseAllDocuments(text, { merge: true, uniqueKeys: true })
    .map((d) => d.toJS() as unknown)
    .filter((v) => v !== null && v !== undefined);

describe('parseYamlDocuments', () => {
  const text = [
    '# leading comment',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: a, namespace: n}',
    'data:',
    '  date: 2024-01-01', // a string in YAML 1.2 core, not a Date
    '  octal: "010"',
    '  yes: "on"',
    '  bool: true',
    '  num: 1.50',
    '  hex: 0x1F',
    '  tilde: ~',
    '  block: |-',
    '    line one',
    '    line two',
    '---',
    '# comment only',
    '---',
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: b',
    '  labels:',
    '    base: &base x', // anchors take the positioned path
    '',
  ].join('\n');

  it('GIVEN well-formed YAML THEN the values are those of the reference parser', () => {
    const plain = text.replace(/&base /, '');
    expect(parseYamlDocuments(plain).documents.map((d) => d.value)).toEqual(reference(plain));
    expect(parseYamlDocuments(text).documents.map((d) => d.value)).toEqual(reference(text));
    expect(parseYamlDocuments(plain).documents.map((d) => d.index)).toEqual([0, 2]);
  });

  it('THEN lines are found on demand, per document', () => {
    const plain = text.replace(/&base /, '');
    const [first, second] = parseYamlDocuments(plain).documents;
    expect(first!.lineOf('/data/hex')).toBe(11);
    expect(second!.lineOf('/metadata/labels/base')).toBe(24);
    expect(second!.lineOf('/metadata/nope')).toBe(21); // nearest existing ancestor
  });

  it('GIVEN merge keys THEN they are merged as the reference parser does', () => {
    const merged = 'a: &x {k: 1}\nb:\n  <<: *x\n  j: 2\n';
    expect(parseYamlDocuments(merged).documents[0]!.value).toEqual({ a: { k: 1 }, b: { k: 1, j: 2 } });
  });

  it('GIVEN a syntax error THEN it is reported with its line and the other documents are still read', () => {
    const bad = 'apiVersion: v1\nkind: Namespace\n---\na: [1, 2\n---\nb: 1\n';
    const parsed = parseYamlDocuments(bad);
    expect(parsed.errors.map((e) => e.index)).toEqual([1]);
    expect(parsed.errors[0]!.line).toBeGreaterThanOrEqual(4);
    expect(parsed.documents.map((d) => d.value)).toEqual([{ apiVersion: 'v1', kind: 'Namespace' }, { b: 1 }]);
  });

  it('GIVEN duplicate keys THEN it is a syntax error (kubectl strict refuses them too)', () => {
    const parsed = parseYamlDocuments('metadata:\n  name: a\n  name: b\n');
    expect(parsed.documents).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.line).toBe(3);
  });

  it('GIVEN an alias bomb THEN the positioned path refuses it instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    expect(() => parseYamlDocuments(bomb)).toThrow(/alias/i);
  });
});
