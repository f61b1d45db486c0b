import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildParams, closeSharedBicepSession, lint, snapshot } from './commands.js';
import { BicepNotFoundError } from './errors.js';
import { runBicep } from './run.js';
import { BicepSession } from './session.js';
import { PINNED_BICEP_VERSION } from './version.js';

// These tests run the real, located CLI: without one they fail with BicepNotFoundError, they never skip.
const dir = mkdtempSync(join(tmpdir(), 'kit-bicep-'));
afterAll(() => {
  closeSharedBicepSession();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

// The linter reads the nearest bicepconfig.json; a rule at error level makes its finding an Error.
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-config-linter
file('bicepconfig.json', JSON.stringify({ analyzers: { core: { enabled: true, rules: { 'no-unused-params': { level: 'error' } } } } }));
const template = file(
  'main.bicep',
  [
    "@description('Required. Name of the storage account.')",
    'param name string',
    "@description('Optional. Location.')",
    'param location string = resourceGroup().location',
    '',
    "resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {",
    '  name: name',
    '  location: location',
    "  sku: { name: 'Standard_ZRS' }",
    "  kind: 'StorageV2'",
    '  properties: {',
    '    allowSharedKeyAccess: false',
    "    publicNetworkAccess: 'Disabled'",
    '  }',
    '}',
    '',
    'output accountId string = account.id',
    '',
  ].join('\n'),
);
const params = file('main.bicepparam', ["using './main.bicep'", '', "param name = 'stkit'", "param location = 'westeurope'", ''].join('\n'));

describe('runBicep', () => {
  it('runs the pinned CLI', async () => {
    const { code, stdout } = await runBicep(['--version']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Bicep CLI version ${PINNED_BICEP_VERSION}`);
  });
});

describe('buildParams', () => {
  it('gives the parameter values and the compiled template of the using file', async () => {
    const result = await buildParams(params);
    expect(result.diagnostics).toEqual([]);
    expect(result.parameters).toEqual({ name: 'stkit', location: 'westeurope' });
    expect(result.template).toMatchObject({ resources: [{ type: 'Microsoft.Storage/storageAccounts', name: "[parameters('name')]" }] });
  });

  it('reports a type error with its BCP code, file and line', async () => {
    const bad = file('bad.bicepparam', ["using './main.bicep'", '', 'param name = 42', ''].join('\n'));
    const result = await buildParams(bad);
    expect(result.template).toBeUndefined();
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ file: bad, line: 3, level: 'Error', code: 'BCP033' }));
  });
});

describe('lint', () => {
  it('finds nothing in a clean template', async () => {
    expect(await lint(template)).toEqual([]);
  });

  it('applies the bicepconfig.json rule levels', async () => {
    const unused = file('unused.bicep', "@description('Optional. Never used.')\nparam unused string = 'x'\n");
    expect(await lint(unused)).toEqual([expect.objectContaining({ file: unused, line: 2, column: 7, level: 'Error', code: 'no-unused-params' })]);
  });

  it('reports compiler errors in the modules a template uses', async () => {
    const module = file('broken-module.bicep', "@description('Required. A number.')\nparam count int\n\noutput doubled int = count * 'two'\n");
    const user = file('uses-module.bicep', "module broken './broken-module.bicep' = {\n  name: 'broken'\n  params: { count: 1 }\n}\n");
    const found = await lint(user);
    expect(found).toContainEqual(expect.objectContaining({ file: module, line: 4, level: 'Error', code: expect.stringMatching(/^BCP\d+$/) }));
  });
});

describe('snapshot', () => {
  it('predicts the resources and their properties without writing a snapshot file', async () => {
    const result = await snapshot(params);
    expect(result.diagnostics).toEqual([]);
    expect(result.predictedResources).toEqual([
      expect.objectContaining({
        type: 'Microsoft.Storage/storageAccounts',
        name: 'stkit',
        location: 'westeurope',
        properties: { allowSharedKeyAccess: false, publicNetworkAccess: 'Disabled' },
      }),
    ]);
    expect(Object.keys(result.outputs)).toEqual(['accountId']);
  });
});

describe('without a CLI', () => {
  it('says how to get one', () => {
    expect(() => new BicepSession({ env: { KIT_BICEP: join(dir, 'no-such-bicep') } })).toThrow(BicepNotFoundError);
    expect(() => new BicepSession({ env: { KIT_BICEP: join(dir, 'no-such-bicep') } })).toThrow(/pnpm install.*\.NET SDK.*az bicep install.*KIT_BICEP/);
  });
});

describe('a session that times out', () => {
  it('ends its CLI, so a hung compiler cannot hold later requests', async () => {
    const session = new BicepSession({ timeoutMs: 50 });
    await expect(session.buildParams(params)).rejects.toThrow(/bicep\/compileParams did not answer within 50 ms/);
    expect(session.isAlive()).toBe(false);
    await expect(session.version()).rejects.toThrow(/closed/);
  });
});
