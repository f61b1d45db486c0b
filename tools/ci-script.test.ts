import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Real runs of scripts/ci.sh steps in a throw-away repository: git, bash and the script itself are real; only the
// commands the step calls out to (the kit's render, `az`, `npx pnpm kit diff`) are small stand-ins on PATH.

const ROOT = join(import.meta.dirname, '..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-ci-script-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (path: string, content: string, mode?: number) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  if (mode) chmodSync(path, mode);
};
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv }).trim();
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Team Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Team Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** A repository with the CI script, one team spec and its rendered file, cloned from a local bare "origin". */
function teamRepository(): string {
  const origin = join(dir, 'origin.git');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', origin], { env: gitEnv });
  const work = join(dir, 'work');
  execFileSync('git', ['clone', '--quiet', `file://${origin}`, work], { env: gitEnv, stdio: 'ignore' });
  mkdirSync(join(work, 'scripts'));
  copyFileSync(join(ROOT, 'scripts/ci.sh'), join(work, 'scripts/ci.sh'));
  // The render stand-in: each team file becomes gitops/clusters/<cluster>/teams/<team>/namespace.yaml.
  write(
    join(work, 'render.sh'),
    'for f in apps/*/teams/*.yaml; do c=$(echo "$f" | cut -d/ -f2); t=$(basename "$f" .yaml); mkdir -p "gitops/clusters/$c/teams/$t"; { echo "# rendered"; cat "$f"; } > "gitops/clusters/$c/teams/$t/namespace.yaml"; done\n',
  );
  write(join(work, 'apps/weu-prod/teams/dev.yaml'), 'quota:\n  cpu: "32"\n');
  execFileSync('bash', ['render.sh'], { cwd: work });
  git(work, 'add', '-A');
  git(work, 'commit', '--quiet', '-m', 'initial');
  git(work, 'push', '--quiet', 'origin', 'HEAD:main', 'HEAD:refs/heads/team-dev-quota');
  // The team's spec-only change, as the web editor commits it.
  write(join(work, 'apps/weu-prod/teams/dev.yaml'), 'quota:\n  cpu: "48"\n');
  git(work, 'commit', '--quiet', '-am', 'dev: 48 vCPU');
  git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/team-dev-quota');
  return work;
}

const renderBack = (work: string, env: Record<string, string>) =>
  spawnSync('bash', ['scripts/ci.sh', 'render-back'], { cwd: work, encoding: 'utf8', env: { ...gitEnv, KIT_RENDER_COMMAND: 'bash render.sh', ...env } });

