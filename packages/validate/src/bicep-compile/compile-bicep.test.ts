import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BICEP_COMPILER_RULE, bicepRequired, compileBicep } from './compile-bicep.js';

// These tests run the real Bicep CLI (pinned in tools/bicep); without one they fail, they do not skip.
const DIR = 'gitops/azure/demo';
const TEMPLATE = [
  "@description('Required. Name of the registry.')",
  'param name string',
  "@description('Optional. Location of the registry.')",
  'param location string = resourceGroup().location',
  '',
  "resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {",
  '  name: name',
  '  location: location',
  "  sku: { name: 'Premium' }",
  '  properties: {',
  '    adminUserEnabled: false',
  '  }',
  '}',
  '',
].join('\n');
const PARAMS = ["using './main.bicep'", '', "param name = 'acrdemo'", "param location = 'westeurope'", ''].join('\n');
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-config-linter
const CONFIG = JSON.stringify({ analyzers: { core: { enabled: true, rules: { 'no-unused-vars': { level: 'error' } } } } });

const tree = (overrides: Record<string, string> = {}) =>
  new Map(Object.entries({ [`${DIR}/main.bicep`]: TEMPLATE, [`${DIR}/main.bicepparam`]: PARAMS, [`${DIR}/bicepconfig.json`]: CONFIG, ...overrides }));

afterEach(() => vi.unstubAllEnvs());

