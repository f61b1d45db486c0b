import { fileURLToPath } from 'node:url';
import { syntheticCluster, synthClusterManifests } from '@aks-hybrid/charts';
import { fileSystemSource, listClusters, loadCluster } from '@aks-hybrid/spec';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DUMP_OPTIONS, emitYaml } from './yaml-emitter.js';
import { toYamlDocuments } from './yaml.js';

const reference = (value: unknown): string => jsYaml.dump(value, DUMP_OPTIONS);

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY_STRINGS = [
  ...['yes', 'no', 'on', 'off', 'y', 'n', 'Yes', 'NO', 'True', 'FALSE', 'null', 'Null', '~', ''],
  ...['1.0', '010', '0x1F', '1e3', '.inf', '.NaN', '12:30', '0o17', '-1', '+1', '1_000', '2024-01-01', '2024-01-01T10:00:00Z', '<<'],
  ...['*', '&a', '!tag', '@x', '`x', '- a', '-', '? q', 'a: b', 'a:b', '#c', 'a #b', 'a#b', '{a}', '[a]', '|', '>', '%x', '=', ',', 'a,b'],
  ...['"q"', "it's", 'both \' and "', 'say "hi"', ' lead', 'trail ', 'x '.repeat(120).trim()],
  ...['tab\there', 'cr\rhere', 'bell\u0007', 'line\u2028sep', '\ufeffbom', 'é', '日本', 'emoji 🙂'],
  ...['app.kubernetes.io/name', 'team-a', '_private', 'v1', 'a/b', '10.0.0.0/8', '500m', '1Gi', '0.5', 'Deployment', 'kit.aks-hybrid.dev/x'],
];
const OUTSIDE_THE_SUBSET = ['multi\nline', 'multi\nline\n', '\n'];

/** Random JSON values from tricky strings, keys, numbers and nesting, with or without values outside the subset. */
function generateValue(next: () => number, depth: number, outside: boolean): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const strings = outside ? [...TRICKY_STRINGS, ...OUTSIDE_THE_SUBSET] : TRICKY_STRINGS;
  const roll = next();
  if (depth > 3 || roll < 0.45) {
    const scalars: unknown[] = [pick(strings), pick(strings), 0, 42, -7, true, false, null, {}, []];
    if (outside) scalars.push(1.5, -0, 1e21, undefined);
    return pick(scalars);
  }
  if (roll < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => generateValue(next, depth + 1, outside));
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 5); i > 0; i--) object[pick(strings)] = generateValue(next, depth + 1, outside);
  return object;
}

describe('emitYaml: the same bytes as js-yaml', () => {
  it('GIVEN every rendered object of the example clusters and 50 synthetic teams THEN each is written as js-yaml writes it, nearly all without js-yaml', () => {
    const source = fileSystemSource(fileURLToPath(new URL('../../../', import.meta.url)));
    const specs = listClusters(source).map((c) => loadCluster(source, c));
    let objects = 0;
    let fallbacks = 0;
    for (const spec of [...specs, syntheticCluster(specs[0]!, { teams: 50 })]) {
      for (const unit of synthClusterManifests(spec)) {
        for (const file of unit.files) {
          for (const object of file.objects) {
            const emitted = emitYaml(object);
            objects++;
            if (emitted === undefined) fallbacks++;
            else expect(emitted, `${spec.name} ${unit.dir}/${file.name}`).toBe(reference(object));
          }
        }
      }
    }
    expect(objects).toBeGreaterThan(1000);
    // The fast path must carry the tree, or the speed-up is gone (today: the multi-line CEL of the admission policies).
    expect(fallbacks / objects).toBeLessThan(0.01);
  });

  it('GIVEN 3,000 generated JSON values (tricky strings, keys, nesting, empty containers) THEN every one is written as js-yaml writes it', () => {
    const next = random(13);
    for (let i = 0; i < 3000; i++) {
      const value = generateValue(next, 0, false);
      expect(emitYaml(value), `value ${i}: ${JSON.stringify(value)}`).toBe(reference(value));
    }
  });

  it('GIVEN generated values with multi-line strings, floats, -0 and undefined THEN the emitter declines or agrees, and toYamlDocuments always agrees', () => {
    const next = random(29);
    let declined = 0;
    for (let i = 0; i < 3000; i++) {
      const value = generateValue(next, 0, true);
      const emitted = emitYaml(value);
      if (emitted === undefined) declined++;
      else expect(emitted, `value ${i}: ${JSON.stringify(value)}`).toBe(reference(value));
      expect(toYamlDocuments([value])).toBe(reference(value));
    }
    expect(declined).toBeGreaterThan(300);
  });

  it('GIVEN every word of one or two characters of letters, digits and _./- and every case of the reserved words THEN each is quoted exactly when js-yaml quotes it', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-';
    const words = [...alphabet];
    for (const a of alphabet) for (const b of alphabet) words.push(a + b);
    const cases = (word: string): string[] =>
      word.length === 0 ? [''] : cases(word.slice(1)).flatMap((rest) => [word[0]!.toLowerCase() + rest, word[0]!.toUpperCase() + rest]);
    for (const reserved of ['yes', 'no', 'on', 'off', 'true', 'false', 'null', 'y', 'n']) words.push(...cases(reserved));
    const quoted: string[] = [];
    for (const word of words) {
      const emitted = emitYaml({ [word]: word });
      expect(emitted, word).toBe(reference({ [word]: word }));
      if (emitted!.startsWith('"')) quoted.push(word);
    }
    // Both ways: some of these words are quoted (n, on, True, 1., ...), most are plain.
    expect(quoted).toEqual(expect.arrayContaining(['y', 'N', 'on', 'ON', 'True', 'NULL', '1', '42', '.5', '1.']));
    expect(quoted).not.toContain('yE');
    expect(quoted.length).toBeLessThan(words.length / 2);
  });

  it('GIVEN more distinct non-word strings than the scalar cache holds THEN the answers stay js-yaml’s across its clearing', () => {
    const value: Record<string, string> = {};
    for (let i = 0; i < 50_500; i++) value[`k ${i}`] = `${i}: v`;
    expect(emitYaml(value)).toBe(reference(value));
  });

  it('GIVEN a multi-line string, a float, -0, undefined, a Date, a class instance or a key over 1,024 characters THEN the emitter declines', () => {
    class Box {
      readonly v = 1;
    }
    for (const value of ['a\nb', 0.5, -0, undefined, new Date(0), new Box(), { [`k${'x'.repeat(1024)}`]: 1 }, { a: [undefined] }, { a: undefined }])
      expect(emitYaml({ nested: [value] }), String(value)).toBeUndefined();
    expect(toYamlDocuments([{ a: 'x\ny', b: 0.5 }])).toBe('a: |-\n  x\n  y\nb: 0.5\n');
  });
});
