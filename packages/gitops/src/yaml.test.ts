import { fileURLToPath } from 'node:url';
import { syntheticCluster, synthClusterManifests } from '@aks-hybrid/charts';
import { fileSystemSource, listClusters, loadCluster } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { toYamlDocuments } from './yaml.js';

/** The reference reading: the `yaml` library (YAML 1.2 core), which wrote these files before. */
const readBack = (text: string): unknown[] => parseAllDocuments(text, { uniqueKeys: true }).map((d) => d.toJS() as unknown);
/** What a caller means: JSON semantics (undefined fields dropped, undefined array items are null). */
const asJson = (objects: readonly unknown[]): unknown[] => JSON.parse(JSON.stringify(objects)) as unknown[];

describe('toYamlDocuments', () => {
  it('GIVEN every rendered object of the example clusters and 20 synthetic teams THEN the reference parser reads back the same objects', () => {
    const source = fileSystemSource(fileURLToPath(new URL('../../../', import.meta.url)));
    const specs = listClusters(source).map((c) => loadCluster(source, c));
    let files = 0;
    for (const spec of [...specs, syntheticCluster(specs[0]!, { teams: 20 })]) {
      for (const unit of synthClusterManifests(spec)) {
        for (const file of unit.files) {
          expect(readBack(toYamlDocuments(file.objects)), `${spec.name} ${unit.dir}/${file.name}`).toEqual(asJson(file.objects));
          files++;
        }
      }
    }
    expect(files).toBeGreaterThan(100);
  });

  const tricky = {
    yaml11Booleans: ['yes', 'no', 'on', 'off', 'y', 'n', 'Yes', 'NO', 'True'],
    numbersAsStrings: ['1.0', '010', '0x1F', '1e3', '.inf', '12:30', '0o17', '-1'],
    nullish: ['null', '~', '', 'Null'],
    indicators: ['*', '&a', '!tag', '@x', '`x', '- a', '? q', 'a: b', '#c', 'a #b', '{a}', '[a]', '|', '>', '%x', '='],
    quotes: ['"q"', "it's", 'both \' and "', 'say "hi"'],
    whitespace: [' lead', 'trail ', 'tab\there', 'multi\nline', 'multi\nline\n', '\n'],
    long: ['x '.repeat(120).trim()],
    unicode: ['é', '日本', '\u2028', 'emoji 🙂'],
    values: [true, false, null, 0, -1.5, 1e21, {}, [], [[]], { '': 'empty key' }, { 'a b': 1, 'x:y': 2, '1': 3, true: 4 }],
  };

  it('GIVEN strings that look like other YAML types, indicators, quotes and whitespace THEN they read back unchanged', () => {
    for (const [group, values] of Object.entries(tricky)) {
      const objects = [{ group, values }, { nested: { list: values.map((v) => ({ v })) } }];
      expect(readBack(toYamlDocuments(objects)), group).toEqual(asJson(objects));
    }
  });

  it('THEN YAML 1.1 booleans are quoted (Kubernetes reads YAML 1.1) and long strings are not folded', () => {
    const text = toYamlDocuments([{ a: 'yes', b: 'on', c: 'x '.repeat(120).trim() }]);
    expect(text).toBe(`a: "yes"\nb: "on"\nc: ${'x '.repeat(120).trim()}\n`);
  });

  it('THEN a shared object is written out twice, never as an anchor and alias', () => {
    const shared = { k: 'v' };
    const text = toYamlDocuments([{ a: shared, b: shared }]);
    expect(text).not.toMatch(/[&*]ref/);
    expect(readBack(text)).toEqual([{ a: { k: 'v' }, b: { k: 'v' } }]);
  });

  it('THEN documents are separated by --- and each ends with a newline', () => {
    expect(toYamlDocuments([{ a: 1 }, { b: [1, 2] }])).toBe('a: 1\n---\nb:\n  - 1\n  - 2\n');
  });
});
