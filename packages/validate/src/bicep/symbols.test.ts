// Scope check: declared symbols, loop/lambda/function locals, nested resources, built-ins.
import { describe, expect, it } from 'vitest';
import { validateBicepFiles } from './index.js';

async function symbolFindings(source: string) {
  const findings = await validateBicepFiles(new Map([['x.bicep', source]]));
  return findings.filter((f) => f.rule === 'bicep-symbol').map((f) => [f.line, f.message]);
}

describe('symbol check', () => {
  it('accepts built-ins, namespaces, loop variables, lambda and function params', async () => {
    const src = `
param items0 array
param o object
func double(n int) int => n * 2
var a = [for (x, i) in items0: '\${x}-\${i}-\${uniqueString(resourceGroup().id)}']
var b = map(items0, x => x.name)
var c = reduce(items0, 0, (acc, x) => acc + double(x.count))
var d = sys.concat(az.subscription().id, environment().name, deployment().name, tenant().tenantId)
var e = cidrSubnet(parseCidr('10.0.0.0/16').network, 24, 0)
var f = listKeys(resourceId('Microsoft.Storage/storageAccounts', 'sa'), '2023-01-01')
var g = o.?k ?? last(split('a/b', '/'))
output all array = [a, b, c, d, e, f, g]
`;
    expect(await symbolFindings(src)).toEqual([]);
  });

  it('reports an undeclared symbol with a suggestion', async () => {
    expect(await symbolFindings(`param vnetName string\nvar x = vnetNmae\n`)).toEqual([
      [2, "symbol 'vnetNmae' is not declared; did you mean 'vnetName'?"],
    ]);
  });

  it('does not leak loop variables out of the loop', async () => {
    expect(await symbolFindings(`var a = [for x in range(0, 2): x]\nvar b = x\n`)).toEqual([[2, "symbol 'x' is not declared"]]);
  });

  it('evaluates the loop collection outside the loop scope', async () => {
    expect(await symbolFindings(`var a = [for x in x: x]\n`)).toEqual([[1, "symbol 'x' is not declared"]]);
  });

  it('reports unknown functions', async () => {
    expect(await symbolFindings(`var a = uniqeString('x')\n`)).toEqual([[1, "function 'uniqeString' is not declared"]]);
  });

  it('sees nested resources inside their parent only', async () => {
    const src = `
resource v 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'v'
  location: 'westeurope'
  resource s1 'subnets' = {
    name: 's1'
  }
  resource s2 'subnets' = {
    name: 's2'
    dependsOn: [
      s1
    ]
  }
}
output ok string = v::s1.id
output bad string = s1.id
`;
    expect(await symbolFindings(src)).toEqual([[16, "symbol 's1' is not declared"]]);
  });

  it('does not treat property keys or member names as references', async () => {
    expect(await symbolFindings(`param p object\nvar a = {\n  undeclaredKey: p.undeclaredMember\n}\n`)).toEqual([]);
  });

  it('accepts imported symbols and reports duplicates', async () => {
    expect(await symbolFindings(`import { t, f as g } from './types.bicep'\nparam p t\nvar a = g()\nvar a = 1\n`)).toEqual([
      [4, "symbol 'a' is declared more than once"],
    ]);
  });
});
