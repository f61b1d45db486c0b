import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPlan, manifestPath, planWrite, renderAndValidate, SimulatedCrash, TXN_DIR } from '@aks-hybrid/gitops';
import { fileSystemSource } from '@aks-hybrid/spec';
import { runKit } from '../testing/run-kit.js';
import { editFile, snapshotTree, tempRepo } from '../testing/temp-repo.js';
import { renderCommand } from './render.js';
import { slaCommand } from './sla.js';

/** The writer's promises, through `kit render`: own only what it owns, never half-write, messages not stacks. */
let repo: ReturnType<typeof tempRepo>;
let output: string[];
const log = (line: string) => output.push(line);
const render = (options: Partial<Parameters<typeof renderCommand>[0]> = {}) =>
  renderCommand({ root: repo.root, clusters: ['weu-prod'], all: false, check: false, dryRun: false, ...options }, log);
const edit = (path: string, change: (text: string) => string) => editFile(repo.root, path, change);
const setCpu = (cpu: string) => edit('apps/weu-prod/teams/dev.yaml', (t) => t.replace(/cpu: '\d+'/, `cpu: '${cpu}'`));
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const MANIFEST = manifestPath('weu-prod');

beforeEach(() => {
  repo = tempRepo();
  output = [];
});
afterEach(() => {
  chmodSync(join(repo.root, 'gitops/.kit'), 0o755);
  repo.dispose();
});

