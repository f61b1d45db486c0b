import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClusterDiff } from '@aks-hybrid/gitops';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diffCommand, type DiffArgs } from './diff.js';
import { renderCommand } from './render.js';
import { editFile } from '../testing/temp-repo.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEV = 'apps/weu-prod/teams/dev.yaml';
const PLATFORM = 'apps/weu-prod/platform.yaml';

let root: string;
let initial: string;
let output: string[];
const log = (line: string) => output.push(line);
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();
const edit = (path: string, change: (text: string) => string) => editFile(root, path, change);
const diff = (options: Partial<DiffArgs> = {}) => diffCommand({ root, clusters: ['weu-prod'], all: false, json: false, base: 'HEAD', ...options }, log);
const json = () => JSON.parse(output.join('\n')) as { version: number; clusters: ClusterDiff[] };

/**
 * A git repository holding a copy of the specs and a fresh render of them, committed: what a
 * user's clone holds on main. Rendered here so the test does not depend on the committed tree.
 */
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kit-diff-'));
  for (const entry of ['apps', 'gitops', 'docs', 'nx.json']) cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true });
  expect(await renderCommand({ root, clusters: [], all: true, check: false, dryRun: false }, () => {})).toBe(0);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  initial = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  output = [];
});
afterEach(() => {
  git('reset', '-q', '--hard', initial);
  git('clean', '-qfd');
});

describe('kit diff --base HEAD', () => {
  it('GIVEN no change THEN it says so and exits 0', async () => {
    expect(await diff()).toBe(0);
    expect(output.join('\n')).toContain('No desired-state change for weu-prod.');
  });

  it('GIVEN a quota raised in the spec (not rendered) THEN the comment shows requests.cpu 32 -> 48, exit 0, nothing written', async () => {
    edit(DEV, (t) => t.replace("cpu: '32'", "cpu: '48'"));
    expect(await diff()).toBe(0);
    const md = output.join('\n');
    expect(md).toContain('## Desired-state change against `HEAD`');
    expect(md).toContain('**0 objects added, 1 changed, 0 removed; 0 Bicep parameters changed; SLA unchanged**');
    expect(md).toContain('`ResourceQuota` `dev/team-quota`');
    expect(md).toContain('hard requests.cpu: `32` → `48`');
    // The diff renders in memory: only the spec edit is in the working tree.
    expect(git('status', '--porcelain')).toBe(`M ${DEV}`);
  });

  it('GIVEN a team onboarded WHEN --json THEN its objects are added and its group gets cluster access', async () => {
    const team = readFileSync(join(root, 'apps/weu-prod/teams/checkout.yaml'), 'utf8')
      .replace(/^  name: checkout$/m, '  name: payments')
      .replace(/groupObjectId: [0-9a-f-]+/, 'groupObjectId: 2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a');
    writeFileSync(join(root, 'apps/weu-prod/teams/payments.yaml'), team);
    expect(await diff({ json: true })).toBe(0);
    const [cluster] = json().clusters;
    expect(cluster?.status).toBe('changed');
    expect(cluster?.objects.added.find((o) => o.kind === 'Namespace')?.name).toBe('payments');
    const binding = cluster?.objects.added.find((o) => o.kind === 'RoleBinding' && o.name === 'team-edit');
    expect(binding?.facts).toContainEqual({ what: 'subjects', value: ['Group 2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a'] });
    expect(cluster?.bicep.parameters.map((p) => p.name)).toContain('clusterUserGroupObjectIds');
    expect(cluster?.objects.removed).toEqual([]);
  });

  it('GIVEN a pool resized WHEN --output THEN the file holds the comment with the pool row and the log the summary', async () => {
    edit(PLATFORM, (t) => t.replace('maxCount: 12', 'maxCount: 20'));
    const target = join(root, 'out', 'diff.md');
    expect(await diff({ output: target })).toBe(0);
    const md = readFileSync(target, 'utf8');
    expect(md).toMatch(/\| memory \| agentPools \| \S+ \| 0 \| 12 → \*\*20\*\* \|/);
    expect(md).toContain('agentPools[memory].maxCount: `12` → `20`');
    expect(output).toContain(`Wrote ${target}`);
    expect(output.join('\n')).toMatch(/weu-prod: 0 objects added, 0 changed, 0 removed; 1 Bicep parameter changed/);
  });

  it('GIVEN a cluster deleted from the working tree WHEN --all THEN it is reported as removed', async () => {
    rmSync(join(root, 'apps/weu-prod'), { recursive: true, force: true });
    expect(await diff({ all: true, clusters: [], json: true })).toBe(0);
    const removed = json().clusters.find((c) => c.cluster === 'weu-prod');
    expect(removed?.status).toBe('removed');
    expect(removed?.objects.added).toEqual([]);
    expect(removed?.objects.removed.some((o) => o.kind === 'Namespace' && o.name === 'dev')).toBe(true);
  });

  it('GIVEN a spec error in the working tree THEN it prints the problem and exits 1', async () => {
    edit(DEV, (t) => t.replace("cpu: '32'", "cpu: 'lots'"));
    expect(await diff()).toBe(1);
    expect(output.join('\n')).toContain(DEV);
  });

  it('GIVEN a base whose spec does not load THEN the diff still runs and says the SLA was not compared', async () => {
    edit(PLATFORM, (t) => t.replace('kubernetesVersion:', 'kubernetesVersionTypo:'));
    git('commit', '-q', '-am', 'broken spec');
    git('checkout', '-q', initial, '--', PLATFORM);
    expect(await diff()).toBe(0);
    expect(output.join('\n')).toMatch(/does not load.*SLA figures cannot be compared/);
  });

  it('GIVEN `ref...` THEN it compares with the merge base of ref and HEAD', async () => {
    edit(DEV, (t) => t.replace("cpu: '32'", "cpu: '40'"));
    git('commit', '-q', '-am', 'raise quota');
    expect(await diff({ base: 'HEAD~1...' })).toBe(0);
    expect(output.join('\n')).toContain('hard requests.cpu: `32` → `40`');
  });
});

describe('kit diff: errors', () => {
  it('GIVEN a ref that does not exist THEN exit 2 with the name', async () => {
    expect(await diff({ base: 'origin/nope' })).toBe(2);
    expect(output.join('\n')).toMatch(/the base ref "origin\/nope" does not exist/);
  });

  it('GIVEN a shallow clone without the base THEN exit 2 and say how to fetch it', async () => {
    edit(DEV, (t) => t.replace("cpu: '32'", "cpu: '40'"));
    git('commit', '-q', '-am', 'second');
    const clone = mkdtempSync(join(tmpdir(), 'kit-diff-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone], { stdio: 'ignore' });
      expect(await diffCommand({ root: clone, clusters: ['weu-prod'], all: false, json: false, base: 'HEAD~1' }, log)).toBe(2);
      expect(output.join('\n')).toMatch(/shallow.*fetch/);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('GIVEN a folder outside git THEN exit 2', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'kit-diff-nogit-'));
    try {
      cpSync(join(root, 'apps'), join(plain, 'apps'), { recursive: true });
      expect(existsSync(join(plain, '.git'))).toBe(false);
      expect(await diffCommand({ root: plain, clusters: ['weu-prod'], all: false, json: false, base: 'HEAD' }, log)).toBe(2);
      expect(output.join('\n')).toMatch(/not inside a git repository/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('GIVEN a cluster that exists nowhere THEN exit 2 and list the clusters', async () => {
    expect(await diff({ clusters: ['nowhere'] })).toBe(2);
    expect(output.join('\n')).toMatch(/no cluster nowhere.*weu-prod/);
  });
});
