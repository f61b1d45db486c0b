// Which Bicep constructs tree-sitter-bicep 1.1.0 parses. The Bicep writer must
// avoid the REJECTED ones; if a grammar upgrade starts accepting one, this test
// fails and the list (and the report to the writer) should be updated.
import { describe, expect, it } from 'vitest';
import { validateBicepFiles } from './index.js';

async function syntaxFindings(source: string, file = 'x.bicep') {
  const findings = await validateBicepFiles(new Map([[file, source]]));
  return findings.filter((f) => f.rule === 'bicep-syntax');
}

const PARSES: Record<string, string> = {
  'targetScope': `targetScope = 'subscription'\n`,
  'metadata': `metadata info = {\n  title: 'x'\n}\n`,
  'decorated params, @secure, @allowed': `@secure()\nparam pw string\n@minLength(3)\n@maxLength(24)\n@description('n')\n@allowed([\n  'a'\n  'b'\n])\nparam n string = 'a'\n`,
  'nullable param type': `param x string?\n`,
  'typed array param': `param xs string[] = []\n`,
  'literal union param type': `param tier 'Free' | 'Standard' = 'Free'\n`,
  'inline object param type': `param o {\n  name: string\n  size: int?\n}\n`,
  'user-defined type': `type pool = {\n  @description('d')\n  name: string\n  count: int?\n  mode: 'System' | 'User'\n}\n`,
  '@export() type/var/func': `@export()\ntype t = {\n  a: string\n}\n@export()\nvar v = 1\n@export()\nfunc f(a string) string => '\${a}x'\n`,
  '@sealed and @discriminator': `@sealed()\ntype a = {\n  kind: 'a'\n}\ntype b = {\n  kind: 'b'\n}\n@discriminator('kind')\ntype u = a | b\n`,
  'import {..} from / import * as': `import { a, b as c } from './types.bicep'\nimport * as t from './types.bicep'\n`,
  'provider/import with string': `provider 'kubernetes@1.0.0' with {\n  namespace: 'default'\n  kubeConfig: ''\n} as k8s\n`,
  'user-defined function': `func f(a string, b int) object => {\n  a: a\n  b: b\n}\n`,
  'lambdas (single and multi param)': `var a = map([1, 2], x => x + 1)\nvar b = reduce([1, 2], 0, (c, n) => c + n)\nvar d = map(['a'], (x, i) => '\${i}-\${x}')\n`,
  'safe dereference ?. and [?] and ??': `param o object\nvar a = o.?b ?? 'x'\nvar c = o[?'d']\n`,
  'non-null assertion !': `param o object?\nvar a = o!.b\n`,
  'existing resource with scope': `resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {\n  name: 'kv'\n  scope: resourceGroup('rg')\n}\n`,
  'getSecret in module params': `resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {\n  name: 'kv'\n}\nmodule m './m.bicep' = {\n  params: {\n    pw: kv.getSecret('pw')\n  }\n}\n`,
  'for with index': `var a = [for (x, i) in range(0, 3): {\n  n: x\n  i: i\n}]\n`,
  'for with if filter': `var a = [for x in range(0, 3): if (x > 1) {\n  n: x\n}]\n`,
  'resource if / for / @batchSize': `param d bool\nresource r 'Microsoft.Network/publicIPAddresses@2025-09-01' = if (d) {\n  name: 'p'\n}\n@batchSize(1)\nresource s 'Microsoft.Network/publicIPAddresses@2025-09-01' = [for n in ['a']: {\n  name: n\n}]\n`,
  'nested child resource and ::': `resource v 'Microsoft.Network/virtualNetworks@2025-09-01' = {\n  name: 'v'\n  resource s 'subnets' = {\n    name: 's'\n  }\n}\noutput sid string = v::s.id\n`,
  'parent: child resource': `resource v 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n  name: 'v'\n}\nresource s 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {\n  parent: v\n  name: 's'\n}\n`,
  'multi-line string': `var s = '''\nhello\n'''\n`,
  'interpolation and escapes': `param n string\nvar s = '\${n}-it\\'s-\\\${x}'\n`,
  'commas in one-line objects/arrays': `var o = { a: 1, b: [1, 2] }\n`,
  'quoted and keyword property keys': `var o = {\n  'a-b': 1\n  type: 'x'\n  resource: 'y'\n  if: 1\n}\n`,
  'outputs of every primitive type and for': `output o object = {}\noutput s string = 'x'\noutput a array = [for i in range(0, 2): i]\noutput i int = -1\noutput b bool = true\n`,
  'output of user-defined type': `type t = {\n  a: int\n}\noutput o t = {\n  a: 1\n}\n`,
  '#disable-next-line': `#disable-next-line no-unused-vars\nvar x = 1\n`,
  'assert statement': `assert a = true\n`,
};