describe('render touches only what it owns', () => {
  it.each([['README.md'], ['apps/weu-prod/platform.yaml'], ['../outside.txt']])(
    'GIVEN the manifest lists %s WHEN rendered THEN it is reported with the manifest and entry, nothing is deleted and nothing written',
    async (entry) => {
      writeFileSync(join(repo.root, 'README.md'), 'readme\n');
      writeFileSync(join(repo.root, '..', 'outside.txt'), 'outside\n');
      edit(MANIFEST, (t) => {
        const manifest = JSON.parse(t) as { files: Record<string, string> };
        manifest.files[entry] = 'x';
        return JSON.stringify(manifest, null, 2);
      });
      setCpu('40');
      const before = snapshotTree(repo.root);
      try {
        expect(await render()).toBe(1);
        expect(output.join('\n')).toMatch(new RegExp(`${MANIFEST}: entry ${JSON.stringify(entry).replace(/[.*+?^$()[\]\\]/g, '\\$&')} .*; it was not deleted`));
        expect(snapshotTree(repo.root)).toEqual(before);
        expect(readFileSync(join(repo.root, '..', 'outside.txt'), 'utf8')).toBe('outside\n');
      } finally {
        rmSync(join(repo.root, '..', 'outside.txt'), { force: true });
      }
    },
  );

  it('GIVEN a team folder linked to a folder outside the repository WHEN rendered THEN the link is named and nothing is written or pruned through it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'kit-outside-'));
    try {
      const teams = join(repo.root, 'gitops/clusters/weu-prod/teams');
      cpSync(teams, outside, { recursive: true });
      rmSync(teams, { recursive: true });
      symlinkSync(outside, teams, 'dir');
      rmSync(join(repo.root, 'apps/weu-prod/teams/checkout.yaml'));
      setCpu('40');
      const outsideBefore = snapshotTree(outside);
      expect(await render()).toBe(1);
      expect(output.join('\n')).toMatch(/gitops\/clusters\/weu-prod\/teams is a symbolic link \(to .*, outside the repository\)/);
      expect(snapshotTree(outside)).toEqual(outsideBefore);
      expect(await render({ check: true })).toBe(1);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('sla writes only what it owns', () => {
  it('GIVEN docs/<cluster> linked outside the repository WHEN kit sla runs THEN the link is named, exit 1, nothing written through it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'kit-outside-'));
    try {
      rmSync(join(repo.root, 'docs/weu-prod'), { recursive: true });
      symlinkSync(outside, join(repo.root, 'docs/weu-prod'), 'dir');
      expect(slaCommand({ root: repo.root, clusters: ['weu-prod'], all: false, json: false }, log)).toBe(1);
      expect(output.join('\n')).toMatch(/docs\/weu-prod is a symbolic link/);
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('recovery re-plans', () => {
  it('GIVEN a render interrupted after its commit point and the spec changed since WHEN rendered THEN render and check agree', async () => {
    setCpu('40');
    const interrupted = await renderAndValidate(fileSystemSource(repo.root), 'weu-prod');
    await expect(applyPlan(repo.root, planWrite(repo.root, 'weu-prod', interrupted.files), { crashAfterMoves: 1 })).rejects.toThrow(SimulatedCrash);
    setCpu('48');
    expect(await render({ check: true })).toBe(1);
    expect(output.join('\n')).toMatch(/interrupted write/);
    expect(await render()).toBe(0);
    output = [];
    expect(await render({ check: true })).toBe(0);
    expect(output.join('\n')).toMatch(/up to date/);
  });
});

describe('kit render as a separate process', { timeout: 300_000 }, () => {
  it('GIVEN a read-only gitops/.kit WHEN rendered THEN exit 2, a message naming the path and what to do, no stack trace (--debug adds it), the tree as before', async () => {
    setCpu('40');
    // root ignores file modes: run the CLI as an unprivileged user over a repo it owns (with its own HOME)
    const home = mkdtempSync(join(tmpdir(), 'kit-home-'));
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    // The compiled CLI lives in the workspace's node_modules/.cache, which the unprivileged user cannot
    // write: build it first as ourselves (on a fresh clone this test may be the first to run the CLI).
    expect((await runKit(repo.root, ['render', 'weu-prod', '--check'])).code).not.toBe(2);
    if (asUser.uid !== undefined) [repo.root, home].forEach((dir) => chownTree(dir, asUser.uid, asUser.gid!));
    chmodSync(join(repo.root, 'gitops/.kit'), 0o555);
    const before = snapshotTree(repo.root);
    try {
      const run = await runKit(repo.root, ['render', 'weu-prod'], { ...asUser, env: { HOME: home } });
      expect(run.stderr).toMatch(/cannot write gitops\/\.kit.*permission denied \(EACCES\); nothing was changed.*writable/);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr + run.stdout).not.toMatch(STACK_LINE);
      expect(snapshotTree(repo.root)).toEqual(before);
      expect(existsSync(join(repo.root, TXN_DIR))).toBe(false);
      const debug = await runKit(repo.root, ['render', 'weu-prod', '--debug'], { ...asUser, env: { HOME: home } });
      expect(debug.code, debug.stderr).toBe(2);
      expect(debug.stderr).toMatch(STACK_LINE);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('GIVEN two renders of one repository at once WHEN both finish THEN both succeed one after the other and the tree is complete', async () => {
    setCpu('40');
    const [a, b] = await Promise.all([runKit(repo.root, ['render', 'weu-prod']), runKit(repo.root, ['render', '--all'])]);
    for (const run of [a, b]) {
      expect(run.stderr).not.toMatch(/ENOENT|ENOTEMPTY/);
      expect(run.stderr + run.stdout).not.toMatch(STACK_LINE);
      expect(run.code, run.stdout + run.stderr).toBe(0);
    }
    expect(a.stdout + b.stdout).toMatch(/weu-prod: .*all files passed validation/);
    expect(await render({ check: true, all: true, clusters: [] })).toBe(0);
    expect(existsSync(join(repo.root, TXN_DIR))).toBe(false);
  });

  it('GIVEN a hand-written file in the way WHEN rendered THEN exit 1 with the file named and no stack trace', async () => {
    rmSync(join(repo.root, MANIFEST));
    edit('gitops/clusters/weu-prod/teams/dev/namespace.yaml', (t) => t.replace(/^#.*\n/, '# written by hand\n'));
    const run = await runKit(repo.root, ['render', 'weu-prod']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout + run.stderr).toMatch(
      /refusing to overwrite files the kit did not generate:\n\s+- gitops\/clusters\/weu-prod\/teams\/dev\/namespace.yaml/,
    );
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
  });
});

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) chownTree(path, uid, gid);
    else chownSync(path, uid, gid);
  }
}
