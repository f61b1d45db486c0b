// .bicepparam checks against the template named by `using`.
import { describe, expect, it } from 'vitest';
import { validateBicepFiles } from './index.js';

const main = `
param location string
param name string = 'x'
param optional string?
@allowed([
  1
  2
])
param count int
`;

async function check(params: string, mainPath = 'env/main.bicep') {
  return validateBicepFiles(new Map([[mainPath, main], ['env/prod.bicepparam', params]]));
}

describe('.bicepparam', () => {
  it('passes when every required param is assigned', async () => {
    expect(await check(`using './main.bicep'\nparam location = 'westeurope'\nparam count = 2\n`)).toEqual([]);
  });

  it('reports required params that are not assigned, but not defaulted or nullable ones', async () => {
    const fs = await check(`using './main.bicep'\nparam location = 'westeurope'\n`);
    expect(fs.map((f) => [f.rule, f.path, f.message])).toEqual([
      ['bicep-param', 'count', "required param 'count' of 'env/main.bicep' (no default value) is not assigned"],
    ]);
  });

  it('reports params the template does not declare', async () => {
    const fs = await check(`using './main.bicep'\nparam location = 'westeurope'\nparam count = 1\nparam locaton = 'x'\n`);
    expect(fs).toEqual([
      {
        file: 'env/prod.bicepparam',
        line: 4,
        column: 1,
        path: 'locaton',
        message: "param 'locaton' is not declared in 'env/main.bicep'; did you mean 'location'?",
        rule: 'bicep-param',
      },
    ]);
  });

  it('checks literal values against the declared type and @allowed', async () => {
    const fs = await check(`using './main.bicep'\nparam location = 1\nparam count = 3\n`);
    expect(fs.map((f) => f.message)).toEqual([
      "param 'location' of 'env/main.bicep': expects string but got int",
      "param 'count' of 'env/main.bicep': value 3 is not in @allowed(1, 2)",
    ]);
  });

  it('reports a using target that is not among the files', async () => {
    const fs = await check(`using './other.bicep'\n`);
    expect(fs.map((f) => f.message)).toEqual([
      "'using' target './other.bicep' (resolved to 'env/other.bicep') is not among the given files",
    ]);
  });

  it('reports a missing using statement and skips target checks for using none', async () => {
    expect((await check(`param location = 'x'\n`)).map((f) => f.message)).toEqual(["missing 'using' statement"]);
    expect(await check(`using none\nparam anything = 'x'\n`)).toEqual([]);
  });

  it('checks symbols inside .bicepparam values', async () => {
    const fs = await check(`using './main.bicep'\nvar region = 'westeurope'\nparam location = regoin\nparam count = 1\n`);
    expect(fs.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['bicep-symbol', 3, "symbol 'regoin' is not declared; did you mean 'region'?"],
    ]);
  });
});
