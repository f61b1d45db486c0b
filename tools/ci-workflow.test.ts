import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
type Step = { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string; env?: Record<string, string> };
type Job = { 'runs-on': string; permissions?: Record<string, string>; env?: Record<string, string>; steps: Step[] };
type Workflow = { name: string; on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };

/** The steps scripts/ci.sh offers: the `case` labels of its dispatcher. */
const scriptSteps = [...read('scripts/ci.sh').matchAll(/^\s{2}([a-z-]+)\)/gm)].map((m) => m[1]);

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
    expect(steps).toEqual(['install', 'render-back', 'check', 'validate', 'test', 'changeset', 'diff', 'what-if']);
    for (const step of steps) expect(scriptSteps).toContain(step);
    // Every step of the script but `all` is in the workflow: nothing one CI system runs that the other skips.
    expect(scriptSteps.filter((s) => s !== 'all').sort()).toEqual([...steps].sort());
    expect(runs.filter((r) => !r.startsWith('bash scripts/ci.sh'))).toEqual([
      expect.stringMatching(/kit-render\.md.*gh pr comment/),
      expect.stringMatching(/^cat kit-diff.md kit-what-if.md > kit-comment.md.*gh pr comment .*--body-file kit-comment.md/),
    ]);
  });

  const steps = workflow.jobs.gate!.steps;
  const step = (id: string) => {
    const found = steps.find((s) => s.id === id);
    if (!found) throw new Error(`no step with id ${id}`);
    return found;
  };

  it('checks out the pull request head (not the merge commit) with a token that may push, and nothing more', () => {
    expect(steps[0]!.with).toMatchObject({ ref: '${{ github.event.pull_request.head.sha || github.sha }}' });
    expect(workflow.jobs.gate!.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' });
  });

  it('renders spec-only pull requests back to the branch, and only a branch of this repository (a fork gets the patch)', () => {
    const renderBack = step('render-back');
    expect(renderBack.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs.gate!.env!.SAME_REPO).toBe("${{ github.event_name == 'push' || github.event.pull_request.head.repo.full_name == github.repository }}");
    expect(renderBack.env).toEqual({ KIT_RENDER_BACK_PUSH: "${{ env.SAME_REPO == 'true' && '1' || '0' }}", KIT_RENDER_BACK_BRANCH: '${{ github.head_ref }}' });
    // Before check: check then runs on the pushed commit, which no new run would check (GITHUB_TOKEN pushes start none).
    expect(steps.indexOf(renderBack)).toBeLessThan(steps.findIndex((s) => s.run?.trim() === 'bash scripts/ci.sh check'));
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe("failure() && steps.render-back.outcome == 'failure'");
    expect(upload.with).toMatchObject({ path: 'kit-render.patch' });
  });

  it('writes the diff and the what-if even after a failed step, and posts them before the job fails', () => {
    for (const id of ['diff', 'what-if'])
      expect(step(id).if).toMatch(/^\$\{\{ !cancelled\(\) && github.event_name == 'pull_request' && steps.install.outcome == 'success'/);
    const post = steps.at(-1)!;
    expect(post.if).toMatch(/^\$\{\{ !cancelled\(\) /);
    expect(post.run).toContain('gh pr comment');
  });

  it('logs in to Azure with OIDC from repository variables only when they are set and the branch is ours', () => {
    const login = step('azure-login');
    expect(login.uses).toBe('azure/login@v2');
    expect(login.with).toEqual({
      'client-id': '${{ vars.AZURE_CLIENT_ID }}',
      'tenant-id': '${{ vars.AZURE_TENANT_ID }}',
      'subscription-id': '${{ vars.AZURE_SUBSCRIPTION_ID }}',
    });
    expect(login.if).toContain("vars.AZURE_CLIENT_ID != ''");
    expect(login.if).toContain("env.SAME_REPO == 'true'");
    const whatIf = step('what-if');
    expect(steps.indexOf(login)).toBeLessThan(steps.indexOf(whatIf));
    // The what-if step always runs; without a login the script says it skipped (tools/ci-script.test.ts).
    expect(whatIf.if).not.toContain('AZURE_CLIENT_ID');
    expect(whatIf.env).toEqual({ KIT_AZURE_LOGIN: "${{ steps.azure-login.outcome == 'success' && '1' || '0' }}" });
  });

  it("keeps .github/CODEOWNERS current: in `pnpm check`, in the script's check, and in what render-back commits", () => {
    expect(JSON.parse(read('package.json')).scripts.check).toMatch(/ && kit codeowners --check$/);
    const stepCheck = read('scripts/ci.sh').split('\nstep_check() {\n')[1]!.split('\n}\n')[0];
    expect(stepCheck).toMatch(/^ {2}"\$\{PNPM\[@\]\}" kit codeowners --check$/m);
    expect(read('scripts/ci.sh')).toMatch(/^RENDERED_PATHS=\(gitops docs \.github\/CODEOWNERS\)$/m);
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

  it("makes the Bicep compiler required in the adopter script and in this repository's CI", () => {
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

describe('a pull request that changes a published package needs a changeset', () => {
  const workflow = parse(read('.github/workflows/ci.yml')) as Workflow;
  const step = workflow.jobs.gate!.steps.find((s) => s.run?.trim() === 'bash scripts/ci.sh changeset');

  it('GIVEN the workflow THEN its pull-request job runs `changeset status` against the base, exempting only our own release branch', () => {
    expect(step).toBeDefined();
    expect(step!.if).toBe("github.event_name == 'pull_request'");
    expect(step!.env).toEqual({ KIT_HEAD_BRANCH: "${{ env.SAME_REPO == 'true' && github.head_ref || '' }}" });
    expect(read('scripts/ci.sh')).toMatch(/"\$\{PNPM\[@\]\}" changeset status --since="\$BASE"/);
    expect(read('scripts/ci.sh')).toMatch(/^ {2}all\) .*step_test; step_changeset; /m);
  });

  // Real runs of the step, with the real changesets CLI and this repository's .changeset/config.json, in a
  // throw-away workspace with one published and one private package.
  const gitEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Dev',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'Dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const changesetCli = `${process.execPath} ${join(ROOT, 'node_modules/@changesets/cli/bin.js')}`;

  function workspace(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kit-changeset-'));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    put('package.json', JSON.stringify({ name: 'adopter', private: true }));
    put('pnpm-workspace.yaml', 'packages:\n  - packages/*\n');
    put('packages/published/package.json', JSON.stringify({ name: '@adopter/published', version: '0.1.0' }));
    put('packages/published/src/index.ts', 'export const a = 1;\n');
    put('packages/published/src/index.test.ts', '// test\n');
    put('packages/internal/package.json', JSON.stringify({ name: '@adopter/internal', version: '0.0.0', private: true }));
    put('packages/internal/src/index.ts', 'export const b = 1;\n');
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(join(ROOT, 'scripts/ci.sh'), join(dir, 'scripts/ci.sh'));
    mkdirSync(join(dir, '.changeset'));
    copyFileSync(join(ROOT, '.changeset/config.json'), join(dir, '.changeset/config.json'));
    execFileSync('git', ['init', '--quiet', '--initial-branch=main'], { cwd: dir, env: gitEnv });
    execFileSync('git', ['add', '-A'], { cwd: dir, env: gitEnv });
    execFileSync('git', ['commit', '--quiet', '-m', 'initial'], { cwd: dir, env: gitEnv });
    execFileSync('git', ['checkout', '--quiet', '-b', 'change'], { cwd: dir, env: gitEnv });
    return dir;
  }

  /** Commits `files` on the branch, then runs the CI step against main. */
  function pullRequest(files: Record<string, string>, env: Record<string, string> = {}) {
    const dir = workspace();
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      execFileSync('git', ['add', '-A'], { cwd: dir, env: gitEnv });
      execFileSync('git', ['commit', '--quiet', '-m', 'change'], { cwd: dir, env: gitEnv });
      return spawnSync('bash', ['scripts/ci.sh', 'changeset', 'main'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...gitEnv, CHANGESET_COMMAND: changesetCli, FORCE_COLOR: '0', ...env },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const changeset = '---\n"@adopter/published": patch\n---\n\nSay what changed.\n';

  it('GIVEN a change to a published package without a changeset THEN the step fails and says to add one', () => {
    const result = pullRequest({ 'packages/published/src/index.ts': 'export const a = 2;\n' });
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toMatch(/no changesets were found/);
  });

  it('GIVEN the same change with a changeset THEN the step passes', () => {
    const result = pullRequest({ 'packages/published/src/index.ts': 'export const a = 2;\n', '.changeset/a-change.md': changeset });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it.each([
    ['a test of a published package', { 'packages/published/src/index.test.ts': '// another test\n' }],
    ['a private package', { 'packages/internal/src/index.ts': 'export const b = 2;\n' }],
    ['no package at all', { 'docs/readme.md': 'words\n' }],
  ])('GIVEN a change to %s without a changeset THEN the step passes', (_, files) => {
    const result = pullRequest(files);
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it("GIVEN changesets/action's release branch (versions bumped, changesets consumed) THEN it is not checked; any other branch is", () => {
    const bump = { 'packages/published/package.json': JSON.stringify({ name: '@adopter/published', version: '0.1.1' }) };
    const release = pullRequest(bump, { KIT_HEAD_BRANCH: 'changeset-release/main' });
    expect(release.status, `${release.stdout}${release.stderr}`).toBe(0);
    expect(release.stdout).toMatch(/release pull request/);
    expect(pullRequest(bump, { KIT_HEAD_BRANCH: 'feature' }).status).toBe(1);
  });
});