describe('scripts/ci.sh render-back', () => {
  it('commits the rendered files of a spec-only change as github-actions[bot] and pushes them to the branch', () => {
    const work = teamRepository();
    const result = renderBack(work, { KIT_RENDER_BACK_PUSH: '1', KIT_RENDER_BACK_BRANCH: 'team-dev-quota' });
    expect(result.status, result.stderr).toBe(0);
    const origin = join(dir, 'origin.git');
    const log = git(origin, 'log', '--format=%an|%s', 'team-dev-quota').split('\n');
    expect(log).toEqual(['github-actions[bot]|kit: render the generated files from the spec [render-back]', 'Team Dev|dev: 48 vCPU', 'Team Dev|initial']);
    expect(git(origin, 'show', 'team-dev-quota:gitops/clusters/weu-prod/teams/dev/namespace.yaml')).toContain('cpu: "48"');
    expect(git(origin, 'diff', '--name-only', 'team-dev-quota~1', 'team-dev-quota')).toBe('gitops/clusters/weu-prod/teams/dev/namespace.yaml');
    expect(git(origin, 'rev-parse', 'main')).toBe(git(origin, 'rev-parse', 'team-dev-quota~2'));
  });

  it('does nothing when the committed files are current (the run after its own commit ends the chain)', () => {
    const work = teamRepository();
    expect(renderBack(work, { KIT_RENDER_BACK_PUSH: '1', KIT_RENDER_BACK_BRANCH: 'team-dev-quota' }).status).toBe(0);
    const head = git(work, 'rev-parse', 'HEAD');
    const again = renderBack(work, { KIT_RENDER_BACK_PUSH: '1', KIT_RENDER_BACK_BRANCH: 'team-dev-quota' });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('the committed files are what the spec renders');
    expect(git(join(dir, 'origin.git'), 'rev-parse', 'team-dev-quota')).toBe(head);
  });

  it('refuses a second render-back commit on top of its own (a render that keeps changing would loop)', () => {
    const work = teamRepository();
    expect(renderBack(work, { KIT_RENDER_BACK_PUSH: '1', KIT_RENDER_BACK_BRANCH: 'team-dev-quota' }).status).toBe(0);
    const head = git(work, 'rev-parse', 'HEAD');
    const unstable = renderBack(work, {
      KIT_RENDER_BACK_PUSH: '1',
      KIT_RENDER_BACK_BRANCH: 'team-dev-quota',
      KIT_RENDER_COMMAND: 'bash render.sh && date +%N >> gitops/clusters/weu-prod/teams/dev/namespace.yaml',
    });
    expect(unstable.status).toBe(1);
    expect(unstable.stderr).toContain('refusing to loop');
    expect(git(join(dir, 'origin.git'), 'rev-parse', 'team-dev-quota')).toBe(head);
  });

  it('without the right to push (a fork), writes the patch and the instructions and exits 1', () => {
    const work = teamRepository();
    const before = git(join(dir, 'origin.git'), 'rev-parse', 'team-dev-quota');
    const result = renderBack(work, { KIT_RENDER_BACK_PUSH: '0' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pnpm install && pnpm render && pnpm kit codeowners');
    expect(readFileSync(join(work, 'kit-render.md'), 'utf8')).toContain('- `gitops/clusters/weu-prod/teams/dev/namespace.yaml`');
    expect(git(join(dir, 'origin.git'), 'rev-parse', 'team-dev-quota')).toBe(before);
    // The patch is what the contributor applies: on a fresh clone of the branch it makes the files current.
    const fresh = join(dir, 'fresh');
    execFileSync('git', ['clone', '--quiet', '--branch', 'team-dev-quota', `file://${join(dir, 'origin.git')}`, fresh], { env: gitEnv, stdio: 'ignore' });
    git(fresh, 'apply', join(work, 'kit-render.patch'));
    expect(readFileSync(join(fresh, 'gitops/clusters/weu-prod/teams/dev/namespace.yaml'), 'utf8')).toContain('cpu: "48"');
  });
});

/** A directory with fake commands, first on PATH. */
function fakeBin(scripts: Record<string, string>): string {
  const bin = join(dir, 'bin');
  for (const [name, body] of Object.entries(scripts)) write(join(bin, name), `#!/usr/bin/env bash\n${body}\n`, 0o755);
  return bin;
}

describe('scripts/ci.sh what-if', () => {
  const runWhatIf = (env: Record<string, string>) => {
    const calls = join(dir, 'az-calls');
    // `az group exists` answers true except for the group named in MISSING_GROUP; the what-if prints a result.
    const bin = fakeBin({
      az: `printf '%s\\n' "$*" >> "${calls}"; if [ "$1 $2" = "group exists" ]; then [ "$6" = "\${MISSING_GROUP:-}" ] && echo false || echo true; else echo "Resource changes: 1 to modify."; fi`,
    });
    const result = spawnSync('bash', ['scripts/ci.sh', 'what-if'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, KIT_WHAT_IF_OUTPUT: join(dir, 'what-if.md'), ...env },
    });
    return { result, calls: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [], markdown: readFileSync(join(dir, 'what-if.md'), 'utf8') };
  };

  it("runs az deployment group what-if with each changed cluster's bicepparam, subscription and resource group", () => {
    const { result, calls, markdown } = runWhatIf({ KIT_AZURE_LOGIN: '1', KIT_CLUSTERS: 'weu-prod,neu-prod' });
    expect(result.status, result.stderr).toBe(0);
    const spec = (cluster: string, field: string) =>
      readFileSync(join(ROOT, `apps/${cluster}/platform.yaml`), 'utf8').match(new RegExp(`^    ${field}: (\\S+)$`, 'm'))![1];
    expect(calls).toEqual(
      ['weu-prod', 'neu-prod'].flatMap((c) => [
        `group exists --subscription ${spec(c, 'subscriptionId')} --name ${spec(c, 'resourceGroup')}`,
        `deployment group what-if --subscription ${spec(c, 'subscriptionId')} --resource-group ${spec(c, 'resourceGroup')} --name kit-what-if-${c} --parameters gitops/azure/${c}/main.bicepparam --validation-level ProviderNoRbac --only-show-errors`,
      ]),
    );
    expect(markdown).toContain('<code>weu-prod</code> (resource group <code>rg-aks-weu-prod</code>)</summary>');
    expect(markdown).toContain('Resource changes: 1 to modify.');
  });

  it("says a new cluster's missing resource group has nothing to compare, and runs no what-if for it", () => {
    const { result, calls, markdown } = runWhatIf({ KIT_AZURE_LOGIN: '1', KIT_CLUSTERS: 'weu-prod,neu-prod', MISSING_GROUP: 'rg-aks-neu-prod' });
    expect(result.status, result.stderr).toBe(0);
    expect(calls.filter((c) => c.startsWith('deployment group what-if')).map((c) => c.match(/--name (\S+)/)![1])).toEqual(['kit-what-if-weu-prod']);
    expect(markdown).toContain('- `neu-prod`: resource group `rg-aks-neu-prod` does not exist yet');
  });

  it('reports a failed what-if in the comment and exits 1', () => {
    const bin = fakeBin({ az: 'if [ "$1 $2" = "group exists" ]; then echo true; else echo "InvalidTemplate" >&2; exit 3; fi' });
    const result = spawnSync('bash', ['scripts/ci.sh', 'what-if'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, KIT_WHAT_IF_OUTPUT: join(dir, 'what-if.md'), KIT_AZURE_LOGIN: '1', KIT_CLUSTERS: 'weu-prod' },
    });
    expect(result.status).toBe(1);
    expect(readFileSync(join(dir, 'what-if.md'), 'utf8')).toMatch(/what-if failed[\s\S]*InvalidTemplate/);
  });

  it('without Azure credentials says so in the comment, calls no az and passes', () => {
    const { result, calls, markdown } = runWhatIf({ KIT_AZURE_LOGIN: '0', KIT_CLUSTERS: 'weu-prod' });
    expect(result.status).toBe(0);
    expect(calls).toEqual([]);
    expect(markdown).toContain('#### Azure what-if: skipped');
    expect(markdown).toContain('No Azure credentials in this run');
    expect(result.stdout).toContain('No Azure credentials in this run');
  });
});

describe('scripts/ci.sh diff', () => {
  it('prints the comment kit diff wrote even when it exits 1 with a policy finding, and keeps the exit code', () => {
    const work = join(dir, 'repo');
    mkdirSync(join(work, 'scripts'), { recursive: true });
    copyFileSync(join(ROOT, 'scripts/ci.sh'), join(work, 'scripts/ci.sh'));
    // `npx -y pnpm@10 kit diff ... --output kit-diff.md` as kit does on KIT-OFFBOARD-001: file written, exit 1.
    const bin = fakeBin({ npx: 'printf "KIT-OFFBOARD-001: team payments may hold data\\n" > kit-diff.md; exit 1' });
    const result = spawnSync('bash', ['scripts/ci.sh', 'diff', 'origin/main'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('KIT-OFFBOARD-001: team payments may hold data');
  });
});
