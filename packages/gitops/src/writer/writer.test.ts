import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatedHeader, manifestPath } from '../layout.js';
import { planIsEmpty, planWrite } from './plan.js';
import { applyPlan, recoverPendingWrites, TXN_DIR } from './transaction.js';
import { snapshotTree } from '../testing/tree.js';

const C = 'demo';
const header = generatedHeader(C, '#');
let root: string;

const rendered = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([p, c]) => [p, header + c]));
const write = (files: Map<string, string>, options = {}) => applyPlan(root, planWrite(root, C, files), options);
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const put = (path: string, content: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};
const snapshot = () => snapshotTree(root);

const V1 = rendered({
  'gitops/clusters/demo/kustomization.yaml': 'resources: [teams.yaml]\n',
  'gitops/clusters/demo/teams/a/namespace.yaml': 'kind: Namespace\n',
  'gitops/clusters/demo/teams/b/namespace.yaml': 'kind: Namespace\n',
  'gitops/azure/demo/main.bicep': '// main\n',
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kit-writer-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('applyPlan', () => {
  it('GIVEN an empty tree WHEN applied THEN every file and the manifest exist, and a second plan is empty', async () => {
    await write(V1);
    for (const [path, content] of V1) expect(read(path)).toBe(content);
    expect(Object.keys(JSON.parse(read(manifestPath(C))).files)).toEqual([...V1.keys()].sort());
    expect(planIsEmpty(planWrite(root, C, V1))).toBe(true);
    expect(existsSync(join(root, TXN_DIR))).toBe(false);
  });

  it('prunes files it generated earlier, removes emptied folders, and keeps files it did not generate', async () => {
    await write(V1);
    put('gitops/clusters/demo/teams/a/notes.txt', 'hand-written');
    const v2 = new Map(V1);
    v2.delete('gitops/clusters/demo/teams/a/namespace.yaml');
    v2.delete('gitops/clusters/demo/teams/b/namespace.yaml');
    const plan = planWrite(root, C, v2);
    expect(plan.deletes).toEqual(['gitops/clusters/demo/teams/a/namespace.yaml', 'gitops/clusters/demo/teams/b/namespace.yaml']);
    await applyPlan(root, plan);
    expect(existsSync(join(root, 'gitops/clusters/demo/teams/b'))).toBe(false);
    expect(read('gitops/clusters/demo/teams/a/notes.txt')).toBe('hand-written');
    expect(existsSync(join(root, 'gitops/clusters/demo/teams/a/namespace.yaml'))).toBe(false);
  });

  it('refuses to overwrite a hand-written file in the way and writes nothing', async () => {
    put('gitops/azure/demo/main.bicep', '// written by hand\n');
    const before = snapshot();
    const plan = planWrite(root, C, V1);
    expect(plan.conflicts).toEqual(['gitops/azure/demo/main.bicep']);
    await expect(applyPlan(root, plan)).rejects.toThrow(/refusing to overwrite files the kit did not generate/);
    expect(snapshot()).toEqual(before);
  });

  it('adopts its own files (marker present) when the manifest is missing', async () => {
    await write(V1);
    rmSync(join(root, manifestPath(C)));
    const plan = planWrite(root, C, V1);
    expect(plan.conflicts).toEqual([]);
    expect(plan.writes.map((w) => w.path)).toEqual([manifestPath(C)]);
  });

  it('reports a hand edit of a generated file as a change (what --check fails on)', async () => {
    await write(V1);
    put('gitops/clusters/demo/teams/a/namespace.yaml', `${header}kind: Namespace\nmetadata: {name: edited}\n`);
    const plan = planWrite(root, C, V1);
    expect(plan.writes.map((w) => [w.path, w.kind])).toEqual([['gitops/clusters/demo/teams/a/namespace.yaml', 'change']]);
  });

  it('rejects a rendered path outside the cluster outputs', () => {
    expect(() => planWrite(root, C, rendered({ 'apps/demo/platform.yaml': 'x' }))).toThrow(/outside the outputs of demo/);
  });
});

describe('crash safety', () => {
  it('GIVEN a crash after some renames WHEN the next run recovers THEN the tree is exactly the intended one', async () => {
    await write(V1);
    const v2 = rendered({
      'gitops/clusters/demo/kustomization.yaml': 'resources: [teams.yaml, infra.yaml]\n',
      'gitops/clusters/demo/teams/a/namespace.yaml': 'kind: Namespace # v2\n',
      'gitops/clusters/demo/teams/c/namespace.yaml': 'kind: Namespace\n',
      'gitops/azure/demo/main.bicep': '// main v2\n',
    });
    await expect(write(v2, { crashAfterMoves: 2 })).rejects.toThrow(/simulated crash/);
    expect(existsSync(join(root, TXN_DIR))).toBe(true);
    expect(recoverPendingWrites(root, C)).toBe(1);
    for (const [path, content] of v2) expect(read(path)).toBe(content);
    expect(existsSync(join(root, 'gitops/clusters/demo/teams/b/namespace.yaml'))).toBe(false);
    expect(planIsEmpty(planWrite(root, C, v2))).toBe(true);
    expect(existsSync(join(root, TXN_DIR))).toBe(false);
  });

  it('GIVEN a crash while staging (no journal yet) WHEN recovered THEN the tree is untouched', async () => {
    await write(V1);
    const before = snapshot();
    put(`${TXN_DIR}/${C}.123.456/files/0`, 'half-staged');
    expect(recoverPendingWrites(root, C)).toBe(0);
    expect(snapshot()).toEqual(before);
  });
});