const REJECTED: Record<string, [string, string | undefined]> = {
  'extension statement': [`extension microsoftGraphV1\n`, '`extension` statements'],
  'extension with config': [`extension kubernetes with {\n  namespace: 'default'\n} as k8s\n`, '`extension` statements'],
  'spread in object': [`param b object\nvar a = {\n  ...b\n  c: 1\n}\n`, 'the spread operator'],
  'spread in array': [`param b array\nvar a = [\n  ...b\n  1\n]\n`, 'the spread operator'],
  'resourceInput<> type': [`param p resourceInput<'Microsoft.Network/virtualNetworks@2025-09-01'>.properties\n`, '`resourceInput<>`'],
  'resourceOutput<> type': [`type t = resourceOutput<'Microsoft.Network/virtualNetworks@2025-09-01'>\n`, '`resourceInput<>`'],
  'resource-typed param': [`param st resource 'Microsoft.Network/virtualNetworks@2025-09-01'\n`, 'resource-typed'],
  'resource-typed output': [`output r resource 'Microsoft.Network/virtualNetworks@2025-09-01' = v\n`, 'resource-typed'],
  'typed variable': [`var x string = 'a'\n`, 'typed variables'],
};

describe('tree-sitter-bicep 1.1.0 coverage', () => {
  for (const [name, source] of Object.entries(PARSES)) {
    it(`parses: ${name}`, async () => {
      expect(await syntaxFindings(source)).toEqual([]);
    });
  }
  for (const [name, [source, hint]] of Object.entries(REJECTED)) {
    it(`rejects: ${name}`, async () => {
      const found = await syntaxFindings(source);
      expect(found.length).toBeGreaterThan(0);
      if (hint) expect(found[0]!.message).toContain(`does not support ${hint}`);
    });
  }
});

describe('syntax findings', () => {
  it('gives line, column and the offending line', async () => {
    const found = await syntaxFindings(`param a string\nvar b = {\n  c 1\n}\n`);
    expect(found).toEqual([{ file: 'x.bicep', line: 3, column: 3, message: 'syntax error near: c 1', rule: 'bicep-syntax' }]);
  });

  it('reports MISSING nodes (unterminated object)', async () => {
    const found = await syntaxFindings(`var o = {\n  a: 1\n`);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.line).toBe(1);
  });

  it('parses .bicepparam files, including multi-line values, using none and extends', async () => {
    const params = `using './main.bicep'\n\nparam a = {\n  b: [\n    1\n  ]\n}\nvar s = 'x'\nparam c = '\${s}-y'\n`;
    expect(await syntaxFindings(params, 'main.bicepparam')).toEqual([]);
    expect(await syntaxFindings(`using none\nparam a = 1\n`, 'a.bicepparam')).toEqual([]);
    expect(await syntaxFindings(`using './main.bicep'\nextends './base.bicepparam'\nparam a = 1\n`, 'a.bicepparam')).toEqual([]);
  });

  it('reports .bicepparam syntax errors at their real position', async () => {
    const found = await syntaxFindings(`using './main.bicep'\nparam a = {\n  b 1\n}\n`, 'main.bicepparam');
    expect(found[0]).toMatchObject({ line: 3, column: 3, rule: 'bicep-syntax' });
  });
});
