import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tree } from '@nx/devkit';
import { GitWorkspace } from '../testing/git-workspace.js';
import { teamNamespaceGenerator, type GeneratorDependencies } from './generator.js';
import { gitIn } from './git-commit.js';

const CLUSTER = 'weu-prod';
const GUID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const TEAM_FILE = `apps/${CLUSTER}/teams/analytics.yaml`;
const OPTIONS = { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID, commit: true } as const;

let ws: GitWorkspace;
let deps: GeneratorDependencies;
beforeEach(() => {
  ws = new GitWorkspace();
  deps = { git: gitIn(ws.root), lookupGroup: async () => Promise.reject(new Error('offline')) };
});
afterEach(() => ws.remove());

/** Runs the generator as Nx does: generate on a Tree, flush it to disk, then run the callback. */
async function onboard(tree: Tree = ws.tree(), options: Record<string, unknown> = OPTIONS): Promise<void> {
  const callback = await teamNamespaceGenerator(tree, { ...OPTIONS, ...options }, deps);
  ws.flush(tree);
  await callback();
}

const committedFiles = () => ws.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n');

describe('--commit in a real repository', () => {
  it('GIVEN a clean tree THEN onboard/<team> holds one commit with the team file and its manifests', async () => {
    await onboard();
    expect(ws.git('branch', '--show-current').trim()).toBe('onboard/analytics');
    expect(committedFiles()).toContain(TEAM_FILE);
    expect(committedFiles()).toContain(`gitops/clusters/${CLUSTER}/teams/analytics/rbac.yaml`);
    expect(ws.git('status', '--porcelain').trim()).toBe('');
  });

  it("GIVEN another team's spec edited but not committed THEN refused with the file listed, nothing written", async () => {
    const dev = `apps/${CLUSTER}/teams/dev.yaml`;
    ws.write(dev, ws.read(dev).replace("cpu: '32'", "cpu: '24'"));
    const tree = ws.tree();
    const error = await teamNamespaceGenerator(tree, OPTIONS, deps).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/--commit needs a working tree without other uncommitted changes; nothing was written/);
    expect((error as Error).message).toContain(`  - ${dev}`);
    expect((error as Error).message).toMatch(/git stash push --include-untracked/);
    expect(tree.exists(TEAM_FILE)).toBe(false);
    expect(ws.git('branch', '--list', 'onboard/analytics').trim()).toBe('');
  });

  it('GIVEN onboard/<team> exists and is not checked out THEN refused before anything is written; after deleting it a rerun commits', async () => {
    ws.git('branch', 'onboard/analytics');
    const tree = ws.tree();
    await expect(teamNamespaceGenerator(tree, OPTIONS, deps)).rejects.toThrow(
      /branch onboard\/analytics already exists; nothing was written\. .*git branch -D onboard\/analytics/,
    );
    expect(tree.exists(TEAM_FILE)).toBe(false);
    expect(ws.git('status', '--porcelain').trim()).toBe('');

    ws.git('branch', '-D', 'onboard/analytics');
    await onboard();
    expect(ws.git('branch', '--show-current').trim()).toBe('onboard/analytics');
    expect(committedFiles()).toContain(TEAM_FILE);
  });

  it('GIVEN onboard/<team> is the current branch THEN the commit goes on it', async () => {
    ws.git('switch', '--quiet', '-c', 'onboard/analytics');
    await onboard();
    expect(ws.git('branch', '--show-current').trim()).toBe('onboard/analytics');
    expect(committedFiles()).toContain(TEAM_FILE);
    expect(ws.git('rev-list', '--count', 'main..onboard/analytics').trim()).toBe('1');
  });

  it('GIVEN an earlier run without --commit left the files uncommitted THEN --commit commits them instead of "nothing changed"', async () => {
    await onboard(ws.tree(), { commit: false });
    expect(ws.git('status', '--porcelain')).toContain(TEAM_FILE);
    await onboard();
    expect(committedFiles()).toContain(TEAM_FILE);
    expect(ws.git('status', '--porcelain').trim()).toBe('');
  });
});
