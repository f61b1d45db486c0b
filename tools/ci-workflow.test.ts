import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string };
type Workflow = { name: string; on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: Step[] }> };

/** The steps scripts/ci.sh offers: the `case` labels of its dispatcher. */
const scriptSteps = [...read('scripts/ci.sh').matchAll(/^\s{2}([a-z]+)\)/gm)].map((m) => m[1]);

describe.each(['.github/workflows/ci.yml', '.github/workflows/release.yml'])('%s', (file) => {
  const workflow = parse(read(file)) as Workflow;

  it('is a well-formed GitHub Actions workflow', () => {
    expect(typeof workflow.name).toBe('string');
    expect(Object.keys(workflow.on).length).toBeGreaterThan(0);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      expect(job['runs-on'], id).toBe('ubuntu-latest');
      expect(job.steps.length, id).toBeGreaterThan(0);
      for (const step of job.steps) {
        // Exactly one of uses/run, and actions pinned to a major version.
        expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
        if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      }
    }
  });
});

describe('the CI workflow', () => {
  const workflow = parse(read('.github/workflows/ci.yml')) as Workflow;
  const runs = workflow.jobs.gate!.steps.filter((s) => s.run).map((s) => s.run!.trim());

  it('runs on pull requests with the history nx affected needs', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.jobs.gate!.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(workflow.permissions).toMatchObject({ 'pull-requests': 'write', contents: 'read' });
  });

  it('calls only steps of scripts/ci.sh (the same commands for every CI system), in gate order', () => {
    const steps = runs.filter((r) => r.startsWith('bash scripts/ci.sh')).map((r) => r.split(' ')[2]);
    expect(steps).toEqual(['install', 'check', 'validate', 'test', 'diff']);
    for (const step of steps) expect(scriptSteps).toContain(step);
    expect(runs.filter((r) => !r.startsWith('bash scripts/ci.sh'))).toEqual([expect.stringMatching(/^gh pr comment .*--body-file kit-diff.md/)]);
  });

  it('sets up the .NET SDK before the install, which restores the pinned Bicep CLI and checks it is there', () => {
    const steps = workflow.jobs.gate!.steps;
    const dotnet = steps.findIndex((s) => s.uses?.startsWith('actions/setup-dotnet@'));
    const install = steps.findIndex((s) => s.run?.trim() === 'bash scripts/ci.sh install');
    expect(dotnet).toBeGreaterThan(-1);
    expect(dotnet).toBeLessThan(install);
    expect(steps[dotnet]!.with).toEqual({ 'dotnet-version': '10.0.x' });
    expect(read('package.json')).toMatch(/"postinstall": "node scripts\/install-bicep.mjs"/);
    expect(read('scripts/ci.sh')).toMatch(/^step_install\(\) \{ .*install --frozen-lockfile && "\$\{PNPM\[@\]\}" kit bicep --version; \}$/m);
  });

  it('makes the Bicep compiler required in the adopter script and in this repository\'s CI', () => {
    expect(read('scripts/ci.sh')).toMatch(/^export KIT_REQUIRE_BICEP=1$/m);
    expect(read('.ci/run')).toMatch(/^export KIT_REQUIRE_BICEP=1$/m);
  });

  it('is documented in the README with the same script', () => {
    expect(read('README.md')).toContain('bash scripts/ci.sh all origin/main');
    expect(read('README.md')).toContain('`pnpm install` also fetches the\npinned Bicep CLI');
    expect(read('README.md')).toContain('`actions/setup-dotnet`, 10.0.x');
  });

  it('has a script twin that passes locally', () => {
    execFileSync('bash', ['-n', 'scripts/ci.sh'], { cwd: ROOT });
    const out = execFileSync('bash', ['scripts/ci.sh', 'check', 'HEAD'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(out).toMatch(/JSON Schemas are up to date/);
    // Each cluster's check renders, and so compiles its Bicep with the real CLI (~4 s of .NET start-up each).
  }, 240_000);
});