describe('compileBicep', () => {
  it('GIVEN Bicep that compiles cleanly THEN no findings, and the predicted resources of each .bicepparam', async () => {
    const result = await compileBicep(tree(), { required: true, cache: false });
    expect(result.findings).toEqual([]);
    expect(result.compiled).toBe(true);
    expect(result.deployments).toEqual([
      {
        file: `${DIR}/main.bicepparam`,
        resources: [expect.objectContaining({ type: 'Microsoft.ContainerRegistry/registries', name: 'acrdemo', properties: { adminUserEnabled: false } })],
      },
    ]);
    expect([...result.timings.keys()]).toEqual([`${DIR}/main.bicepparam`, `${DIR}/main.bicep`]);
  });

  it('GIVEN a type error planted in the template THEN a finding names the repo path, the line and the BCP code', async () => {
    const result = await compileBicep(
      tree({ [`${DIR}/main.bicep`]: `${TEMPLATE}@description('The registry name.')\noutput registryName int = registry.name\n` }),
      { required: true, cache: false },
    );
    expect(result.findings).toContainEqual({
      file: `${DIR}/main.bicep`,
      line: 15,
      rule: 'BCP033',
      message: expect.stringMatching(/^Error at line 15, column 27: Expected a value of type "int"/),
    });
    expect(result.deployments).toEqual([]);
  });

  it('GIVEN a property value the resource type does not allow THEN the compiler warning is a finding', async () => {
    const result = await compileBicep(tree({ [`${DIR}/main.bicep`]: TEMPLATE.replace('adminUserEnabled: false', "adminUserEnabled: 'no'") }), {
      required: true,
      cache: false,
    });
    expect(result.findings).toEqual([
      {
        file: `${DIR}/main.bicep`,
        line: 11,
        rule: 'BCP036',
        message: expect.stringMatching(/^Warning at line 11, column 23: The property "adminUserEnabled" expected a value of type "bool/),
      },
    ]);
  });

  it('GIVEN a parameter of the wrong type in the .bicepparam THEN the finding is on the .bicepparam line', async () => {
    const result = await compileBicep(tree({ [`${DIR}/main.bicepparam`]: PARAMS.replace("param name = 'acrdemo'", 'param name = 42') }), {
      required: true,
      cache: false,
    });
    expect(result.findings).toContainEqual(expect.objectContaining({ file: `${DIR}/main.bicepparam`, line: 3, rule: 'BCP033' }));
  });

  it('GIVEN a linter rule set to error in bicepconfig.json THEN breaking it is a finding named by the rule', async () => {
    const result = await compileBicep(tree({ [`${DIR}/main.bicep`]: `${TEMPLATE}var unused = 1\n` }), { required: true, cache: false });
    expect(result.findings).toEqual([
      {
        file: `${DIR}/main.bicep`,
        line: 14,
        rule: 'no-unused-vars',
        message: expect.stringMatching(/^Error at line 14, column 5: Variable "unused" is declared but never used/),
      },
      // The parameters file cannot be built against a template with errors.
      { file: `${DIR}/main.bicepparam`, line: 1, rule: 'BCP104', message: 'Error at line 1, column 7: The referenced module has errors.' },
    ]);
  });

  it('GIVEN a linter warning THEN it is a finding too: zero warnings is the bar', async () => {
    const config = JSON.stringify({ analyzers: { core: { enabled: true, rules: { 'no-unused-vars': { level: 'warning' } } } } });
    const result = await compileBicep(tree({ [`${DIR}/main.bicep`]: `${TEMPLATE}var unused = 1\n`, [`${DIR}/bicepconfig.json`]: config }), {
      required: true,
      cache: false,
    });
    expect(result.findings.map((f) => `${f.rule} ${f.message.split(':')[0]}`)).toEqual(['no-unused-vars Warning at line 14, column 5']);
  });

  it('GIVEN no Bicep in the files THEN nothing is compiled and nothing is found', async () => {
    expect(await compileBicep(new Map([['gitops/clusters/demo/kustomization.yaml', '']]), { required: true, cache: false })).toMatchObject({
      findings: [],
      deployments: [],
      compiled: true,
    });
  });
});

describe('without a Bicep CLI', () => {
  it('GIVEN the compiler is required (validate, CI) THEN a finding says the Bicep was not compiled and how to get the CLI', async () => {
    vi.stubEnv('KIT_BICEP', '/nonexistent/bicep');
    const result = await compileBicep(tree(), { required: true, cache: false });
    expect(result.compiled).toBe(false);
    expect(result.findings).toEqual([
      {
        file: `${DIR}/main.bicepparam`,
        rule: BICEP_COMPILER_RULE,
        message: expect.stringMatching(/the Bicep was not compiled.*pnpm install.*az bicep install.*KIT_BICEP/),
      },
    ]);
  });

  it('GIVEN the compiler is optional (render on a machine without it) THEN a note says so and nothing fails', async () => {
    vi.stubEnv('KIT_BICEP', '/nonexistent/bicep');
    const result = await compileBicep(tree(), { required: false });
    expect(result.findings).toEqual([]);
    expect(result.notes).toEqual([expect.stringMatching(/^the Bicep was not compiled/)]);
  });

  it('requires the compiler in CI: KIT_REQUIRE_BICEP=1 or CI=true', () => {
    expect(bicepRequired({ KIT_REQUIRE_BICEP: '1' })).toBe(true);
    expect(bicepRequired({ CI: 'true' })).toBe(true);
    expect(bicepRequired({})).toBe(false);
  });
});

describe('the on-disk cache of compiler results', () => {
  const useCacheDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-bicep-cache-'));
    vi.stubEnv('KIT_CACHE_DIR', dir);
    return dir;
  };

  it('GIVEN the same files compiled twice THEN the second answer comes from the cache and is the same', async () => {
    useCacheDir();
    const first = await compileBicep(tree(), { required: true });
    const second = await compileBicep(tree(), { required: true });
    expect(first.cached).toEqual([]);
    expect(second.cached).toEqual([`${DIR}/main.bicepparam`, `${DIR}/main.bicep`]);
    expect(second.findings).toEqual(first.findings);
    expect(second.deployments).toEqual(first.deployments);
  });

  it('GIVEN a cached clean compile WHEN an error is planted THEN the compiler runs again and finds it', async () => {
    useCacheDir();
    await compileBicep(tree(), { required: true });
    const planted = await compileBicep(tree({ [`${DIR}/main.bicepparam`]: PARAMS.replace("param name = 'acrdemo'", 'param name = 42') }), { required: true });
    // The .bicepparam sits in the template's folder, which the template's key covers too: nothing is reused.
    expect(planted.cached).toEqual([]);
    expect(planted.findings).toContainEqual(expect.objectContaining({ file: `${DIR}/main.bicepparam`, line: 3, rule: 'BCP033' }));
  });

  it('GIVEN a damaged cache entry THEN it is compiled again, not trusted', async () => {
    const dir = useCacheDir();
    await compileBicep(tree(), { required: true });
    for (const file of readdirSync(join(dir, 'bicep'))) writeFileSync(join(dir, 'bicep', file), '{not json');
    const again = await compileBicep(tree(), { required: true });
    expect(again.cached).toEqual([]);
    expect(again.findings).toEqual([]);
  });

  it('GIVEN KIT_NO_CACHE=1 THEN nothing is read from or written to the cache', async () => {
    const dir = useCacheDir();
    vi.stubEnv('KIT_NO_CACHE', '1');
    await compileBicep(tree(), { required: true });
    expect((await compileBicep(tree(), { required: true })).cached).toEqual([]);
    expect(existsSync(join(dir, 'bicep'))).toBe(false);
  });
});
