import { landingZoneParameters, toBicepLiteral } from '@aks-hybrid/landing-zone';
import { fileSystemSource, loadCluster } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { parseBicepParams } from './bicep-params.js';
import { diffParameters } from './bicep-diff.js';
import { CLUSTER, exampleSide, REPO_ROOT } from './test-support.js';

describe('parseBicepParams', () => {
  it('GIVEN the rendered main.bicepparam THEN every parameter reads back as the value the landing zone rendered', () => {
    const spec = loadCluster(fileSystemSource(REPO_ROOT), CLUSTER);
    const expected = new Map(landingZoneParameters(spec).flatMap((s) => s.values.map(([name, value]) => [name, value] as const)));
    const file = exampleSide().files.get(`gitops/azure/${CLUSTER}/main.bicepparam`)!;
    const parsed = parseBicepParams(file);
    expect([...parsed.keys()]).toEqual([...expected.keys()]);
    for (const [name, value] of expected) expect(parsed.get(name), name).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it.each([
    ['escapes', "'it\\'s a \\\\ path\\n'", "it's a \\ path\n"],
    ['unicode escape', "'\\u{263A}'", '☺'],
    ['interpolation kept as text', "'pre-${suffix}'", 'pre-${suffix}'],
    ['negative number', '-5', -5],
    ['null', 'null', null],
    ['commas between entries', "{ a: 1, 'b-c': [true, false] }", { a: 1, 'b-c': [true, false] }],
    ['multi-line string', "'''\nline one\nline two'''", 'line one\nline two'],
    ['literal written by toBicepLiteral', toBicepLiteral({ list: ['x', { y: 1 }], empty: {}, none: [] }), { list: ['x', { y: 1 }], empty: {}, none: [] }],
  ])('reads %s', (_, source, value) => {
    expect(parseBicepParams(`using './main.bicep'\nparam p = ${source}\n`).get('p')).toEqual(value);
  });

  it('keeps what is not a literal as its source text, and reads on after it', () => {
    const params = parseBicepParams(
      [
        "using './main.bicep'",
        '// a comment with param x = 1',
        "param secret = az.getSecret('sub', 'rg', 'kv', 'name')",
        "param sum = 1 + 2",
        '/* block',
        '   comment */',
        "param nested = {\n  key: toLower('A')\n  plain: 'b'\n}",
        "var helper = 'not a parameter'",
        'param last = 3',
      ].join('\n'),
    );
    expect([...params.keys()]).toEqual(['secret', 'sum', 'nested', 'last']);
    expect(params.get('secret')).toEqual({ $expr: "az.getSecret('sub', 'rg', 'kv', 'name')" });
    expect(params.get('sum')).toEqual({ $expr: '1 + 2' });
    expect(params.get('nested')).toEqual({ key: { $expr: "toLower('A')" }, plain: 'b' });
    expect(params.get('last')).toBe(3);
  });
});

describe('diffParameters', () => {
  const file = (body: string) => `using './main.bicep'\n${body}\n`;

  it('GIVEN parameters added, removed and changed THEN each is reported with its kind', () => {
    const { parameters } = diffParameters(file("param a = 1\nparam b = 'x'"), file("param a = 2\nparam c = true"));
    expect(parameters).toEqual([
      { name: 'a', kind: 'changed', changes: [{ what: 'a', before: '1', after: '2' }] },
      { name: 'b', kind: 'removed', changes: [{ what: 'b', before: 'x' }] },
      { name: 'c', kind: 'added', changes: [{ what: 'c', after: 'true' }] },
    ]);
  });

  it('GIVEN a list of CIDRs with one added THEN the change lists the member, not the whole list', () => {
    const { parameters } = diffParameters(file("param r = [\n  '10.0.0.0/16'\n]"), file("param r = [\n  '10.0.0.0/16'\n  '10.20.0.0/16'\n]"));
    expect(parameters[0]?.changes).toEqual([{ what: 'r', added: ['10.20.0.0/16'], removed: [] }]);
  });

  it('GIVEN a node pool added and one removed THEN the pool table has both, with their figures', () => {
    const pool = (name: string, vmSize: string) => `  {\n    name: '${name}'\n    vmSize: '${vmSize}'\n    minCount: 1\n    maxCount: 3\n    availabilityZones: [\n      '1'\n      '2'\n    ]\n  }`;
    const { nodePools } = diffParameters(file(`param pools = [\n${pool('a', 'S1')}\n]`), file(`param pools = [\n${pool('b', 'S2')}\n]`));
    expect(nodePools).toEqual([
      { parameter: 'pools', name: 'a', kind: 'removed', before: { vmSize: 'S1', minCount: '1', maxCount: '3', zones: '1,2' } },
      { parameter: 'pools', name: 'b', kind: 'added', after: { vmSize: 'S2', minCount: '1', maxCount: '3', zones: '1,2' } },
    ]);
  });
});
