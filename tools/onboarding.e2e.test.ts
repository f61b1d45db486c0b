import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kustomizeBuild } from '@aks-hybrid/validate';

/**
 * The README's onboarding command, run for real: `nx g team-namespace` through the Nx CLI on a fresh
 * git clone of the example, then `kustomize build` over what it wrote.
 */
const ROOT = join(import.meta.dirname, '..');
const GUID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
let clone: string;

/** Nx as CI runs it: no daemon, cloud, prompts, cache or colours. */
const NX_ENV = {
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_INTERACTIVE: 'false',
  NX_SKIP_NX_CACHE: 'true',
  CI: 'true',
  FORCE_COLOR: '0',
  NO_COLOR: '1',
};

const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8' });
const nx = (...args: string[]) =>
  execFileSync(process.execPath, [join(clone, 'node_modules/nx/dist/bin/nx.js'), ...args], {
    cwd: clone,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '--conditions=@aks-hybrid/source', ...NX_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'kit-clone-'));
  // What a clone holds: every file git knows about (committed or not yet), no build output.
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(clone, file));
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'add', '-A');
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'commit', '-qm', 'clone');
}, 60_000);
afterAll(() => rmSync(clone, { recursive: true, force: true }));

/**
 * Nx started without the workspace's Node option (`node_modules/.bin/nx`, `npx nx`): the generator
 * must load all the same (issue 12: it failed with "Cannot find module generators/dist/...").
 */
const cleanEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...NX_ENV };
  delete env.NODE_OPTIONS;
  for (const key of Object.keys(env)) if (key.startsWith('npm_config_') || key.startsWith('VITEST')) delete env[key];
  return env;
};

describe('nx g team-namespace on a clone, started without NODE_OPTIONS', () => {
  it.each([
    ['node_modules/.bin/nx', () => [join(clone, 'node_modules/.bin/nx')]],
    ['npx nx', () => ['npx', '--no-install', 'nx']],
  ])('%s g team-namespace --dry-run loads the generator and writes nothing', (_how, command) => {
    const [file, ...args] = command();
    const out = execFileSync(file!, [...args, 'g', 'team-namespace', '--name', 'search', '--groupObjectId', GUID, '--dry-run'], {
      cwd: clone,
      encoding: 'utf8',
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).not.toMatch(/Cannot find module/);
    expect(out).toMatch(/CREATE apps\/weu-prod\/teams\/search.yaml/);
    expect(git('status', '--porcelain')).toBe('');
  });
});

describe('nx g team-namespace on a clone', () => {
  it('--dry-run lists what it would write and writes nothing', () => {
    const out = nx('g', 'team-namespace', '--name', 'search', '--groupObjectId', GUID, '--dry-run');
    expect(out).toMatch(/CREATE apps\/weu-prod\/teams\/search.yaml/);
    expect(out).toMatch(/CREATE gitops\/clusters\/weu-prod\/teams\/search\/namespace.yaml/);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('adds the team and its manifests, which kustomize builds', async () => {
    const out = nx('g', 'team-namespace', '--name', 'payments', '--groupObjectId', GUID);
    expect(out).toMatch(/Team payments onboarded to weu-prod/);
    expect(existsSync(join(clone, 'apps/weu-prod/teams/payments.yaml'))).toBe(true);
    const index = parse(readFileSync(join(clone, 'gitops/clusters/weu-prod/teams/kustomization.yaml'), 'utf8')) as { resources: string[] };
    expect(index.resources).toContain('payments');
    const build = await kustomizeBuild(join(clone, 'gitops/clusters/weu-prod/teams'));
    expect(build.stderr).toBe('');
    expect(build.ok).toBe(true);
    const objects = parseAllDocuments(build.output).map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace?: string } });
    expect(objects.some((o) => o.kind === 'Namespace' && o.metadata.name === 'payments')).toBe(true);
    expect(objects.some((o) => o.kind === 'RoleBinding' && o.metadata.namespace === 'payments')).toBe(true);
    expect((await kustomizeBuild(join(clone, 'gitops/clusters/weu-prod'))).ok).toBe(true);
  });

  it('is idempotent: the same command again changes nothing', () => {
    const before = git('status', '--porcelain');
    const out = nx('g', 'team-namespace', '--name', 'payments', '--groupObjectId', GUID);
    expect(out).toMatch(/already onboarded/);
    expect(git('status', '--porcelain')).toBe(before);
  });

  it('fails on bad input with a clear message and writes nothing', () => {
    const before = git('status', '--porcelain');
    expect(() => nx('g', 'team-namespace', '--name', 'analytics', '--groupObjectId', GUID, '--nodePool', 'gpu')).toThrow(
      /--nodePool "gpu" is not a user pool of weu-prod/,
    );
    expect(git('status', '--porcelain')).toBe(before);
  });

  it('--commit creates onboard/<team> with exactly the files it wrote', () => {
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'add', '-A');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'commit', '-qm', 'payments');
    execFileSync('git', ['config', 'user.email', 'ci@example.com'], { cwd: clone });
    execFileSync('git', ['config', 'user.name', 'CI'], { cwd: clone });
    nx('g', 'team-namespace', '--name', 'search', '--groupObjectId', GUID, '--commit');
    expect(git('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('onboard/search');
    const files = git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    expect(files).toContain('apps/weu-prod/teams/search.yaml');
    expect(files).toContain('gitops/clusters/weu-prod/teams/search/rbac.yaml');
    expect(files.every((f) => f.startsWith('apps/weu-prod/') || f.startsWith('gitops/'))).toBe(true);
    expect(git('log', '-1', '--format=%s').trim()).toBe('Onboard team search to weu-prod');
    expect(git('status', '--porcelain')).toBe('');
  });
});
