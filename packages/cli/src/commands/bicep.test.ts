import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PINNED_BICEP_VERSION } from '@aks-hybrid/bicep';
import { REPO_ROOT, tempRepo } from '../testing/temp-repo.js';
import { renderCommand } from './render.js';
import { validateCommand } from './validate.js';

// These tests run the real Bicep CLI the kit locates (the pinned one in CI); without it they fail, never skip.
const KIT = join(REPO_ROOT, 'packages/cli/bin/kit.mjs');
const kit = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, ['--conditions=@aks-hybrid/source', KIT, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120_000 });

describe('kit bicep', () => {
  it('GIVEN --version THEN it passes through to the located CLI and prints its version', () => {
    const result = kit(['bicep', '--version']);
    expect(result.stdout).toContain(`Bicep CLI version ${PINNED_BICEP_VERSION}`);
    expect(result.status).toBe(0);
  });

  it("GIVEN a failing Bicep command THEN the CLI's exit code comes back", () => {
    const result = kit(['bicep', 'build', join(REPO_ROOT, 'no-such-file.bicep')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no-such-file\.bicep/);
  });

  it('GIVEN no CLI can be found THEN it exits 2 and says how to get one', () => {
    const result = kit(['bicep', '--version'], { ...process.env, KIT_BICEP: '/nonexistent/bicep' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Bicep CLI not found \(KIT_BICEP=\/nonexistent\/bicep is not an executable file\).*pnpm install.*az bicep install/);
  });
});

describe('kit validate and the Bicep compiler', () => {
  let repo: ReturnType<typeof tempRepo>;
  let output: string[];
  const validate = () => validateCommand({ root: repo.root, clusters: ['weu-prod'], all: false, json: false }, (line) => output.push(line));
  beforeEach(() => {
    repo = tempRepo();
    output = [];
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    repo.dispose();
  });

  /** The template weu-prod's main.bicepparam deploys, as its `using` line names it. */
  const templateOf = (root: string): string => {
    const params = join(root, 'gitops/azure/weu-prod/main.bicepparam');
    const using = /^using '([^']+)'/m.exec(readFileSync(params, 'utf8'))![1]!;
    return join(dirname(params), using);
  };

  it('GIVEN a type error planted in the committed template THEN validate exits 1 with the BCP code, the file and the line', async () => {
    const template = templateOf(repo.root);
    const lines = readFileSync(template, 'utf8').split('\n').length;
    writeFileSync(template, `${readFileSync(template, 'utf8')}\n@description('Planted.')\noutput planted int = 'not a number'\n`);
    expect(await validate()).toBe(1);
    const text = output.join('\n');
    expect(text).toMatch(/\[BCP033\] Error at line \d+, column 22: Expected a value of type "int" but the provided value is of type "'not a number'"/);
    expect(text).toContain(`[BCP033] Error at line ${lines + 2},`);
    expect(text).toContain(template.slice(repo.root.length + 1));
  });

  it('GIVEN no Bicep CLI THEN validate exits 1 and says the Bicep was not compiled and how to get the CLI', async () => {
    vi.stubEnv('KIT_BICEP', '/nonexistent/bicep');
    expect(await validate()).toBe(1);
    expect(output.join('\n')).toMatch(/\[bicep-compiler\] the Bicep was not compiled.*az bicep install/);
  });
});

describe('kit render without a Bicep CLI', () => {
  let repo: ReturnType<typeof tempRepo>;
  beforeEach(() => {
    repo = tempRepo();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    repo.dispose();
  });

  it('GIVEN no CLI on a developer machine THEN render still renders and says once that the Bicep was not compiled', async () => {
    vi.stubEnv('KIT_BICEP', '/nonexistent/bicep');
    vi.stubEnv('KIT_REQUIRE_BICEP', '');
    vi.stubEnv('CI', '');
    const output: string[] = [];
    await renderCommand({ root: repo.root, clusters: [], all: true, check: false, dryRun: true }, (line) => output.push(line));
    const text = output.join('\n');
    expect(text.match(/The Bicep was not compiled/g)).toHaveLength(1);
    expect(text).toMatch(/^The Bicep was not compiled: no Bicep CLI found\. .*az bicep install.*KIT_BICEP/m);
    expect(text).not.toMatch(/bicep-compiler|nothing was written/);
  });

  it('GIVEN no CLI in CI (KIT_REQUIRE_BICEP=1) THEN render refuses to write', async () => {
    vi.stubEnv('KIT_BICEP', '/nonexistent/bicep');
    vi.stubEnv('KIT_REQUIRE_BICEP', '1');
    const output: string[] = [];
    expect(await renderCommand({ root: repo.root, clusters: ['weu-prod'], all: false, check: false, dryRun: true }, (line) => output.push(line))).toBe(1);
    expect(output.join('\n')).toMatch(/nothing was written[\s\S]*\[bicep-compiler\] the Bicep was not compiled/);
  });
});

describe('the Nx target', () => {
  it('runs kit validate, so a compiler finding fails `pnpm nx run <cluster>:validate`', () => {
    const project = JSON.parse(execFileSync('cat', [join(REPO_ROOT, 'apps/weu-prod/project.json')], { encoding: 'utf8' })) as {
      targets: { validate: { command: string } };
    };
    expect(project.targets.validate.command).toBe('kit validate {projectName}');
  });
});
